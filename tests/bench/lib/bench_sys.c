/*
 * bench_sys.c - marks and result lines of the libsys benchmarks
 * (bench_sys.h).
 */
#include "bench_sys.h"

/* u64 / u32 by shift and subtract (no libgcc). */
static u64_t bench_div64(u64_t n, u32_t d)
{
	u64_t q = 0, r = 0;
	int i;

	for (i = 63; i >= 0; i--) {
		r = (r << 1) | ((n >> i) & 1);
		if (r >= d)
			r -= d, q |= 1ull << i;
	}
	return q;
}

u32_t bench_uptime(void)
{
	u32_t t = 0;

	sys_times(SELF, &t, NULL);
	return t;
}

struct bench_mark bench_now(void)
{
	struct bench_mark m;

	m.t = bench_uptime();
	m.c = rdtsc();
	return m;
}

void bench_line(const char *what, u32_t n, struct bench_mark a,
	struct bench_mark b)
{
	printf("bench: %s %u iterations %u cycles %u ns\n", what, n,
		(u32_t)bench_div64(b.c - a.c, n),
		(u32_t)bench_div64((u64_t)(b.t - a.t) * (1000000000u / HZ), n));
}

void bench_report(const char *what, u32_t n, struct bench_mark a)
{
	bench_line(what, n, a, bench_now());
}
