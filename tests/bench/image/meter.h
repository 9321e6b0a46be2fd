/*
 * meter.h - what the benchmark programs in the bench root image share
 * (tests/bench/image): the two clocks and the one line format that
 * tools/qemu/bench-lib.sh parses,
 *
 *	bench: NAME RUNS runs CYCLES cycles NS ns
 *
 * CYCLES and NS are per run (the mean).  Under QEMU's -icount shift=0 the
 * TSC counts guest instructions (deterministic); under plain TCG the
 * monotonic clock gives the wall time.  Header-only: each program is one
 * file plus this.
 */
#ifndef BENCH_METER_H
#define BENCH_METER_H

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static inline unsigned long long meter_tsc(void)
{
	unsigned lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32) | lo;
}

static inline unsigned long long meter_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (unsigned long long)t.tv_sec * 1000000000ull + (unsigned long long)t.tv_nsec;
}

struct meter { unsigned long long tsc, ns; };

static inline void meter_start(struct meter *m)
{
	m->ns = meter_ns();
	m->tsc = meter_tsc();
}

/* The time since meter_start(). */
static inline void meter_elapsed(const struct meter *m, unsigned long long *tsc,
    unsigned long long *ns)
{
	*tsc = meter_tsc() - m->tsc;
	*ns = meter_ns() - m->ns;
}

/* Print the figure of 'runs' runs that took 'tsc' and 'ns' in all; 'bad'
 * failures make a "bench-failed" line instead (bench-lib.sh then reports
 * no figure). */
static inline void meter_print(const char *name, unsigned long runs,
    unsigned long long tsc, unsigned long long ns, unsigned long bad)
{
	if (runs == 0)
		runs = 1;
	if (bad)
		printf("bench-failed: %s %lu of %lu\n", name, bad, runs);
	else
		printf("bench: %s %lu runs %llu cycles %llu ns\n", name, runs,
		    tsc / runs, ns / runs);
	fflush(stdout);
}

/* Print the figure for 'runs' runs since meter_start(). */
static inline void meter_stop(const struct meter *m, const char *name,
    unsigned long runs, unsigned long bad)
{
	unsigned long long tsc, ns;

	meter_elapsed(m, &tsc, &ns);
	meter_print(name, runs, tsc, ns, bad);
}

/* End a phase: sync() (an MFS started with stats=1 prints its counters,
 * servers/mfs/main.c), then "bench-phase: NAME" or "NAME#ROUND" (round >
 * 0), so bench-lib.sh's bench_phase_requests can tell the phases apart. */
static inline void meter_phase(const char *name, int round)
{
	sync();
	if (round > 0)
		printf("bench-phase: %s#%d\n", name, round);
	else
		printf("bench-phase: %s\n", name);
	fflush(stdout);
}

/* The fastest of a phase's rounds (by wall time), and all its failures. */
struct best {
	unsigned long long tsc, ns;
	unsigned long bad;
	int seen;
};

static inline void best_keep(struct best *b, const struct meter *m, unsigned long bad)
{
	unsigned long long tsc, ns;

	meter_elapsed(m, &tsc, &ns);
	if (!b->seen || ns < b->ns) {
		b->tsc = tsc;
		b->ns = ns;
	}
	b->seen = 1;
	b->bad += bad;
}

#endif /* BENCH_METER_H */
