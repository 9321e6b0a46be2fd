/*
 * do_slot.c - slots that outlive their process: SYS_SIGMGR names a
 * process's signal manager, SYS_CLEARREFS fails everything waiting on an
 * endpoint while keeping its slot.
 *
 * With a manager, a crash (a fault signal) or an exit does not free the
 * slot: the process is stopped and its manager notified (SYSTEM; the
 * signal, or SIGKEXIT for an exit, comes from SYS_GETKSIG).  Only SYS_CLEAR
 * frees the slot.  So RS can fail the clients blocked on a crashed server
 * (SYS_CLEARREFS, they get the error, EDEADSRCDST by default), start a new
 * instance behind the same endpoint (SYS_EXEC of the kept slot, or
 * SYS_UPDATE with a fresh copy), and the clients' next sendrec reaches it.
 */
#include "system.h"

/* p's manager if it names one that is alive and not itself, else NULL. */
struct proc *proc_manager(const struct proc *p)
{
	struct proc *mgr;

	if (p->sig_mgr == NONE || !(mgr = proc_lookup(p->sig_mgr)) || mgr == p)
		return NULL;
	return mgr;
}

/* If p has a manager: stop p, keep the slot, post sig; 1.  Else 0. */
int proc_managed_stop(struct proc *p, int sig)
{
	struct proc *mgr = proc_manager(p);

	if (!mgr)
		return 0;
	rts_set(p, RTS_STOPPED);
	if (p->priv.flags & PF_VM)
		vmfault_vm_gone();		/* offered again on restart */
	p->sig_pending |= 1u << sig;
	p->alarm_at = 0;
	ipc_notify_kernel(mgr, SYSTEM);
	return 1;
}

int do_sigmgr(struct proc *caller, message *m)
{
	struct proc *p, *mgr;
	int r;

	if ((r = kcall_target(caller, m->m_slot.endpt, &p)) != OK)
		return r;
	if (m->m_slot.mgr != NONE &&
	    (r = kcall_target(caller, m->m_slot.mgr, &mgr)) != OK)
		return r;
	p->sig_mgr = m->m_slot.mgr == NONE ? NONE : mgr->endpoint;
	return OK;
}

int do_clearrefs(struct proc *caller, message *m)
{
	struct proc *p;
	int r, err = m->m_slot.error ? m->m_slot.error : -EDEADSRCDST;

	if ((r = kcall_target(caller, m->m_slot.endpt, &p)) != OK)
		return r;
	if (err >= 0 || err <= -2000)
		return -EINVAL;
	if (p == caller)
		return -EINVAL;
	ipc_clear_refs(p, err);
	if (p->rts_flags & (RTS_SENDING | RTS_RECEIVING))
		p->regs.eax = (u32_t)err;	/* its own IPC fails too */
	p->sendrec = 0;
	rts_clear(p, RTS_SENDING | RTS_RECEIVING);
	return OK;
}
