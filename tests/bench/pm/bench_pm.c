/*
 * bench_pm.c - fork+exit+wait through PM, run as init (pid 1) of a boot
 * image with PM, a VFS stand-in and either the real VM (copy-on-write
 * fork) or a VM stand-in (the kernel's eager copy).  Built with mica-cc
 * against the real C library: the child is fork() + _exit(0), the parent
 * waitpid()s, as the Linux anchor's loop does.  A PM round trip that
 * does nothing (getppid) is the reference in the same boot.
 *
 * Prints "bench: <what> <n> iterations <cycles> cycles <ns> ns" per
 * iteration; under -icount shift=0 the TSC counts guest instructions.
 * The time comes from PM's monotonic clock (10 ms ticks, so enough
 * iterations that the tick does not matter).
 */
#include <stdio.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#define WARM 10

static uint64_t tsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static uint64_t now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + t.tv_nsec;
}

static int fork_exit_wait(void)
{
	int st;
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	return pid > 0 && waitpid(pid, &st, 0) == pid && st == 0;
}

static int null_call(void)
{
	return getppid() == 0;
}

static void bench(const char *what, int (*fn)(void), unsigned n)
{
	uint64_t c0, c1, t0, t1;
	unsigned i, good = 0;

	for (i = 0; i < WARM; i++)
		fn();
	t0 = now_ns();
	c0 = tsc();
	for (i = 0; i < n; i++)
		good += fn();
	c1 = tsc();
	t1 = now_ns();
	if (good != n)
		printf("bench: %s failed %u of %u\n", what, n - good, n);
	printf("bench: %s %u iterations %lu cycles %lu ns\n", what, n,
		(unsigned long)((c1 - c0) / n), (unsigned long)((t1 - t0) / n));
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	bench("pm-null-call", null_call, 2000);
	bench("fork-exit-wait", fork_exit_wait, 300);
	return 0;
}
