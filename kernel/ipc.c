/*
 * ipc.c - synchronous message passing: send, receive, sendrec, sendnb.
 *
 * Messages are 64 bytes and stay in the sender's memory until delivery:
 * a blocked sender is queued on the destination's caller queue, and the
 * kernel copies its message straight into the receiver's buffer when the
 * receiver asks.  m_source is always set by the kernel.
 *
 * Checks, in order: the operation is allowed (priv.ipc_ops), the endpoint
 * is well formed (EBADEPT), the target is allowed (ECALLDENIED), it is
 * alive (EDEADSRCDST), the caller's buffer is mapped (EFAULT).  Before any
 * process blocks on a given endpoint, the chain of blocked processes it
 * would wait on is followed; coming back to the caller means a cycle, and
 * the call fails with ELOCKED instead of blocking forever.
 *
 * A receiver's buffer is checked when it starts waiting.  If it becomes
 * unmapped or read-only before delivery, with VM present: a send fails
 * with the fault recorded, so VM maps the page and the send is retried
 * once; a notification or senda message stays pending while the receiver
 * is handed to VM and re-executes its receive (ipc_deliver_async).
 * Without VM the receiver is killed (SIGSEGV) and a sender gets
 * EDEADSRCDST.
 */
#include "kernel.h"

typedef int (*ipc_handler)(struct proc *caller, endpoint_t e, vir_bytes m,
	u32_t count);

/* Is p waiting in receive for a message from src? */
static int ready_for(const struct proc *p, endpoint_t src)
{
	return (p->rts_flags & (RTS_RECEIVING | RTS_SENDING)) == RTS_RECEIVING &&
		(p->getfrom == ANY || p->getfrom == src);
}

/* Is p waiting for a notification or asynchronous message from src? */
int ipc_ready_async(const struct proc *p, endpoint_t src)
{
	return !p->sendrec && ready_for(p, src);
}

/* Store m in dst's waiting buffer and wake it; EFAULT (recorded for VM,
 * dst untouched) if the buffer is gone. */
int ipc_deliver_try(struct proc *dst, const message *m)
{
	if (arch_copy_to_user(&dst->as, dst->msgaddr, m, sizeof(*m)) != OK)
		return -EFAULT;
	dst->regs.eax = OK;
	dst->sendrec = 0;
	dst->vmf.retried = 0;		/* it got through: later faults are new */
	rts_clear(dst, RTS_RECEIVING);
	return OK;
}

/* As ipc_deliver_try, but a vanished buffer kills dst. */
int ipc_deliver(struct proc *dst, const message *m)
{
	if (ipc_deliver_try(dst, m) == OK)
		return OK;
	proc_kill(dst, "receive buffer unmapped (SIGSEGV)");
	return -EDEADSRCDST;
}

/* Deliver a notification or senda message to the waiting dst (never the
 * caller).  If dst's buffer is absent or read-only (copy-on-write) and VM
 * exists, dst is handed to VM and will re-execute its receive: -EAGAIN
 * says the message stays pending.  Without VM dst is killed as before. */
int ipc_deliver_async(struct proc *dst, const message *m)
{
	vir_bytes a = dst->msgaddr;

	if (vmfault_enabled() &&
	    arch_check_user(&dst->as, a, sizeof(*m), 1) != OK) {
		if (arch_check_user(&dst->as, a, 1, 1) == OK)
			a += sizeof(*m) - 1;	/* the second page is the bad one */
		if (vmfault_receiver(dst, a) == OK)
			return -EAGAIN;
	}
	return ipc_deliver(dst, m);
}

/* Would caller waiting on target close a cycle of blocked processes? */
static int deadlock(const struct proc *caller, endpoint_t target)
{
	struct proc *xp;
	int hops;

	for (hops = 0; hops <= NR_PROCS; hops++) {
		if (target == caller->endpoint)
			return 1;
		if (!(xp = proc_lookup(target)))
			return 0;
		if (xp->rts_flags & RTS_SENDING)
			target = xp->sendto;
		else if (xp->rts_flags & RTS_RECEIVING)
			target = xp->getfrom;
		else
			return 0;
		if (target == ANY)
			return 0;
	}
	return 0;
}

/* Resolve a send target: well formed, allowed, alive. */
static int send_target(struct proc *caller, endpoint_t e, struct proc **dst)
{
	int id = priv_id(e), r;

	if (e < 0 || id < 0)
		return -EBADEPT;
	if (!map_isset(priv_ipc_to(&caller->priv), id))
		return -ECALLDENIED;
	if ((r = proc_ep_ok(e, dst)) != OK)
		return r;
	return OK;
}

/* Remove p from the caller queue of the process it is sending to. */
void ipc_unlink_sender(struct proc *p)
{
	struct proc *dst = proc_lookup(p->sendto), **pp;

	if (!dst)
		return;
	for (pp = &dst->caller_q; *pp; pp = &(*pp)->q_link)
		if (*pp == p) {
			*pp = p->q_link;
			p->q_link = NULL;
			return;
		}
}

#define SEND_NONBLOCK 1	/* sendnb: ENOTREADY rather than block */
#define SEND_RW       2	/* sendrec: the buffer must be writable too */

static int mini_send(struct proc *caller, endpoint_t e, vir_bytes maddr,
	int flags)
{
	struct proc *dst, **pp;
	message m;
	int r;

	if ((r = send_target(caller, e, &dst)) != OK)
		return r;
	if ((flags & SEND_RW ? arch_copy_from_user_rw :
	     arch_copy_from_user)(&caller->as, maddr, &m, sizeof(m)) != OK)
		return -EFAULT;
	m.m_source = caller->endpoint;
	if (ready_for(dst, caller->endpoint)) {
		/* With VM, a vanished receive buffer is VM's to restore: the
		 * fault is recorded and the send retried (vmfault.c). */
		if ((r = ipc_deliver_try(dst, &m)) == OK ||
		    vmfault_enabled())
			return r;
		return ipc_deliver(dst, &m);
	}
	if (flags & SEND_NONBLOCK)
		return -ENOTREADY;
	if (deadlock(caller, e))
		return -ELOCKED;
	caller->sendto = e;
	caller->msgaddr = maddr;
	caller->q_link = NULL;
	for (pp = &dst->caller_q; *pp; pp = &(*pp)->q_link)
		;
	*pp = caller;
	rts_set(caller, RTS_SENDING);
	return EDONTREPLY;
}

/* Take a message from a queued sender matching src; OK if one came. */
static int take_queued(struct proc *caller, endpoint_t src)
{
	struct proc **pp, *s;
	message m;

	for (pp = &caller->caller_q; (s = *pp); ) {
		if (src != ANY && s->endpoint != src) {
			pp = &s->q_link;
			continue;
		}
		*pp = s->q_link;
		s->q_link = NULL;
		if (arch_copy_from_user(&s->as, s->msgaddr, &m, sizeof(m)) != OK) {
			s->regs.eax = -EFAULT;
			s->sendrec = 0;
			rts_clear(s, RTS_SENDING | RTS_RECEIVING);
			continue;
		}
		m.m_source = s->endpoint;
		s->regs.eax = OK;
		rts_clear(s, RTS_SENDING);
		if (s->sig_delay)
			sig_delay_done(s);
		return ipc_deliver(caller, &m);
	}
	return -EAGAIN;
}

/* Receive into maddr.  'after_send': sendrec's receive, right after its
 * send was delivered to src: maddr is known to be writable, src alive, and
 * src no longer sending or receiving (the delivery woke it), so neither
 * the endpoint nor a deadlock needs checking again. */
static int mini_receive(struct proc *caller, endpoint_t src, vir_bytes maddr,
	int after_send)
{
	struct proc *sp;
	int r;

	if (!after_send && src != ANY && (src >= 0 || src < -NR_TASKS) &&
	    (r = proc_ep_ok(src, &sp)) != OK)
		return r;
	if (!after_send &&
	    arch_check_user(&caller->as, maddr, sizeof(message), 1) != OK)
		return -EFAULT;
	caller->msgaddr = maddr;
	caller->getfrom = src;
	rts_set(caller, RTS_RECEIVING);
	if ((!caller->sendrec && map_any(&caller->notify_pending) &&
	     ipc_notify_check(caller, src) == OK) ||
	    take_queued(caller, src) == OK)
		return OK;
	if (!caller->sendrec && map_any(&caller->async_pending) &&
	    (r = ipc_try_async(caller, src)) != -EAGAIN) {
		if (r == -EFAULT)	/* a sender's senda table: VM's to map */
			rts_clear(caller, RTS_RECEIVING);
		return r;
	}
	if (!after_send && src != ANY && src >= 0 && deadlock(caller, src)) {
		rts_clear(caller, RTS_RECEIVING);
		return -ELOCKED;
	}
	return EDONTREPLY;
}

static int do_send(struct proc *caller, endpoint_t e, vir_bytes m, u32_t n)
{
	(void)n;
	return mini_send(caller, e, m, 0);
}

static int do_sendnb(struct proc *caller, endpoint_t e, vir_bytes m, u32_t n)
{
	(void)n;
	return mini_send(caller, e, m, SEND_NONBLOCK);
}

static int do_receive(struct proc *caller, endpoint_t e, vir_bytes m, u32_t n)
{
	(void)n;
	return mini_receive(caller, e, m, 0);
}

/* Send, then wait for the reply from the same endpoint in the same buffer. */
static int do_sendrec(struct proc *caller, endpoint_t e, vir_bytes m, u32_t n)
{
	int r;

	(void)n;
	caller->sendrec = 1;		/* the reply only: no notify, no senda */
	r = mini_send(caller, e, m, SEND_RW);	/* checks m is writable too */
	if (r == OK)
		r = mini_receive(caller, e, m, 1);
	else if (r == EDONTREPLY) {
		caller->getfrom = e;
		caller->rts_flags |= RTS_RECEIVING;	/* already off the run queue */
	}
	if (r != EDONTREPLY)
		caller->sendrec = 0;
	return r;
}

static int do_notify(struct proc *caller, endpoint_t e, vir_bytes m, u32_t n)
{
	struct proc *dst;
	int r;

	(void)m, (void)n;
	if ((r = send_target(caller, e, &dst)) != OK)
		return r;
	return ipc_notify_kernel(dst, caller->endpoint);
}

static int do_senda(struct proc *caller, endpoint_t e, vir_bytes m, u32_t n)
{
	(void)e;
	return ipc_async_send(caller, m, n);
}

static const ipc_handler ipc_table[IPC_NR_OPS] = {
	[IPC_SEND] = do_send,
	[IPC_RECEIVE] = do_receive,
	[IPC_SENDREC] = do_sendrec,
	[IPC_NOTIFY] = do_notify,
	[IPC_SENDNB] = do_sendnb,
	[IPC_SENDA] = do_senda,
};

/* The IPC trap: check the operation is known and allowed, then run it. */
int ipc_dispatch(struct proc *caller, int op, endpoint_t e, vir_bytes m,
	u32_t count)
{
	if (op <= 0 || op >= IPC_NR_OPS || !ipc_table[op])
		return -ENOSYS;
	if (!(caller->priv.ipc_ops & (1u << op)))
		return -ECALLDENIED;
	return ipc_table[op](caller, e, m, count);
}

/* Fail everything that waits on p with err, and drop what p left pending
 * for others; p's own IPC is cancelled too.  The slot is p's business. */
void ipc_clear_refs(struct proc *p, int err)
{
	int id = priv_id(p->endpoint), i;
	struct proc *q;

	if (p->rts_flags & RTS_SENDING)
		ipc_unlink_sender(p);
	while ((q = p->caller_q)) {
		p->caller_q = q->q_link;
		q->q_link = NULL;
		q->regs.eax = (u32_t)err;
		q->sendrec = 0;
		rts_clear(q, RTS_SENDING | RTS_RECEIVING);
	}
	for (i = 0; i < NR_PROCS; i++) {
		q = &proc_table[i];
		if (q == p || (q->rts_flags & RTS_SLOT_FREE))
			continue;
		map_unset(&q->notify_pending, id);
		map_unset(&q->async_pending, id);
		if ((q->rts_flags & RTS_RECEIVING) && q->getfrom == p->endpoint) {
			q->regs.eax = (u32_t)err;
			q->sendrec = 0;
			rts_clear(q, RTS_RECEIVING);
		}
	}
}

/* Fail everything that waits on the dying process 'dead'. */
void ipc_cleanup_dead(struct proc *dead)
{
	ipc_clear_refs(dead, -EDEADSRCDST);
}
