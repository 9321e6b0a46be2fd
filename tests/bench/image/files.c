/*
 * files - the 10,000-file benchmark of issue 10 (/usr/bench/files in the
 * bench root images, tests/bench/image): in a fresh directory, by default
 * under /tmp (MFS on the memory driver, through VFS; the disk bench,
 * tests/bench/disk, names one on its virtio disk), create N files with 16 bytes
 * each (open O_CREAT|O_EXCL, write, close), stat them all, unlink them
 * all.  One figure per phase, per file (meter.h's line), and the
 * reference in the same run: a VFS call that does nothing (umask).
 * Linux 6.1's anchors for the same work in tmpfs are in bench.sh.
 *
 *	files [N [DIR]]	(default 10000 and /tmp/bench.files; DIR must
 *			 not exist, and is removed at the end)
 *
 * The directory holds N entries at the end of the create phase, so a
 * stat or unlink looks its name up among them, as on Linux.  Every call
 * is checked: a failed phase prints "bench-failed" (no figure).  After
 * the stat phase, two figures say where a stat goes: stat-name (the same
 * names from inside the directory: one component) and fstat (an open
 * file: no lookup).  Each
 * phase ends with meter_phase() (a sync, outside the figure: what the
 * phase left dirty is written then).
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

/* The directory's path and "/f"; i in five digits (i < 100,000) after
 * it, by hand: newlib's snprintf costs thousands of instructions, which
 * would be counted as the file system's (a profile of the stat phase put
 * a tenth of it there). */
static char prefix[200];
static size_t prefix_len;

static void path_of(char *buf, size_t len, unsigned long i)
{
	char *d = buf + prefix_len;
	int k;

	if (len < prefix_len + 6)
		return;
	memcpy(buf, prefix, prefix_len);
	for (k = 4; k >= 0; k--, i /= 10)
		d[k] = (char)('0' + i % 10);
	d[5] = '\0';
}

int main(int argc, char **argv)
{
	const char *dir = argc > 2 ? argv[2] : DIR_PATH;
	unsigned long n = 10000, i, bad;
	struct meter m;
	struct stat st;
	char path[sizeof prefix + 8];
	int fd;

	if (argc > 3 || (argc >= 2 && ((n = strtoul(argv[1], NULL, 10)) == 0 || n > 100000)) ||
	    strlen(dir) + 3 > sizeof prefix) {
		fprintf(stderr, "usage: files [N [DIR]]   (1 <= N <= 100000)\n");
		return 2;
	}
	prefix_len = strlen(dir);
	memcpy(prefix, dir, prefix_len);
	memcpy(prefix + prefix_len, "/f", 3);
	prefix_len += 2;
	if (mkdir(dir, 0755) != 0) {
		fprintf(stderr, "files: %s: %s\n", dir, strerror(errno));
		return 1;
	}

	meter_start(&m);
	for (i = 0; i < NULL_CALLS; i++)
		umask(022);
	meter_stop(&m, "null-call", NULL_CALLS, 0);
	meter_phase("files-null-call", 0);

	meter_start(&m);
	for (i = bad = 0; i < n; i++) {
		path_of(path, sizeof path, i);
		fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
		bad += fd < 0 || write(fd, "0123456789abcdef", 16) != 16 ||
		    close(fd) != 0;
	}
	meter_stop(&m, "create", n, bad);
	meter_phase("files-create", 0);

	meter_start(&m);
	for (i = bad = 0; i < n; i++) {
		path_of(path, sizeof path, i);
		bad += stat(path, &st) != 0 || st.st_size != 16;
	}
	meter_stop(&m, "stat", n, bad);
	meter_phase("files-stat", 0);

	/* Where a stat goes: the same names from inside the directory (one
	 * component: stat less the walk to the directory), and fstat of an
	 * open file (no lookup at all: the request and the answer). */
	if (chdir(dir) != 0) {
		fprintf(stderr, "files: chdir %s: %s\n", dir, strerror(errno));
		return 1;
	}
	meter_start(&m);
	for (i = bad = 0; i < n; i++) {
		path_of(path, sizeof path, i);
		bad += stat(path + prefix_len - 1, &st) != 0 || st.st_size != 16;
	}
	meter_stop(&m, "stat-name", n, bad);
	bad = (fd = open(path + prefix_len - 1, O_RDONLY)) < 0;
	meter_start(&m);
	for (i = 0; i < n && !bad; i++)
		bad += fstat(fd, &st) != 0 || st.st_size != 16;
	meter_stop(&m, "fstat", n, bad);
	if (fd >= 0)
		close(fd);
	if (chdir("/") != 0)
		return 1;
	meter_phase("files-stat-parts", 0);

	meter_start(&m);
	for (i = bad = 0; i < n; i++) {
		path_of(path, sizeof path, i);
		bad += unlink(path) != 0;
	}
	meter_stop(&m, "unlink", n, bad);
	meter_phase("files-unlink", 0);

	if (rmdir(dir) != 0) {
		fprintf(stderr, "files: rmdir %s: %s\n", dir, strerror(errno));
		return 1;
	}
	return 0;
}
