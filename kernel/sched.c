/*
 * sched.c - priority run queues with quanta.
 *
 * One FIFO per priority; the head of the highest non-empty queue runs.
 * The running process stays at the head of its queue; when its quantum
 * runs out at a clock tick it moves to the tail with a fresh quantum
 * (round robin within a priority).  When nothing is runnable the kernel
 * idles with interrupts on, inside sched_pick().
 *
 * The IPC fast path (ipc_fast.c) moves processes in O(1): at a trap from
 * user mode the running process is the head of the highest non-empty
 * queue (it was picked, and nothing ran since), so blocking it is taking
 * the head off, and the receiver it wakes may be put at the head of its
 * queue to run next (L4's direct switch) when no higher priority waits.
 */
#include "kernel.h"

static struct proc *rdy_head[NR_SCHED_QUEUES];
static struct proc *rdy_tail[NR_SCHED_QUEUES];
static u32_t rdy_mask;			/* bit q: queue q is not empty */
STATIC_ASSERT(NR_SCHED_QUEUES <= 32, rdy_mask_width);

static void enqueue(struct proc *p)
{
	int q = p->priority;

	p->next_ready = NULL;
	if (rdy_head[q])
		rdy_tail[q]->next_ready = p;
	else
		rdy_head[q] = p;
	rdy_tail[q] = p;
	rdy_mask |= 1u << q;
}

/* Remove p from its run queue, if it is in one. */
void sched_dequeue(struct proc *p)
{
	int q = p->priority;
	struct proc **pp, *prev = NULL;

	for (pp = &rdy_head[q]; *pp; prev = *pp, pp = &(*pp)->next_ready) {
		if (*pp != p)
			continue;
		*pp = p->next_ready;
		if (rdy_tail[q] == p)
			rdy_tail[q] = prev;
		if (!rdy_head[q])
			rdy_mask &= ~(1u << q);
		p->next_ready = NULL;
		return;
	}
}

/* Put a runnable p that is in no queue back at the tail of its queue. */
void sched_requeue(struct proc *p)
{
	if (!p->rts_flags)
		enqueue(p);
}

/* Add a blocking reason; a runnable process leaves the run queue. */
void rts_set(struct proc *p, u32_t flag)
{
	if (!p->rts_flags)
		sched_dequeue(p);
	p->rts_flags |= flag;
}

/* Remove a blocking reason; the last one makes p runnable. */
void rts_clear(struct proc *p, u32_t flag)
{
	if (!p->rts_flags)
		return;
	p->rts_flags &= ~flag;
	if (!p->rts_flags)
		enqueue(p);
}

/* Is p the head of its queue (the fast path's precondition)? */
int sched_is_head(const struct proc *p)
{
	return rdy_head[p->priority] == p;
}

/* Block the running p, the head of its queue, for 'flag'. */
void sched_block_head(struct proc *p, u32_t flag)
{
	int q = p->priority;

	if (!(rdy_head[q] = p->next_ready)) {
		rdy_tail[q] = NULL;
		rdy_mask &= ~(1u << q);
	}
	p->next_ready = NULL;
	p->rts_flags |= flag;
}

/* The running 'from' (the head of its queue) blocks for 'flag' and 'to',
 * blocked for 'toflag' alone, becomes runnable: at the head of its queue,
 * so it runs next, unless a higher priority is ready (then at the tail). */
void sched_handoff(struct proc *from, u32_t flag, struct proc *to,
	u32_t toflag)
{
	int q = to->priority;

	sched_block_head(from, flag);
	to->rts_flags &= ~toflag;
	if (to->rts_flags)
		return;
	if (rdy_mask & ((1u << q) - 1)) {
		enqueue(to);
		return;
	}
	if (!(to->next_ready = rdy_head[q]))
		rdy_tail[q] = to;
	rdy_head[q] = to;
	rdy_mask |= 1u << q;
}

static struct proc *highest_ready(void)
{
	return rdy_mask ? rdy_head[__builtin_ctz(rdy_mask)] : NULL;
}

/* TSC cycles spent idle since boot (SYS_TIMES reports them): under
 * QEMU's -icount the clock warps of an idle CPU waiting for a device land
 * here, so a benchmark can tell work from waiting (tests/bench/disk). */
u64_t sched_idle_tsc;

/* Nothing is runnable: idle (interrupts on) until something is.  Apart,
 * so that the common case, sched_pick's first test, pays for none of it. */
static __attribute__((noinline)) struct proc *idle_until_ready(void)
{
	struct proc *p;
	u64_t t0;

	while (!(p = highest_ready())) {
		proc_current = NULL;
		if (!proc_count()) {
			kprintf("kernel: no processes left, powering off\n");
			arch_poweroff(0);
		}
		t0 = arch_rdtsc();
		arch_idle();
		sched_idle_tsc += arch_rdtsc() - t0;
	}
	return p;
}

/* The process to run next; idles until there is one. */
struct proc *sched_pick(void)
{
	return rdy_mask ? rdy_head[__builtin_ctz(rdy_mask)] : idle_until_ready();
}

/* Charge a tick to the running process; rotate it when its quantum ends. */
void sched_tick(void)
{
	struct proc *p = proc_current;

	if (!p)
		return;
	p->user_ticks++;
	if (--p->ticks_left > 0)
		return;
	p->ticks_left = p->quantum;
	if (!p->rts_flags) {
		sched_dequeue(p);
		enqueue(p);
	}
}

/* Number of live processes. */
int proc_count(void)
{
	int i, n = 0;

	for (i = 0; i < NR_PROCS; i++)
		if (!(proc_table[i].rts_flags & RTS_SLOT_FREE))
			n++;
	return n;
}
