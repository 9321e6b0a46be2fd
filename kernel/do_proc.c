/*
 * do_proc.c - process slots: SYS_FORK, SYS_EXEC, SYS_CLEAR, SYS_EXIT.
 *
 * Until VM exists, fork copies the parent's user pages eagerly.  The child
 * gets the parent's registers, privileges and scheduling, returns 0 in eax
 * and is runnable at once; the caller gets the child's endpoint as the
 * result and in endpt2.  Exec sets the entry point and stack and cancels
 * any IPC the process was blocked in (the new image is the caller's
 * business, through SYS_MEMMAP and copies).
 */
#include "system.h"

int do_fork(struct proc *caller, message *m)
{
	struct proc *parent, *child;
	int r;

	if ((r = kcall_target(caller, m->m_proc.endpt, &parent)) != OK)
		return r;
	if (!(child = proc_alloc()))
		return -EAGAIN;
	if ((r = arch_as_create(&child->as)) != OK ||
	    (r = arch_as_copy(&child->as, &parent->as)) != OK) {
		arch_as_destroy(&child->as);
		proc_free_slot(child);
		return r;
	}
	child->regs = parent->regs;
	child->regs.eax = 0;
	arch_fpu_sync(&parent->fpu);
	child->fpu = parent->fpu;
	child->priv = parent->priv;
	child->priority = parent->priority;
	child->quantum = child->ticks_left = parent->quantum;
	kstrlcpy(child->name, parent->name, PROC_NAME_LEN);
	m->m_proc.endpt2 = child->endpoint;
	rts_clear(child, RTS_NO_PRIV);
	return child->endpoint;
}

int do_exec(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if ((r = kcall_target(caller, m->m_proc.endpt, &p)) != OK)
		return r;
	if (m->m_proc.ip < USER_BASE || m->m_proc.ip >= USER_TOP ||
	    m->m_proc.sp < USER_BASE || m->m_proc.sp > USER_TOP)
		return -EINVAL;
	if (p == caller)
		return -EINVAL;		/* the caller's own registers are saved on return */
	if (p->rts_flags & RTS_SENDING)
		ipc_unlink_sender(p);
	p->sendrec = 0;
	rts_clear(p, RTS_SENDING | RTS_RECEIVING);
	arch_init_regs(&p->regs, m->m_proc.ip, m->m_proc.sp);
	arch_fpu_drop(&p->fpu);		/* a new program starts with a clean FPU */
	return OK;
}

int do_clear(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if ((r = kcall_target(caller, m->m_proc.endpt, &p)) != OK)
		return r;
	proc_kill(p, NULL);
	return p == caller ? EDONTREPLY : OK;
}

int do_exit(struct proc *caller, message *m)
{
	(void)m;
	proc_kill(caller, NULL);
	return EDONTREPLY;
}
