/*
 * commands/cp/cp.c - cp [-Rrp] source target | cp [-Rrp] source... dir:
 * copy files.  -R/-r copies directories recursively, symbolic links as
 * links and FIFOs as FIFOs; without it a directory operand is an error.
 * -p keeps mode, owner (when allowed) and times.  A copy never descends
 * into the directory it is creating (cp -r d d/sub).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

#define CP_USAGE "cp [-Rrp] source target | cp [-Rrp] source... directory"

static int cp_recursive, cp_preserve;
static dev_t cp_new_dev;
static ino_t cp_new_ino;
static int cp_have_new;

static int cp_path(const char *src, const char *dst);

static void cp_keep(const char *dst, const struct stat *st)
{
	struct timespec ts[2] = { st->st_atim, st->st_mtim };

	if (!cp_preserve)
		return;
	if (lchown(dst, st->st_uid, st->st_gid) < 0 && errno != EPERM)
		cmd_err("%s", dst);
	if (!S_ISLNK(st->st_mode))
		chmod(dst, st->st_mode & 07777);
	utimensat(AT_FDCWD, dst, ts, AT_SYMLINK_NOFOLLOW);
}

static int cp_file(const char *src, const char *dst, const struct stat *st)
{
	struct stat dt;
	int in, out, status = 0;

	if (stat(dst, &dt) == 0 && dt.st_dev == st->st_dev &&
	    dt.st_ino == st->st_ino)
		return cmd_msg("%s and %s are the same file", src, dst);
	in = open(src, O_RDONLY);
	if (in < 0)
		return cmd_err("%s", src);
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st->st_mode & 0777);
	if (out < 0) {
		close(in);
		return cmd_err("%s", dst);
	}
	if (cmd_copy_data(in, out) < 0)
		status = cmd_err("%s", dst);
	close(in);
	if (close(out) < 0 && !status)
		status = cmd_err("%s", dst);
	cp_keep(dst, st);
	return status;
}

/* One entry of a directory being copied: src/name to dst/name. */
static int cp_entry(const char *path, const char *name, void *dst)
{
	char *t = cmd_path_join(dst, name);
	int status;

	if (!t)
		return cmd_err("%s", (const char *)dst);
	status = cp_path(path, t);
	free(t);
	return status;
}

static int cp_dir(const char *src, const char *dst, const struct stat *st)
{
	struct stat dt;
	int status;

	if (cp_have_new && st->st_dev == cp_new_dev && st->st_ino == cp_new_ino)
		return cmd_msg("%s: cannot copy a directory into itself", src);
	if (mkdir(dst, (st->st_mode & 0777) | 0700) < 0 &&
	    (errno != EEXIST || stat(dst, &dt) < 0 || !S_ISDIR(dt.st_mode)))
		return cmd_err("%s", dst);
	if (!cp_have_new && stat(dst, &dt) == 0) {
		cp_new_dev = dt.st_dev;
		cp_new_ino = dt.st_ino;
		cp_have_new = 1;
	}
	status = cmd_each_entry(src, cp_entry, (void *)dst);
	if (!cp_preserve)
		chmod(dst, st->st_mode & 0777);
	cp_keep(dst, st);
	return status;
}

static int cp_special(const char *src, const char *dst, const struct stat *st)
{
	char buf[PATH_MAX];
	ssize_t n;

	if (S_ISLNK(st->st_mode)) {
		n = readlink(src, buf, sizeof(buf) - 1);
		if (n < 0)
			return cmd_err("%s", src);
		buf[n] = '\0';
		unlink(dst);
		if (symlink(buf, dst) < 0)
			return cmd_err("%s", dst);
	} else if (S_ISFIFO(st->st_mode)) {
		if (mkfifo(dst, st->st_mode & 0777) < 0)
			return cmd_err("%s", dst);
	} else {
		return cmd_msg("%s: special file not copied", src);
	}
	cp_keep(dst, st);
	return 0;
}

static int cp_path(const char *src, const char *dst)
{
	struct stat st;
	int r = cp_recursive ? lstat(src, &st) : stat(src, &st);

	if (r < 0)
		return cmd_err("%s", src);
	if (S_ISDIR(st.st_mode)) {
		if (!cp_recursive)
			return cmd_msg("%s: is a directory (not copied)", src);
		return cp_dir(src, dst, &st);
	}
	if (S_ISREG(st.st_mode) || !cp_recursive)
		return cp_file(src, dst, &st);
	return cp_special(src, dst, &st);
}

/* dir/basename(src) */
static char *cp_into(const char *dir, const char *src)
{
	size_t n = strlen(src);
	const char *b;
	char *p;

	while (n > 1 && src[n - 1] == '/')
		n--;
	for (b = src + n; b > src && b[-1] != '/'; b--)
		;
	p = malloc(strlen(dir) + (size_t)(src + n - b) + 2);
	if (p)
		sprintf(p, "%s/%.*s", dir, (int)(src + n - b), b);
	return p;
}

int main(int argc, char **argv)
{
	struct stat st;
	int c, i, status = 0, isdir;
	char *t;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "Rrp")) != -1) {
		if (c == 'p')
			cp_preserve = 1;
		else if (c == 'r' || c == 'R')
			cp_recursive = 1;
		else
			cmd_usage(CP_USAGE);
	}
	if (argc - optind < 2)
		cmd_usage(CP_USAGE);
	isdir = stat(argv[argc - 1], &st) == 0 && S_ISDIR(st.st_mode);
	if (argc - optind > 2 && !isdir)
		return cmd_msg("%s: not a directory", argv[argc - 1]);
	if (!isdir)
		return cp_path(argv[optind], argv[argc - 1]);
	for (i = optind; i < argc - 1; i++) {
		t = cp_into(argv[argc - 1], argv[i]);
		if (!t)
			return cmd_err("%s", argv[i]);
		status |= cp_path(argv[i], t);
		free(t);
	}
	return status;
}
