/*
 * do_sigctl.c - SYS_RUNCTL and SYS_ENDKSIG: what the signal manager (PM)
 * needs to keep a process still while it handles the process's signals.
 * Only the process's manager may call them (sig_target, do_sig.c).
 *
 * RUNCTL RC_STOP keeps the process off the CPU (RTS_STOPPED) until
 * RC_RESUME.  With RC_DELAY a process blocked sending is not stopped: the
 * call fails with EBUSY and the manager gets SIGSNDELAY once the message
 * is delivered, so that no process is stopped with a message half way (as
 * MINIX's RC_DELAY).  RC_RESUME also ends the stop the kernel puts on a
 * process that faulted (SIGSEGV), after the manager dealt with it.
 *
 * ENDKSIG: KSIG_HOLD makes every later kernel signal to the process hold
 * it (RTS_SIG_HELD) until the manager has fetched them all (SYS_GETKSIG)
 * and calls KSIG_DONE; KSIG_NOHOLD ends that.  The hold is asked for, not
 * implied, so a manager that only watches signals (RS) is not forced to
 * answer each one.
 */
#include "system.h"

int do_runctl(struct proc *caller, message *m)
{
	mess_lsys_krn_sigctl *sm = &m->m_sigctl;
	struct proc *p;
	int r;

	if ((r = sig_target(caller, sm->endpt, &p)) != OK)
		return r;
	switch (sm->request) {
	case RC_STOP | RC_DELAY:
		if (p->rts_flags & RTS_SENDING) {
			p->sig_delay = 1;
			return -EBUSY;
		}
		/* fall through */
	case RC_STOP:
		rts_set(p, RTS_STOPPED);
		return OK;
	case RC_RESUME:
		rts_clear(p, RTS_STOPPED);
		return OK;
	default:
		return -EINVAL;
	}
}

/* p, stopped with RC_DELAY refused, has delivered its message. */
void sig_delay_done(struct proc *p)
{
	p->sig_delay = 0;
	if (proc_manager(p))
		sig_send(p, SIGSNDELAY, NULL);
}

int do_endksig(struct proc *caller, message *m)
{
	mess_lsys_krn_sigctl *sm = &m->m_sigctl;
	struct proc *p;
	int r;

	if ((r = sig_target(caller, sm->endpt, &p)) != OK)
		return r;
	switch (sm->request) {
	case KSIG_HOLD:
		p->sig_hold = 1;
		return OK;
	case KSIG_NOHOLD:
		p->sig_hold = 0;
		rts_clear(p, RTS_SIG_HELD);
		return OK;
	case KSIG_DONE:
		if (!p->sig_pending)		/* else: the manager hears again */
			rts_clear(p, RTS_SIG_HELD);
		return OK;
	default:
		return -EINVAL;
	}
}
