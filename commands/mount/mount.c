/*
 * mount - attach a file system: mount [-r] -t TYPE SOURCE DIR.  TYPE is
 * the DS label of the file-system server that serves the mount (RS
 * started it, e.g. "mfs"); SOURCE is the block special file it serves, or
 * "none" for a server without a device (vfs/README.md, "Mounts").
 * Without arguments: the mount table, from VFS (getmntinfo, no
 * /etc/mtab to go stale), one line per mount in the classic form
 * "SOURCE on DIR type TYPE (rw)"; SOURCE is the /dev name of the mount's
 * block device, "none" without one.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include "cmd.h"

#define USAGE "mount [-r] -t type source dir | mount"

static int list(void)
{
	struct mica_mntinfo *m;
	const char *src;
	char num[32];
	int n, i;

	if ((n = getmntinfo(&m)) < 0)
		return cmd_err("mount table");
	for (i = 0; i < n; i++) {
		if (!(src = cmd_dev_name(m[i].rdev))) {
			snprintf(num, sizeof(num), m[i].rdev ? "dev 0x%x" :
			    "none", (unsigned)m[i].rdev);
			src = num;
		}
		printf("%s on %s type %s (%s%s)\n", src, m[i].point,
		    m[i].type, m[i].flags & MICA_MNT_RDONLY ? "ro" : "rw",
		    m[i].flags & MICA_MNT_DEAD ? ",dead" : "");
	}
	return 0;
}

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
		return list();
	if (!type || argc - optind != 2)
		cmd_usage(USAGE);
	if (mount(strcmp(argv[optind], "none") ? argv[optind] : NULL,
	    argv[optind + 1], type, flags, NULL) < 0)
		return cmd_err("%s on %s", argv[optind], argv[optind + 1]);
	return 0;
}
