/*
 * main.c - the VFS server: SEF start-up, the root mount (root.c), and the loop that
 * takes a message, runs its handler and answers.  Handlers are in a table
 * indexed by call number (callnr.h); one returning VFS_SUSPEND has left
 * the caller waiting (a terminal read, a poll) and the answer comes from
 * an event later in this loop (a driver's reply, a timer, a close).
 *
 * VFS itself waits only for file-system servers (which answer every
 * request at once and never wait for VFS) and for a character driver's
 * immediate answers to open/close/ioctl/select; everything that can take
 * long is suspended instead, so one slow reader never stops other
 * processes' file access (README.md).
 *
 * Command line: root=EP (the root file system's server, default 7, the
 * boot order of os-servers), rootdev=LABEL rootminor=N (its block driver,
 * default "memory" 0; "none" for a server without device), LABEL=EP for
 * character drivers (dev.c), pfs=EP for PFS (pipe.c; else its DS label).
 */
#include "vfs.h"
#include <mica/timers.h>

static const vfs_call_fn calls[VFS_NR_CALLS] = {
	[VFS_OPEN - VFS_RQ_BASE] = do_open,
	[VFS_CLOSE - VFS_RQ_BASE] = do_close,
	[VFS_READ - VFS_RQ_BASE] = do_read,
	[VFS_WRITE - VFS_RQ_BASE] = do_write,
	[VFS_LSEEK - VFS_RQ_BASE] = do_lseek,
	[VFS_STAT - VFS_RQ_BASE] = do_stat,
	[VFS_LSTAT - VFS_RQ_BASE] = do_stat,
	[VFS_FSTAT - VFS_RQ_BASE] = do_fstat,
	[VFS_DUP - VFS_RQ_BASE] = do_dup,
	[VFS_DUP2 - VFS_RQ_BASE] = do_dup2,
	[VFS_FCNTL - VFS_RQ_BASE] = do_fcntl,
	[VFS_CHDIR - VFS_RQ_BASE] = do_chdir,
	[VFS_FCHDIR - VFS_RQ_BASE] = do_fchdir,
	[VFS_GETCWD - VFS_RQ_BASE] = do_getcwd,
	[VFS_MKDIR - VFS_RQ_BASE] = do_mkdir,
	[VFS_RMDIR - VFS_RQ_BASE] = do_rmdir,
	[VFS_UNLINK - VFS_RQ_BASE] = do_unlink,
	[VFS_RENAME - VFS_RQ_BASE] = do_rename,
	[VFS_LINK - VFS_RQ_BASE] = do_link,
	[VFS_SYMLINK - VFS_RQ_BASE] = do_symlink,
	[VFS_READLINK - VFS_RQ_BASE] = do_readlink,
	[VFS_CHMOD - VFS_RQ_BASE] = do_chmod,
	[VFS_FCHMOD - VFS_RQ_BASE] = do_fchmod,
	[VFS_CHOWN - VFS_RQ_BASE] = do_chown,
	[VFS_ACCESS - VFS_RQ_BASE] = do_access,
	[VFS_UMASK - VFS_RQ_BASE] = do_umask,
	[VFS_TRUNCATE - VFS_RQ_BASE] = do_truncate,
	[VFS_FTRUNCATE - VFS_RQ_BASE] = do_ftruncate,
	[VFS_GETDENTS - VFS_RQ_BASE] = do_getdents,
	[VFS_IOCTL - VFS_RQ_BASE] = do_ioctl,
	[VFS_FSYNC - VFS_RQ_BASE] = do_fsync,
	[VFS_SYNC - VFS_RQ_BASE] = do_sync,
	[VFS_MKNOD - VFS_RQ_BASE] = do_mknod,
	[VFS_PREAD - VFS_RQ_BASE] = do_pread,
	[VFS_PWRITE - VFS_RQ_BASE] = do_pwrite,
	[VFS_POLL - VFS_RQ_BASE] = do_poll,
	[VFS_MOUNT - VFS_RQ_BASE] = do_mount,
	[VFS_UMOUNT - VFS_RQ_BASE] = do_umount,
	[VFS_STATVFS - VFS_RQ_BASE] = do_statvfs,
	[VFS_GETMNTINFO - VFS_RQ_BASE] = do_getmntinfo,
	[VFS_BDATTACH - VFS_RQ_BASE] = do_bdattach,
	[VFS_FSTATVFS - VFS_RQ_BASE] = do_fstatvfs,
	[VFS_UTIMENS - VFS_RQ_BASE] = do_utimens,
	[VFS_CHROOT - VFS_RQ_BASE] = do_chroot,
	[VFS_FCHOWN - VFS_RQ_BASE] = do_fchown,
	[VFS_PIPE - VFS_RQ_BASE] = do_pipe,
	[VFS_MMAP - VFS_RQ_BASE] = do_mmap,
	[VFS_MSYNC - VFS_RQ_BASE] = do_msync,
};

static const char *vfs_args;

void vfs_reply(endpoint_t who, int result, message *m)
{
	message r;

	if (!m) {
		memset(&r, 0, sizeof(r));
		m = &r;
	}
	m->m_type = result;
	if (ipc_sendnb(who, m) != OK)
		printf("vfs: reply to %d lost\n", who);
}

int do_ioctl(struct vfs_call *c)
{
	const mess_lc_vfs_io *q = &c->m->m_lc_vfs_io;
	struct filp *f;
	int r;

	if ((r = fd_get(c->fp, q->fd, &f)) != OK)
		return r;
	if (!S_ISTYPE(f->vp->mode, MICA_S_IFCHR))
		return -ENOTTY;
	return dev_ioctl(c, f, q->request, q->count ? q->grant : -1);
}

void vfs_handle_call(message *m)
{
	struct vfs_call c = { .who = m->m_source, .m = m };
	int r, nr = m->m_type - VFS_RQ_BASE;

	if (!vmnt_root() && (r = root_hold(m)) != OK) {	/* root.c */
		if (r != VFS_NO_REPLY)
			vfs_reply(m->m_source, r, NULL);
		return;
	}
	if (!(c.fp = fproc_get(m->m_source)))
		return;
	r = (nr >= 0 && nr < VFS_NR_CALLS && calls[nr]) ? calls[nr](&c) : -ENOSYS;
	if (r != VFS_SUSPEND && r != VFS_NO_REPLY)
		vfs_reply(m->m_source, r, m);
}

static int init_fresh(int type, const sef_init_info_t *info)
{
	(void)type; (void)info;
	for (int i = 0; i < NR_PROCS; i++)
		vfs_procs[i].ep = NONE;
	for (int i = 0; i < VFS_NR_VMNTS; i++)
		vfs_vmnts[i].fs = NONE;
	dev_setup(vfs_args);
	pipe_setup(vfs_args);
	return OK;
}

int main(const char *args)
{
	message m;
	int r;

	vfs_args = args ? args : "";
	sef_setcb_init_fresh(init_fresh);
	if ((r = sef_startup()) != OK)
		panic("vfs: start-up failed: %d", r);
	root_start(vfs_args);
	for (;;) {
		if (sef_receive(ANY, &m) != OK)
			continue;
		if (IS_NOTIFY(&m)) {
			if (m.m_source == CLOCK)
				expire_timers(m.m_notify.timestamp);
			continue;
		}
		if (m.m_source == PM_PROC_NR && m.m_type >= VFS_PM_RQ_BASE &&
		    m.m_type < VFS_PM_RQ_BASE + VFS_PM_NR_RQ) {
			pm_request(&m);
			pipe_revive();
			continue;
		}
		if (m.m_source == VM_PROC_NR && m.m_type >= VM_VFS_BASE &&
		    m.m_type < VM_VFS_BASE + VM_VFS_NR) {
			vm_notice(&m);
			continue;
		}
		if (m.m_type == CDEV_REPLY || m.m_type == CDEV_SEL2_REPLY) {
			dev_reply(&m);
			continue;
		}
		vfs_handle_call(&m);
		pipe_revive();
	}
}
