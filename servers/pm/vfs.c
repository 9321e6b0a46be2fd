/*
 * vfs.c - PM's side of mica/pmvfs.h: requests go to VFS by asynsend,
 * each reply comes back as an ordinary message and is dispatched to the
 * operation that waits for it.  When the senda table is full the
 * request waits in a FIFO here and goes out as replies free entries.
 *
 * Without a VFS (its boot slot empty: tests of PM alone) every request
 * is answered at once with OK, as if VFS had nothing to do.
 */
#include "pm.h"

#define VFS_QUEUE NR_MPROCS

static message queue[VFS_QUEUE];
static u32_t q_head, q_len;
static int reboot_waiting;

int vfs_present(void)
{
	static int known, present;

	if (!known) {
		present = sys_times(VFS_PROC_NR, NULL, NULL) == OK;
		known = 1;
	}
	return present;
}

static void flush_queue(void)
{
	while (q_len > 0 && asynsend(VFS_PROC_NR, &queue[q_head]) == OK) {
		q_head = (q_head + 1) % VFS_QUEUE;
		q_len--;
	}
}

static void dispatch(struct mproc *p, int type, const message *m)
{
	int result = m->m_vfs_pm_reply.result;

	switch (type) {
	case VFS_PM_FORK:
		vfs_reply_fork(p, result);
		break;
	case VFS_PM_EXIT:
		vfs_reply_exit(p, result);
		break;
	case VFS_PM_EXEC:
		vfs_reply_exec(p, m);
		break;
	case VFS_PM_SETUID: case VFS_PM_SETGID: case VFS_PM_SETGROUPS:
	case VFS_PM_SETSID: case VFS_PM_SETPGID: case VFS_PM_UNPAUSE:
		vfs_reply_ids(p, type, result);
		break;
	}
}

/*
 * Send request type about p (NULL: about no process: INIT, REBOOT);
 * OK, or an error when p already waits for VFS.
 */
int vfs_request(struct mproc *p, int type, message *m)
{
	int tracked = p && type != VFS_PM_INIT;

	if (tracked && p->vfs_wait)
		return -EBUSY;
	m->m_type = type;
	if (type == VFS_PM_REBOOT)
		reboot_waiting = 1;
	if (!vfs_present()) {
		message r;

		memset(&r, 0, sizeof(r));
		r.m_type = VFS_PM_REPLY(type);
		r.m_vfs_pm_reply.endpt = m->m_pm_vfs_proc.endpt;
		r.m_vfs_pm_reply.pid = m->m_pm_vfs_proc.pid;
		r.m_vfs_pm_reply.result = type == VFS_PM_EXEC ? -ENOSYS : OK;
		if (tracked)
			p->vfs_wait = type;
		vfs_reply(&r);
		return OK;
	}
	if (q_len == VFS_QUEUE)
		return -EAGAIN;
	if (tracked)
		p->vfs_wait = type;
	queue[(q_head + q_len) % VFS_QUEUE] = *m;
	q_len++;
	flush_queue();
	return OK;
}

void vfs_reply(const message *m)
{
	int type = m->m_type - VFS_PM_REPLY_BASE + VFS_PM_RQ_BASE;
	struct mproc *p;

	flush_queue();
	if (type == VFS_PM_REBOOT) {
		if (reboot_waiting)
			vfs_reply_reboot(m->m_vfs_pm_reply.result);
		return;
	}
	/* the reply names the process by endpoint and pid, both checked */
	p = mp_by_ep(m->m_vfs_pm_reply.endpt);
	if (!p || p->pid != m->m_vfs_pm_reply.pid || p->vfs_wait != type)
		return;
	p->vfs_wait = 0;
	dispatch(p, type, m);
	if (p->exit_after_vfs >= 0 && !p->vfs_wait &&
	    (p->flags & MP_IN_USE) && !(p->flags & (MP_ZOMBIE | MP_EXITING))) {
		int status = p->exit_after_vfs;

		p->exit_after_vfs = -1;
		exit_proc(p, status);
	}
}
