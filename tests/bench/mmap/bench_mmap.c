/*
 * bench_mmap.c - what a mapped file's page costs (make bench;
 * tests/bench/mmap/bench.sh boots the whole system with this program in
 * init's place and a 16 MiB file on an ext2 image as /dev/ram1).  Per 4
 * KiB page, the mean over the file: rdtsc cycles (guest instructions
 * under -icount shift=0) and CLOCK_MONOTONIC ns:
 *   read-4k    read() in 4 KiB reads, after one read of the whole file
 *              (the reference: the same bytes through VFS and ext2)
 *   mmap-fill  a private read-only mapping of the file, one touch per
 *              page: each a fault, a fill through VFS and ext2, a resume
 *   mmap-hit   a second mapping of 4 MiB another mapping holds: each
 *              touch a fault answered from VM's cache
 * The first word of every page is summed each way and must agree.
 * Lines "bench: NAME N iterations C cycles T ns" (tools/qemu/bench-lib.sh),
 * "bench: done" last.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <mica/kipc.h>

#define PG	4096
#define HIT	(4 << 20)

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
	char line[200];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(line) - 1)
		n = sizeof(line) - 1;
	sys_diag_print(line, n);
}

struct meter { unsigned long long c, ns; };

static void start(struct meter *m) { m->ns = now_ns(); m->c = tsc(); }

static void stop(struct meter *m, const char *what, unsigned n)
{
	unsigned long long c = tsc() - m->c, ns = now_ns() - m->ns;

	say("bench: %s %u iterations %lu cycles %lu ns\n", what, n,
		(unsigned long)(c / n), (unsigned long)(ns / n));
}

static int mount_wait(const char *dev, const char *dir, const char *type)
{
	struct timespec pause = { 0, 50 * 1000 * 1000 };
	int tries = 200;

	while (mount(dev, dir, type, MS_RDONLY, NULL) < 0) {
		if (errno != ENODEV || --tries == 0) {
			say("bench: mount %s %s failed (errno %d)\n", dev, type, errno);
			return -1;
		}
		nanosleep(&pause, NULL);
	}
	return 0;
}

/* Sum of the first word of each page, by read() in 4 KiB reads. */
static unsigned long read_sum(int fd, unsigned *pages)
{
	static unsigned buf[PG / sizeof(unsigned)];
	unsigned long sum = 0;

	*pages = 0;
	lseek(fd, 0, SEEK_SET);
	while (read(fd, buf, PG) == PG) {
		sum += buf[0];
		(*pages)++;
	}
	return sum;
}

static unsigned long touch(const unsigned char *m, unsigned pages)
{
	unsigned long sum = 0;
	unsigned i;

	for (i = 0; i < pages; i++)
		sum += *(const volatile unsigned *)(m + (size_t)i * PG);
	return sum;
}

int main(void)
{
	struct timespec pause = { 0, 100 * 1000 * 1000 };
	unsigned long want, got, hit_want;
	unsigned pages, n, tries = 100;
	unsigned char *m, *h1, *h2;
	struct meter t;
	int fd;

	while (access("/tmp", W_OK) < 0 && --tries > 0)	/* the root is up */
		nanosleep(&pause, NULL);
	if (mount_wait("/dev/ram1", "/mnt", "ext2") < 0)
		return 1;
	if ((fd = open("/mnt/big", O_RDONLY)) < 0) {
		say("bench: open /mnt/big failed (errno %d)\n", errno);
		return 1;
	}
	read_sum(fd, &pages);
	start(&t);
	want = read_sum(fd, &n);
	stop(&t, "read-4k", n);
	m = mmap(NULL, (size_t)pages * PG, PROT_READ, MAP_PRIVATE, fd, 0);
	if (m == MAP_FAILED || !pages) {
		say("bench: mmap failed (errno %d)\n", errno);
		return 1;
	}
	start(&t);
	got = touch(m, pages);
	stop(&t, "mmap-fill", pages);
	munmap(m, (size_t)pages * PG);
	h1 = mmap(NULL, HIT, PROT_READ, MAP_PRIVATE, fd, 0);
	h2 = mmap(NULL, HIT, PROT_READ, MAP_PRIVATE, fd, 0);
	if (h1 == MAP_FAILED || h2 == MAP_FAILED) {
		say("bench: mmap failed (errno %d)\n", errno);
		return 1;
	}
	hit_want = touch(h1, HIT / PG);
	start(&t);
	if (touch(h2, HIT / PG) != hit_want || got != want || n != pages) {
		say("bench: the sums differ: read %lu, mmap %lu\n", want, got);
		return 1;
	}
	stop(&t, "mmap-hit", HIT / PG);
	say("bench: done\n");
	return 0;
}
