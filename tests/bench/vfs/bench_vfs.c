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
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <time.h>
#include <sys/stat.h>
#include "../lib/bench_libc.h"

#define NFILES 64			/* the 480 KiB test image holds ~90 */

static void name(char *buf, unsigned i)
{
	snprintf(buf, 32, "/bench/f%u", i);
}

int main(void)
{
	static char data[4096];
	char path[32];
	struct bench_meter m;
	struct stat st;
	unsigned i, bad = 0;
	int fd;

	mkdir("/bench", 0755);
	bench_start(&m);
	for (i = 0; i < 2000; i++)
		umask(022);
	bench_stop(&m, "null-call", 2000, 0);

	bench_start(&m);
	for (i = 0; i < 1000; i++)
		bad += stat("/etc/motd", &st) != 0;
	bench_stop(&m, "stat-2-deep", 1000, bad);

	bench_start(&m);
	for (i = bad = 0; i < NFILES; i++) {
		name(path, i);
		fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
		bad += fd < 0 || write(fd, "0123456789abcdef", 16) != 16 || close(fd) != 0;
	}
	bench_stop(&m, "create-16-bytes", NFILES, bad);

	bench_start(&m);
	for (i = bad = 0; i < NFILES; i++) {
		name(path, i);
		bad += stat(path, &st) != 0 || st.st_size != 16;
	}
	bench_stop(&m, "stat", NFILES, bad);

	bench_start(&m);
	for (i = bad = 0; i < NFILES; i++) {
		name(path, i);
		bad += unlink(path) != 0;
	}
	bench_stop(&m, "unlink", NFILES, bad);

	fd = open("/bench/data", O_CREAT | O_RDWR | O_TRUNC, 0644);
	memset(data, 'd', sizeof(data));
	for (i = 0; i < 32; i++)
		write(fd, data, sizeof(data));
	bench_start(&m);
	for (i = bad = 0; i < 1000; i++)
		bad += pread(fd, data, sizeof(data), (i % 32) * 4096) != 4096;
	bench_stop(&m, "read-4KiB-cached", 1000, bad);
	close(fd);
	unlink("/bench/data");
	bench_say("bench: done\n");
	return 0;
}
