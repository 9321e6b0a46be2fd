/*
 * commands/pwd/pwd.c - pwd [-L|-P]: the working directory.  -L (the
 * default) prints $PWD when it is absolute, free of . and .., and names
 * the working directory; otherwise, and with -P, the physical path.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

static int pwd_logical_ok(const char *p)
{
	struct stat a, b;

	if (!p || p[0] != '/' || strstr(p, "/./") || strstr(p, "/../"))
		return 0;
	if (strlen(p) >= 2 && (!strcmp(p + strlen(p) - 2, "/.") ||
			       (strlen(p) >= 3 && !strcmp(p + strlen(p) - 3, "/.."))))
		return 0;
	return stat(p, &a) == 0 && stat(".", &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int main(int argc, char **argv)
{
	char buf[PATH_MAX];
	int c, logical = 1;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "LP")) != -1) {
		if (c == '?')
			cmd_usage("pwd [-L|-P]");
		logical = c == 'L';
	}
	if (optind != argc)
		cmd_usage("pwd [-L|-P]");
	if (logical && pwd_logical_ok(getenv("PWD"))) {
		puts(getenv("PWD"));
		return 0;
	}
	if (!getcwd(buf, sizeof(buf)))
		return cmd_err(".");
	puts(buf);
	return 0;
}
