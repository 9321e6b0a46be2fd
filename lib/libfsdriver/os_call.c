/*
 * os_call.c - the request table of the OS front end: each code of
 * mica/vfsif.h names its handler, the struct fsdriver entry it calls and
 * whether it modifies the file system.  Before a handler runs:
 *   - a modifying request on a read-only mount is EROFS;
 *   - a NULL entry is EROFS for a modifying request, ENOSYS otherwise
 *     (fsdriver.h);
 * so a handler may call its entry without looking.  fdr_postcall runs
 * after every request that reached a handler.
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "os_priv.h"
#include "os_calls.h"

#define OSC_MOD		0x01	/* modifies the file system */

struct os_call {
	int (*handler)(const struct os_req *rq);
	size_t entry;		/* offsetof(struct fsdriver, fdr_x) */
	unsigned int flags;
};

#define CALL(code, fn, fdr, fl) \
	[(code) - FS_RQ_BASE] = { fn, offsetof(struct fsdriver, fdr), fl }

static const struct os_call os_calls[FS_NR_RQ] = {
	CALL(FS_MOUNT,    os_do_mount,   fdr_mount,    0),
	CALL(FS_UNMOUNT,  os_do_unmount, fdr_unmount,  0),
	CALL(FS_STATVFS,  os_statvfs,    fdr_statvfs,  0),
	CALL(FS_SYNC,     os_sync,       fdr_sync,     0),
	CALL(FS_LOOKUP,   os_lookup,     fdr_lookup,   0),
	CALL(FS_PUTNODE,  os_putnode,    fdr_putnode,  0),
	CALL(FS_NEWNODE,  os_newnode,    fdr_newnode,  0),
	CALL(FS_STAT,     os_stat,       fdr_stat,     0),
	CALL(FS_CHOWN,    os_chown,      fdr_chown,    OSC_MOD),
	CALL(FS_CHMOD,    os_chmod,      fdr_chmod,    OSC_MOD),
	CALL(FS_UTIME,    os_utime,      fdr_utime,    OSC_MOD),
	CALL(FS_TRUNC,    os_trunc,      fdr_trunc,    OSC_MOD),
	CALL(FS_READ,     os_read,       fdr_read,     0),
	CALL(FS_WRITE,    os_write,      fdr_write,    OSC_MOD),
	CALL(FS_PEEK,     os_peek,       fdr_peek,     0),
	CALL(FS_GETDENTS, os_getdents,   fdr_getdents, 0),
	CALL(FS_CREATE,   os_create,     fdr_create,   OSC_MOD),
	CALL(FS_MKDIR,    os_mkdir,      fdr_mkdir,    OSC_MOD),
	CALL(FS_MKNOD,    os_mknod,      fdr_mknod,    OSC_MOD),
	CALL(FS_LINK,     os_link,       fdr_link,     OSC_MOD),
	CALL(FS_UNLINK,   os_unlink,     fdr_unlink,   OSC_MOD),
	CALL(FS_RMDIR,    os_rmdir,      fdr_rmdir,    OSC_MOD),
	CALL(FS_RENAME,   os_rename,     fdr_rename,   OSC_MOD),
	CALL(FS_SLINK,    os_slink,      fdr_slink,    OSC_MOD),
	CALL(FS_RDLINK,   os_rdlink,     fdr_rdlink,   0),
	CALL(FS_BREAD,    os_bread,      fdr_bread,    0),
	CALL(FS_BWRITE,   os_bwrite,     fdr_bwrite,   0),
	CALL(FS_BFLUSH,   os_bflush,     fdr_bflush,   0),
};

/* Does the file system fill in the entry at offset 'entry'? */
static int os_has_entry(const struct fsdriver *fdp, size_t entry)
{
	void (*fn)(void);

	memcpy(&fn, (const char *)fdp + entry, sizeof fn);
	return fn != NULL;
}

/* Serve the request: mount state and sender are the caller's checks
 * (os_task.c); the rest is here. */
int os_call(const struct os_req *rq)
{
	u32_t i = (u32_t)(rq->m->m_type - FS_RQ_BASE);
	const struct os_call *c;
	int r;

	if (rq->m->m_type < FS_RQ_BASE || i >= FS_NR_RQ)
		return -ENOSYS;
	c = &os_calls[i];
	if (c->handler == NULL)		/* served before the table, or none */
		return -ENOSYS;
	if ((c->flags & OSC_MOD) && fsdriver_os_mnt.rdonly)
		return -EROFS;
	if (!os_has_entry(rq->fdp, c->entry))
		return (c->flags & OSC_MOD) ? -EROFS : -ENOSYS;
	r = c->handler(rq);
	if (rq->fdp->fdr_postcall != NULL)
		rq->fdp->fdr_postcall();
	return r;
}
