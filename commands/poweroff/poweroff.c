/*
 * poweroff - sync and power the machine off (reboot(RB_POWEROFF): PM holds
 * every user process, VFS syncs, the kernel shuts down).  Root only.
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/reboot.h>
#include "cmd.h"

int main(int argc, char **argv)
{
	(void)argv;
	cmd_init(argv[0]);
	if (argc != 1)
		cmd_usage("poweroff");
	sync();
	reboot(RB_POWEROFF);
	return cmd_err("reboot");
}
