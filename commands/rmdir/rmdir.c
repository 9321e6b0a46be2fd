/*
 * commands/rmdir/rmdir.c - rmdir [-p] dir...: remove empty directories;
 * -p then removes each parent named in the path as well.
 */
#include <string.h>
#include <unistd.h>

#include "cmd.h"

int main(int argc, char **argv)
{
	int c, i, parents = 0, status = 0;
	char *slash;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "p")) != -1) {
		if (c != 'p')
			cmd_usage("rmdir [-p] dir...");
		parents = 1;
	}
	if (optind == argc)
		cmd_usage("rmdir [-p] dir...");
	for (i = optind; i < argc; i++) {
		if (rmdir(argv[i]) < 0) {
			status = cmd_err("%s", argv[i]);
			continue;
		}
		while (parents && (slash = strrchr(argv[i], '/')) != NULL) {
			while (slash > argv[i] && slash[-1] == '/')
				slash--;
			if (slash == argv[i])
				break;
			*slash = '\0';
			if (rmdir(argv[i]) < 0) {
				status = cmd_err("%s", argv[i]);
				break;
			}
		}
	}
	return status;
}
