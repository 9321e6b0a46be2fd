/*
 * df - space on the file systems holding each FILE (default "/"), from
 * statvfs: df [-k] [file...].  Sizes in 1024-byte units; the first column
 * is the file named (VFS keeps no readable mount table to give a device).
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/statvfs.h>
#include "cmd.h"

static int show(const char *path)
{
	struct statvfs sv;
	unsigned long long unit, total, avail, used;

	if (statvfs(path, &sv) < 0)
		return cmd_err("%s", path);
	unit = sv.f_frsize ? sv.f_frsize : sv.f_bsize;
	total = (unsigned long long)sv.f_blocks * unit / 1024;
	avail = (unsigned long long)sv.f_bavail * unit / 1024;
	used = total - (unsigned long long)sv.f_bfree * unit / 1024;
	printf("%-16s %10llu %10llu %10llu %3llu%%\n", path, total, used, avail,
	    used + avail ? (used * 100 + used + avail - 1) / (used + avail) : 0);
	return 0;
}

int main(int argc, char **argv)
{
	int c, i, status = 0;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "k")) != -1)
		if (c != 'k')
			cmd_usage("df [-k] [file...]");
	printf("%-16s %10s %10s %10s %4s\n", "File", "1K-blocks", "Used",
	    "Available", "Use%");
	if (optind == argc)
		return show("/");
	for (i = optind; i < argc; i++)
		status |= show(argv[i]);
	return status;
}
