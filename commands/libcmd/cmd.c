/*
 * commands/libcmd/cmd.c - program name, messages, usage, and byte copying
 * for the small commands.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

static char cmd_prog[64] = "?";

/* Copied: the shell calls this with argv strings it frees afterwards. */
void cmd_init(const char *argv0)
{
	const char *s = argv0 ? strrchr(argv0, '/') : NULL;

	s = s ? s + 1 : argv0 ? argv0 : "?";
	if (strncmp(s, "mica-", 5) == 0 && s[5])
		s += 5;
	snprintf(cmd_prog, sizeof(cmd_prog), "%s", s);
}

const char *cmd_name(void)
{
	return cmd_prog;
}

void cmd_usage(const char *usage)
{
	fprintf(stderr, "usage: %s\n", usage);
	exit(2);
}

int cmd_err(const char *fmt, ...)
{
	int e = errno;
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", cmd_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s\n", strerror(e));
	return 1;
}

int cmd_msg(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", cmd_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

int cmd_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	ssize_t r;

	while (n) {
		r = write(fd, p, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

/* Copy everything from in to out; 0, or -1 with errno set. */
int cmd_copy_data(int in, int out)
{
	static char buf[65536];
	ssize_t r;

	for (;;) {
		r = read(in, buf, sizeof(buf));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			return 0;
		if (cmd_write_all(out, buf, (size_t)r) < 0)
			return -1;
	}
}
