/*
 * commands/rm/rm.c - rm [-fRr] file...: remove files; -r/-R removes
 * directories with their contents, -f is silent about missing files (and
 * makes no operands fine).  "." and ".." are refused.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

static int rm_force, rm_recursive;

static int rm_path(const char *path);

static int rm_entry(const char *path, const char *name, void *arg)
{
	(void)name;
	(void)arg;
	return rm_path(path);
}

static int rm_dir(const char *path)
{
	int status = cmd_each_entry(path, rm_entry, NULL);

	if (rmdir(path) < 0 && !status)
		status = cmd_err("%s", path);
	return status;
}

static int rm_path(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0) {
		if (rm_force && errno == ENOENT)
			return 0;
		return cmd_err("%s", path);
	}
	if (S_ISDIR(st.st_mode)) {
		if (!rm_recursive)
			return cmd_msg("%s: is a directory", path);
		return rm_dir(path);
	}
	if (unlink(path) < 0)
		return cmd_err("%s", path);
	return 0;
}

static int rm_dots(const char *path)
{
	const char *b = strrchr(path, '/');
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	b = path + n;
	while (b > path && b[-1] != '/')
		b--;
	return (path + n - b == 1 && b[0] == '.') ||
	       (path + n - b == 2 && b[0] == '.' && b[1] == '.');
}

int main(int argc, char **argv)
{
	int c, i, status = 0;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "fRr")) != -1) {
		if (c == 'f')
			rm_force = 1;
		else if (c == 'r' || c == 'R')
			rm_recursive = 1;
		else
			cmd_usage("rm [-fRr] file...");
	}
	if (optind == argc && !rm_force)
		cmd_usage("rm [-fRr] file...");
	for (i = optind; i < argc; i++) {
		if (rm_dots(argv[i])) {
			status = cmd_msg("%s: refusing to remove '.' or '..'",
					 argv[i]);
			continue;
		}
		status |= rm_path(argv[i]);
	}
	return status;
}
