/*
 * trees.c - the source trees the tool-made images are built from.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "isotest.h"

static void tr_file(const char *dir, const char *name, const char *text,
    size_t len, mode_t mode)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%.3000s/%.1000s", dir, name);
	f = fopen(path, "wb");
	if (f == NULL)
		return;
	fwrite(text, 1, len, f);
	fclose(f);
	chmod(path, mode);
}

static void tr_dir(const char *dir, const char *name, mode_t mode)
{
	char path[4096];

	snprintf(path, sizeof(path), "%.3000s/%.1000s", dir, name);
	mkdir(path, mode);
	chmod(path, mode);
}

/* A file of 'len' bytes whose content depends on the offset. */
static void tr_pattern(const char *dir, const char *name, size_t len)
{
	char *buf = malloc(len);
	size_t i;

	for (i = 0; i < len; i++)
		buf[i] = (char)(i * 7 + i / 2048 + 1);
	tr_file(dir, name, buf, len, 0644);
	free(buf);
}

static void tr_link(const char *dir, const char *name, const char *target)
{
	char path[4096];

	snprintf(path, sizeof(path), "%.3000s/%.1000s", dir, name);
	if (symlink(target, path) != 0)
		perror(path);
}

/* Give every node below 'dir' a fixed mtime (and the directories last). */
static void tr_times(const char *dir)
{
	isot_run("find %s -depth -exec touch -h -d @1300000000 {} +", dir);
}

void isot_tree_full(const char *dir, int segs)
{
	char path[4096], target[4096];
	int i;

	mkdir(dir, 0755);
	tr_file(dir, "hello.txt", "hello, iso\n", 11, 0640);
	tr_pattern(dir, "big.bin", 300000);
	tr_file(dir, "empty", "", 0, 0600);
	tr_file(dir, "exec.sh", "#!/bin/sh\n", 10, 04755);
	tr_file(dir, "A long name, with spaces and \xc3\xbcnic\xc3\xb6"
	    "de 0123456789 0123456789 0123456789 0123456789 0123456789 "
	    "0123456789 0123456789 0123456789 0123456789 end.txt", "x", 1,
	    0644);
	tr_dir(dir, "d1", 0750);
	snprintf(path, sizeof(path), "%s/d1", dir);
	tr_dir(path, "d2", 0700);
	snprintf(path, sizeof(path), "%s/d1/d2", dir);
	tr_file(path, "deep.txt", "deep\n", 5, 0444);
	snprintf(path, sizeof(path), "%s/d1", dir);
	tr_link(path, "rel", "../d1/./d2/deep.txt");
	tr_link(dir, "link", "hello.txt");
	tr_link(dir, "abs", "/usr/share/../lib");
	for (i = 0; i < segs; i++)
		memcpy(target + i * 13, "segment-1234/", 13);
	target[segs * 13 - 1] = '\0';
	tr_link(dir, "longlink", target);
	snprintf(path, sizeof(path), "%s/fifo", dir);
	mkfifo(path, 0620);
	if (geteuid() == 0) {
		snprintf(path, sizeof(path), "%s/hello.txt", dir);
		if (chown(path, 1234, 5678) != 0)
			perror(path);
		snprintf(path, sizeof(path), "%s/chr", dir);
		mknod(path, S_IFCHR | 0644, makedev(1, 3));
		snprintf(path, sizeof(path), "%s/blk", dir);
		mknod(path, S_IFBLK | 0600, makedev(259, 70000));
	}
	tr_times(dir);
}

void isot_tree_joliet(const char *dir)
{
	char path[4096];

	mkdir(dir, 0755);
	tr_file(dir, "Hello World.txt", "hello\n", 6, 0644);
	tr_file(dir, "\xc3\x9cn\xc3\xaf" "c\xc3\xb6" "d\xc3\xa9 "
	    "\xd1\x84\xd0\xb0\xd0\xb9\xd0\xbb.txt", "u\n", 2, 0644);
	tr_file(dir, "a-name-of-fifty-nine-characters-for-joliet-0123456789.dat",
	    "l\n", 2, 0644);
	tr_pattern(dir, "Data.bin", 70000);
	tr_dir(dir, "dir One", 0755);
	snprintf(path, sizeof(path), "%s/dir One", dir);
	tr_dir(path, "Sub", 0755);
	snprintf(path, sizeof(path), "%s/dir One/Sub", dir);
	tr_file(path, "file.TXT", "sub\n", 4, 0644);
}

void isot_tree_plain(const char *dir, int level)
{
	char path[4096];

	mkdir(dir, 0755);
	tr_file(dir, "HELLO.TXT", "hello\n", 6, 0644);
	tr_file(dir, "README", "readme\n", 7, 0644);
	tr_pattern(dir, "DATA.BIN", 100000);
	tr_dir(dir, "DIR1", 0755);
	snprintf(path, sizeof(path), "%s/DIR1", dir);
	tr_dir(path, "DIR2", 0755);
	snprintf(path, sizeof(path), "%s/DIR1/DIR2", dir);
	tr_file(path, "DEEP.TXT", "deep\n", 5, 0644);
	if (level >= 2)
		tr_file(dir, "A_LONGER_NAME_2.TXT", "long\n", 5, 0644);
}

void isot_tree_deep(const char *dir, int depth)
{
	char path[4096];
	size_t len;
	int i;

	mkdir(dir, 0755);
	len = (size_t)snprintf(path, sizeof(path), "%s", dir);
	for (i = 0; i < depth; i++) {
		len += (size_t)snprintf(path + len, sizeof(path) - len, "/d%d",
		    i);
		mkdir(path, 0755);
		tr_file(path, "f.txt", path, strlen(path), 0644);
	}
	tr_times(dir);
}
