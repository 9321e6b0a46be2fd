/*
 * fsdriver_os.h - libfsdriver's OS seam: what a file-system server's main
 * uses (lib/libfsdriver/os_*.c; the protocol is mica/vfsif.h, the design
 * lib/libfsdriver/README.md).  A server's main is
 *
 *	int main(const char *args) { fsdriver_task(&myfs_table); panic(...); }
 *
 * or fsdriver_task_fstype(&myfs_fstype) when the file system has a type
 * probe (mica/fstype.h), so that mount can detect it.
 *
 * In the OS, struct fsdriver_data names a grant (fd_ref) of the endpoint
 * that sent the request (fd_endpt); the copy functions are safecopies.
 */
#ifndef MICA_FSDRIVER_OS_H
#define MICA_FSDRIVER_OS_H

#include <mica/fsdriver.h>
#include <mica/ipc.h>

/* Start through SEF (fresh, restart and live-update callbacks set here),
 * then receive, dispatch and answer requests, one at a time.  Returns only
 * when a receive fails (its error); a server then panics. */
int fsdriver_task(const struct fsdriver *fdp);

/* fsdriver_task(type->table) for a file system with a type probe
 * (mica/fstype.h, the one micafuse uses): a fresh FS_MOUNT first asks
 * type->probe about the device, and one it does not recognise is EFTYPE
 * before fdr_mount runs.  Mica's mount tries the servers in the probing
 * order by this error when no type is given (commands/mount). */
struct fsdriver_fstype;
int fsdriver_task_fstype(const struct fsdriver_fstype *type);

/* Handle one request m from m->m_source and send the reply (sendnb: a
 * requester that is not waiting loses it, the server never blocks).
 * Notifications are ignored. */
void fsdriver_process(const struct fsdriver *fdp, message *m);

/*
 * The block device of a mount (os_dev.c: libbdev under libminixfs):
 * open minor 'minor' of the driver DS knows as 'label' and register it
 * with the cache as 'dev'; detach unregisters and closes it.  OK or a
 * negative errno.
 */
int fsdriver_dev_attach(dev_t dev, const char *label, int minor, int rdonly);
void fsdriver_dev_detach(dev_t dev);
/*
 * The cache's statistics for FS_CACHESTAT (vfsif.h): os_dev.c fills *st
 * from libminixfs (OK); os_nodev.c has no cache (-ENOSYS).
 */
struct mica_fs_cachestat;
int fsdriver_dev_cachestat(struct mica_fs_cachestat *st);

#endif /* MICA_FSDRIVER_OS_H */
