/*
 * clock.c - the clock tick: uptime, process accounting, quanta, alarms.
 *
 * An alarm is an absolute uptime per process; when it passes, the process
 * gets a notification from CLOCK.  One alarm per process, as in MINIX
 * (user-space timer libraries multiplex it).
 */
#include "kernel.h"

u32_t clock_uptime;

void clock_init(void)
{
	arch_clock_init(HZ);
}

/* Set p's alarm 'ticks' from now (0 cancels); returns ticks that were left. */
u32_t clock_set_alarm(struct proc *p, u32_t ticks)
{
	u32_t left = p->alarm_at > clock_uptime ? p->alarm_at - clock_uptime : 0;

	p->alarm_at = ticks ? clock_uptime + ticks : 0;
	return left;
}

void clock_irq(void)
{
	int i;

	clock_uptime++;
	sched_tick();
	for (i = 0; i < NR_PROCS; i++) {
		struct proc *p = &proc_table[i];

		if (p->alarm_at && p->alarm_at <= clock_uptime &&
		    !(p->rts_flags & RTS_SLOT_FREE)) {
			p->alarm_at = 0;
			ipc_notify_kernel(p, CLOCK);
		}
	}
}
