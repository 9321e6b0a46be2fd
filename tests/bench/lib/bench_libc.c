/*
 * bench_libc.c - clocks and result lines of the C-program benchmarks
 * (bench_libc.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <mica/kipc.h>
#include "bench_libc.h"

unsigned long long bench_tsc(void)
{
	unsigned lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32) | lo;
}

unsigned long long bench_now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (unsigned long long)t.tv_sec * 1000000000ull + t.tv_nsec;
}

void bench_say(const char *fmt, ...)
{
	char line[200];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n > (int)sizeof(line) - 1)
		n = sizeof(line) - 1;
	sys_diag_print(line, n);
}

void bench_start(struct bench_meter *m)
{
	m->ns = bench_now_ns();
	m->c = bench_tsc();
}

void bench_stop(struct bench_meter *m, const char *what, unsigned n,
	unsigned bad)
{
	unsigned long long c = bench_tsc() - m->c, ns = bench_now_ns() - m->ns;

	if (bad)
		bench_say("bench: %s failed %u of %u\n", what, bad, n);
	bench_say("bench: %s %u iterations %lu cycles %lu ns\n", what, n,
		(unsigned long)(c / n), (unsigned long)(ns / n));
}
