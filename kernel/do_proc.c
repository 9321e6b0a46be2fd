/*
 * do_proc.c - process slots: SYS_FORK, SYS_EXEC, SYS_CLEAR, SYS_EXIT,
 * SYS_HOLD.
 *
 * Fork copies the parent's user pages eagerly, in passes (restart.c),
 * unless FORK_NOCOPY leaves the child's memory to VM (which shares frames
 * copy-on-write with SYS_VMSHARE/SYS_VMPROT).  The child gets the parent's
 * registers, privileges (less PF_VM and PF_SIG_MGR: one VM, managers are
 * named), signal manager, scheduling and grant table (the table lives in
 * the copied memory), returns 0 in eax and runs at once, or after
 * SYS_HOLD's release with FORK_HOLD.  A parent blocked in sendrec (PM forking it)
 * has a child blocked the same way: both get the reply meant for them.
 * The caller gets the child's endpoint as the result and in endpt2.
 *
 * Exec sets the entry point and stack, cancels any IPC the process was
 * blocked in, forgets its grant and senda tables, takes the name given
 * ("exec" if none) and lets a stopped process run again (a new instance
 * in a kept slot); the new image is the caller's business, through
 * SYS_MEMMAP and copies.
 *
 * Exit and a crash keep the slot when the process has a signal manager:
 * it is stopped, told (SIGKEXIT / the signal) and frees the slot with
 * SYS_CLEAR when it wants; do_slot.c has the rest.
 */
#include "system.h"

static struct proc *fork_start(struct proc *parent)
{
	struct proc *child;

	if (!(child = proc_alloc()))
		return NULL;
	if (arch_as_create(&child->as) != OK) {
		proc_free_slot(child);
		return NULL;
	}
	child->regs = parent->regs;
	child->regs.eax = 0;
	arch_fpu_sync(&parent->fpu);
	child->fpu = parent->fpu;
	child->priv = parent->priv;
	child->priv.flags &= ~(PF_VM | PF_SIG_MGR);
	child->sig_mgr = parent->sig_mgr;
	child->priority = parent->priority;
	child->quantum = child->ticks_left = parent->quantum;
	child->grant_table = parent->grant_table;
	child->grant_count = parent->grant_count;
	child->grant_epoch = parent->grant_epoch;
	kstrlcpy(child->name, parent->name, PROC_NAME_LEN);
	return child;
}

/* The child is built.  A parent waiting for a sendrec reply (PM forking
 * it) has a child waiting for the same reply; let it run (or hold it). */
static void fork_finish(struct proc *parent, struct proc *child, u32_t flags)
{
	if (parent->sendrec && (parent->rts_flags & RTS_RECEIVING) &&
	    !(parent->rts_flags & RTS_SENDING) && proc_lookup(parent->getfrom)) {
		child->sendrec = 1;
		child->getfrom = parent->getfrom;
		child->msgaddr = parent->msgaddr;
		child->rts_flags |= RTS_RECEIVING;
	}
	if (flags & FORK_HOLD)
		child->rts_flags |= RTS_HELD;
	rts_clear(child, RTS_NO_PRIV);
}

int do_fork(struct proc *caller, message *m)
{
	struct proc *parent, *child;
	u32_t flags = m->m_proc.flags, *done;
	int r;

	if ((r = kcall_target(caller, m->m_proc.endpt, &parent)) != OK)
		return r;
	if (flags & ~(FORK_NOCOPY | FORK_HOLD))
		return -EINVAL;
	done = restart_state(caller, m);
	if (caller->restart.child == NONE) {
		if (!(child = fork_start(parent)))
			return restart_done(caller, -EAGAIN);
		caller->restart.child = child->endpoint;
	} else if (!(child = proc_lookup(caller->restart.child))) {
		return restart_done(caller, -EAGAIN);
	}
	r = (flags & FORK_NOCOPY) ? OK :
		arch_as_copy(&child->as, &parent->as, done);
	if (r == ARCH_MORE)
		return restart_pass(caller, r);
	caller->restart.child = NONE;
	if (r != OK) {
		proc_kill(child, NULL);
		return restart_done(caller, r);
	}
	fork_finish(parent, child, flags);
	m->m_proc.endpt2 = child->endpoint;
	return restart_done(caller, child->endpoint);
}

/* Hold p off the CPU (a manager preparing a swap) or let it run again (a
 * FORK_HOLD child, or after the swap).  Holding the caller is EINVAL. */
int do_hold(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if ((r = kcall_target(caller, m->m_slot.endpt, &p)) != OK)
		return r;
	if (m->m_slot.hold) {
		if (p == caller || (p->rts_flags & RTS_HELD))
			return -EINVAL;
		rts_set(p, RTS_HELD);
		return OK;
	}
	if (!(p->rts_flags & RTS_HELD))
		return -EINVAL;
	rts_clear(p, RTS_HELD);
	return OK;
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
	rts_clear(p, RTS_SENDING | RTS_RECEIVING | RTS_STOPPED);
	p->sig_pending = 0;
	restart_drop(p);
	p->grant_table = 0;
	p->grant_count = 0;
	p->grant_epoch = 0;
	p->async_table = 0;
	p->async_count = 0;
	kstrlcpy(p->name, m->m_proc.name[0] ? m->m_proc.name : "exec",
		PROC_NAME_LEN);
	arch_init_regs(&p->regs, m->m_proc.ip, m->m_proc.sp);
	arch_fpu_drop(&p->fpu);		/* a new program starts with a clean FPU */
	if (p->priv.flags & PF_VM)
		vmfault_vm_new(p);		/* a new VM instance: faults waiting */
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
	if (proc_managed_stop(caller, SIGKEXIT))
		return EDONTREPLY;
	proc_kill(caller, NULL);
	return EDONTREPLY;
}
