/*
 * t_getopt - /usr/tests program (TAP): libposix's POSIX getopt, the one
 * every Mica command parses its options with: a lone "-" and the first
 * operand end the options (no permutation), "--" is taken, grouped
 * options and both forms of an option argument, '?' and ':' for errors,
 * and starting over with optind = 1.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int n_checks, n_failed;

static void ok(int cond, const char *what)
{
	n_checks++;
	n_failed += !cond;
	printf("%s %d - %s\n", cond ? "ok" : "not ok", n_checks, what);
}

/* Parse argv with optstring; the letters seen ('?' ':' too) and "=arg". */
static const char *parse(int argc, char **argv, const char *optstring)
{
	static char out[128];
	size_t n = 0;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt(argc, argv, optstring)) != -1 && n < 100) {
		out[n++] = (char)c;
		if (optarg)
			n += (size_t)snprintf(out + n, sizeof(out) - n, "=%s",
			    optarg);
	}
	out[n] = '\0';
	return out;
}

#define ARGV(...) (sizeof((char *[]){ __VA_ARGS__ }) / sizeof(char *)), \
	(char *[]){ __VA_ARGS__, NULL }

int main(void)
{
	const char *r;

	r = parse(ARGV("p", "-ab", "-c", "x", "-dy", "op"), "abc:d:");
	ok(!strcmp(r, "abc=xd=y") && optind == 5,
	    "grouped options, -c x and -dy");
	r = parse(ARGV("cat", "-"), "u");
	ok(!strcmp(r, "") && optind == 1, "a lone - is an operand");
	r = parse(ARGV("ls", "dir", "-l"), "l");
	ok(!strcmp(r, "") && optind == 1, "options end at the first operand");
	r = parse(ARGV("rm", "--", "-f"), "f");
	ok(!strcmp(r, "") && optind == 2, "-- ends the options and is taken");
	r = parse(ARGV("p", "-x"), "a");
	ok(!strcmp(r, "?") && optopt == 'x', "an unknown option: '?', optopt");
	r = parse(ARGV("p", "-c"), "c:");
	ok(!strcmp(r, "?") && optopt == 'c', "a missing argument: '?'");
	r = parse(ARGV("p", "-c"), ":c:");
	ok(!strcmp(r, ":"), "... ':' with a leading ':' in optstring");
	r = parse(ARGV("p", "-a", "-:"), ":a");
	ok(!strcmp(r, "a?") && optopt == ':',
	    "':' is never an option, even with optstring \":a\"");
	r = parse(ARGV("p", "-ab"), "ab");
	ok(!strcmp(r, "ab") && optind == 2, "optind = 1 starts over");
	printf("1..%d\n", n_checks);
	return n_failed != 0;
}
