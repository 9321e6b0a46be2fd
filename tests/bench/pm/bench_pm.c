/*
 * bench_pm.c - fork+exit+wait and fork+exec+wait through PM, run as init
 * (pid 1) of a boot image with PM, VM (or its stand-in) and VFS (or its
 * stand-in).  Built with mica-cc against the real C library: the child is
 * fork() + _exit(0), or fork() + execve("/bin/true") of exec_child (560
 * bytes, installed in the file system first; argument "exec"), and the
 * parent waitpid()s, as the Linux anchor's loops do.  A PM round trip
 * that does nothing (getppid) is the reference in the same boot.
 *
 * Prints "bench: <what> <n> iterations <cycles> cycles <ns> ns" per
 * iteration through the kernel console (there may be no terminal); under
 * -icount shift=0 the TSC counts guest instructions.  Time comes from
 * PM's monotonic clock (10 ms ticks: enough iterations that it does not
 * matter).
 */
#include <stdio.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <mica/kipc.h>
#include "../../os/pm/child_install.h"

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

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	char line[160];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	sys_diag_print(line, n);
}

static int fork_exit_wait(void)
{
	int st;
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	return pid > 0 && waitpid(pid, &st, 0) == pid && st == 0;
}

static int fork_exec_wait(void)
{
	static char *argv[] = { "true", "true", NULL }, *envp[] = { NULL };
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		execve("/bin/true", argv, envp);
		_exit(1);
	}
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
		say("bench: %s failed %u of %u\n", what, n - good, n);
	say("bench: %s %u iterations %lu cycles %lu ns\n", what, n,
		(unsigned long)((c1 - c0) / n), (unsigned long)((t1 - t0) / n));
}

int main(int argc, char **argv)
{
	bench("pm-null-call", null_call, 2000);
	bench("fork-exit-wait", fork_exit_wait, 300);
	if (argc > 1 && !strcmp(argv[1], "exec")) {
		if (mkdir("/bin", 0755) != 0 || child_install("/bin/true", 0755) != 0)
			say("bench: fork-exec-wait failed to install /bin/true\n");
		else
			bench("fork-exec-wait", fork_exec_wait, 200);
	}
	return 0;
}
