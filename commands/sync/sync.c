/* commands/sync/sync.c - sync: write every file system's dirty data. */
#include <unistd.h>

#include "cmd.h"

int main(int argc, char **argv)
{
	cmd_init(argv[0]);
	if (argc != 1)
		cmd_usage("sync");
	sync();
	return 0;
}
