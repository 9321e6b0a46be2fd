/*
 * restart.c - long kernel calls done in passes.
 *
 * The kernel runs with interrupts off and has one stack, so a call that
 * maps, copies or forks many megabytes would hold the clock off for many
 * ticks.  Such a call does at most ARCH_CHUNK_PAGES pages (or the same
 * number of bytes' worth of copying) per pass and keeps its progress in
 * the caller's slot; the caller's eip is moved back over the trap
 * instruction, so it leaves the kernel (taking any pending interrupt,
 * perhaps being preempted) and enters the same call again.  The progress
 * belongs to the exact message that started it: a different call, or the
 * same call with other arguments, starts from zero (and drops a fork's
 * half-built child).
 */
#include "kernel.h"

/* The progress counter for call m of caller, zero if m is a new call. */
u32_t *restart_state(struct proc *caller, const message *m)
{
	if (caller->restart.active &&
	    kmemcmp(&caller->restart.m, m, sizeof(*m)) == 0)
		return &caller->restart.done;
	restart_drop(caller);
	caller->restart.active = 1;
	caller->restart.m = *m;
	return &caller->restart.done;
}

/* The call is over with result r (any value: an endpoint too). */
int restart_done(struct proc *caller, int r)
{
	caller->restart.active = 0;
	caller->restart.done = 0;
	caller->restart.child = NONE;
	return r;
}

/* Finish a pass of an arch_* operation: ARCH_MORE goes round again,
 * anything else (OK or an error) is the call's result. */
int restart_pass(struct proc *caller, int r)
{
	if (r != ARCH_MORE)
		return restart_done(caller, r);
	caller->regs.eip -= TRAP_INSN_LEN;
	return ERESTART;
}

/* Forget p's call in progress; a half-built fork child goes too. */
void restart_drop(struct proc *p)
{
	struct proc *child;
	endpoint_t e = p->restart.child;

	p->restart.active = 0;
	p->restart.done = 0;
	p->restart.child = NONE;
	if (e != NONE && (child = proc_lookup(e)) &&
	    (child->rts_flags & RTS_NO_PRIV))
		proc_kill(child, NULL);
}
