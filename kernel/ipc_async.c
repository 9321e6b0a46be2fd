/*
 * ipc_async.c - senda: asynchronous messages from a table in the sender's
 * memory.
 *
 * senda(table, count) registers the table (replacing any earlier one) and
 * delivers every entry whose destination is already waiting.  For the rest
 * the destination's async_pending map remembers the sender; when the
 * destination next receives, the kernel reads the sender's table again,
 * delivers the first matching entry and writes back result and AMF_DONE.
 * Entries that can never be delivered (dead, forbidden or bad destination)
 * are completed at once with the error in 'result'.  The sender never
 * blocks; a table that is not readable/writable makes senda fail with
 * EFAULT.  Found later (VM made the page absent or read-only), with VM the
 * receiver's receive faults to VM for the sender's page and runs again;
 * without VM the rest of the table is dropped.  A destination whose own
 * buffer is not writable waits for VM the same way (ipc_deliver_async).
 */
#include "kernel.h"

static int entry_rw(struct proc *s, u32_t i, asynmsg_t *a, int write)
{
	vir_bytes addr = s->async_table + i * sizeof(asynmsg_t);

	if (write)
		return arch_copy_to_user(&s->as, addr, a, 3 * sizeof(u32_t));
	return arch_copy_from_user(&s->as, addr, a, sizeof(*a));
}

/* Try entry a of sender s; returns 1 if it is completed (DONE). */
static int async_try_entry(struct proc *s, asynmsg_t *a)
{
	struct proc *dst = NULL;
	int id = priv_id(a->dst), r;

	if (a->dst < 0 || id < 0)
		r = -EBADEPT;
	else if (!map_isset(priv_ipc_to(&s->priv), id))
		r = -ECALLDENIED;
	else
		r = proc_ep_ok(a->dst, &dst);
	if (r == OK && !ipc_ready_async(dst, s->endpoint)) {
		pending_mark(dst, &dst->async_pending, priv_id(s->endpoint));
		return 0;
	}
	if (r == OK) {
		a->msg.m_source = s->endpoint;
		r = ipc_deliver_async(dst, &a->msg);
		if (r == -EAGAIN) {		/* dst's buffer is VM's to fix */
			pending_mark(dst, &dst->async_pending, priv_id(s->endpoint));
			return 0;
		}
	}
	a->result = r;
	a->flags |= AMF_DONE;
	return 1;
}

/* The senda call: register the table and deliver what can go now. */
int ipc_async_send(struct proc *caller, vir_bytes table, u32_t count)
{
	asynmsg_t a;
	u32_t i;

	if (count > ASYNC_MAX)
		return -EINVAL;
	if (count && arch_check_user(&caller->as, table,
	    count * sizeof(asynmsg_t), 1) != OK)
		return -EFAULT;
	caller->async_table = table;
	caller->async_count = count;
	for (i = 0; i < count; i++) {
		if (entry_rw(caller, i, &a, 0) != OK)
			return -EFAULT;
		if (!(a.flags & AMF_VALID) || (a.flags & AMF_DONE))
			continue;
		if (async_try_entry(caller, &a) && entry_rw(caller, i, &a, 1) != OK)
			return -EFAULT;
	}
	return OK;
}

/* Deliver sender s's first entry for the receiving dst; OK if one went.
 * An entry that cannot be read, or whose result cannot be written back,
 * is -EFAULT with VM (the fault recorded: VM fixes s's page and dst's
 * receive runs again), else the rest of the table is dropped. */
static int async_from(struct proc *s, struct proc *dst)
{
	asynmsg_t a;
	u32_t i;
	int sent = 0, more = 0;

	for (i = 0; i < s->async_count && !more; i++) {
		if (entry_rw(s, i, &a, 0) != OK) {
			if (vmfault_enabled())
				return -EFAULT;
			break;
		}
		if (!(a.flags & AMF_VALID) || (a.flags & AMF_DONE) ||
		    a.dst != dst->endpoint)
			continue;
		if (sent) {
			more = 1;
			break;
		}
		if (arch_check_user(&s->as, s->async_table + i * sizeof(a),
		    3 * sizeof(u32_t), 1) != OK) {
			if (vmfault_enabled())
				return -EFAULT;
			break;
		}
		a.msg.m_source = s->endpoint;
		a.result = ipc_deliver(dst, &a.msg);
		a.flags |= AMF_DONE;
		entry_rw(s, i, &a, 1);
		sent = 1;
	}
	if (!more)
		map_unset(&dst->async_pending, priv_id(s->endpoint));
	return sent ? OK : -EAGAIN;
}

/* Deliver a pending asynchronous message from 'from' (or ANY) to dst. */
int ipc_try_async(struct proc *dst, endpoint_t from)
{
	int id, r;

	for (id = NR_TASKS; id < NR_SYS_IDS; id++) {
		struct proc *s = &proc_table[id - NR_TASKS];

		if (!dst->async_pending.w[id / 32]) {
			id |= 31;		/* a whole empty word */
			continue;
		}
		if (!map_isset(&dst->async_pending, id))
			continue;
		if (from != ANY && s->endpoint != from)
			continue;
		if ((r = async_from(s, dst)) == OK || r == -EFAULT)
			return r;
	}
	return -EAGAIN;
}
