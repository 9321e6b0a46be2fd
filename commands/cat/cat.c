/*
 * commands/cat/cat.c - cat [-u] [file...]: copy the files, or standard
 * input ("-" or none), to standard output.  A file that cannot be read is
 * reported and skipped; the status is then 1.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

static int cat_one(const char *name)
{
	int fd = strcmp(name, "-") == 0 ? 0 : open(name, O_RDONLY);
	int status = 0;

	if (fd < 0)
		return cmd_err("%s", name);
	if (cmd_copy_data(fd, 1) < 0)
		status = cmd_err("%s", name);
	if (fd != 0)
		close(fd);
	return status;
}

int main(int argc, char **argv)
{
	int c, i, status = 0;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "u")) != -1)
		if (c != 'u')
			cmd_usage("cat [-u] [file...]");
	if (optind == argc)
		return cat_one("-");
	for (i = optind; i < argc; i++)
		status |= cat_one(argv[i]);
	return status;
}
