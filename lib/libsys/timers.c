/*
 * timers.c - a sorted singly linked list of timers (mica/timers.h).  Equal
 * expiry times keep insertion order.  No kernel calls here: the unit
 * tests drive it directly.
 */
#include <mica/timers.h>

int tmrs_clrtimer(sys_timer_t **list, sys_timer_t *t)
{
	sys_timer_t **pp;

	for (pp = list; *pp; pp = &(*pp)->next) {
		if (*pp == t) {
			*pp = t->next;
			t->next = NULL;
			t->func = NULL;
			return 1;
		}
	}
	return 0;
}

void tmrs_settimer(sys_timer_t **list, sys_timer_t *t, clock_t_m exp,
	tmr_func_t func, int arg)
{
	sys_timer_t **pp;

	tmrs_clrtimer(list, t);
	t->exp = exp;
	t->func = func;
	t->arg = arg;
	for (pp = list; *pp && !TMR_BEFORE(exp, (*pp)->exp); pp = &(*pp)->next)
		;
	t->next = *pp;
	*pp = t;
}

void tmrs_exptimers(sys_timer_t **list, clock_t_m now)
{
	sys_timer_t *t;

	while ((t = *list) && !TMR_BEFORE(now, t->exp)) {
		tmr_func_t f = t->func;

		*list = t->next;
		t->next = NULL;
		t->func = NULL;
		f(t->arg);
	}
}
