/*
 * ipc_fast.c - the L4-style fast path for the IPC that servers and their
 * clients do all the time: a sendrec (or send, sendnb) to a process that
 * already waits in receive for the caller, and a receive(ANY) that finds
 * nothing waiting.  It runs before the slow path (ipc.c) on every IPC
 * trap and either finishes the call or changes nothing at all, so every
 * case it does not handle is the slow path's, with the slow path's
 * checks, faults and errors.
 *
 * The message is copied once, straight from the sender's page to the
 * receiver's through the identity mapping of physical memory (one page
 * walk each side, 16 rep steps), and the run queues are moved in O(1)
 * (sched.c: the running process is the head of its queue): a sendrec
 * blocks the caller and puts the receiver at the head of its queue, so
 * it runs next (L4's direct switch) unless a higher priority is ready.
 *
 * The slow path is taken whenever any of these holds, each checked on
 * one word:
 *   - the operation is not allowed (priv.ipc_ops) or the target is not
 *     (priv.ipc_to), the endpoint is a task's, malformed, dead or stale;
 *   - the receiver's rts_flags are anything but RTS_RECEIVING alone: so it
 *     is not stopped, held, inhibited, signal-held, waiting on VM, still
 *     sending (a sendrec's first half), or not waiting at all; or it waits
 *     for someone else;
 *   - either message is not wholly in one present user page (writable for
 *     the receiver, and for a sendrec's caller, who gets the reply in the
 *     same buffer), or the two overlap: a delivery that would fault goes
 *     the slow way, which hands it to VM;
 *   - the caller has a kernel call in passes (restart.active);
 *   - a receive: its source is not ANY, a sender is queued, a notification
 *     or senda message is pending (the maps are not empty), or the caller
 *     is not the head of its run queue.
 * FPU state is untouched (switching is lazy, trap.c's tail does it), and
 * the signal state needs nothing: a pending kernel signal has already
 * stopped or held its process (an rts flag), and sig_delay only concerns
 * a sender that blocked, which a fast send never does.
 */
#include "kernel.h"
#include "arch/i386/walk.h"

STATIC_ASSERT(IPC_NR_OPS <= 8, ipc_stats_size);

struct ipc_stats ipc_stats;

/* The process e names if the caller may send to it and it waits in
 * receive for the caller with nothing else holding it; else NULL. */
static inline __attribute__((always_inline)) struct proc *fast_target(struct proc *caller, endpoint_t e)
{
	struct proc *dst;

	if (proc_ep_ok(e, &dst) != OK ||
	    !map_isset(priv_ipc_to(&caller->priv), NR_TASKS + ENDPOINT_SLOT(e)))
		return NULL;
	if (dst->rts_flags != RTS_RECEIVING ||
	    (dst->getfrom != ANY && dst->getfrom != caller->endpoint))
		return NULL;
	return dst;
}

/* Copy caller's message at m into dst's waiting buffer with m_source set,
 * and let dst's receive return OK.  0 (nothing done) unless both are
 * present, in one page each, apart, and writable where they must be. */
static inline __attribute__((always_inline)) int fast_deliver(struct proc *caller, vir_bytes m, int rw,
	struct proc *dst)
{
	u8_t *s, *d;

	if (!(s = arch_msg_ptr(&caller->as, m, rw)) ||
	    !(d = arch_msg_ptr(&dst->as, dst->msgaddr, 1)) ||
	    (d < s + sizeof(message) && s < d + sizeof(message)))
		return 0;
	arch_copy_msg(d, s);
	((message *)d)->m_source = caller->endpoint;
	dst->regs.eax = OK;
	dst->sendrec = 0;
	dst->vmf.retried = 0;		/* it got through: later faults are new */
	return 1;
}

/* sendrec: deliver, block the caller for the reply, run the receiver. */
static int fast_sendrec(struct proc *caller, const struct trapframe *tf)
{
	struct proc *dst = fast_target(caller, (endpoint_t)tf->ebx);

	if (!dst || !sched_is_head(caller) ||
	    !fast_deliver(caller, tf->ecx, 1, dst))
		return 0;
	caller->sendrec = 1;		/* the reply only: no notify, no senda */
	caller->getfrom = dst->endpoint;
	caller->msgaddr = tf->ecx;
	sched_handoff(caller, RTS_RECEIVING, dst, RTS_RECEIVING);
	return 1;
}

/* send, sendnb: deliver and go on; the receiver joins its run queue. */
static int fast_send(struct proc *caller, const struct trapframe *tf)
{
	struct proc *dst = fast_target(caller, (endpoint_t)tf->ebx);

	if (!dst || !fast_deliver(caller, tf->ecx, 0, dst))
		return 0;
	rts_clear(dst, RTS_RECEIVING);
	caller->regs.eax = OK;
	caller->vmf.retried = 0;	/* the call got through */
	return 1;
}

/* receive(ANY) with nothing waiting: block.  The maps are scanned only
 * when pending_mark set a bit since they were last seen empty. */
static int fast_receive(struct proc *caller, const struct trapframe *tf)
{
	if ((endpoint_t)tf->ebx != ANY || caller->caller_q ||
	    !sched_is_head(caller) || !arch_msg_ptr(&caller->as, tf->ecx, 1))
		return 0;
	if (caller->pending_hint) {
		if (map_any(&caller->notify_pending) ||
		    map_any(&caller->async_pending))
			return 0;
		caller->pending_hint = 0;
	}
	caller->msgaddr = tf->ecx;
	caller->getfrom = ANY;
	sched_block_head(caller, RTS_RECEIVING);
	return 1;
}

typedef int (*fast_handler)(struct proc *caller, const struct trapframe *tf);

static const fast_handler fast_table[IPC_NR_OPS] = {
	[IPC_SEND] = fast_send,
	[IPC_SENDNB] = fast_send,
	[IPC_SENDREC] = fast_sendrec,
	[IPC_RECEIVE] = fast_receive,
};

/* The IPC trap in tf from the running caller: 1 if the fast path did it
 * (registers and queues updated; trap.c picks who runs), 0 if the slow
 * path must, nothing having changed. */
int ipc_fast(struct proc *caller, const struct trapframe *tf)
{
	u32_t op = tf->eax;

	if (op >= IPC_NR_OPS) {
		ipc_stats.traps[0]++;
		return 0;
	}
	ipc_stats.traps[op]++;
	if (!fast_table[op] || !(caller->priv.ipc_ops & (1u << op)) ||
	    caller->restart.active || !fast_table[op](caller, tf))
		return 0;
	ipc_stats.fast[op]++;
	return 1;
}
