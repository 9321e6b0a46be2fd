/*
 * files - the 10,000-file benchmark of issue 10 (/usr/bench/files in the
 * bench root image, tests/bench/image): in a fresh directory under /tmp
 * (MFS on the memory driver, through VFS), create N files with 16 bytes
 * each (open O_CREAT|O_EXCL, write, close), stat them all, unlink them
 * all.  One figure per phase, per file (meter.h's line), and the
 * reference in the same run: a VFS call that does nothing (umask).
 * Linux 6.1's anchors for the same work in tmpfs are in bench.sh.
 *
 *	files [N]	(default 10000)
 *
 * The directory holds N entries at the end of the create phase, so a
 * stat or unlink looks its name up among them, as on Linux.  Every call
 * is checked: a failed phase prints "bench-failed" (no figure).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "meter.h"

#define DIR_PATH	"/tmp/bench.files"
#define NULL_CALLS	2000

/* DIR_PATH "/f" and i in five digits (i < 100,000), by hand: newlib's
 * snprintf costs thousands of instructions, which would be counted as the
 * file system's (a profile of the stat phase put a tenth of it there). */
static void path_of(char *buf, size_t len, unsigned long i)
{
	static const char prefix[] = DIR_PATH "/f";
	char *d = buf + sizeof prefix - 1;
	int k;

	if (len < sizeof prefix + 5)
		return;
	memcpy(buf, prefix, sizeof prefix - 1);
	for (k = 4; k >= 0; k--, i /= 10)
		d[k] = (char)('0' + i % 10);
	d[5] = '\0';
}

int main(int argc, char **argv)
{
	unsigned long n = 10000, i, bad;
	struct meter m;
	struct stat st;
	char path[64];
	int fd;

	if (argc > 2 || (argc == 2 && ((n = strtoul(argv[1], NULL, 10)) == 0 || n > 100000))) {
		fprintf(stderr, "usage: files [N]   (1 <= N <= 100000)\n");
		return 2;
	}
	if (mkdir(DIR_PATH, 0755) != 0) {
		fprintf(stderr, "files: %s: %s\n", DIR_PATH, strerror(errno));
		return 1;
	}

	meter_start(&m);
	for (i = 0; i < NULL_CALLS; i++)
		umask(022);
	meter_stop(&m, "null-call", NULL_CALLS, 0);

	meter_start(&m);
	for (i = bad = 0; i < n; i++) {
		path_of(path, sizeof path, i);
		fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
		bad += fd < 0 || write(fd, "0123456789abcdef", 16) != 16 ||
		    close(fd) != 0;
	}
	meter_stop(&m, "create", n, bad);

	meter_start(&m);
	for (i = bad = 0; i < n; i++) {
		path_of(path, sizeof path, i);
		bad += stat(path, &st) != 0 || st.st_size != 16;
	}
	meter_stop(&m, "stat", n, bad);

	meter_start(&m);
	for (i = bad = 0; i < n; i++) {
		path_of(path, sizeof path, i);
		bad += unlink(path) != 0;
	}
	meter_stop(&m, "unlink", n, bad);

	if (rmdir(DIR_PATH) != 0) {
		fprintf(stderr, "files: rmdir %s: %s\n", DIR_PATH, strerror(errno));
		return 1;
	}
	return 0;
}
