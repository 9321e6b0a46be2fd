/*
 * pm.c - VFS's side of mica/pmvfs.h: PM tells VFS about process events
 * (boot processes, fork, exit, identities, sessions), asks it to
 * interrupt a suspended call, to load a program (exec.c) and to sync
 * and unmount everything before reboot.  Requests come by asynsend and each gets exactly one
 * reply, also by asynsend, so neither server ever blocks on the other.
 */
#include "vfs.h"

static int pm_proc_ids(struct fproc *fp, const mess_pm_vfs_proc *q)
{
	fp->uid = q->euid;
	fp->ruid = q->uid;
	fp->gid = q->egid;
	fp->rgid = q->gid;
	fp->pid = q->pid;
	fp->pgrp = q->pgrp;
	fp->sid = q->sid;
	return OK;
}

static int pm_init(const message *m)
{
	struct fproc *fp = fproc_get(m->m_pm_vfs_proc.endpt);

	return fp ? pm_proc_ids(fp, &m->m_pm_vfs_proc) : -EINVAL;
}

static int pm_fork(const message *m)
{
	const mess_pm_vfs_proc *q = &m->m_pm_vfs_proc;
	int r;

	if (!fproc_find(q->parent) && !fproc_get(q->parent))
		return -EINVAL;
	if ((r = fproc_fork(q->parent, q->endpt)) != OK)
		return r;
	return pm_proc_ids(fproc_find(q->endpt), q);
}

static int pm_exit(const message *m)
{
	struct fproc *fp = fproc_find(m->m_pm_vfs_proc.endpt);

	root_forget(m->m_pm_vfs_proc.endpt);
	if (fp) {
		ctty_exit(fp);
		fproc_exit(fp);
	}
	return OK;
}

static int pm_ids(const message *m)
{
	const mess_pm_vfs_ids *q = &m->m_pm_vfs_ids;
	struct fproc *fp = fproc_get(q->endpt);

	if (!fp)
		return -EINVAL;
	if (m->m_type == VFS_PM_SETUID) {
		fp->ruid = q->real;
		fp->uid = q->effective;
	} else {
		fp->rgid = q->real;
		fp->gid = q->effective;
	}
	return OK;
}

static int pm_groups(const message *m)
{
	const mess_pm_vfs_groups *q = &m->m_pm_vfs_groups;
	struct fproc *fp = fproc_get(q->endpt);

	if (!fp || q->count > PMVFS_NGROUPS_MAX ||
	    q->count > sizeof(fp->groups) / sizeof(fp->groups[0]))
		return -EINVAL;
	if (q->count && sys_safecopyfrom(PM_PROC_NR, q->grant, 0, fp->groups,
	    q->count * sizeof(u32_t)) != OK)
		return -EFAULT;
	fp->ngroups = q->count;
	return OK;
}

static int pm_session(const message *m)
{
	struct fproc *fp = fproc_get(m->m_pm_vfs_proc.endpt);

	if (!fp)
		return -EINVAL;
	fp->pgrp = m->m_pm_vfs_proc.pgrp;
	if (m->m_type == VFS_PM_SETSID) {
		fp->sid = m->m_pm_vfs_proc.sid;
		ctty_setsid(fp);
	}
	return OK;
}

/*
 * Answer a suspended call: its normal end, or one an UNPAUSE ended (now,
 * or when a driver has answered its cancel).  Ended with nothing done (EINTR) and PM asked
 * for a restart: the request goes to PM first, so it is there before the
 * caller leaves its sendrec (pmvfs.h).  A request PM cannot take (its
 * grant gone) simply stays an EINTR.
 */
void suspended_reply(struct fproc *fp, int result)
{
	if (fp->restart && result == -EINTR &&
	    sys_safecopyto(PM_PROC_NR, fp->restart_grant, 0, &fp->req,
	    sizeof(fp->req)) != OK)
		printf("vfs: restart of %d's call refused by PM\n", fp->ep);
	fp->restart = 0;
	vfs_reply(fp->ep, result, NULL);
}

/* A signal is coming: a suspended call ends now with EINTR, or is given
 * back to PM for a restart (SA_RESTART; never poll/select: POSIX). */
static int pm_unpause(const message *m)
{
	const mess_pm_vfs_unpause *q = &m->m_pm_vfs_unpause;
	struct fproc *fp = fproc_find(q->endpt);

	if (!fp || !fp->blocked)
		return OK;
	fp->restart = (q->flags & PMVFS_RESTART) && fp->blocked != VFS_POLL;
	fp->restart_grant = q->req;
	if (fp->blocked == VFS_POLL) {
		poll_cancel(fp);
		fp->blocked = 0;
		vfs_reply(fp->ep, -EINTR, NULL);
	} else if (fp->pipe_vp) {
		pipe_interrupt(fp);
	} else {
		dev_interrupt(fp);	/* the driver answers the call */
	}
	return OK;
}

/* Shutdown: sync, then unmount every file system so each is left clean
 * on its disk (vmnt.c); PM powers off at the answer. */
static int pm_reboot(const message *m)
{
	(void)m;
	do_sync(NULL);
	return vmnt_unmount_all();
}

typedef int (*pm_fn)(const message *m);
static const pm_fn pm_calls[VFS_PM_NR_RQ] = {
	[VFS_PM_INIT - VFS_PM_RQ_BASE] = pm_init,
	[VFS_PM_FORK - VFS_PM_RQ_BASE] = pm_fork,
	[VFS_PM_EXIT - VFS_PM_RQ_BASE] = pm_exit,
	[VFS_PM_SETUID - VFS_PM_RQ_BASE] = pm_ids,
	[VFS_PM_SETGID - VFS_PM_RQ_BASE] = pm_ids,
	[VFS_PM_SETGROUPS - VFS_PM_RQ_BASE] = pm_groups,
	[VFS_PM_SETSID - VFS_PM_RQ_BASE] = pm_session,
	[VFS_PM_SETPGID - VFS_PM_RQ_BASE] = pm_session,
	[VFS_PM_UNPAUSE - VFS_PM_RQ_BASE] = pm_unpause,
	[VFS_PM_REBOOT - VFS_PM_RQ_BASE] = pm_reboot,
};

void pm_request(message *m)
{
	int type = m->m_type, nr = type - VFS_PM_RQ_BASE;
	endpoint_t ep = m->m_pm_vfs_proc.endpt;
	int pid = m->m_pm_vfs_proc.pid;
	message rep;

	memset(&rep, 0, sizeof(rep));
	if (type == VFS_PM_EXEC) {
		rep.m_vfs_pm_exec.endpt = m->m_pm_vfs_exec.endpt;
		rep.m_vfs_pm_exec.pid = m->m_pm_vfs_exec.pid;
		rep.m_vfs_pm_exec.result = exec_load(&m->m_pm_vfs_exec,
			&rep.m_vfs_pm_exec);
	} else {
		rep.m_vfs_pm_reply.endpt = ep;
		rep.m_vfs_pm_reply.pid = pid;
		rep.m_vfs_pm_reply.result = pm_calls[nr] ? pm_calls[nr](m) : -ENOSYS;
	}
	rep.m_type = VFS_PM_REPLY(type);
	if (asynsend(PM_PROC_NR, &rep) != OK)
		printf("vfs: reply to PM lost (request 0x%x)\n", type);
}
