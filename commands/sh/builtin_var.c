/*
 * commands/sh/builtin_var.c - the builtins about variables and
 * parameters: set, export, readonly, unset, shift, read.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

int bi_set(char **argv);
int bi_export(char **argv);
int bi_readonly(char **argv);
int bi_unset(char **argv);
int bi_shift(char **argv);
int bi_read(char **argv);

/* set [-+options] [-o name] [--] [arg...] */
int bi_set(char **argv)
{
	int i, on, n;
	const char *p;

	if (!argv[1]) {
		var_print(0, "");
		return 0;
	}
	for (i = 1; argv[i]; i++) {
		p = argv[i];
		if ((p[0] != '-' && p[0] != '+') || !p[1]) {
			if (strcmp(p, "-") == 0)
				i++;
			break;
		}
		if (strcmp(p, "--") == 0) {
			i++;
			goto params;
		}
		on = p[0] == '-';
		for (p++; *p; p++) {
			if (*p == 'o') {
				if (!argv[i + 1]) {
					sh_error("set: -o needs a name");
					return 2;
				}
				if (sh_setopt_name(argv[++i], on) < 0)
					return 2;
			} else if (sh_setopt_letter(*p, on) < 0) {
				sh_error("set: -%c: unknown option", *p);
				return 2;
			}
		}
	}
	if (!argv[i])
		return 0;
params:
	for (n = 0; argv[i + n]; n++)
		;
	sh_free_params(&sh.pos);
	sh_set_params(&sh.pos, argv + i, n);
	return 0;
}

/* export/readonly: name[=value]... or -p to list. */
static int bi_setflag(char **argv, int flag, const char *listname)
{
	int i = 1, status = 0;
	char *eq, *name;

	if (argv[1] && strcmp(argv[1], "-p") == 0)
		i++;
	if (!argv[i]) {
		var_print(flag, listname);
		return 0;
	}
	for (; argv[i]; i++) {
		eq = strchr(argv[i], '=');
		name = eq ? xmalloc(eq - argv[i] + 1) : xstrdup(argv[i]);
		if (eq) {
			memcpy(name, argv[i], eq - argv[i]);
			name[eq - argv[i]] = '\0';
		}
		if (!var_valid_name(name, strlen(name))) {
			sh_error("%s: %s: bad variable name", argv[0], name);
			status = 1;
		} else if (eq) {
			if (var_set(name, eq + 1, flag) < 0)
				status = 1;
		} else {
			var_add_flags(name, flag);
		}
		free(name);
	}
	return status;
}

int bi_export(char **argv)
{
	return bi_setflag(argv, V_EXPORT, "export ");
}

int bi_readonly(char **argv)
{
	return bi_setflag(argv, V_READONLY, "readonly ");
}

int bi_unset(char **argv)
{
	int i = 1, funcs = 0, status = 0;

	if (argv[1] && (!strcmp(argv[1], "-f") || !strcmp(argv[1], "-v"))) {
		funcs = argv[1][1] == 'f';
		i++;
	}
	for (; argv[i]; i++) {
		if (funcs)
			func_unset(argv[i]);
		else if (var_unset(argv[i]) < 0)
			status = 1;
	}
	return status;
}

int bi_shift(char **argv)
{
	char *end;
	long n = 1;
	int i;

	if (argv[1]) {
		n = strtol(argv[1], &end, 10);
		if (*end || !*argv[1] || n < 0) {
			sh_error("shift: %s: bad number", argv[1]);
			return 2;
		}
	}
	if (n > sh.pos.n) {
		sh_error("shift: can't shift that many");
		return 1;
	}
	for (i = 0; i < n; i++)
		free(sh.pos.v[i]);
	memmove(sh.pos.v, sh.pos.v + n, (sh.pos.n - n + 1) * sizeof(char *));
	sh.pos.n -= (int)n;
	return 0;
}

/* One line from fd 0, a byte at a time; esc[i]: byte i was \-quoted. */
static int read_line(struct sbuf *line, struct sbuf *esc, int raw)
{
	char c;
	ssize_t r;

	for (;;) {
		r = read(0, &c, 1);
		if (r < 0 && errno == EINTR) {
			if (trap_pending())
				return -1;
			continue;
		}
		if (r <= 0)
			return -1;
		if (c == '\n')
			return 0;
		if (c == '\\' && !raw) {
			r = read(0, &c, 1);
			if (r <= 0)
				return -1;
			if (c == '\n')
				continue;
			sb_addc(line, c);
			sb_addc(esc, 1);
			continue;
		}
		if (line->n >= SH_MAX_LINE)
			return -1;
		sb_addc(line, c);
		sb_addc(esc, 0);
	}
}

static int read_is(const char *ifs, const struct sbuf *l,
		   const struct sbuf *e, size_t i, int ws)
{
	char c = l->s[i];

	if (e->s[i] || !c || !strchr(ifs, c))
		return 0;
	return ws == (c == ' ' || c == '\t' || c == '\n');
}

/* read [-r] name... : split one line over the names by IFS. */
int bi_read(char **argv)
{
	struct sbuf line, esc;
	const char *ifs = var_get("IFS");
	int i = 1, raw = 0, eof;
	size_t p = 0, start, end;
	char *val;

	if (argv[1] && strcmp(argv[1], "-r") == 0) {
		raw = 1;
		i++;
	}
	if (!argv[i]) {
		sh_error("read: usage: read [-r] name...");
		return 2;
	}
	if (!ifs)
		ifs = " \t\n";
	sb_init(&line);
	sb_init(&esc);
	sb_addn(&line, "", 0);
	sb_addn(&esc, "", 0);
	eof = read_line(&line, &esc, raw) < 0;
	for (; argv[i]; i++) {
		while (p < line.n && read_is(ifs, &line, &esc, p, 1))
			p++;
		start = p;
		if (!argv[i + 1]) {
			end = line.n;
			while (end > start && read_is(ifs, &line, &esc, end - 1, 1))
				end--;
			p = line.n;
		} else {
			while (p < line.n && !read_is(ifs, &line, &esc, p, 1) &&
			       !read_is(ifs, &line, &esc, p, 0))
				p++;
			end = p;
			while (p < line.n && read_is(ifs, &line, &esc, p, 1))
				p++;
			if (p < line.n && read_is(ifs, &line, &esc, p, 0))
				p++;
		}
		val = xmalloc(end - start + 1);
		memcpy(val, line.s + start, end - start);
		val[end - start] = '\0';
		if (var_set(argv[i], val, 0) < 0)
			eof = 1;
		free(val);
	}
	sb_free(&line);
	sb_free(&esc);
	return eof ? 1 : 0;
}
