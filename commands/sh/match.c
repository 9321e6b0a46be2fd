/*
 * commands/sh/match.c - shell pattern matching and pathname expansion.
 *
 * Patterns: * ? [abc] [a-z] [!x] [^x] [[:alpha:]] and \ to quote the next
 * byte (expansion escapes quoted pattern characters that way).  Matching
 * backtracks only to the last *, so it is linear-times-stars, never
 * exponential on hostile patterns.  Pathname expansion matches one
 * directory level per component; a leading '.' must be matched by a
 * literal '.'; "." and ".." are never produced by a pattern.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sh.h"

struct pclass {
	const char *name;
	int (*fn)(int);
};

static const struct pclass pm_classes[] = {
	{ "alpha", isalpha }, { "digit", isdigit }, { "alnum", isalnum },
	{ "upper", isupper }, { "lower", islower }, { "space", isspace },
	{ "punct", ispunct }, { "xdigit", isxdigit }, { "print", isprint },
	{ "graph", isgraph }, { "cntrl", iscntrl }, { "blank", isblank },
};

/* [:name:] at p (after "[:"); sets *end past ":]"; -1 if not a class. */
static int pm_class(const char *p, int c, const char **end)
{
	const char *e = strstr(p, ":]");
	size_t i, n;

	if (!e)
		return -1;
	n = e - p;
	for (i = 0; i < sizeof(pm_classes) / sizeof(pm_classes[0]); i++)
		if (strlen(pm_classes[i].name) == n &&
		    strncmp(pm_classes[i].name, p, n) == 0) {
			*end = e + 2;
			return pm_classes[i].fn(c) != 0;
		}
	return -1;
}

/* A bracket expression after '['; *end past ']'; -1 if unterminated. */
static int pm_bracket(const char *p, int c, const char **end)
{
	int neg = 0, hit = 0, lo, hi, r;
	const char *q;

	if (*p == '!' || *p == '^') {
		neg = 1;
		p++;
	}
	q = p;
	while (*p && (*p != ']' || p == q)) {
		if (p[0] == '[' && p[1] == ':' &&
		    (r = pm_class(p + 2, c, &p)) >= 0) {
			hit |= r;
			continue;
		}
		if (*p == '\\' && p[1])
			p++;
		lo = (unsigned char)*p++;
		hi = lo;
		if (p[0] == '-' && p[1] && p[1] != ']') {
			p++;
			if (*p == '\\' && p[1])
				p++;
			hi = (unsigned char)*p++;
		}
		if (c >= lo && c <= hi)
			hit = 1;
	}
	if (*p != ']')
		return -1;
	*end = p + 1;
	return hit ^ neg;
}

/* Does the string s match the whole pattern p? */
int pmatch(const char *p, const char *s)
{
	const char *star_p = NULL, *star_s = NULL, *np;
	int ok, r;

	for (;;) {
		if (*p == '*') {
			while (*p == '*')
				p++;
			if (!*p)
				return 1;
			star_p = p;
			star_s = s;
			continue;
		}
		if (!*s)
			return !*p;
		np = p + 1;
		if (*p == '?') {
			ok = 1;
		} else if (*p == '[' &&
			   (r = pm_bracket(p + 1, (unsigned char)*s, &np)) >= 0) {
			ok = r;
		} else if (*p == '\\' && p[1]) {
			ok = p[1] == *s;
			np = p + 2;
		} else {
			ok = *p == *s;
		}
		if (ok) {
			p = np;
			s++;
			continue;
		}
		if (!star_p)
			return 0;
		p = star_p;
		s = ++star_s;
	}
}

/* Is p[i] a '[' that a ']' closes within p[0..n)? (else it is literal) */
static int pm_bracket_closes(const char *p, size_t i, size_t n)
{
	i++;
	if (i < n && (p[i] == '!' || p[i] == '^'))
		i++;
	if (i < n && p[i] == ']')
		i++;
	for (; i < n && p[i] != '/'; i++)
		if (p[i] == ']')
			return 1;
	return 0;
}

/* Has p[0..n) an unescaped * or ?, or a complete [...]? */
static int pmatch_has_magic_n(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == '\\' && i + 1 < n)
			i++;
		else if (p[i] == '*' || p[i] == '?' ||
			 (p[i] == '[' && pm_bracket_closes(p, i, n)))
			return 1;
	}
	return 0;
}

static void pm_unescape(struct sbuf *b, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == '\\' && i + 1 < n)
			i++;
		sb_addc(b, p[i]);
	}
}

static int glob_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void glob_rec(struct sbuf *path, const char *rest, struct strlist *out);

/* The component comp (a pattern) matched against the entries of path. */
static void glob_dir(struct sbuf *path, const char *comp, const char *rest,
		     int dironly, struct strlist *out)
{
	DIR *d = opendir(path->n ? path->s : ".");
	struct dirent *e;
	struct stat st;
	size_t keep = path->n;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' && (comp[0] != '.' ||
		    !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")))
			continue;
		if (!pmatch(comp, e->d_name))
			continue;
		sb_adds(path, e->d_name);
		if (*rest) {
			sb_addc(path, '/');
			glob_rec(path, rest, out);
		} else if (!dironly) {
			sl_add(out, xstrdup(path->s));
		} else if (stat(path->s, &st) == 0 && S_ISDIR(st.st_mode)) {
			sb_addc(path, '/');
			sl_add(out, xstrdup(path->s));
		}
		path->n = keep;
		path->s[keep] = '\0';
	}
	closedir(d);
}

static void glob_rec(struct sbuf *path, const char *rest, struct strlist *out)
{
	const char *slash = rest;
	struct stat st;
	size_t keep = path->n;
	char *comp;
	int dironly;

	while (*slash && *slash != '/') {
		if (*slash == '\\' && slash[1])
			slash++;
		slash++;
	}
	if (!pmatch_has_magic_n(rest, slash - rest)) {
		pm_unescape(path, rest, slash - rest);
		while (*slash == '/') {
			sb_addc(path, '/');
			slash++;
		}
		if (*slash)
			glob_rec(path, slash, out);
		else if (lstat(path->s, &st) == 0)
			sl_add(out, xstrdup(path->s));
	} else {
		comp = xmalloc(slash - rest + 1);
		memcpy(comp, rest, slash - rest);
		comp[slash - rest] = '\0';
		dironly = *slash == '/';
		while (*slash == '/')
			slash++;
		glob_dir(path, comp, slash, dironly, out);
		free(comp);
	}
	path->n = keep;
	if (path->s)
		path->s[keep] = '\0';
}

/* Append the sorted pathnames matching pat to out; returns how many. */
int glob_expand(const char *pat, struct strlist *out)
{
	struct strlist found;
	struct sbuf path;
	int i, n;

	if (!pmatch_has_magic_n(pat, strlen(pat)))
		return 0;
	sl_init(&found);
	sb_init(&path);
	sb_addn(&path, "", 0);
	while (*pat == '/') {
		sb_addc(&path, '/');
		pat++;
	}
	if (*pat)
		glob_rec(&path, pat, &found);
	sb_free(&path);
	n = found.n;
	if (n)
		qsort(found.v, n, sizeof(*found.v), glob_cmp);
	for (i = 0; i < n; i++)
		sl_add(out, found.v[i]);
	free(found.v);
	return n;
}
