/*
 * commands/touch/touch.c - touch [-acm] [-r ref] file...: set the access
 * and/or modification times to now (or to ref's), creating missing files
 * unless -c.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

#define TOUCH_USAGE "touch [-acm] [-r ref_file] file..."

int main(int argc, char **argv)
{
	struct timespec ts[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	int c, i, fd, nocreate = 0, a = 0, m = 0, status = 0;
	const char *ref = NULL;
	struct stat st;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "acmr:")) != -1) {
		if (c == 'a')
			a = 1;
		else if (c == 'm')
			m = 1;
		else if (c == 'c')
			nocreate = 1;
		else if (c == 'r')
			ref = optarg;
		else
			cmd_usage(TOUCH_USAGE);
	}
	if (optind == argc)
		cmd_usage(TOUCH_USAGE);
	if (ref) {
		if (stat(ref, &st) < 0)
			return cmd_err("%s", ref);
		ts[0] = st.st_atim;
		ts[1] = st.st_mtim;
	}
	if (a && !m)
		ts[1].tv_nsec = UTIME_OMIT;
	if (m && !a)
		ts[0].tv_nsec = UTIME_OMIT;
	for (i = optind; i < argc; i++) {
		if (utimensat(AT_FDCWD, argv[i], ts, 0) == 0)
			continue;
		if (errno != ENOENT) {
			status = cmd_err("%s", argv[i]);
			continue;
		}
		if (nocreate)
			continue;
		fd = open(argv[i], O_WRONLY | O_CREAT, 0666);
		if (fd < 0 || futimens(fd, ts) < 0)
			status = cmd_err("%s", argv[i]);
		if (fd >= 0)
			close(fd);
	}
	return status;
}
