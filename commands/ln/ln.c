/*
 * commands/ln/ln.c - ln [-fs] target [link] | ln [-fs] target... dir:
 * make hard links, or symbolic links with -s; -f replaces an existing
 * link name.  Without a link name the link goes in the current directory.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

#define LN_USAGE "ln [-fs] target [link] | ln [-fs] target... directory"

static int ln_sym, ln_force;

static int ln_one(const char *target, const char *link_name)
{
	if (ln_force && unlink(link_name) < 0 && errno != ENOENT)
		return cmd_err("%s", link_name);
	struct stat st;

	if ((ln_sym ? symlink(target, link_name) : link(target, link_name)) < 0)
		return cmd_err("%s", (!ln_sym && errno == ENOENT &&
				      lstat(target, &st) < 0) ? target
			       : link_name);
	return 0;
}

static const char *ln_base(const char *p)
{
	const char *b = strrchr(p, '/');

	return b && b[1] ? b + 1 : p;
}

int main(int argc, char **argv)
{
	struct stat st;
	int c, i, status = 0, n;
	const char *dir;
	char *t;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "fs")) != -1) {
		if (c == 's')
			ln_sym = 1;
		else if (c == 'f')
			ln_force = 1;
		else
			cmd_usage(LN_USAGE);
	}
	n = argc - optind;
	if (n < 1)
		cmd_usage(LN_USAGE);
	if (n == 1)
		return ln_one(argv[optind], ln_base(argv[optind]));
	dir = argv[argc - 1];
	if (n == 2 && !(stat(dir, &st) == 0 && S_ISDIR(st.st_mode)))
		return ln_one(argv[optind], dir);
	for (i = optind; i < argc - 1; i++) {
		t = malloc(strlen(dir) + strlen(argv[i]) + 2);
		if (!t)
			return cmd_err("%s", argv[i]);
		sprintf(t, "%s/%s", dir, ln_base(argv[i]));
		status |= ln_one(argv[i], t);
		free(t);
	}
	return status;
}
