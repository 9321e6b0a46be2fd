/*
 * main.c - fsck.mfs command line.
 *
 *   fsck.mfs [-n|-y|-a|-p] [-f] [-v] IMAGE
 *
 * -n (the default) checks without writing; -y, -a and -p repair every
 * problem found (fsck.mfs asks no questions, so the three are the same);
 * -f checks a file system marked clean.  Exit codes as fsck(8).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "fsck.h"

static void fsck_usage(void)
{
	fprintf(stderr, "usage: fsck.mfs [-n|-y|-a|-p] [-f] [-v] image\n");
}

int main(int argc, char **argv)
{
	struct fsck_opts o;
	int c, nmode = 0, ymode = 0;

	memset(&o, 0, sizeof(o));
	o.out = stdout;
	while ((c = getopt(argc, argv, "nyapfv")) != -1) {
		switch (c) {
		case 'n': nmode = 1; break;
		case 'y': case 'a': case 'p': ymode = 1; break;
		case 'f': o.force = 1; break;
		case 'v': o.verbose = 1; break;
		default: fsck_usage(); return FSCK_EXIT_USAGE;
		}
	}
	if (nmode && ymode) {
		fprintf(stderr, "fsck.mfs: -n and -y/-a/-p exclude each "
		    "other\n");
		fsck_usage();
		return FSCK_EXIT_USAGE;
	}
	if (optind != argc - 1) {
		fsck_usage();
		return FSCK_EXIT_USAGE;
	}
	o.image = argv[optind];
	o.repair = ymode;
	return fsck_run(&o);
}
