/*
 * commands/test/main.c - the test command: test_main (test.c), which the
 * shell also runs as a builtin.
 */
#include "cmd.h"

int main(int argc, char **argv)
{
	cmd_init(argv[0]);
	return test_main(argc, argv);
}
