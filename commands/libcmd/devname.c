/*
 * devname.c - the /dev name of a block device number, for mount and df
 * (which get numbers from the mount table): the first block special file
 * in /dev whose st_rdev is it.  A scan, as BSD's devname() without its
 * database: /dev is small.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "cmd.h"

const char *cmd_dev_name(dev_t rdev)
{
	static char path[5 + 256];
	struct dirent *e;
	struct stat st;
	DIR *d;

	if (rdev == 0 || (d = opendir("/dev")) == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (strlen(e->d_name) >= sizeof(path) - 5)
			continue;
		snprintf(path, sizeof(path), "/dev/%s", e->d_name);
		if (stat(path, &st) == 0 && S_ISBLK(st.st_mode) &&
		    st.st_rdev == rdev) {
			closedir(d);
			return path;
		}
	}
	closedir(d);
	return NULL;
}
