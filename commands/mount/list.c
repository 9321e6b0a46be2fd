/*
 * list.c - `mount` with no arguments: the mount table from VFS
 * (getmntinfo, no /etc/mtab to go stale), one line per mount in the
 * classic form "SOURCE on DIR type TYPE (rw)"; SOURCE is the /dev name of
 * the mount's block device (libcmd's cmd_dev_name), "none" without one.
 */
#include <stdio.h>
#include <sys/mount.h>
#include "cmd.h"
#include "list.h"

int mount_list(void)
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
