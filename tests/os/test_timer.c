/*
 * test_timer.c - clock, alarms, times, preemption, and interrupts as
 * notifications (the RTC's periodic interrupt through SYS_IRQCTL/DEVIO).
 *   boot: test_timer role=main priv=sys, test_timer role=spinner
 * The spinner never blocks; main only gets the CPU back because the clock
 * preempts it.
 */
#include "tap.h"

#define MAIN 0
#define SPINNER 1
#define RTC_IRQ 8
#define RTC_HOOK 3

static void test_alarm(void)
{
	u32_t t0, t1, left;
	message m;
	int r;

	tap_is(sys_times(SELF, &t0, NULL), OK, "times");
	tap_is(sys_setalarm(5, NULL), OK, "set an alarm 5 ticks ahead");
	r = ipc_receive(ANY, &m);
	sys_times(SELF, &t1, NULL);
	tap_ok(r == OK && m.m_source == CLOCK && IS_NOTIFY(&m),
		"the alarm arrives as a notification from CLOCK (src %d)", m.m_source);
	tap_ok(t1 - t0 >= 5 && t1 - t0 < 5 * HZ, "after 5 ticks (%u)", t1 - t0);
	tap_ok(m.m_notify.timestamp >= t0 + 5, "notification carries the time");
	sys_setalarm(100, NULL);
	r = sys_setalarm(0, &left);
	tap_ok(r == OK && left > 0 && left <= 100, "cancel returns the time left (%u)", left);
	sys_setalarm(3, NULL);
	sys_setalarm(0, NULL);
	sys_setalarm(6, NULL);
	r = ipc_receive(CLOCK, &m);
	sys_times(SELF, &t0, NULL);
	tap_ok(r == OK && t0 - t1 >= 6, "a cancelled alarm does not fire, the new one does");
}

static void test_preemption(void)
{
	u32_t spun, up;

	tap_sleep(10);
	tap_is(sys_times(SPINNER, &up, &spun), OK, "times of another process");
	tap_ok(spun >= 2, "the spinner ran (%u ticks) and main still got the CPU", spun);
	tap_is(sys_clear(SPINNER), OK, "clear the spinner's slot");
	tap_is(sys_times(SPINNER, NULL, NULL), -ESRCH, "its endpoint is dead");
}

static void rtc_write(u32_t reg, u32_t v)
{
	sys_outb(0x70, reg);
	sys_outb(0x71, v);
}

static u32_t rtc_read(u32_t reg)
{
	u32_t v = 0;

	sys_outb(0x70, reg);
	sys_inb(0x71, &v);
	return v;
}

static void test_irq(void)
{
	message m;
	int r, i, got = 0;

	tap_is(sys_irqctl(IRQ_SETPOLICY, 0, 0, 1), -EINVAL, "the clock IRQ cannot be hooked");
	tap_is(sys_irqctl(IRQ_SETPOLICY, RTC_IRQ, 0, RTC_HOOK), OK, "hook the RTC IRQ");
	rtc_write(0x8a, 0x26);			/* 1024 Hz */
	rtc_write(0x8b, rtc_read(0x8b) | 0x40);	/* periodic interrupt on */
	rtc_read(0x0c);
	for (i = 0; i < 3; i++) {
		r = ipc_receive(HARDWARE, &m);
		if (r == OK && IS_NOTIFY(&m) && (m.m_notify.interrupts & (1u << RTC_HOOK)))
			got++;
		rtc_read(0x0c);			/* acknowledge at the RTC */
		sys_irqctl(IRQ_ENABLE, RTC_IRQ, 0, 0);
	}
	tap_is(got, 3, "three RTC interrupts arrived as HARDWARE notifications");
	rtc_write(0x8b, rtc_read(0x8b) & ~0x40);
	tap_is(sys_irqctl(IRQ_RMPOLICY, RTC_IRQ, 0, 0), OK, "unhook it");
	tap_is(sys_irqctl(IRQ_RMPOLICY, RTC_IRQ, 0, 0), -ENOENT, "unhook twice");
}

int main(const char *args)
{
	volatile u32_t n = 0;

	if (tap_role(args, "spinner"))
		for (;;)
			n++;
	test_alarm();
	test_preemption();
	test_irq();
	tap_done();
}
