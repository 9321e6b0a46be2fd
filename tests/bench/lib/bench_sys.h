/*
 * bench_sys.h - what the in-guest benchmarks built on libsys share (boot
 * modules: bench_ipc, bench_vm, bench_vmsrv, bench_pfs, bench_vblk): a
 * mark of the TSC (guest instructions under -icount shift=0) and the
 * clock ticks, and the one result line every bench.sh parses:
 *   bench: WHAT N iterations CYCLES cycles NS ns   (per iteration)
 * 64-bit divisions are done here without libgcc (services have none).
 */
#ifndef BENCH_SYS_H
#define BENCH_SYS_H

#include <mica/syslib.h>

struct bench_mark {
	u64_t c;			/* rdtsc() */
	u32_t t;			/* uptime in ticks */
};

u32_t bench_uptime(void);
struct bench_mark bench_now(void);
/* The result line for n iterations between a and b. */
void bench_line(const char *what, u32_t n, struct bench_mark a,
	struct bench_mark b);
/* The same, from a to now. */
void bench_report(const char *what, u32_t n, struct bench_mark a);

#endif
