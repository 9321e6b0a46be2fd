/*
 * commands/mkdir/mkdir.c - mkdir [-p] [-m mode] dir...: make directories;
 * -p also makes missing parents and accepts existing directories.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

#define MKDIR_USAGE "mkdir [-p] [-m mode] dir..."

static int mkdir_parents(char *path, mode_t mode)
{
	struct stat st;
	char *p = path;

	for (;;) {
		while (*p == '/')
			p++;
		p = strchr(p, '/');
		if (p)
			*p = '\0';
		if (mkdir(path, p ? 0777 : mode) < 0 && (errno != EEXIST ||
		    stat(path, &st) < 0 || !S_ISDIR(st.st_mode))) {
			if (errno == EEXIST)
				errno = ENOTDIR;
			return -1;
		}
		if (!p)
			return 0;
		*p++ = '/';
	}
}

int main(int argc, char **argv)
{
	int c, i, parents = 0, status = 0;
	mode_t mode = 0777;
	char *end, *copy;
	long m;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "pm:")) != -1) {
		if (c == 'p') {
			parents = 1;
		} else if (c == 'm') {
			m = strtol(optarg, &end, 8);
			if (*end || m < 0 || m > 07777) {
				cmd_msg("%s: invalid mode (octal only)", optarg);
				return 2;
			}
			mode = (mode_t)m;
		} else {
			cmd_usage(MKDIR_USAGE);
		}
	}
	if (optind == argc)
		cmd_usage(MKDIR_USAGE);
	for (i = optind; i < argc; i++) {
		if (!parents) {
			if (mkdir(argv[i], mode) < 0)
				status = cmd_err("%s", argv[i]);
			continue;
		}
		copy = strdup(argv[i]);
		if (!copy || mkdir_parents(copy, mode) < 0)
			status = cmd_err("%s", argv[i]);
		free(copy);
	}
	return status;
}
