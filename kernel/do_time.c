/*
 * do_time.c - SYS_SETALARM (a CLOCK notification after some ticks) and
 * SYS_TIMES (uptime and a process's accounted ticks).
 */
#include "system.h"

int do_setalarm(struct proc *caller, message *m)
{
	m->m_time.left = clock_set_alarm(caller, m->m_time.ticks);
	return OK;
}

int do_times(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if ((r = kcall_target(caller, m->m_time.endpt, &p)) != OK)
		return r;
	m->m_time.idle_lo = (u32_t)sched_idle_tsc;	/* TSC cycles idle */
	m->m_time.idle_hi = (u32_t)(sched_idle_tsc >> 32);
	m->m_time.uptime = clock_uptime;
	m->m_time.user_ticks = p->user_ticks;
	m->m_time.sys_ticks = p->sys_ticks;
	return OK;
}
