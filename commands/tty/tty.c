/*
 * commands/tty/tty.c - tty [-s]: print the name of the terminal on
 * standard input (ttyname), or "not a tty" with status 1; -s prints
 * nothing and only sets the status (POSIX).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

int main(int argc, char **argv)
{
	int silent = 0;
	const char *name;

	cmd_init(argv[0]);
	if (argc == 2 && !strcmp(argv[1], "-s"))
		silent = 1;
	else if (argc != 1)
		cmd_usage("tty [-s]");
	name = ttyname(0);
	if (!silent)
		puts(name ? name : "not a tty");
	return name ? 0 : 1;
}
