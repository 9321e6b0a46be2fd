/*
 * commands/printf/main.c - the printf command: printf_main (printf.c), which the
 * shell also runs as a builtin.
 */
#include "cmd.h"

int main(int argc, char **argv)
{
	cmd_init(argv[0]);
	return printf_main(argc, argv);
}
