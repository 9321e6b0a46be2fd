/*
 * df - space on file systems: df [-k] [file...].  Without operands every
 * mount of the mount table (getmntinfo, as `mount` lists it); with them,
 * the mount holding each file (matched by st_dev).  One line each:
 * "Filesystem 1K-blocks Used Available Use% Mounted on" as GNU df, sizes
 * from statvfs in 1024-byte units, the file system named by the /dev name
 * of its block device ("none" without one).
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include "cmd.h"

static int show(const struct mica_mntinfo *m)
{
	struct statvfs sv;
	unsigned long long unit, total, avail, used;
	const char *src = cmd_dev_name(m->rdev);

	if (statvfs(m->point, &sv) < 0)
		return cmd_err("%s", m->point);
	unit = sv.f_frsize ? sv.f_frsize : sv.f_bsize;
	total = (unsigned long long)sv.f_blocks * unit / 1024;
	avail = (unsigned long long)sv.f_bavail * unit / 1024;
	used = total - (unsigned long long)sv.f_bfree * unit / 1024;
	printf("%-16s %10llu %10llu %10llu %3llu%% %s\n", src ? src : "none",
	    total, used, avail, used + avail ?
	    (used * 100 + used + avail - 1) / (used + avail) : 0, m->point);
	return 0;
}

/* The mount holding 'path': the one whose st_dev its files have. */
static int show_file(const char *path, const struct mica_mntinfo *m, int n)
{
	struct stat st;
	int i;

	if (stat(path, &st) < 0)
		return cmd_err("%s", path);
	for (i = 0; i < n; i++)
		if (m[i].dev == (u32_t)st.st_dev)
			return show(&m[i]);
	return cmd_msg("%s: not on a mounted file system", path);
}

int main(int argc, char **argv)
{
	struct mica_mntinfo *m;
	int c, i, n, status = 0;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "k")) != -1)
		if (c != 'k')
			cmd_usage("df [-k] [file...]");
	if ((n = getmntinfo(&m)) < 0)
		return cmd_err("mount table");
	printf("%-16s %10s %10s %10s %4s %s\n", "Filesystem", "1K-blocks",
	    "Used", "Available", "Use%", "Mounted on");
	for (i = optind; i < argc; i++)
		status |= show_file(argv[i], m, n);
	for (i = 0; optind == argc && i < n; i++)
		status |= show(&m[i]);
	return status;
}
