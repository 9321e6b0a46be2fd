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

static int rm_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char *sub;
	int status = 0;

	if (!d)
		return cmd_err("%s", path);
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		sub = malloc(strlen(path) + strlen(e->d_name) + 2);
		if (!sub) {
			status = cmd_err("%s", path);
			break;
		}
		sprintf(sub, "%s/%s", path, e->d_name);
		status |= rm_path(sub);
		free(sub);
	}
	closedir(d);
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
