/*
 * do_priv.c - SYS_PRIVCTL (a process's IPC, kernel-call, IRQ and I/O
 * privileges, as RS sets them from a service's configuration; a struct
 * priv_info in the caller's memory, too big for a message) and
 * SYS_SCHEDCTL (priority and quantum, as a scheduler sets them).
 */
#include "system.h"

int do_privctl(struct proc *caller, message *m)
{
	struct priv_info pi;
	struct proc *p;
	vir_bytes info = m->m_privctl.info;
	int r, vm, gone;

	if ((r = kcall_target(caller, m->m_privctl.endpt, &p)) != OK)
		return r;
	switch (m->m_privctl.request) {
	case PRIV_GET:
		return arch_copy_to_user(&caller->as, info, &p->priv, sizeof(pi));
	case PRIV_SET:
		if ((r = arch_copy_from_user(&caller->as, info, &pi,
		    sizeof(pi))) != OK)
			return r;
		vm = !(p->priv.flags & PF_VM) && (pi.flags & PF_VM);
		gone = (p->priv.flags & PF_VM) && !(pi.flags & PF_VM);
		p->priv = pi;
		vmfault_vm_changed();
		if (gone)
			vmfault_vm_gone();
		if (vm)
			vmfault_vm_new(p);
		if (p->rts_flags & RTS_NO_PRIV)
			rts_clear(p, RTS_NO_PRIV);
		return OK;
	default:
		return -EINVAL;
	}
}

int do_schedctl(struct proc *caller, message *m)
{
	mess_lsys_krn_schedctl *sm = &m->m_schedctl;
	struct proc *p;
	int r;

	if ((r = kcall_target(caller, sm->endpt, &p)) != OK)
		return r;
	if (sm->priority < 0 || sm->priority >= IDLE_Q || sm->quantum <= 0 ||
	    sm->quantum > 100 * HZ)
		return -EINVAL;
	sched_dequeue(p);
	p->priority = sm->priority;
	p->quantum = p->ticks_left = sm->quantum;
	sched_requeue(p);
	return OK;
}
