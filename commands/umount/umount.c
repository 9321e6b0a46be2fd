/*
 * umount - detach the file system mounted on each DIR (EBUSY while a file
 * in it is open or a process works in it; vfs/README.md).
 */
#include <stdio.h>
#include <sys/mount.h>
#include "cmd.h"

int main(int argc, char **argv)
{
	int i, status = 0;

	cmd_init(argv[0]);
	if (argc < 2 || argv[1][0] == '-')
		cmd_usage("umount dir...");
	for (i = 1; i < argc; i++)
		if (umount(argv[i]) < 0)
			status = cmd_err("%s", argv[i]);
	return status;
}
