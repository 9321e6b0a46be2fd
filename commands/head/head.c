/*
 * commands/head/head.c - head [-n lines | -c bytes] [file...]: the start
 * of each file (10 lines by default), with "==> name <==" headers when
 * there are several.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

#define HEAD_USAGE "head [-n lines | -c bytes] [file...]"

static int head_fd(int fd, unsigned long long n, int bytes)
{
	char buf[8192];
	ssize_t r, i;

	while (n > 0 && (r = read(fd, buf, sizeof(buf))) > 0) {
		for (i = 0; i < r && n > 0; i++)
			if (bytes || buf[i] == '\n')
				n--;
		if (cmd_write_all(1, buf, (size_t)i) < 0)
			return -1;
	}
	return 0;
}

static unsigned long long head_count(const char *s)
{
	char *end;
	unsigned long long n = strtoull(s, &end, 10);

	if (!*s || *end || *s == '-') {
		cmd_msg("%s: invalid number", s);
		exit(2);
	}
	return n;
}

int main(int argc, char **argv)
{
	unsigned long long n = 10;
	int c, i, fd, bytes = 0, status = 0;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "n:c:")) != -1) {
		if (c == '?')
			cmd_usage(HEAD_USAGE);
		bytes = c == 'c';
		n = head_count(optarg);
	}
	if (optind == argc)
		return head_fd(0, n, bytes) < 0 ? cmd_err("write") : 0;
	for (i = optind; i < argc; i++) {
		fd = strcmp(argv[i], "-") ? open(argv[i], O_RDONLY) : 0;
		if (fd < 0) {
			status = cmd_err("%s", argv[i]);
			continue;
		}
		if (argc - optind > 1) {
			printf("%s==> %s <==\n", i > optind ? "\n" : "", argv[i]);
			fflush(stdout);
		}
		if (head_fd(fd, n, bytes) < 0)
			status = cmd_err("%s", argv[i]);
		if (fd > 0)
			close(fd);
	}
	return status;
}
