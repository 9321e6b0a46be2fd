/*
 * t_timers.c - the timer list (sorted, stable, wrap-safe, re-armable from
 * a callback) and the process's timers on its one kernel alarm.
 */
#include <string.h>

#include "sef_test.h"

static int fired[16], nfired;

static void cb(int arg)
{
	if (nfired < 16)
		fired[nfired++] = arg;
}

static sys_timer_t *rearm_list;
static sys_timer_t rearm_t;

static void cb_rearm(int arg)
{
	cb(arg);
	if (arg < 3)
		tmrs_settimer(&rearm_list, &rearm_t, rearm_t.exp + 10, cb_rearm, arg + 1);
}

static void test_list_order(void)
{
	sys_timer_t *list = NULL, t[5];
	int i;

	memset(t, 0, sizeof(t));
	nfired = 0;
	tmrs_settimer(&list, &t[0], 50, cb, 0);
	tmrs_settimer(&list, &t[1], 20, cb, 1);
	tmrs_settimer(&list, &t[2], 50, cb, 2);	/* equal: after t[0] */
	tmrs_settimer(&list, &t[3], 10, cb, 3);
	tmrs_settimer(&list, &t[4], 99, cb, 4);
	tmrs_settimer(&list, &t[3], 60, cb, 3);	/* moved, not duplicated */
	CU_ASSERT_EQUAL(tmrs_clrtimer(&list, &t[4]), 1);
	CU_ASSERT_EQUAL(tmrs_clrtimer(&list, &t[4]), 0);
	tmrs_exptimers(&list, 19);
	CU_ASSERT_EQUAL(nfired, 0);
	tmrs_exptimers(&list, 50);
	CU_ASSERT_EQUAL_FATAL(nfired, 3);
	CU_ASSERT_EQUAL(fired[0], 1);
	CU_ASSERT_EQUAL(fired[1], 0);
	CU_ASSERT_EQUAL(fired[2], 2);
	CU_ASSERT_PTR_EQUAL(list, &t[3]);
	CU_ASSERT_PTR_NULL(t[0].func);		/* off the list */
	tmrs_exptimers(&list, 1000);
	CU_ASSERT_EQUAL(nfired, 4);
	CU_ASSERT_PTR_NULL(list);
	for (i = 0; i < 5; i++)
		CU_ASSERT_PTR_NULL(t[i].next);
}

static void test_list_wrap(void)
{
	sys_timer_t *list = NULL, a, b;

	nfired = 0;
	tmrs_settimer(&list, &a, 0xFFFFFFF0u + 0x20, cb, 1);	/* wraps to 0x10 */
	tmrs_settimer(&list, &b, 0xFFFFFFF8u, cb, 2);
	CU_ASSERT_PTR_EQUAL(list, &b);
	tmrs_exptimers(&list, 0xFFFFFFFAu);
	CU_ASSERT_EQUAL(nfired, 1);
	tmrs_exptimers(&list, 0x0Fu);
	CU_ASSERT_EQUAL(nfired, 1);
	tmrs_exptimers(&list, 0x10u);
	CU_ASSERT_EQUAL(nfired, 2);
}

static void test_list_rearm(void)
{
	rearm_list = NULL;
	nfired = 0;
	tmrs_settimer(&rearm_list, &rearm_t, 10, cb_rearm, 1);
	tmrs_exptimers(&rearm_list, 100);	/* 10, 20, 30 all past */
	CU_ASSERT_EQUAL(nfired, 3);
	CU_ASSERT_PTR_NULL(rearm_list);
}

static void test_alarm(void)
{
	sys_timer_t a, b;

	fake_reset();
	nfired = 0;
	init_timer(&a);
	init_timer(&b);
	CU_ASSERT_EQUAL(set_timer(&a, 0, cb, 1), -EINVAL);
	CU_ASSERT_EQUAL(set_timer(&a, 0x80000000u, cb, 1), -EINVAL);
	CU_ASSERT_EQUAL(set_timer(&a, 5, NULL, 1), -EINVAL);
	CU_ASSERT_EQUAL(set_timer(&a, 50, cb, 1), OK);
	CU_ASSERT_EQUAL(fk.alarm, 50);
	fk.uptime += 10;
	CU_ASSERT_EQUAL(set_timer(&b, 5, cb, 2), OK);
	CU_ASSERT_EQUAL(fk.alarm, 5);		/* the earlier one */
	cancel_timer(&b);
	CU_ASSERT_EQUAL(fk.alarm, 40);		/* back to a, 40 left */
	fk.uptime += 40;
	expire_timers(fk.uptime);
	CU_ASSERT_EQUAL(nfired, 1);
	CU_ASSERT_EQUAL(fired[0], 1);
	CU_ASSERT_EQUAL(fk.alarm, 0);		/* nothing left: cancelled */
	CU_ASSERT_EQUAL(set_timer(&a, 3, cb, 3), OK);
	fk.uptime += 2;
	expire_timers(fk.uptime);		/* early notification: nothing due */
	CU_ASSERT_EQUAL(nfired, 1);
	CU_ASSERT_EQUAL(fk.alarm, 1);
	fk.uptime += 5;
	expire_timers(fk.uptime - 5);		/* stale timestamp: not due yet */
	CU_ASSERT_EQUAL(fk.alarm, 1);		/* overdue: fire on the next tick */
}

void suite_timers(void)
{
	CU_pSuite s = CU_add_suite("timers", NULL, NULL);

	CU_add_test(s, "list sorted, stable, set moves, clear", test_list_order);
	CU_add_test(s, "list ordering across uptime wrap", test_list_wrap);
	CU_add_test(s, "callback re-arms its own timer", test_list_rearm);
	CU_add_test(s, "timers share the one alarm", test_alarm);
}
