/*
 * bench_fsread.c - reading one tree whole on ISO 9660, ext2 and MFS in
 * Mica (make bench; tests/bench/fsread/bench.sh boots the whole system with
 * this program in init's place).  The same tree (fsmnt's ISO source: 56
 * entries, ~400 KB, one 300 KiB file) is an ISO on /dev/ram1 and an ext2
 * image on /dev/ram2, both made by outside tools; it is copied onto MFS
 * (the root, /tmp) first.  Figures, per read of the whole tree (every
 * directory listed, every file read in 64 KiB reads), the mean over the
 * rounds: rdtsc cycles (guest instructions under -icount shift=0) and
 * CLOCK_MONOTONIC ns:
 *   tree-cold-iso, tree-cold-ext2   the first read after the mount
 *   tree-iso, tree-ext2, tree-mfs   warm (the cache holds the tree)
 * MFS warm is the reference (its cold read would need a second MFS server:
 * the root's serves one mount).  Lines "bench: NAME N iterations C cycles
 * T ns" (tools/qemu/bench-lib.sh), "bench: done" last.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include "../lib/bench_libc.h"

#define ROUNDS	10

static char buf[65536];

/* Read everything under path; the bytes read, -1 on any error. */
static long tree_read(const char *path)
{
	char sub[600];
	struct dirent *e;
	struct stat st;
	long total = 0, n;
	ssize_t r;
	DIR *d;
	int fd;

	if (!(d = opendir(path)))
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		if (lstat(sub, &st) < 0)
			goto bad;
		if (S_ISDIR(st.st_mode)) {
			if ((n = tree_read(sub)) < 0)
				goto bad;
			total += n;
		} else if (S_ISREG(st.st_mode)) {
			if ((fd = open(sub, O_RDONLY)) < 0)
				goto bad;
			while ((r = read(fd, buf, sizeof(buf))) > 0)
				total += r;
			close(fd);
			if (r < 0)
				goto bad;
		}
	}
	closedir(d);
	return total;
bad:
	closedir(d);
	return -1;
}

/* Copy the tree at from into to (a new directory); 0 or -1. */
static int tree_copy(const char *from, const char *to)
{
	char src[600], dst[600];
	struct dirent *e;
	struct stat st;
	ssize_t r;
	DIR *d;
	int in, out, bad = 0;

	if (mkdir(to, 0755) < 0 || !(d = opendir(from)))
		return -1;
	while (!bad && (e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(src, sizeof(src), "%s/%s", from, e->d_name);
		snprintf(dst, sizeof(dst), "%s/%s", to, e->d_name);
		if (lstat(src, &st) < 0)
			bad = 1;
		else if (S_ISDIR(st.st_mode))
			bad = tree_copy(src, dst) < 0;
		else if (S_ISREG(st.st_mode)) {
			if ((in = open(src, O_RDONLY)) < 0)
				bad = 1;
			else if ((out = open(dst, O_CREAT | O_WRONLY, 0644)) < 0)
				bad = 1, close(in);
			else {
				while ((r = read(in, buf, sizeof(buf))) > 0)
					if (write(out, buf, r) != r)
						bad = 1;
				bad |= r < 0;
				close(in);
				close(out);
			}
		}
	}
	closedir(d);
	return bad ? -1 : 0;
}

/* Read the tree at path 'rounds' times and print the mean; its bytes. */
static long measure(const char *what, const char *path, int rounds)
{
	unsigned long long c = bench_tsc(), ns = bench_now_ns();
	long bytes = 0, n;
	int i;

	for (i = 0; i < rounds; i++) {
		if ((n = tree_read(path)) < 0) {
			bench_say("bench: %s failed (errno %d)\n", what, errno);
			return -1;
		}
		bytes = n;
	}
	c = bench_tsc() - c;
	ns = bench_now_ns() - ns;
	bench_say("bench: %s %d iterations %lu cycles %lu ns (%ld bytes)\n", what,
		rounds, (unsigned long)(c / rounds), (unsigned long)(ns / rounds),
		bytes);
	return bytes;
}

/* RS starts the servers beside us: mount once DS knows the type. */
static int mount_wait(const char *dev, const char *dir, const char *type)
{
	struct timespec pause = { 0, 50 * 1000 * 1000 };
	int tries = 200;

	while (mount(dev, dir, type, MS_RDONLY, NULL) < 0) {
		if (errno != ENODEV || --tries == 0) {
			bench_say("bench: mount %s %s failed (errno %d)\n", dev, type, errno);
			return -1;
		}
		nanosleep(&pause, NULL);
	}
	return 0;
}

int main(void)
{
	struct timespec pause = { 0, 100 * 1000 * 1000 };
	long iso, e2, mfs;
	int tries = 100;

	while (access("/tmp", W_OK) < 0 && --tries > 0)	/* the root is up */
		nanosleep(&pause, NULL);
	mkdir("/tmp/e2", 0755);
	if (mount_wait("/dev/ram1", "/mnt", "iso9660") < 0 ||
	    mount_wait("/dev/ram2", "/tmp/e2", "ext2") < 0)
		return 1;
	iso = measure("tree-cold-iso", "/mnt", 1);
	e2 = measure("tree-cold-ext2", "/tmp/e2", 1);
	if (tree_copy("/mnt", "/tmp/mfs") < 0) {
		bench_say("bench: copy to MFS failed (errno %d)\n", errno);
		return 1;
	}
	mfs = measure("tree-mfs", "/tmp/mfs", ROUNDS);
	if (measure("tree-iso", "/mnt", ROUNDS) != iso ||
	    measure("tree-ext2", "/tmp/e2", ROUNDS) != e2 || mfs != iso ||
	    iso <= 0) {
		bench_say("bench: the trees differ: iso %ld, ext2 %ld, mfs %ld bytes\n",
			iso, e2, mfs);
		return 1;
	}
	bench_say("bench: done\n");
	return 0;
}
