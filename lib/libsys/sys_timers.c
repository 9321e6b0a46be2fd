/*
 * sys_timers.c - the process's timer list on its one kernel alarm
 * (mica/timers.h): after every change the alarm is set for the head of the
 * list, or cancelled when the list is empty.
 */
#include <mica/kipc.h>
#include <mica/timers.h>

static sys_timer_t *sys_timers;

static void timers_arm(clock_t_m now)
{
	clock_t_m d;

	if (!sys_timers) {
		sys_setalarm(0, NULL);
		return;
	}
	d = TMR_BEFORE(now, sys_timers->exp) ? sys_timers->exp - now : 1;
	sys_setalarm(d, NULL);
}

void init_timer(sys_timer_t *t)
{
	t->next = NULL;
	t->func = NULL;
}

int set_timer(sys_timer_t *t, clock_t_m ticks, tmr_func_t func, int arg)
{
	u32_t now;
	int r;

	if (ticks == 0 || (i32_t)ticks < 0 || !func)
		return -EINVAL;
	if ((r = sys_times(SELF, &now, NULL)) != OK)
		return r;
	tmrs_settimer(&sys_timers, t, now + ticks, func, arg);
	timers_arm(now);
	return OK;
}

void cancel_timer(sys_timer_t *t)
{
	u32_t now;

	if (tmrs_clrtimer(&sys_timers, t) && sys_times(SELF, &now, NULL) == OK)
		timers_arm(now);
}

void expire_timers(clock_t_m now)
{
	u32_t later;

	tmrs_exptimers(&sys_timers, now);
	if (sys_times(SELF, &later, NULL) == OK)	/* callbacks take time */
		now = later;
	timers_arm(now);
}
