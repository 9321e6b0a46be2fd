/*
 * timers.h - many timers on the one kernel alarm a process has (MINIX's
 * libtimers).  A timer is a caller-owned struct on a list sorted by
 * expiry (absolute uptime in ticks, compared modulo 2^32 so uptime may
 * wrap).  Two layers:
 *   tmrs_*      the list alone, no kernel (lib/libsys/timers.c);
 *   *_timer     one list per process on SYS_SETALARM: the alarm is always
 *               set for the head (lib/libsys/sys_timers.c).  A service
 *               calls expire_timers(m.m_notify.timestamp) when a CLOCK
 *               notification arrives.
 * Callbacks run with the timer already off the list, so they may set it
 * again.
 */
#ifndef MICA_TIMERS_H
#define MICA_TIMERS_H

#include <mica/type.h>

typedef void (*tmr_func_t)(int arg);

typedef struct sys_timer {
	struct sys_timer *next;
	clock_t_m exp;			/* absolute uptime of expiry */
	tmr_func_t func;		/* NULL: not on a list */
	int arg;
} sys_timer_t;

/* Is a before b, modulo 2^32? */
#define TMR_BEFORE(a, b) ((i32_t)((a) - (b)) < 0)

/* Put t on *list to expire at exp (taken off first if it is on it). */
void tmrs_settimer(sys_timer_t **list, sys_timer_t *t, clock_t_m exp,
	tmr_func_t func, int arg);
/* Take t off *list; 1 if it was on it. */
int tmrs_clrtimer(sys_timer_t **list, sys_timer_t *t);
/* Run and remove every timer with exp at or before now, in order. */
void tmrs_exptimers(sys_timer_t **list, clock_t_m now);

void init_timer(sys_timer_t *t);
/* Run func(arg) 'ticks' (> 0) from now; OK or the kernel's error. */
int set_timer(sys_timer_t *t, clock_t_m ticks, tmr_func_t func, int arg);
void cancel_timer(sys_timer_t *t);
/* Run what expired by now and set the alarm for the next one. */
void expire_timers(clock_t_m now);

#endif /* MICA_TIMERS_H */
