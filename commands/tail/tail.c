/*
 * commands/tail/tail.c - tail [-n [+]lines | -c [+]bytes] [file]: the end
 * of a file (10 lines by default); "+N" starts at line (byte) N instead.
 * The input is read once, keeping only a ring of the last lines, so pipes
 * work and memory is bounded by what is printed.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

#define TAIL_USAGE "tail [-n [+]lines | -c [+]bytes] [file]"

static int tail_from(FILE *f, unsigned long long start, int bytes)
{
	unsigned long long pos = 1;
	int c;

	while ((c = getc(f)) != EOF) {
		if (pos >= start)
			putchar(c);
		if (bytes || c == '\n')
			pos++;
	}
	return ferror(f) ? -1 : 0;
}

static int tail_last_bytes(FILE *f, unsigned long long n)
{
	char *ring = n ? malloc(n) : NULL;
	unsigned long long total = 0, i;
	int c;

	if (n && !ring)
		return -1;
	while ((c = getc(f)) != EOF) {
		if (n)
			ring[total % n] = (char)c;
		total++;
	}
	for (i = total > n ? total - n : 0; i < total; i++)
		putchar(ring[i % n]);
	free(ring);
	return ferror(f) ? -1 : 0;
}

static int tail_last_lines(FILE *f, unsigned long long n)
{
	char **ring = n ? calloc(n, sizeof(char *)) : NULL;
	size_t cap = 0;
	ssize_t len;
	char *line = NULL;
	unsigned long long total = 0, i;

	if (n && !ring)
		return -1;
	while ((len = getline(&line, &cap, f)) >= 0) {
		if (n) {
			free(ring[total % n]);
			ring[total % n] = malloc((size_t)len + 1);
			if (!ring[total % n])
				return -1;
			memcpy(ring[total % n], line, (size_t)len + 1);
		}
		total++;
	}
	free(line);
	for (i = total > n ? total - n : 0; i < total; i++)
		fputs(ring[i % n], stdout);
	for (i = 0; i < n && i < total; i++)
		free(ring[i]);
	free(ring);
	return ferror(f) ? -1 : 0;
}

int main(int argc, char **argv)
{
	unsigned long long n = 10;
	int c, bytes = 0, from = 0, r;
	const char *arg;
	char *end;
	FILE *f = stdin;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "n:c:")) != -1) {
		if (c == '?')
			cmd_usage(TAIL_USAGE);
		bytes = c == 'c';
		arg = optarg;
		from = *arg == '+';
		if (*arg == '+' || *arg == '-')
			arg++;
		n = strtoull(arg, &end, 10);
		if (!*arg || *end) {
			cmd_msg("%s: invalid number", optarg);
			return 2;
		}
	}
	if (argc - optind > 1)
		cmd_usage(TAIL_USAGE);
	if (optind < argc && strcmp(argv[optind], "-") &&
	    !(f = fopen(argv[optind], "r")))
		return cmd_err("%s", argv[optind]);
	if (from)
		r = tail_from(f, n ? n : 1, bytes);
	else
		r = bytes ? tail_last_bytes(f, n) : tail_last_lines(f, n);
	if (r < 0)
		return cmd_err("%s", optind < argc ? argv[optind] : "stdin");
	return 0;
}
