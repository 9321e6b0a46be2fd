/*
 * sched.c - priority run queues with quanta.
 *
 * One FIFO per priority; the head of the highest non-empty queue runs.
 * The running process stays at the head of its queue; when its quantum
 * runs out at a clock tick it moves to the tail with a fresh quantum
 * (round robin within a priority).  When nothing is runnable the kernel
 * idles with interrupts on, inside sched_pick().
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

static struct proc *highest_ready(void)
{
	return rdy_mask ? rdy_head[__builtin_ctz(rdy_mask)] : NULL;
}

/* The process to run next; idles (interrupts on) until there is one. */
struct proc *sched_pick(void)
{
	struct proc *p;

	while (!(p = highest_ready())) {
		proc_current = NULL;
		if (!proc_count()) {
			kprintf("kernel: no processes left, powering off\n");
			arch_poweroff(0);
		}
		arch_idle();
	}
	return p;
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
