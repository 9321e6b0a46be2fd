/*
 * forkexit.c - fork, exit and waitpid; zombies and orphans.
 *
 * fork:  SYS_FORK (held child) -> VM -> VFS_PM_FORK -> on VFS's reply:
 *        release the child, answer the child (0) and the parent (pid).
 * exit:  stop the process -> VFS_PM_EXIT -> on VFS's reply: VM frees the
 *        memory, SYS_CLEAR frees the kernel slot, the process becomes a
 *        zombie (its children go to init) and the parent hears SIGCHLD
 *        and, if it waits, the status.  A parent that ignores SIGCHLD
 *        or set SA_NOCLDWAIT leaves no zombies (POSIX).  When init itself exits the system
 *        goes down with init's status (misc.c).
 */
#include "pm.h"

int wait_status_exit(int code) { return (code & 0xff) << 8; }
int wait_status_sig(int sig, int core) { return (sig & 0x7f) | (core ? 0x80 : 0); }
int wait_status_stop(int sig) { return ((sig & 0xff) << 8) | 0x7f; }

static int free_slots(void)
{
	int n = 0;

	for (struct mproc *p = mproc; p < mproc + NR_MPROCS; p++)
		n += !(p->flags & MP_IN_USE);
	return n;
}

int do_fork(void)
{
	struct mproc *c;
	endpoint_t cep;
	message m;
	int pid, r;

	if (free_slots() < 1 || !(pid = pid_alloc()))
		return -EAGAIN;
	if ((cep = sys_fork_flags(mp->ep, vm_fork_flags())) < 0)
		return -EAGAIN;
	/* Each kernel signal holds the child until PM has handled it
	 * (signal.c, ksig_handler); the kernel does not copy the hold. */
	if ((r = sys_endksig(cep, KSIG_HOLD)) != OK ||
	    (r = vm_fork(mp, cep)) != OK) {
		sys_clear(cep);
		return r == -ENOMEM ? -ENOMEM : -EAGAIN;
	}
	c = mp_alloc(cep);
	c->flags |= MP_FORKING;
	c->ep = cep;
	c->pid = pid;
	c->parent = mp;
	c->pgrp = mp->pgrp;
	c->sid = mp->sid;
	c->ruid = mp->ruid; c->euid = mp->euid; c->suid = mp->suid;
	c->rgid = mp->rgid; c->egid = mp->egid; c->sgid = mp->sgid;
	c->ngroups = mp->ngroups;
	memcpy(c->groups, mp->groups, sizeof(c->groups));
	memcpy(c->name, mp->name, sizeof(c->name));
	cmdline_fork(c, mp);
	sig_fork_copy(c, mp);

	memset(&m, 0, sizeof(m));
	m.m_pm_vfs_proc.endpt = cep;
	m.m_pm_vfs_proc.pid = pid;
	m.m_pm_vfs_proc.parent = mp->ep;
	m.m_pm_vfs_proc.pgrp = c->pgrp;
	m.m_pm_vfs_proc.sid = c->sid;
	m.m_pm_vfs_proc.uid = c->ruid;
	m.m_pm_vfs_proc.euid = c->euid;
	m.m_pm_vfs_proc.gid = c->rgid;
	m.m_pm_vfs_proc.egid = c->egid;
	if ((r = vfs_request(c, VFS_PM_FORK, &m)) != OK) {
		vm_exit(c);
		sys_clear(cep);
		mp_free(c);
		return -EAGAIN;
	}
	return PM_NO_REPLY;
}

void vfs_reply_fork(struct mproc *c, int result)
{
	struct mproc *parent = c->parent;
	int answer = parent && (parent->flags & MP_IN_USE) &&
		!(parent->flags & (MP_EXITING | MP_ZOMBIE));

	if (result != OK) {
		vm_exit(c);
		sys_clear(c->ep);
		mp_free(c);
		if (answer)
			reply(parent, result == -ENOMEM ? -ENOMEM : -EAGAIN, NULL);
		return;
	}
	c->flags &= ~MP_FORKING;
	reply(c, 0, NULL);
	if (answer)
		reply(parent, c->pid, NULL);
	sys_release(c->ep);
	sig_check_pending(c);
}

int do_exit(void)
{
	exit_proc(mp, wait_status_exit(m_in.m_lc_pm_exit.status));
	return PM_NO_REPLY;
}

/* Take p out of the running; VFS first, the rest when it answers. */
void exit_proc(struct mproc *p, int wait_status)
{
	message m;
	u32_t ticks[2] = { 0, 0 };

	if (!(p->flags & MP_IN_USE) || (p->flags & (MP_EXITING | MP_ZOMBIE)) ||
	    (p->flags & MP_SYSTEM))
		return;
	if (p->vfs_wait) {		/* its request to VFS finishes first */
		p->exit_after_vfs = wait_status;
		return;
	}
	sys_hold(p->ep);		/* EINVAL if the kernel holds it already */
	p->flags &= ~(MP_IN_PM | MP_STOPPED | MP_STOP_NEWS | MP_TRAP_STOP);
	p->flags |= MP_EXITING;
	p->exit_status = wait_status;
	time_proc_gone(p);
	{
		message t;

		memset(&t, 0, sizeof(t));
		t.m_time.endpt = p->ep;
		t.m_type = SYS_TIMES;
		if (kernel_call(&t) == OK) {
			ticks[0] = t.m_time.user_ticks;
			ticks[1] = t.m_time.sys_ticks;
		}
	}
	p->child_utime += ticks[0];	/* its own times, summed at reap */
	p->child_stime += ticks[1];
	memset(&m, 0, sizeof(m));
	m.m_pm_vfs_proc.endpt = p->ep;
	m.m_pm_vfs_proc.pid = p->pid;
	if (vfs_request(p, VFS_PM_EXIT, &m) != OK)
		vfs_reply_exit(p, OK);	/* VFS unreachable: finish anyway */
}

static int wait_matches(const struct mproc *parent, const struct mproc *c,
	int pid)
{
	if (pid > 0)
		return c->pid == pid;
	if (pid == -1)
		return 1;
	if (pid == 0)
		return c->pgrp == parent->pgrp;
	return c->pgrp == -pid;
}

/* Give c's status to its parent's waitpid; a zombie is then gone. */
static void wait_answer(struct mproc *parent, struct mproc *c, message *m)
{
	message r;

	if (!m) {
		memset(&r, 0, sizeof(r));
		m = &r;
	}
	m->m_pm_lc_waitpid.pid = c->pid;
	if (c->flags & MP_ZOMBIE) {
		m->m_pm_lc_waitpid.status = c->exit_status;
		parent->child_utime += c->child_utime;
		parent->child_stime += c->child_stime;
		mp_free(c);
	} else {
		m->m_pm_lc_waitpid.status = c->exit_status;
		c->flags &= ~MP_STOP_NEWS;
	}
	if (m == &r)
		reply(parent, m->m_pm_lc_waitpid.pid, m);
}

static int reportable(const struct mproc *c, int options)
{
	if (c->flags & MP_ZOMBIE)
		return 1;
	return (options & MICA_WUNTRACED) && (c->flags & MP_STOP_NEWS);
}

int do_waitpid(void)
{
	int pid = m_in.m_lc_pm_waitpid.pid;
	int options = m_in.m_lc_pm_waitpid.options, found = 0, cpid;
	struct mproc *c;

	if (options & ~(MICA_WNOHANG | MICA_WUNTRACED))
		return -EINVAL;
	if (pid < -PID_MAX)		/* also keeps -pid from overflowing */
		return -ECHILD;
	for (c = mproc; c < mproc + NR_MPROCS; c++) {
		if (!(c->flags & MP_IN_USE) || c->parent != mp ||
		    !wait_matches(mp, c, pid))
			continue;
		found = 1;
		if (reportable(c, options)) {
			cpid = c->pid;
			memset(&m_in.m_pm_lc_waitpid, 0, sizeof(m_in.m_pm_lc_waitpid));
			wait_answer(mp, c, &m_in);
			return cpid;
		}
	}
	if (!found)
		return -ECHILD;
	if (options & MICA_WNOHANG)
		return 0;
	mp->flags |= MP_WAITING;
	mp->wait_pid = pid;
	mp->wait_options = options;
	return PM_NO_REPLY;
}

/* c changed (died or stopped): answer its parent's waitpid if it fits. */
void check_parent_wait(struct mproc *c)
{
	struct mproc *parent = c->parent;

	if (!parent || !(parent->flags & MP_WAITING) ||
	    !wait_matches(parent, c, parent->wait_pid) ||
	    !reportable(c, parent->wait_options))
		return;
	parent->flags &= ~MP_WAITING;
	wait_answer(parent, c, NULL);
}

static int has_children(const struct mproc *parent, int pid)
{
	for (struct mproc *c = mproc; c < mproc + NR_MPROCS; c++)
		if ((c->flags & MP_IN_USE) && c->parent == parent &&
		    wait_matches(parent, c, pid))
			return 1;
	return 0;
}

/* SIGCHLD ignored or SA_NOCLDWAIT: the children leave no zombies. */
static int ignores_sigchld(const struct mproc *p)
{
	return p->act[MICA_SIGCHLD].handler == MICA_SIG_IGN ||
		(p->act[MICA_SIGCHLD].flags & MICA_SA_NOCLDWAIT);
}

/*
 * Orphaned process groups (POSIX): a group none of whose members has a
 * parent in another group of the same session.  When an exit orphans a
 * group with a stopped member, the group gets SIGHUP, then SIGCONT.
 */
static int live_user(const struct mproc *q)
{
	return is_user(q) && !(q->flags & (MP_ZOMBIE | MP_EXITING));
}

static int group_orphaned(int pgrp, int *stopped)
{
	int orphaned = 1, any = 0;

	*stopped = 0;
	for (struct mproc *q = mproc; q < mproc + NR_MPROCS; q++) {
		if (!live_user(q) || q->pgrp != pgrp)
			continue;
		any = 1;
		*stopped |= !!(q->flags & MP_STOPPED);
		if (q->parent && live_user(q->parent) &&
		    q->parent->pgrp != pgrp && q->parent->sid == q->sid)
			orphaned = 0;
	}
	return any && orphaned;
}

static void check_orphaned(int pgrp)
{
	int stopped;

	if (pgrp > 0 && group_orphaned(pgrp, &stopped) && stopped) {
		check_sig(-pgrp, MICA_SIGHUP, 1);
		check_sig(-pgrp, MICA_SIGCONT, 1);
	}
}

void vfs_reply_exit(struct mproc *p, int result)
{
	struct mproc *parent = p->parent, *c;
	int status = p->exit_status;

	(void)result;			/* VFS closes what it can; exit goes on */
	vm_exit(p);
	sys_clear(p->ep);
	p->flags = (p->flags & ~MP_EXITING) | MP_ZOMBIE;
	p->ep = NONE;
	for (c = mproc; c < mproc + NR_MPROCS; c++) {
		if (!(c->flags & MP_IN_USE) || c->parent != p)
			continue;
		c->parent = init_mp;
		if (init_mp && (c->flags & MP_ZOMBIE)) {
			sig_child(init_mp, c);
			check_parent_wait(c);
		}
	}
	for (c = mproc; c < mproc + NR_MPROCS; c++)
		if (live_user(c) && c->parent == init_mp && c->pgrp != p->pgrp)
			check_orphaned(c->pgrp);
	check_orphaned(p->pgrp);
	if (p == init_mp) {		/* the system goes with init */
		init_mp = NULL;
		pm_shutdown(status);
		return;
	}
	if (!parent || !(parent->flags & MP_IN_USE) ||
	    (parent->flags & MP_ZOMBIE) || ignores_sigchld(parent)) {
		mp_free(p);		/* nobody will wait: no zombie */
		if (parent && (parent->flags & MP_WAITING) &&
		    !has_children(parent, parent->wait_pid)) {
			parent->flags &= ~MP_WAITING;
			reply(parent, -ECHILD, NULL);
		}
		return;
	}
	sig_child(parent, p);
	check_parent_wait(p);
}
