/*
 * getopt.c - POSIX getopt for Mica's programs, in place of newlib's.
 * newlib's getopt takes a lone "-" for an option (so `cat -` was a usage
 * error) and permutes operands before options like GNU's; POSIX says "-"
 * is an operand and the options end at the first operand or at "--".
 * This one does exactly that: optind, optarg, optopt and opterr as POSIX
 * describes them, a leading ':' in optstring for ':' on a missing
 * argument, messages "prog: illegal option -- x" on stderr.  Being in
 * libposix, which is linked before newlib's libc, it is the one programs
 * get (newlib's getopt.o is then never pulled in).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;

static int optpos = 1;		/* next character in argv[optind]... */
static int optpos_at = 1;	/* ...when optind is still this */

static int opt_fail(const char *prog, const char *what, int c,
    const char *optstring)
{
	optopt = c;
	if (opterr && optstring[0] != ':')
		fprintf(stderr, "%s: %s -- %c\n", prog, what, c);
	return '?';
}

static int getopt_next(int argc, char *const argv[], const char *optstring)
{
	const char *arg, *spec;
	int c;

	if (optind >= argc || argv[optind] == NULL)
		return -1;
	arg = argv[optind];
	if (optpos == 1) {
		if (arg[0] != '-' || arg[1] == '\0')
			return -1;	/* an operand, "-" included */
		if (!strcmp(arg, "--")) {
			optind++;
			return -1;
		}
	}
	c = (unsigned char)arg[optpos++];
	spec = c == ':' ? NULL : strchr(optstring, c);
	if (arg[optpos] == '\0') {
		optind++;
		optpos = 1;
	}
	if (spec == NULL)
		return opt_fail(argv[0], "illegal option", c, optstring);
	if (spec[1] != ':')
		return c;
	if (optpos != 1) {		/* the rest of this word: -ofile */
		optarg = (char *)arg + optpos;
		optind++;
		optpos = 1;
	} else if (optind < argc) {	/* the next word: -o file */
		optarg = argv[optind++];
	} else {
		if (optstring[0] == ':') {
			optopt = c;
			return ':';
		}
		return opt_fail(argv[0], "option requires an argument", c,
		    optstring);
	}
	return c;
}

int getopt(int argc, char *const argv[], const char *optstring)
{
	int c;

	optarg = NULL;
	if (optind <= 0)	/* a caller's way to start over */
		optind = 1;
	if (optind != optpos_at)	/* moved by the caller: a new word */
		optpos = 1;
	c = getopt_next(argc, argv, optstring);
	optpos_at = optind;
	return c;
}
