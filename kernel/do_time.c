/*
 * do_time.c - SYS_SETALARM (a CLOCK notification after some ticks),
 * SYS_TIMES (uptime, a process's accounted ticks and the real time at
 * uptime 0) and SYS_STIME (PM sets that real time: read from the RTC at
 * its start, moved by clock_settime).  The kernel only keeps the value,
 * as MINIX's boottime: every service reads the one wall clock through
 * SYS_TIMES (libsys sys_realtime), PM included.
 */
#include "system.h"

#define NSEC_PER_SEC 1000000000u

static i64_t boot_sec;
static u32_t boot_nsec;

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
	m->m_time.boot_sec = boot_sec;
	m->m_time.boot_nsec = boot_nsec;
	return OK;
}

int do_stime(struct proc *caller, message *m)
{
	(void)caller;
	if (m->m_time.boot_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	boot_sec = m->m_time.boot_sec;
	boot_nsec = m->m_time.boot_nsec;
	return OK;
}
