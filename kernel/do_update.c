/*
 * do_update.c - SYS_UPDATE: swap two process slots for live update; the
 * same call on the same pair is the rollback.
 *
 * After the swap the new instance answers to the old endpoint.  What
 * belongs to the endpoint stays in the slot: the endpoint and slot number,
 * the queue of senders waiting to deliver to it, pending notifications
 * and asynchronous messages, pending IRQ bits and hooks, and privileges.
 * What belongs to the running program moves with it: registers, address
 * space, FPU state (synced from the FPU first), grant and senda tables,
 * its own blocked state, alarm, times.
 * A process blocked sending keeps sending to the same endpoint.  Neither
 * may be the caller (RS is updated by another instance of itself).
 */
#include "system.h"

static void swap_back_identity(struct proc *a, struct proc *b)
{
	struct proc t = *a;

	a->slot = b->slot, b->slot = t.slot;
	a->endpoint = b->endpoint, b->endpoint = t.endpoint;
	a->caller_q = b->caller_q, b->caller_q = t.caller_q;
	a->notify_pending = b->notify_pending, b->notify_pending = t.notify_pending;
	a->async_pending = b->async_pending, b->async_pending = t.async_pending;
	a->irq_pending = b->irq_pending, b->irq_pending = t.irq_pending;
	a->priv = b->priv, b->priv = t.priv;
}

/* Take p out of run and caller queues before its slot changes. */
static void detach(struct proc *p)
{
	sched_dequeue(p);
	if (p->rts_flags & RTS_SENDING)
		ipc_unlink_sender(p);
}

static void attach(struct proc *p)
{
	struct proc *dst, **pp;

	if ((p->rts_flags & RTS_SENDING) && (dst = proc_lookup(p->sendto))) {
		p->q_link = NULL;
		for (pp = &dst->caller_q; *pp; pp = &(*pp)->q_link)
			;
		*pp = p;
	}
	sched_requeue(p);
}

int do_update(struct proc *caller, message *m)
{
	struct proc *a, *b, t;
	int r;

	if ((r = kcall_target(caller, m->m_proc.endpt, &a)) != OK ||
	    (r = kcall_target(caller, m->m_proc.endpt2, &b)) != OK)
		return r;
	if (a == b || a == caller || b == caller)
		return -EINVAL;
	detach(a);
	detach(b);
	arch_fpu_sync(&a->fpu);		/* the FPU registers move with the program */
	arch_fpu_sync(&b->fpu);
	t = *a;
	*a = *b;
	*b = t;
	swap_back_identity(a, b);
	attach(a);
	attach(b);
	return OK;
}
