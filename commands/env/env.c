/*
 * commands/env/env.c - env [-i] [name=value]... [command [arg...]]: run
 * the command in the modified environment, or print it.  Status 127 when
 * the command is not found, 126 when it cannot be run.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

extern char **environ;

int main(int argc, char **argv)
{
	static char *empty[] = { NULL };
	int i = 1;
	char **e;

	cmd_init(argv[0]);
	if (i < argc && (!strcmp(argv[i], "-i") || !strcmp(argv[i], "-"))) {
		environ = empty;
		i++;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	else if (i < argc && argv[i][0] == '-')
		cmd_usage("env [-i] [name=value]... [command [arg...]]");
	for (; i < argc && strchr(argv[i], '='); i++)
		if (putenv(argv[i]) != 0)
			return cmd_err("%s", argv[i]);
	if (i == argc) {
		for (e = environ; *e; e++)
			puts(*e);
		return 0;
	}
	execvp(argv[i], argv + i);
	cmd_err("%s", argv[i]);
	return errno == ENOENT ? 127 : 126;
}
