/*
 * commands/grep/grep.c - grep [-c|-l|-q] [-insvxhHs] [-e pattern]...
 * [pattern] [file...]: print the lines matching a basic regular
 * expression (bre.c).  Several patterns (-e, or newlines in one) match
 * if any does.  Status 0 if a line was selected, 1 if none, 2 on error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bre.h"
#include "cmd.h"

#define GREP_USAGE "grep [-c|-l|-q] [-insvxhHs] -e pattern... [file...] | " \
	"grep [-c|-l|-q] [-insvxhHs] pattern [file...]"

struct grep {
	struct bre **res;
	int nres;
	int count, list, quiet, icase, number, invert, whole, names, silent;
};

static int grep_add(struct grep *g, const char *pats)
{
	char *copy = strdup(pats), *p, *nl, *anch;
	const char *err;
	struct bre *re;
	void *v;

	if (!copy)
		return cmd_msg("out of memory");
	for (p = copy; p; p = nl) {
		nl = strchr(p, '\n');
		if (nl)
			*nl++ = '\0';
		anch = malloc(strlen(p) + 3);
		if (!anch)
			break;
		sprintf(anch, g->whole ? "^%s$" : "%s", p);
		re = bre_compile(anch, g->icase, &err);
		free(anch);
		if (!re) {
			free(copy);
			cmd_msg("%s: %s", p, err);
			return -1;
		}
		v = realloc(g->res, (g->nres + 1) * sizeof(*g->res));
		if (!v)
			break;
		g->res = v;
		g->res[g->nres++] = re;
	}
	free(copy);
	return 0;
}

static int grep_line(const struct grep *g, const char *s, size_t n)
{
	int i;

	for (i = 0; i < g->nres; i++)
		if (bre_match(g->res[i], s, n))
			return !g->invert;
	return g->invert;
}

/* Scan one stream; number of selected lines. */
static long grep_file(const struct grep *g, FILE *f, const char *name)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long hits = 0, lineno = 0;

	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		if (!grep_line(g, line, (size_t)len))
			continue;
		hits++;
		if (g->quiet || g->list)
			break;
		if (g->count)
			continue;
		if (g->names)
			printf("%s:", name);
		if (g->number)
			printf("%ld:", lineno);
		fwrite(line, 1, (size_t)len, stdout);
		putchar('\n');
	}
	free(line);
	if (g->count && !g->quiet) {
		if (g->names)
			printf("%s:", name);
		printf("%ld\n", hits);
	}
	if (g->list && hits && !g->quiet)
		printf("%s\n", name);
	return hits;
}

static int grep_opts(struct grep *g, int argc, char **argv, int *names_set)
{
	int c, have = 0;

	while ((c = getopt(argc, argv, "clqinsvxhHe:")) != -1) {
		switch (c) {
		case 'c': g->count = 1; break;
		case 'l': g->list = 1; break;
		case 'q': g->quiet = 1; break;
		case 'i': g->icase = 1; break;
		case 'n': g->number = 1; break;
		case 's': g->silent = 1; break;
		case 'v': g->invert = 1; break;
		case 'x': g->whole = 1; break;
		case 'h': g->names = 0; *names_set = 1; break;
		case 'H': g->names = 1; *names_set = 1; break;
		case 'e':
			if (grep_add(g, optarg) < 0)
				exit(2);
			have = 1;
			break;
		default:
			cmd_usage(GREP_USAGE);
		}
	}
	return have;
}

int main(int argc, char **argv)
{
	struct grep g;
	int i, names_set = 0, err = 0;
	long hits = 0;
	FILE *f;

	memset(&g, 0, sizeof(g));
	cmd_init(argv[0]);
	if (!grep_opts(&g, argc, argv, &names_set)) {
		if (optind >= argc)
			cmd_usage(GREP_USAGE);
		if (grep_add(&g, argv[optind++]) < 0)
			return 2;
	}
	if (!names_set)
		g.names = argc - optind > 1;
	if (optind == argc)
		hits = grep_file(&g, stdin, "(standard input)");
	for (i = optind; i < argc && !(g.quiet && hits); i++) {
		f = strcmp(argv[i], "-") ? fopen(argv[i], "r") : stdin;
		if (!f) {
			if (!g.silent)
				cmd_err("%s", argv[i]);
			err = 1;
			continue;
		}
		hits += grep_file(&g, f, argv[i]);
		if (f != stdin)
			fclose(f);
	}
	for (i = 0; i < g.nres; i++)
		bre_free(g.res[i]);
	free(g.res);
	if (g.quiet && hits)
		return 0;
	return err ? 2 : hits ? 0 : 1;
}
