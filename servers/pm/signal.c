/*
 * signal.c - POSIX signals of user processes: actions, masks, pending
 * sets, kill to a process, a group or everyone, default actions, signals
 * from the kernel (faults, SYS_EXIT) and from terminals.
 *
 * One entry point decides a signal's fate, sig_proc():
 *   being built or exec'ing     -> pending until it runs again
 *   SIGCONT                     -> continue a stopped process first
 *   blocked                     -> pending (a fault signal: default:
 *                                  the instruction would fault again)
 *   ignored                     -> dropped (a fault signal: default)
 *   caught                      -> sigdeliver.c enters the handler
 *   default                     -> terminate (core: the same, with the
 *                                  core bit in the wait status), stop,
 *                                  continue or ignore (table below)
 * A caught signal for a process blocked in PM (waitpid, sigsuspend,
 * nanosleep) first ends that call with EINTR; for any other process VFS
 * is asked to end a file call first (VFS_PM_UNPAUSE) and the handler is
 * entered when VFS answers.  Signals to the process whose call PM is
 * serving wait until the call is answered (main.c), so the frame the
 * handler returns to holds the call's result.
 */
#include "pm.h"

#define SIGBIT(s)   (1u << (s))
#define UNBLOCKABLE (SIGBIT(MICA_SIGKILL) | SIGBIT(MICA_SIGSTOP))
#define STOP_SIGS   (SIGBIT(MICA_SIGSTOP) | SIGBIT(MICA_SIGTSTP) | \
		     SIGBIT(MICA_SIGTTIN) | SIGBIT(MICA_SIGTTOU))
#define MINSIGSTK   2048

enum { DFL_TERM, DFL_CORE, DFL_IGN, DFL_STOP, DFL_CONT };

static const u8_t default_action[MICA_NSIG] = {
	[MICA_SIGQUIT] = DFL_CORE, [MICA_SIGILL] = DFL_CORE,
	[MICA_SIGTRAP] = DFL_CORE, [MICA_SIGABRT] = DFL_CORE,
	[MICA_SIGEMT] = DFL_CORE, [MICA_SIGFPE] = DFL_CORE,
	[MICA_SIGBUS] = DFL_CORE, [MICA_SIGSEGV] = DFL_CORE,
	[MICA_SIGSYS] = DFL_CORE, [MICA_SIGXCPU] = DFL_CORE,
	[MICA_SIGXFSZ] = DFL_CORE,
	[MICA_SIGURG] = DFL_IGN, [MICA_SIGCHLD] = DFL_IGN,
	[MICA_SIGWINCH] = DFL_IGN,
	[MICA_SIGSTOP] = DFL_STOP, [MICA_SIGTSTP] = DFL_STOP,
	[MICA_SIGTTIN] = DFL_STOP, [MICA_SIGTTOU] = DFL_STOP,
	[MICA_SIGCONT] = DFL_CONT,
};

static int bad_sig(int sig) { return sig <= 0 || sig >= MICA_NSIG; }

static int caught(const struct mproc *p, int sig)
{
	return p->act[sig].handler != MICA_SIG_DFL &&
		p->act[sig].handler != MICA_SIG_IGN;
}

static int ignored(const struct mproc *p, int sig)
{
	if (p->act[sig].handler == MICA_SIG_IGN)
		return 1;
	return p->act[sig].handler == MICA_SIG_DFL &&
		(default_action[sig] == DFL_IGN || default_action[sig] == DFL_CONT);
}

static void stop_proc(struct mproc *p, int sig)
{
	struct mproc *parent = p->parent;

	if (p->flags & MP_STOPPED)
		return;
	if (!(p->flags & MP_TRAP_STOP))
		sys_hold(p->ep);
	p->flags |= MP_STOPPED | MP_STOP_NEWS;
	p->exit_status = wait_status_stop(sig);
	p->sig_pending &= ~SIGBIT(MICA_SIGCONT);
	if (parent && is_user(parent) &&
	    !(parent->act[MICA_SIGCHLD].flags & MICA_SA_NOCLDSTOP))
		sig_child(parent, p);
	check_parent_wait(p);
}

static void continue_proc(struct mproc *p)
{
	p->sig_pending &= ~STOP_SIGS;
	if (!(p->flags & MP_STOPPED))
		return;
	p->flags &= ~(MP_STOPPED | MP_STOP_NEWS);
	if (!(p->flags & MP_TRAP_STOP))
		sys_release(p->ep);
	sig_check_pending(p);		/* what waited for the continue */
}

static message reply_msg;		/* MP_REPLYING: the answer held back */
static int reply_result;

/*
 * End p's PM call (a handler is about to run): the answer of the call
 * just served, or EINTR for a blocked one.
 */
static int interrupt_pm_call(struct mproc *p)
{
	if (!(p->flags & MP_IN_PM))
		return 0;
	if (p->flags & MP_REPLYING)
		reply(p, reply_result, &reply_msg);
	else if (p->flags & MP_SLEEPING)
		sleep_interrupt(p);	/* replies the time left */
	else
		reply(p, -EINTR, NULL);
	p->flags &= ~MP_IN_PM;
	return 1;
}

static int deliverable_caught(const struct mproc *p)
{
	u32_t ready = p->sig_pending & ~p->sig_mask;

	for (int sig = 1; sig < MICA_NSIG; sig++)
		if ((ready & SIGBIT(sig)) && caught(p, sig))
			return 1;
	return 0;
}

/*
 * Answer the call PM has just served; when a handler is waiting for that
 * (kill of oneself, an unblocking sigprocmask) the answer goes out with
 * the process stopped and the frame is built at once, so the handler has
 * run before the call returns (POSIX) and its frame holds the answer.
 */
void sig_reply(struct mproc *p, int result, message *m)
{
	if (!deliverable_caught(p) || (p->flags & (MP_STOPPED | MP_FORKING |
	    MP_EXECING)) || p->vfs_wait) {
		reply(p, result, m);
		return;
	}
	reply_msg = *m;
	reply_result = result;
	p->flags |= MP_REPLYING;
	sig_check_pending(p);
	if (is_user(p) && (p->flags & MP_REPLYING)) {
		p->flags &= ~MP_REPLYING;
		reply(p, result, m);
	}
}

static void take_default(struct mproc *p, int sig)
{
	switch (default_action[sig]) {
	case DFL_TERM:
		exit_proc(p, wait_status_sig(sig, 0));
		break;
	case DFL_CORE:			/* no core files: terminate, say core */
		exit_proc(p, wait_status_sig(sig, 1));
		break;
	case DFL_STOP:
		stop_proc(p, sig);
		break;
	default:
		break;
	}
}

static void enter_handler(struct mproc *p, int sig)
{
	u32_t old_mask = (p->flags & MP_SIGSUSPEND) ? p->sig_saved_mask :
		p->sig_mask;
	struct sigact *a = &p->act[sig];
	int r, restart = (a->flags & MICA_SA_RESTART) &&
		((p->flags & MP_WAITING) || p->restart_req.m_type != 0);
	message req;
	vir_bytes scp = 0;

	/* the call to re-enter after it: a waitpid, or the file call VFS
	 * gave back when it ended it (pmvfs.h, restart) */
	if (restart && (p->flags & MP_WAITING)) {
		memset(&req, 0, sizeof(req));
		req.m_type = PM_WAITPID;
		req.m_lc_pm_waitpid.pid = p->wait_pid;
		req.m_lc_pm_waitpid.options = p->wait_options;
	} else if (restart) {
		req = p->restart_req;
	}
	if (p->flags & MP_SIGSUSPEND)	/* the call ends: its mask too */
		p->sig_mask = p->sig_saved_mask;
	/* still from before its call's answer until the frame is built */
	if ((r = sys_runctl(p->ep, RC_STOP)) == OK) {
		interrupt_pm_call(p);
		r = sig_deliver(p, sig, old_mask, &scp);
		if (r == OK && restart)
			sig_restart(p, scp, &req);	/* else: EINTR stays */
		if (r == OK)		/* handed on or not: used up */
			p->restart_req.m_type = 0;
		if (r == -EBUSY && (p->flags & MP_UNPAUSED))
			return;		/* held still until the retry */
		if (!(p->flags & MP_STOPPED) || (p->flags & MP_TRAP_STOP))
			sys_runctl(p->ep, RC_RESUME);
		if (r != -EBUSY)
			p->flags &= ~MP_UNPAUSED;
	}
	if (r == -EBUSY)
		return;			/* pending; tried again soon */
	if (r != OK) {
		/* no frame could be built (bad stack pointer, no
		 * trampoline): MINIX's answer, the process dies of SIGSEGV */
		exit_proc(p, wait_status_sig(MICA_SIGSEGV, 1));
		return;
	}
	p->sig_mask = (old_mask | a->mask |
		((a->flags & MICA_SA_NODEFER) ? 0 : SIGBIT(sig))) & ~UNBLOCKABLE;
	if (a->flags & MICA_SA_RESETHAND) {
		a->handler = MICA_SIG_DFL;
		a->flags &= ~MICA_SA_SIGINFO;
	}
	p->flags &= ~MP_TRAP_STOP;
}

/* The grant VFS copies a restartable file call into (pmvfs.h). */
static int restart_buffer(struct mproc *p)
{
	if (p->restart_grant == GRANT_INVALID)
		p->restart_grant = cpf_grant_direct(VFS_PROC_NR,
			(vir_bytes)&p->restart_req, sizeof(p->restart_req),
			CPF_WRITE);
	return p->restart_grant != GRANT_INVALID;
}

void sig_proc(struct mproc *p, int sig, int from_kernel)
{
	u32_t bit = SIGBIT(sig);

	if (!is_user(p) || (p->flags & (MP_ZOMBIE | MP_EXITING)) || bad_sig(sig))
		return;
	if (sig == MICA_SIGKILL) {
		exit_proc(p, wait_status_sig(sig, 0));
		return;
	}
	if (sig == MICA_SIGCONT)
		continue_proc(p);
	else if (bit & STOP_SIGS)
		p->sig_pending &= ~SIGBIT(MICA_SIGCONT);
	if (from_kernel && (ignored(p, sig) || (p->sig_mask & bit))) {
		take_default(p, sig);	/* a fault cannot be ignored */
		if (default_action[sig] == DFL_IGN || default_action[sig] == DFL_CONT)
			exit_proc(p, wait_status_sig(sig, 1));
		return;
	}
	if (p->sig_mask & bit) {	/* blocked: pending even if ignored, */
		p->sig_pending |= bit;	/* the action may change (Linux too) */
		return;
	}
	if (ignored(p, sig)) {
		p->sig_pending &= ~bit;
		return;
	}
	/* later: being built or exec'ing, stopped, or the caller of the
	 * call being served (a handler waits for its reply) */
	if ((p->flags & (MP_FORKING | MP_EXECING)) || p->vfs_wait ||
	    (p == mp && pm_in_call && caught(p, sig)) ||
	    ((p->flags & MP_STOPPED) && sig != MICA_SIGCONT)) {
		p->sig_pending |= bit;
		return;
	}
	p->sig_pending &= ~bit;
	if (!caught(p, sig)) {
		take_default(p, sig);
		return;
	}
	if (!(p->flags & (MP_IN_PM | MP_TRAP_STOP | MP_QUIET)) &&
	    vfs_present()) {
		message m;

		memset(&m, 0, sizeof(m));
		m.m_pm_vfs_unpause.endpt = p->ep;
		m.m_pm_vfs_unpause.pid = p->pid;
		if ((p->act[sig].flags & MICA_SA_RESTART) && restart_buffer(p)) {
			m.m_pm_vfs_unpause.flags = PMVFS_RESTART;
			m.m_pm_vfs_unpause.req = p->restart_grant;
		}
		p->sig_pending |= bit;	/* entered when VFS answers */
		/* still from VFS's answer to the caller until the frame is
		 * built (MINIX stops it too), so the EINTR is not seen first
		 * and a restart finds it right after its trap */
		if (!(p->flags & MP_UNPAUSED) && sys_runctl(p->ep, RC_STOP) == OK)
			p->flags |= MP_UNPAUSED;
		if (vfs_request(p, VFS_PM_UNPAUSE, &m) != OK)
			sig_retry_later(p);	/* VFS's queue is full */
		return;
	}
	enter_handler(p, sig);
}

/*
 * p was held still for an UNPAUSE; once no handler entry is on its way
 * (none is due, or it was entered) it runs again.
 */
void sig_unpause_done(struct mproc *p)
{
	if (!(p->flags & MP_UNPAUSED) || !is_user(p) || p->vfs_wait ||
	    (p->flags & (MP_SIG_RETRY | MP_ZOMBIE | MP_EXITING)))
		return;
	p->flags &= ~MP_UNPAUSED;
	sys_runctl(p->ep, RC_RESUME);
}

/* SIGCHLD to parent about child's exit or stop (its exit_status, a
 * wait status), with the siginfo POSIX gives it. */
void sig_child(struct mproc *parent, const struct mproc *child)
{
	int ws = child->exit_status, *code = &parent->sig_from[MICA_SIGCHLD].code;

	if ((ws & 0xff) == 0x7f) {		/* stopped */
		*code = MICA_CLD_STOPPED;
		parent->sig_from[MICA_SIGCHLD].status = (ws >> 8) & 0xff;
	} else if (ws & 0x7f) {			/* killed */
		*code = (ws & 0x80) ? MICA_CLD_DUMPED : MICA_CLD_KILLED;
		parent->sig_from[MICA_SIGCHLD].status = ws & 0x7f;
	} else {
		*code = MICA_CLD_EXITED;
		parent->sig_from[MICA_SIGCHLD].status = (ws >> 8) & 0xff;
	}
	parent->sig_from[MICA_SIGCHLD].pid = child->pid;
	parent->sig_from[MICA_SIGCHLD].uid = child->ruid;
	sig_proc(parent, MICA_SIGCHLD, 0);
}

/* Deliver what is pending and not blocked (SIGKILL first, then by number). */
void sig_check_pending(struct mproc *p)
{
	int sig;

	if (!is_user(p) || (p->flags & (MP_ZOMBIE | MP_EXITING | MP_FORKING |
	    MP_EXECING)) || p->vfs_wait)
		return;
	if (p->sig_pending & SIGBIT(MICA_SIGKILL)) {
		sig_proc(p, MICA_SIGKILL, 0);
		return;
	}
	for (sig = 1; sig < MICA_NSIG; sig++) {
		u32_t bit = SIGBIT(sig);

		if (!(p->sig_pending & bit) || (p->sig_mask & bit))
			continue;
		if ((p->flags & MP_STOPPED) && sig != MICA_SIGCONT)
			continue;
		p->sig_pending &= ~bit;
		sig_proc(p, sig, 0);
		if (!is_user(p) || (p->flags & (MP_EXITING | MP_ZOMBIE)) ||
		    p->vfs_wait)
			return;
	}
}

/* May sender signal target (POSIX kill permissions)? */
static int may_signal(const struct mproc *s, const struct mproc *t, int sig)
{
	if (!s || s->euid == 0)
		return 1;
	if (sig == MICA_SIGCONT && s->sid == t->sid)
		return 1;
	return s->ruid == t->ruid || s->ruid == t->suid ||
		s->euid == t->ruid || s->euid == t->suid;
}

/*
 * Send sig (0: check only) as the current caller (mp, or nobody for the
 * kernel and terminals) to pid's targets; OK, ESRCH, EPERM.
 */
int check_sig(int pid, int sig, int from_kernel)
{
	struct mproc *sender = from_kernel ? NULL : mp, *t;
	int found = 0, sent = 0;

	if (pid < -PID_MAX || pid > PID_MAX)
		return -ESRCH;
	for (t = mproc; t < mproc + NR_MPROCS; t++) {
		if (!is_user(t))
			continue;
		if (pid > 0 && t->pid != pid)
			continue;
		if (pid == 0 && (!sender || t->pgrp != sender->pgrp))
			continue;
		if (pid == -1 && (t->pid == INIT_PID || t == sender))
			continue;
		if (pid < -1 && t->pgrp != -pid)
			continue;
		found = 1;
		if (!may_signal(sender, t, sig))
			continue;
		sent = 1;
		if (sig != 0 && !(t->flags & MP_ZOMBIE)) {
			t->sig_from[sig].code = sender ? MICA_SI_USER : 0;
			t->sig_from[sig].pid = sender ? sender->pid : 0;
			t->sig_from[sig].uid = sender ? sender->ruid : 0;
			t->sig_from[sig].status = 0;
			sig_proc(t, sig, 0);
		}
	}
	return !found ? -ESRCH : !sent ? -EPERM : OK;
}

int do_kill(void)
{
	int sig = m_in.m_lc_pm_kill.sig;

	if (sig < 0 || sig >= MICA_NSIG)
		return -EINVAL;
	return check_sig(m_in.m_lc_pm_kill.pid, sig, 0);
}

static int user_addr(vir_bytes a)
{
	return a >= USER_BASE && a < USER_TOP;
}

int do_sigaction(void)
{
	mess_lc_pm_sigaction *q = &m_in.m_lc_pm_sigaction;
	int sig = q->sig;
	struct sigact old;

	if (bad_sig(sig))
		return -EINVAL;
	old = mp->act[sig];
	if (q->set) {
		if (sig == MICA_SIGKILL || sig == MICA_SIGSTOP)
			return -EINVAL;
		if (q->handler != MICA_SIG_DFL && q->handler != MICA_SIG_IGN &&
		    (!user_addr(q->handler) || !user_addr(q->trampoline)))
			return -EFAULT;
		mp->act[sig].handler = q->handler;
		mp->act[sig].mask = q->mask & ~UNBLOCKABLE;
		mp->act[sig].flags = q->flags;
		if (q->handler != MICA_SIG_DFL && q->handler != MICA_SIG_IGN)
			mp->sig_tramp = q->trampoline;
		if (ignored(mp, sig))
			mp->sig_pending &= ~SIGBIT(sig);
	}
	memset(q, 0, sizeof(*q));
	q->sig = sig;
	q->handler = old.handler;
	q->mask = old.mask;
	q->flags = old.flags;
	return OK;
}

int do_sigprocmask(void)
{
	mess_lc_pm_sigmask *q = &m_in.m_lc_pm_sigmask;
	u32_t old = mp->sig_mask, set = q->mask;

	switch (q->how) {
	case MICA_SIG_BLOCK: mp->sig_mask |= set; break;
	case MICA_SIG_UNBLOCK: mp->sig_mask &= ~set; break;
	case MICA_SIG_SETMASK: mp->sig_mask = set; break;
	default: return -EINVAL;
	}
	mp->sig_mask &= ~(UNBLOCKABLE | 1u);
	memset(q, 0, sizeof(*q));
	q->mask = old;
	return OK;			/* newly unblocked ones: after the reply */
}

int do_sigpending(void)
{
	memset(&m_in.m_lc_pm_sigmask, 0, sizeof(m_in.m_lc_pm_sigmask));
	m_in.m_lc_pm_sigmask.mask = mp->sig_pending;
	return OK;
}

int do_sigsuspend(void)
{
	mp->sig_saved_mask = mp->sig_mask;
	mp->sig_mask = m_in.m_lc_pm_sigmask.mask & ~(UNBLOCKABLE | 1u);
	mp->flags |= MP_SIGSUSPEND;
	return PM_NO_REPLY;		/* a handler's delivery answers EINTR */
}

/*
 * The handler is done: restore its context and the mask saved with it.
 * Signals that mask unblocks are entered before the process runs again
 * (it stays stopped meanwhile, out of IPC: no need to ask VFS).
 */
int do_sigreturn(void)
{
	int r;

	if ((r = sys_runctl(mp->ep, RC_STOP)) != OK)
		return r;
	if ((r = sig_return(mp, m_in.m_lc_pm_sigreturn.context)) != OK) {
		sys_runctl(mp->ep, RC_RESUME);
		return r;
	}
	mp->sig_mask = m_in.m_lc_pm_sigreturn.mask & ~(UNBLOCKABLE | 1u);
	mp->flags |= MP_QUIET;
	pm_in_call = 0;			/* sigreturn is never answered */
	sig_check_pending(mp);
	if (is_user(mp)) {
		mp->flags &= ~MP_QUIET;
		if (!(mp->flags & (MP_EXITING | MP_STOPPED)))
			sys_runctl(mp->ep, RC_RESUME);
	}
	return PM_NO_REPLY;		/* the restored context runs on */
}

int do_sigaltstack(void)
{
	mess_lc_pm_sigaltstack *q = &m_in.m_lc_pm_sigaltstack;
	vir_bytes osp = mp->alt_sp;
	u32_t osize = mp->alt_size, oflags = mp->alt_flags;

	if (q->set) {
		if (q->flags & ~(u32_t)MICA_SS_DISABLE)
			return -EINVAL;
		if (q->flags & MICA_SS_DISABLE) {
			mp->alt_sp = 0;
			mp->alt_size = 0;
			mp->alt_flags = MICA_SS_DISABLE;
		} else {
			if (q->size < MINSIGSTK)
				return -ENOMEM;
			if (!user_addr(q->sp) || q->sp + q->size < q->sp ||
			    q->sp + q->size > USER_TOP)
				return -EFAULT;
			mp->alt_sp = q->sp;
			mp->alt_size = q->size;
			mp->alt_flags = 0;
		}
	}
	memset(q, 0, sizeof(*q));
	q->sp = osp;
	q->size = osize;
	q->flags = osp ? oflags : MICA_SS_DISABLE;
	return OK;
}

/* The kernel's signals for ep: faults (the process is stopped, addr and
 * code say where and why, for the siginfo), exits. */
void ksig_handler(endpoint_t ep, u32_t sigmap, vir_bytes addr, int code)
{
	struct mproc *p = mp_by_ep(ep);
	int sig;

	if (!p || !is_user(p))
		return;
	if (sigmap & SIGBIT(SIGKEXIT)) {	/* SYS_EXIT without PM_EXIT */
		exit_proc(p, wait_status_exit(0));
		return;
	}
	sigmap &= ~SIGBIT(SIGSNDELAY);	/* PM never stops with RC_DELAY */
	for (sig = 1; sig < MICA_NSIG; sig++) {
		if (!(sigmap & SIGBIT(sig)))
			continue;
		int trap = sig == SIGSEGV || sig == MICA_SIGFPE ||
			sig == MICA_SIGBUS;	/* kernel stopped it */

		if (trap) {
			p->flags |= MP_TRAP_STOP;
			p->fault_addr = addr;
			p->fault_code = code ? code : MICA_SI_KERNEL;
		}
		sig_proc(p, sig, trap);
	}
	/* The kernel has held p since the signal was posted (KSIG_HOLD, set
	 * for every user process), so a signal a server raised on the way to
	 * its reply (VFS's SIGPIPE before EPIPE) is acted on before p runs
	 * again, as POSIX wants; sig_proc has stopped p where delivery still
	 * waits (for VFS). */
	sys_endksig(ep, KSIG_DONE);
}

/* A terminal asks for a signal to its foreground group. */
void tty_signal(const message *m)
{
	struct priv_info pi;
	int sig = m->m_cdev_sig.sig, pgrp = m->m_cdev_sig.pgrp;

	/* only a system process (a terminal driver, RS-started or not); a
	 * forger waiting in sendrec is told so (a driver's asynsend is not
	 * waiting, and no answer is due to it) */
	if (m->m_source < 0 || sys_privctl(m->m_source, PRIV_GET, &pi) != OK ||
	    !(pi.flags & PF_SYS_PROC)) {
		message r;

		memset(&r, 0, sizeof(r));
		r.m_type = -EPERM;
		ipc_sendnb(m->m_source, &r);
		return;
	}
	if (bad_sig(sig) || pgrp <= INIT_PID)
		return;
	check_sig(-pgrp, sig, 1);
}

void sig_exec_reset(struct mproc *p)
{
	for (int sig = 1; sig < MICA_NSIG; sig++) {
		if (caught(p, sig))
			p->act[sig].handler = MICA_SIG_DFL;
		p->act[sig].flags = 0;
		p->act[sig].mask = 0;
	}
	p->sig_tramp = 0;
	p->alt_active = 0;
	p->alt_sp = 0;
	p->alt_size = 0;
	p->alt_flags = MICA_SS_DISABLE;
}

/* c is fresh from mp_alloc (zeroed): nothing pending, no siginfo kept. */
void sig_fork_copy(struct mproc *c, const struct mproc *parent)
{
	memcpy(c->act, parent->act, sizeof(c->act));
	c->sig_mask = parent->sig_mask;
	c->sig_tramp = parent->sig_tramp;
	c->alt_sp = parent->alt_sp;
	c->alt_size = parent->alt_size;
	c->alt_flags = parent->alt_flags;
}
