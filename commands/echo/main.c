/*
 * commands/echo/main.c - the echo command: echo_main (echo.c), which the
 * shell also runs as a builtin.
 */
#include "cmd.h"

int main(int argc, char **argv)
{
	cmd_init(argv[0]);
	return echo_main(argc, argv);
}
