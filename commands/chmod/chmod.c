/*
 * commands/chmod/chmod.c - chmod [-R] mode file...: change permissions.
 * mode is octal or POSIX symbolic: clauses "[ugoa]*[-+=][rwxXst]*" (or
 * "[-+=][ugo]" copying a class), comma-separated; with no who letters,
 * + and = leave the umask's bits alone.  -R does not follow symbolic links
 * below the operands.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

#define CHMOD_USAGE "chmod [-R] mode file..."

static const char *ch_spec;
static int ch_recursive;

static mode_t ch_who(char c)
{
	switch (c) {
	case 'u': return S_ISUID | S_IRWXU;
	case 'g': return S_ISGID | S_IRWXG;
	case 'o': return S_IRWXO;
	}
	return 07777;
}

/* The permission bits that perm letters p..end name for old mode m. */
static mode_t ch_perm(const char **pp, mode_t m, int isdir)
{
	const char *p = *pp;
	mode_t bits = 0, src;
	int shift;

	if (*p && strchr("ugo", *p)) {
		shift = *p == 'u' ? 6 : *p == 'g' ? 3 : 0;
		src = (m >> shift) & 7;
		*pp = p + 1;
		return src * 0111;
	}
	for (; *p && strchr("rwxXst", *p); p++)
		switch (*p) {
		case 'r': bits |= 0444; break;
		case 'w': bits |= 0222; break;
		case 'x': bits |= 0111; break;
		case 'X': if (isdir || (m & 0111)) bits |= 0111; break;
		case 's': bits |= S_ISUID | S_ISGID; break;
		case 't': bits |= S_ISVTX; break;
		}
	*pp = p;
	return bits;
}

/* Apply the symbolic spec to m; -1 if the spec is malformed. */
static long ch_symbolic(const char *p, mode_t m, int isdir)
{
	mode_t who, mask, perm, um = umask(0);
	char op;

	umask(um);
	while (*p) {
		who = 0;
		for (; *p && strchr("ugoa", *p); p++)
			who |= ch_who(*p);
		mask = who ? who : 07777 & ~um;
		if (!who)
			who = 07777;
		if (!*p || !strchr("+-=", *p))
			return -1;
		while (*p && strchr("+-=", *p)) {
			op = *p++;
			perm = ch_perm(&p, m, isdir);
			if (op == '+')
				m |= perm & mask;
			else if (op == '-')
				m &= ~(perm & who);
			else
				m = (m & ~who) | (perm & mask);
		}
		if (*p == ',')
			p++;
		else if (*p)
			return -1;
	}
	return (long)m;
}

static long ch_mode(mode_t old, int isdir)
{
	char *end;
	long v;

	if (*ch_spec >= '0' && *ch_spec <= '7') {
		v = strtol(ch_spec, &end, 8);
		return (*end || v > 07777) ? -1 : v;
	}
	return ch_symbolic(ch_spec, old & 07777, isdir);
}

static int ch_path(const char *path, int top);

static int ch_entry(const char *path, const char *name, void *arg)
{
	(void)name;
	(void)arg;
	return ch_path(path, 0);
}

static int ch_path(const char *path, int top)
{
	struct stat st;
	long m;
	int status = 0;

	if ((top ? stat(path, &st) : lstat(path, &st)) < 0)
		return cmd_err("%s", path);
	if (S_ISLNK(st.st_mode))
		return 0;
	m = ch_mode(st.st_mode, S_ISDIR(st.st_mode));
	if (chmod(path, (mode_t)m) < 0)
		status = cmd_err("%s", path);
	if (!ch_recursive || !S_ISDIR(st.st_mode))
		return status;
	return status | cmd_each_entry(path, ch_entry, NULL);
}

int main(int argc, char **argv)
{
	int c, i, status = 0;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "R")) != -1) {
		if (c != 'R')
			cmd_usage(CHMOD_USAGE);
		ch_recursive = 1;
	}
	if (argc - optind < 2)
		cmd_usage(CHMOD_USAGE);
	ch_spec = argv[optind];
	if (ch_mode(0, 0) < 0) {
		cmd_msg("%s: invalid mode", ch_spec);
		return 2;
	}
	for (i = optind + 1; i < argc; i++)
		status |= ch_path(argv[i], 1);
	return status;
}
