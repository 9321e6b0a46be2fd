/*
 * do_update.c - SYS_UPDATE: swap two process slots for live update; the
 * same call on the same pair is the rollback.
 *
 * Only in a safe state (else EBUSY): both processes held off the CPU
 * (SYS_HOLD, or stopped for their manager), and neither in the middle of
 * a sendrec, blocked sending, or waiting for VM; a swap there would hand
 * one instance the other's reply or fault.  A plain receive is fine: the
 * receive is part of the program and restarts where it was.
 *
 * After the swap the new instance answers to the old endpoint.  What
 * belongs to the endpoint stays in the slot: the endpoint and slot number,
 * the queue of senders waiting to deliver to it, pending notifications
 * and asynchronous messages to it, pending IRQ bits and hooks,
 * privileges, signal manager, pending signals and the alarm (each of which
 * therefore arrives once, at the endpoint it was meant for).  What belongs
 * to the running program moves with it: registers, address space, FPU
 * state (synced from the FPU first), grant
 * table with its epoch (so ids the old instance handed out never resolve
 * in the new one's table), its senda table (receivers' pending bits move
 * along, so each message goes once, from the program's new endpoint), its
 * own blocked state, times.  Neither may be the caller (RS is updated by
 * another instance of itself).  If one is VM, the faults it held are
 * offered to whoever is VM after the swap.
 */
#include "system.h"

#define SWAP(f) (t = *a, a->f = b->f, b->f = t.f)

static void swap_back_identity(struct proc *a, struct proc *b)
{
	struct proc t;

	SWAP(slot);
	SWAP(endpoint);
	SWAP(caller_q);
	SWAP(notify_pending);
	SWAP(async_pending);
	SWAP(pending_hint);
	SWAP(irq_pending);
	SWAP(priv);
	SWAP(sig_mgr);
	SWAP(sig_pending);
	SWAP(alarm_at);
}

/* Receivers' "senda pending from" bits follow the senda tables. */
static void swap_async_bits(const struct proc *a, const struct proc *b)
{
	int ia = priv_id(a->endpoint), ib = priv_id(b->endpoint), i;

	for (i = 0; i < NR_PROCS; i++) {
		struct proc *q = &proc_table[i];
		sys_map_t *m = &q->async_pending;
		int xa = map_isset(m, ia), xb = map_isset(m, ib);

		if (xa == xb)
			continue;
		if (xb) {
			pending_mark(q, m, ia);
			map_unset(m, ib);
		} else {
			pending_mark(q, m, ib);
			map_unset(m, ia);
		}
	}
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

static int safe(const struct proc *p)
{
	return (p->rts_flags & (RTS_STOPPED | RTS_HELD)) && !p->sendrec &&
		!(p->rts_flags & (RTS_SENDING | RTS_VMFAULT));
}

int do_update(struct proc *caller, message *m)
{
	struct proc *a, *b, t;
	int r, vm;

	if ((r = kcall_target(caller, m->m_proc.endpt, &a)) != OK ||
	    (r = kcall_target(caller, m->m_proc.endpt2, &b)) != OK)
		return r;
	if (a == b || a == caller || b == caller)
		return -EINVAL;
	if (!safe(a) || !safe(b))
		return -EBUSY;
	vm = (a->priv.flags | b->priv.flags) & PF_VM;
	detach(a);
	detach(b);
	arch_fpu_sync(&a->fpu);		/* the FPU registers move with the program */
	arch_fpu_sync(&b->fpu);
	swap_async_bits(a, b);
	t = *a;
	*a = *b;
	*b = t;
	swap_back_identity(a, b);
	attach(a);
	attach(b);
	if (vm) {
		vmfault_vm_gone();
		vmfault_vm_new((a->priv.flags & PF_VM) ? a : b);
	}
	return OK;
}
