/*
 * test_latency.c - no kernel path holds interrupts off for long: across a
 * 48 MiB map, a fork copying 48 MiB and a 48 MiB safecopy, the kernel's
 * uptime (clock ticks counted from interrupts) stays within one tick of
 * the time the TSC says passed.  Run with -icount shift=0,sleep=off
 * (tests/os/latency.qemu), where the TSC counts guest instructions and
 * the clock follows the same virtual time; the TSC's ticks are calibrated
 * against an idle sleep first (no ticks can be lost while idle).
 *   boot: test_latency role=main priv=sys
 */
#include "tap.h"

#define BIG (48u << 20)
#define AREA  0x50000000u
#define AREA2 0x60000000u

static u32_t tsc_per_tick;	/* 32 bits: the spans here stay below 2^32 */

static u32_t uptime(void)
{
	u32_t up = 0;

	sys_times(SELF, &up, NULL);
	return up;
}

struct span { u64_t t0; u32_t u0; };

static struct span start(void)
{
	struct span s;

	tap_sleep(1);			/* start just after a tick */
	s.u0 = uptime();
	s.t0 = rdtsc();
	return s;
}

/* Check the span: uptime within one tick of TSC time. */
static void check(const char *what, struct span s)
{
	u64_t t1 = rdtsc();
	u32_t du = uptime() - s.u0;
	u32_t dt = ((u32_t)(t1 - s.t0) + tsc_per_tick / 2) / tsc_per_tick;
	int diff = (int)du - (int)dt;

	tap_ok(diff >= -1 && diff <= 1, "%s: uptime +%u ticks, TSC %u ticks", what, du, dt);
	printf("# latency %s: uptime %u TSC %u\n", what, du, dt);
}

int main(const char *args)
{
	struct span s;
	message m;
	u64_t t0;
	cp_grant_id_t g;
	endpoint_t self;
	int r;

	(void)args;
	sys_getinfo(&self, NULL);
	tap_sleep(1);
	t0 = rdtsc();
	tap_sleep(20);
	tsc_per_tick = (u32_t)(rdtsc() - t0) / 20;
	tap_ok(tsc_per_tick > 0, "calibrated: %u TSC per tick", tsc_per_tick);

	s = start();
	r = sys_memmap(SELF, AREA, BIG, MAP_WRITE);
	check("48 MiB map", s);
	tap_is(r, OK, "the map worked");

	s = start();
	r = sys_fork(SELF);
	if (r == 0) {
		ipc_receive(ANY, &m);		/* wait to be cleared */
		sys_exit(0);
	}
	check("fork copying 48 MiB", s);
	tap_ok(r > 0, "the fork worked");
	tap_is(sys_clear(r), OK, "clear the child");

	tap_is(sys_memmap(SELF, AREA2, BIG, MAP_WRITE), OK, "map a second 48 MiB");
	((u32_t *)AREA)[BIG / 4 - 1] = 0x5eed;
	g = cpf_grant_direct(self, AREA, BIG, CPF_READ);
	s = start();
	r = sys_safecopyfrom(self, g, 0, (void *)AREA2, BIG);
	check("48 MiB safecopy", s);
	tap_ok(r == OK && ((u32_t *)AREA2)[BIG / 4 - 1] == 0x5eed,
		"the safecopy worked (%d)", r);
	tap_done();
}
