/*
 * os_delegate.c - FS_DELEGATE (vfsif.h): the mount's owner (VFS) lets one
 * other endpoint read, and maybe write, one inode VFS holds open, so a
 * driver that serves a file as a disk (bdev/vnd) reaches the file without
 * going through VFS (which may itself be waiting on that driver: VFS
 * serves one request at a time).  A small table; a delegate's READ/WRITE
 * is served like VFS's, on its own grants; everything else is EPERM.
 */
#include <errno.h>

#include <mica/com.h>
#include "os_priv.h"

struct os_delegate {
	endpoint_t ep;			/* NONE: slot free */
	u64_t ino;
	u32_t access;			/* FS_DELEGATE_R|W */
};

static struct os_delegate delegates[FS_NR_DELEGATES];
static int delegates_ready;

static void os_delegates_init(void)
{
	if (delegates_ready)
		return;
	for (int i = 0; i < FS_NR_DELEGATES; i++)
		delegates[i].ep = NONE;
	delegates_ready = 1;
}

static struct os_delegate *os_delegate_find(endpoint_t ep, u64_t ino)
{
	os_delegates_init();
	for (int i = 0; i < FS_NR_DELEGATES; i++)
		if (delegates[i].ep == ep && delegates[i].ino == ino &&
		    ep != NONE)
			return &delegates[i];
	return NULL;
}

/* FS_DELEGATE from the owner: set, change or revoke one permission. */
int os_delegate(const message *m)
{
	const mess_vfs_fs_delegate *q = &m->m_fs_delegate;
	struct os_delegate *d;
	ino_t ino;
	int r;

	if ((r = os_ino(q->ino, &ino)) != OK)
		return r;
	if (q->ep == NONE || q->ep == ANY || q->ep == m->m_source ||
	    (q->access & ~(u32_t)(FS_DELEGATE_R | FS_DELEGATE_W)))
		return -EINVAL;
	d = os_delegate_find(q->ep, q->ino);
	if (q->access == 0) {
		if (!d)
			return -ENOENT;
		d->ep = NONE;
		return OK;
	}
	os_delegates_init();
	for (int i = 0; !d && i < FS_NR_DELEGATES; i++)
		if (delegates[i].ep == NONE)
			d = &delegates[i];
	if (!d)
		return -ENOSPC;
	d->ep = q->ep;
	d->ino = q->ino;
	d->access = q->access;
	return OK;
}

/* May m, from someone other than the owner, be served? */
int os_delegated(const message *m)
{
	const struct os_delegate *d;

	if (m->m_type != FS_READ && m->m_type != FS_WRITE)
		return 0;
	if (!(d = os_delegate_find(m->m_source, m->m_fs_io.ino)))
		return 0;
	return (d->access & (m->m_type == FS_WRITE ? FS_DELEGATE_W :
		FS_DELEGATE_R)) != 0;
}

/* Unmount: nothing is delegated on a file system no longer served. */
void os_delegates_clear(void)
{
	delegates_ready = 0;
	os_delegates_init();
}
