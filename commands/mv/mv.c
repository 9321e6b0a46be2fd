/*
 * commands/mv/mv.c - mv [-f] source target | mv [-f] source... dir:
 * rename files.  Across file systems a regular file is copied and the
 * source removed; a directory there is refused (use cp -r and rm -r).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

#define MV_USAGE "mv [-f] source target | mv [-f] source... directory"

static int mv_copy(const char *src, const char *dst)
{
	struct stat st;
	int in, out, r;

	if (lstat(src, &st) < 0)
		return cmd_err("%s", src);
	if (!S_ISREG(st.st_mode))
		return cmd_msg("%s: cannot move across file systems", src);
	in = open(src, O_RDONLY);
	if (in < 0)
		return cmd_err("%s", src);
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 07777);
	if (out < 0) {
		close(in);
		return cmd_err("%s", dst);
	}
	r = cmd_copy_data(in, out);
	close(in);
	if (close(out) < 0 || r < 0) {
		unlink(dst);
		return cmd_err("%s", dst);
	}
	if (unlink(src) < 0)
		return cmd_err("%s", src);
	return 0;
}

static int mv_one(const char *src, const char *dst)
{
	struct stat st;

	if (rename(src, dst) == 0)
		return 0;
	if (errno == EXDEV)
		return mv_copy(src, dst);
	if (errno == ENOENT && lstat(src, &st) < 0)
		return cmd_err("%s", src);
	return cmd_err("%s -> %s", src, dst);
}

int main(int argc, char **argv)
{
	struct stat st;
	int c, i, status = 0, isdir;
	const char *b;
	char *t;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "fi")) != -1)
		if (c == '?')
			cmd_usage(MV_USAGE);
	if (argc - optind < 2)
		cmd_usage(MV_USAGE);
	isdir = stat(argv[argc - 1], &st) == 0 && S_ISDIR(st.st_mode);
	if (!isdir && argc - optind > 2)
		return cmd_msg("%s: not a directory", argv[argc - 1]);
	if (!isdir)
		return mv_one(argv[optind], argv[argc - 1]);
	for (i = optind; i < argc - 1; i++) {
		b = strrchr(argv[i], '/');
		b = b ? b + 1 : argv[i];
		t = malloc(strlen(argv[argc - 1]) + strlen(b) + 2);
		if (!t)
			return cmd_err("%s", argv[i]);
		sprintf(t, "%s/%s", argv[argc - 1], b);
		status |= mv_one(argv[i], t);
		free(t);
	}
	return status;
}
