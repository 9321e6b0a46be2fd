/*
 * commands/sh/arith.c - $((...)): integer arithmetic on longs, by
 * recursive descent over C's operator precedence (without ++/--, like
 * POSIX).  Assignments (= += -= ...) set shell variables.  Overflow wraps
 * (computed unsigned, never undefined behaviour); division by zero and
 * LONG_MIN / -1 are errors; nesting is bounded by SH_MAX_ARITH.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct ar {
	const char *p;
	int noeval;		/* inside the untaken side of && || ?: */
	int err, depth;
};

static long ar_expr(struct ar *a);

static void *ar_fail(struct ar *a, const char *msg)
{
	if (!a->err)
		sh_error("arithmetic: %s", msg);
	a->err = 1;
	return NULL;
}

static void ar_skip(struct ar *a)
{
	while (isspace((unsigned char)*a->p))
		a->p++;
}

/* Does the input continue with operator s (and not a longer one)? */
static int ar_op(struct ar *a, const char *s)
{
	size_t n = strlen(s);

	ar_skip(a);
	if (strncmp(a->p, s, n) != 0)
		return 0;
	/* "<" must not take "<<" or "<=", "&" not "&&", "=" not "==" ... */
	if (n == 1 && (a->p[1] == '=' || a->p[1] == s[0]) &&
	    strchr("<>&|=!", s[0]))
		return 0;
	if (n == 2 && a->p[2] == '=' && (!strcmp(s, "<<") || !strcmp(s, ">>")))
		return 0;
	if (n == 1 && strchr("+-*/%^", s[0]) && a->p[1] == '=')
		return 0;
	a->p += n;
	return 1;
}

/* A number in C syntax (decimal, 0octal, 0xhex); -1 if s is not one. */
static int ar_number(const char *s, long *out)
{
	char *end;
	unsigned long v;
	int neg = 0;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (!isdigit((unsigned char)*s))
		return -1;
	v = strtoul(s, &end, 0);
	while (isspace((unsigned char)*end))
		end++;
	if (*end)
		return -1;
	*out = neg ? (long)(0UL - v) : (long)v;
	return 0;
}

static long ar_var(struct ar *a, const char *name)
{
	const char *v = var_get(name);
	long n;

	if (!v || !*v) {
		if (sh.opt[OPT_U] && !v)
			ar_fail(a, "unset variable");
		return 0;
	}
	if (ar_number(v, &n) < 0) {
		ar_fail(a, "variable is not a number");
		return 0;
	}
	return n;
}

static long ar_apply(struct ar *a, const char *op, long x, long y)
{
	unsigned long ux = (unsigned long)x, uy = (unsigned long)y;

	switch (op[0]) {
	case '*': return (long)(ux * uy);
	case '+': return (long)(ux + uy);
	case '-': return (long)(ux - uy);
	case '&': return x & y;
	case '|': return x | y;
	case '^': return x ^ y;
	case '<': return (long)(ux << (y & 63));
	case '>': return x >> (y & 63);
	}
	if (a->noeval)
		return 0;
	if (y == 0)
		return (long)ar_fail(a, "division by zero");
	if (x == LONG_MIN && y == -1)
		return (long)ar_fail(a, "overflow");
	return op[0] == '/' ? x / y : x % y;
}

static const char *const ar_assign_ops[] = {
	"<<=", ">>=", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "=",
};

/* NAME [op= expr] */
static long ar_name(struct ar *a)
{
	char name[256];
	size_t n = 0, i;
	long v, r;
	char buf[32];

	while (isalnum((unsigned char)*a->p) || *a->p == '_') {
		if (n + 1 >= sizeof(name))
			return (long)ar_fail(a, "name too long");
		name[n++] = *a->p++;
	}
	name[n] = '\0';
	ar_skip(a);
	for (i = 0; i < sizeof(ar_assign_ops) / sizeof(ar_assign_ops[0]); i++) {
		const char *op = ar_assign_ops[i];

		if (strncmp(a->p, op, strlen(op)) || (op[0] == '=' &&
						       a->p[1] == '='))
			continue;
		a->p += strlen(op);
		r = ar_expr(a);
		if (a->err)
			return 0;
		v = op[0] == '=' ? r : ar_apply(a, op, ar_var(a, name), r);
		if (!a->noeval && !a->err) {
			snprintf(buf, sizeof(buf), "%ld", v);
			if (var_set(name, buf, 0) < 0)
				ar_fail(a, "cannot assign");
		}
		return v;
	}
	return a->noeval ? 0 : ar_var(a, name);
}

static long ar_primary(struct ar *a)
{
	long v;
	char *end;

	ar_skip(a);
	if (*a->p == '(') {
		a->p++;
		v = ar_expr(a);
		ar_skip(a);
		if (*a->p != ')')
			return (long)ar_fail(a, "missing ')'");
		a->p++;
		return v;
	}
	if (isdigit((unsigned char)*a->p)) {
		v = (long)strtoul(a->p, &end, 0);
		if (isalnum((unsigned char)*end) || *end == '_')
			return (long)ar_fail(a, "bad number");
		a->p = end;
		return v;
	}
	if (isalpha((unsigned char)*a->p) || *a->p == '_')
		return ar_name(a);
	return (long)ar_fail(a, *a->p ? "syntax error" : "missing operand");
}

static long ar_unary(struct ar *a)
{
	long v;

	if (++a->depth > SH_MAX_ARITH)
		return (long)ar_fail(a, "too deeply nested");
	ar_skip(a);
	if (strchr("+-!~", *a->p) && *a->p) {
		char op = *a->p++;

		v = ar_unary(a);
		v = op == '-' ? (long)(0UL - (unsigned long)v) : op == '!' ? !v
			: op == '~' ? ~v : v;
	} else {
		v = ar_primary(a);
	}
	a->depth--;
	return v;
}

/* Binary levels, loosest last; each entry lists its operators. */
static const char *const ar_levels[][5] = {
	{ "*", "/", "%" }, { "+", "-" }, { "<<", ">>" },
	{ "<=", ">=", "<", ">" }, { "==", "!=" }, { "&" }, { "^" }, { "|" },
};

static long ar_binary(struct ar *a, int level)
{
	long x, y;
	int i;
	const char *op;

	if (level < 0)
		return ar_unary(a);
	x = ar_binary(a, level - 1);
	for (;;) {
		op = NULL;
		for (i = 0; i < 5 && ar_levels[level][i]; i++)
			if (ar_op(a, ar_levels[level][i])) {
				op = ar_levels[level][i];
				break;
			}
		if (!op || a->err)
			return x;
		y = ar_binary(a, level - 1);
		if (!strcmp(op, "<=")) x = x <= y;
		else if (!strcmp(op, ">=")) x = x >= y;
		else if (!strcmp(op, "<")) x = x < y;
		else if (!strcmp(op, ">")) x = x > y;
		else if (!strcmp(op, "==")) x = x == y;
		else if (!strcmp(op, "!=")) x = x != y;
		else x = ar_apply(a, op, x, y);
	}
}

#define AR_TOP ((int)(sizeof(ar_levels) / sizeof(ar_levels[0])) - 1)

/* && and || with short circuit: the right side is parsed, not run. */
static long ar_logic(struct ar *a, int is_or)
{
	long x = is_or ? ar_logic(a, 0) : ar_binary(a, AR_TOP), y;
	int skip;

	while (!a->err && ar_op(a, is_or ? "||" : "&&")) {
		skip = is_or ? x != 0 : x == 0;
		a->noeval += skip;
		y = is_or ? ar_logic(a, 0) : ar_binary(a, AR_TOP);
		a->noeval -= skip;
		x = is_or ? (x || y) : (x && y);
	}
	return x;
}

static long ar_expr(struct ar *a)
{
	long c, x, y;

	if (++a->depth > SH_MAX_ARITH)
		return (long)ar_fail(a, "too deeply nested");
	c = ar_logic(a, 1);
	if (!a->err && ar_op(a, "?")) {
		a->noeval += !c;
		x = ar_expr(a);
		a->noeval -= !c;
		if (!a->err && !ar_op(a, ":"))
			ar_fail(a, "expected ':'");
		a->noeval += !!c;
		y = ar_expr(a);
		a->noeval -= !!c;
		c = c ? x : y;
	}
	a->depth--;
	return c;
}

/* Evaluate expr (already expanded) into *out; -1 after an error message. */
int arith_eval(const char *expr, long *out)
{
	struct ar a = { expr, 0, 0, 0 };
	long v;

	ar_skip(&a);
	if (!*a.p) {
		*out = 0;
		return 0;
	}
	v = ar_expr(&a);
	ar_skip(&a);
	if (!a.err && *a.p)
		ar_fail(&a, "syntax error");
	if (a.err)
		return -1;
	*out = v;
	return 0;
}
