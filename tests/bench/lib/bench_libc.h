/*
 * bench_libc.h - what the in-guest benchmarks written as C programs
 * (newlib + libposix: bench_vfs, bench_pty, bench_fsread) share: the TSC
 * (guest instructions under -icount shift=0), CLOCK_MONOTONIC in
 * nanoseconds, and the console line through the kernel's debug print
 * (what bench.sh scripts read, free of the program's own stdout), with a
 * meter giving the "bench: WHAT N iterations C cycles T ns" line.
 */
#ifndef BENCH_LIBC_H
#define BENCH_LIBC_H

unsigned long long bench_tsc(void);
unsigned long long bench_now_ns(void);
/* printf to the console (one line, cut at 200 bytes). */
void bench_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct bench_meter { unsigned long long c, ns; };
void bench_start(struct bench_meter *m);
/* The result line for n iterations since bench_start (and "failed" first
 * when bad of them failed). */
void bench_stop(struct bench_meter *m, const char *what, unsigned n,
	unsigned bad);

#endif
