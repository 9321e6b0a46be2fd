/*
 * mount - attach a file system: mount [-r] -t TYPE SOURCE DIR.  TYPE is
 * the DS label of the file-system server that serves the mount (RS
 * started it, e.g. "mfs"); SOURCE is the block special file it serves, or
 * "none" for a server without a device (vfs/README.md, "Mounts").
 * Without arguments: the mount table (list.c).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include "cmd.h"
#include "list.h"

#define USAGE "mount [-r] -t type source dir | mount"

int main(int argc, char **argv)
{
	const char *type = NULL;
	unsigned long flags = 0;
	int c;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "rt:")) != -1) {
		switch (c) {
		case 'r': flags |= MS_RDONLY; break;
		case 't': type = optarg; break;
		default: cmd_usage(USAGE);
		}
	}
	if (argc == 1)
		return mount_list();
	if (!type || argc - optind != 2)
		cmd_usage(USAGE);
	if (mount(strcmp(argv[optind], "none") ? argv[optind] : NULL,
	    argv[optind + 1], type, flags, NULL) < 0)
		return cmd_err("%s on %s", argv[optind], argv[optind + 1]);
	return 0;
}
