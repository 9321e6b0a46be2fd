/*
 * do_sig.c - signal delivery hooks: SYS_KILL and SYS_GETKSIG.
 *
 * The kernel does not deliver signals itself; it records them and tells
 * the process's signal manager (SYS_SIGMGR: PM for user processes, RS for
 * services; else any process with PF_SIG_MGR)
 * with a SYSTEM notification, and the manager fetches them with
 * SYS_GETKSIG.  A fault's signal (sig_trap) carries where it was and its
 * si_code: SIGSEGV (sig_fault) MICA_SEGV_MAPERR: nothing mapped,
 * MICA_SEGV_ACCERR: a protection fault, MICA_SI_KERNEL: another
 * exception, address = eip; SIGFPE (divide error, x87 and SIMD
 * floating-point exceptions) MICA_FPE_*, address = eip.  GETKSIG hands
 * both over with the sigmap, for the manager's siginfo.  A process
 * signalled for a fault (any SIGSEGV or SIGFPE) is also stopped
 * (RTS_STOPPED) so that it cannot run into the fault again; the manager
 * decides its fate.  While no signal manager exists, a signal's default
 * action is taken at once: the process is killed.  A process its manager
 * asked to hold (SYS_ENDKSIG KSIG_HOLD, do_sigctl.c) is also kept off the
 * CPU (RTS_SIG_HELD) from each kernel signal until the manager says it
 * has handled them.
 */
#include "system.h"

static int notify_sig_managers(void)
{
	int i, n = 0;

	for (i = 0; i < NR_PROCS; i++) {
		struct proc *p = &proc_table[i];

		if (!(p->rts_flags & RTS_SLOT_FREE) &&
		    (p->priv.flags & PF_SIG_MGR)) {
			ipc_notify_kernel(p, SYSTEM);
			n++;
		}
	}
	return n;
}

/* Post sig to p: its manager, or else the PF_SIG_MGR processes, hear of
 * it; with nobody to tell, p is killed.  'stop': a fault, p must not run
 * into it again before the manager decides. */
static void post(struct proc *p, int sig, int stop, const char *why)
{
	struct proc *mgr = proc_manager(p);

	p->sig_pending |= 1u << sig;
	if (mgr) {
		if (p->sig_hold)
			rts_set(p, RTS_SIG_HELD);
		if (stop) {
			rts_set(p, RTS_STOPPED);
			if (p->priv.flags & PF_VM)
				vmfault_vm_gone();	/* offered again on restart */
		}
		ipc_notify_kernel(mgr, SYSTEM);
		return;
	}
	if (notify_sig_managers()) {
		if (p->sig_hold)
			rts_set(p, RTS_SIG_HELD);
		if (stop)
			rts_set(p, RTS_STOPPED);
		return;
	}
	proc_kill(p, why);
}

/* SIGSEGV and SIGFPE, the fault signals, stop p whoever sends them, so
 * that a manager sees every one of them the same way. */
void sig_send(struct proc *p, int sig, const char *why)
{
	post(p, sig, sig == SIGSEGV || sig == MICA_SIGFPE, why);
}

/* sig for a fault at addr with si_code 'code': the manager hears where
 * (SYS_GETKSIG), and p is stopped. */
void sig_trap(struct proc *p, int sig, vir_bytes addr, int code,
	const char *why)
{
	p->sig_addr = addr;
	p->sig_code = code;
	post(p, sig, 1, why);
}

/* SIGSEGV for a fault at addr.  Outside user space nothing is the
 * process's, present or not (the kernel's own pages are): that is
 * SEGV_MAPERR. */
void sig_fault(struct proc *p, vir_bytes addr, int code, const char *why)
{
	if (code == MICA_SEGV_ACCERR && (addr < USER_BASE || addr >= USER_TOP))
		code = MICA_SEGV_MAPERR;
	sig_trap(p, SIGSEGV, addr, code, why);
}

int do_kill(struct proc *caller, message *m)
{
	struct proc *p;
	int r, sig = m->m_sig.sig;

	if ((r = kcall_target(caller, m->m_sig.endpt, &p)) != OK)
		return r;
	if (sig <= 0 || sig >= 32)
		return -EINVAL;
	sig_send(p, sig, "signal, no signal manager");
	return (caller->rts_flags & RTS_SLOT_FREE) ? EDONTREPLY : OK;
}

/* May caller fetch p's signals?  Its own manager, or a PF_SIG_MGR
 * process for those without one. */
static int manages(const struct proc *caller, const struct proc *p)
{
	struct proc *mgr = proc_manager(p);

	return mgr ? mgr == caller : !!(caller->priv.flags & PF_SIG_MGR);
}

/* Resolve the target of a signal-manager call: a live process other than
 * the caller, which the caller manages. */
int sig_target(struct proc *caller, endpoint_t e, struct proc **pp)
{
	int r;

	if ((r = kcall_target(caller, e, pp)) != OK)
		return r;
	if (*pp == caller)
		return -EINVAL;
	return manages(caller, *pp) ? OK : -EPERM;
}

int do_getksig(struct proc *caller, message *m)
{
	int i, any = !!(caller->priv.flags & PF_SIG_MGR);

	m->m_sig.endpt = NONE;
	m->m_sig.sigmap = 0;
	for (i = 0; i < NR_PROCS && !any; i++)
		any = !(proc_table[i].rts_flags & RTS_SLOT_FREE) &&
			proc_manager(&proc_table[i]) == caller;
	if (!any)
		return -EPERM;
	for (i = 0; i < NR_PROCS; i++) {
		struct proc *p = &proc_table[i];

		if ((p->rts_flags & RTS_SLOT_FREE) || !p->sig_pending ||
		    !manages(caller, p))
			continue;
		m->m_sig.endpt = p->endpoint;
		m->m_sig.sigmap = p->sig_pending;
		if (p->sig_code || (p->sig_pending & (1u << SIGSEGV))) {
			m->m_sig.addr = p->sig_addr;
			m->m_sig.code = p->sig_code;
		}
		p->sig_pending = 0;
		p->sig_addr = 0;
		p->sig_code = 0;
		break;
	}
	return OK;
}
