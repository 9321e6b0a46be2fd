/*
 * bench_vfs.c - the cost of file calls through VFS (make bench), on the
 * real MFS server as "/" (the vfsmfs suite's boot: vfs_rs loads the image
 * into the memory driver).  Per operation, the mean over n: rdtsc cycles
 * (under -icount shift=0 the TSC counts guest instructions) and
 * CLOCK_MONOTONIC nanoseconds.  The reference in the same boot is a VFS
 * call that does nothing (umask).  Prints
 *   "bench: <what> <n> iterations <cycles> cycles <ns> ns"
 * and "bench: done" (bench.sh reads them).
 */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <time.h>
#include <sys/stat.h>
#include <mica/kipc.h>

#define NFILES 64			/* the 480 KiB test image holds ~90 */

static unsigned long long tsc(void)
{
	unsigned lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32) | lo;
}

static unsigned long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (unsigned long long)t.tv_sec * 1000000000ull + t.tv_nsec;
}

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

struct meter { unsigned long long c, ns; };

static void start(struct meter *m) { m->ns = now_ns(); m->c = tsc(); }

static void stop(struct meter *m, const char *what, unsigned n, unsigned bad)
{
	unsigned long long c = tsc() - m->c, ns = now_ns() - m->ns;

	if (bad)
		say("bench: %s failed %u of %u\n", what, bad, n);
	say("bench: %s %u iterations %lu cycles %lu ns\n", what, n,
		(unsigned long)(c / n), (unsigned long)(ns / n));
}

static void name(char *buf, unsigned i)
{
	snprintf(buf, 32, "/bench/f%u", i);
}

int main(void)
{
	static char data[4096];
	char path[32];
	struct meter m;
	struct stat st;
	unsigned i, bad = 0;
	int fd;

	mkdir("/bench", 0755);
	start(&m);
	for (i = 0; i < 2000; i++)
		umask(022);
	stop(&m, "null-call", 2000, 0);

	start(&m);
	for (i = 0; i < 1000; i++)
		bad += stat("/etc/motd", &st) != 0;
	stop(&m, "stat-2-deep", 1000, bad);

	start(&m);
	for (i = bad = 0; i < NFILES; i++) {
		name(path, i);
		fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
		bad += fd < 0 || write(fd, "0123456789abcdef", 16) != 16 || close(fd) != 0;
	}
	stop(&m, "create-16-bytes", NFILES, bad);

	start(&m);
	for (i = bad = 0; i < NFILES; i++) {
		name(path, i);
		bad += stat(path, &st) != 0 || st.st_size != 16;
	}
	stop(&m, "stat", NFILES, bad);

	start(&m);
	for (i = bad = 0; i < NFILES; i++) {
		name(path, i);
		bad += unlink(path) != 0;
	}
	stop(&m, "unlink", NFILES, bad);

	fd = open("/bench/data", O_CREAT | O_RDWR | O_TRUNC, 0644);
	memset(data, 'd', sizeof(data));
	for (i = 0; i < 32; i++)
		write(fd, data, sizeof(data));
	start(&m);
	for (i = bad = 0; i < 1000; i++)
		bad += pread(fd, data, sizeof(data), (i % 32) * 4096) != 4096;
	stop(&m, "read-4KiB-cached", 1000, bad);
	close(fd);
	unlink("/bench/data");
	say("bench: done\n");
	return 0;
}
