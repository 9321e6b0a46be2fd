/*
 * commands/echo/echo.c - echo [-n] [string...]: the operands separated by
 * spaces, then a newline unless -n.  Backslashes are not interpreted (as
 * GNU and bash; POSIX leaves them implementation-defined: use printf).
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

int echo_main(int argc, char **argv)
{
	int i = 1, nl = 1;

	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		nl = 0;
		i++;
	}
	for (; i < argc; i++) {
		fputs(argv[i], stdout);
		if (i + 1 < argc)
			putchar(' ');
	}
	if (nl)
		putchar('\n');
	if (fflush(stdout) != 0 || ferror(stdout)) {
		clearerr(stdout);
		return cmd_err("write error");
	}
	return 0;
}
