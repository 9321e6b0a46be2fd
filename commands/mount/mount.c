/*
 * mount - attach a file system:
 *
 *	mount [-r] [-t TYPE] SOURCE DIR
 *	mount -a [-r]
 *
 * TYPE is the DS label of the file-system server that serves the mount
 * (RS started it: mfs, ext2, iso9660; mica/fstype.h); without it, or with
 * "auto", the type is detected by trying the servers in turn (fstype.c).
 * SOURCE is the block special file it serves, or "none" for a server
 * without a device (vfs/README.md, "Mounts").  -r mounts read-only (an
 * ISO 9660 volume always is; so is a write-protected device, with a
 * note).  -a mounts what /etc/fstab lists (fstab.c).
 * Without arguments: the mount table (list.c).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include "cmd.h"
#include "list.h"
#include "mount.h"

#define USAGE "mount [-r] [-t type] source dir | mount -a [-r] | mount"

int main(int argc, char **argv)
{
	const char *type = NULL, *used;
	unsigned long flags = 0;
	int c, all = 0, ro_forced;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "art:")) != -1) {
		switch (c) {
		case 'a': all = 1; break;
		case 'r': flags |= MS_RDONLY; break;
		case 't': type = optarg; break;
		default: cmd_usage(USAGE);
		}
	}
	if (argc == 1)
		return mount_list();
	if (all) {
		if (type || argc != optind)
			cmd_usage(USAGE);
		return mount_all(flags);
	}
	if (argc - optind != 2)
		cmd_usage(USAGE);
	if (mount_typed(strcmp(argv[optind], "none") ? argv[optind] : NULL,
	    argv[optind + 1], type, flags, &used, &ro_forced) == 0) {
		if (ro_forced)
			cmd_msg("%s is write-protected, mounted read-only",
			    argv[optind]);
		return 0;
	}
	if (!used && errno == EFTYPE)
		return cmd_msg("%s: no known file system found (tried %s)",
		    argv[optind], mount_type_names());
	if (used && errno == EFTYPE)
		return cmd_msg("%s: not %s %s file system", argv[optind],
		    strchr("aeiou", used[0]) ? "an" : "a", used);
	return cmd_err("%s on %s", argv[optind], argv[optind + 1]);
}
