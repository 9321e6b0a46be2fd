/*
 * ipc_notify.c - notifications: non-blocking, payload-free, coalescing.
 *
 * A notification that cannot be delivered at once sets the source's bit in
 * the destination's notify_pending map; any number of notifications from
 * one source before the destination receives collapse into one message.
 * The kernel's pseudo-processes (HARDWARE, CLOCK, SYSTEM) notify the same
 * way; the message carries the pending IRQ hooks or signal flag.
 */
#include "kernel.h"

static endpoint_t source_of(int id)
{
	if (id < NR_TASKS)
		return id - NR_TASKS;
	return proc_table[id - NR_TASKS].endpoint;
}

static void build_notify(struct proc *dst, endpoint_t src, message *m)
{
	kmemset(m, 0, sizeof(*m));
	m->m_source = src;
	m->m_type = NOTIFY_MESSAGE;
	m->m_notify.timestamp = clock_uptime;
	if (src == HARDWARE) {
		m->m_notify.interrupts = dst->irq_pending;
		dst->irq_pending = 0;
	}
	m->m_notify.sigs = src == SYSTEM;
}

/* Notify dst from src (a process endpoint or a task); never blocks. */
int ipc_notify_kernel(struct proc *dst, endpoint_t src)
{
	message m;

	if (ipc_ready_async(dst, src)) {
		build_notify(dst, src, &m);
		if (ipc_deliver_async(dst, &m) != -EAGAIN)
			return OK;
		dst->irq_pending |= m.m_notify.interrupts;	/* not taken */
	}
	pending_mark(dst, &dst->notify_pending, priv_id(src));
	return OK;
}

/* Deliver one pending notification matching 'from' to the receiving dst. */
int ipc_notify_check(struct proc *dst, endpoint_t from)
{
	message m;
	int id;

	for (id = 0; id < NR_SYS_IDS; id++) {
		if (!dst->notify_pending.w[id / 32]) {
			id |= 31;		/* a whole empty word */
			continue;
		}
		if (!map_isset(&dst->notify_pending, id))
			continue;
		if (from != ANY && priv_id(from) != id)
			continue;
		map_unset(&dst->notify_pending, id);
		build_notify(dst, source_of(id), &m);
		return ipc_deliver(dst, &m);
	}
	return -EAGAIN;
}
