/*
 * commands/test/test.c - test expression / [ expression ] (POSIX), with
 * -a -o and parentheses, by recursive descent:
 *
 *   or := and { -o and }     and := not { -a not }     not := ! not | prim
 *   prim := ( or ) | unary-op word | word binary-op word | word
 *
 * With four operands or fewer the POSIX rules by count come first, so
 * `test -n`, `test ! = x` and `test "(" = "("` mean what POSIX says.
 * Status 0 true, 1 false, 2 for a bad expression (with a message).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

struct tst {
	char **av;
	int n, pos, err;
};

static int t_or(struct tst *t);

static int t_bad(struct tst *t, const char *what)
{
	if (!t->err)
		cmd_msg("%s", what);
	t->err = 1;
	return 0;
}

static int t_int(struct tst *t, const char *s, long long *v)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	errno = 0;
	*v = strtoll(s, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (end == s || *end || errno)
		return t_bad(t, "integer expression expected");
	return 1;
}

static int t_file(char op, const char *f)
{
	struct stat st;
	int r = op == 'h' || op == 'L' ? lstat(f, &st) : stat(f, &st);

	if (op == 't')
		return isatty(atoi(f));
	if (r < 0)
		return 0;
	switch (op) {
	case 'e': return 1;
	case 'f': return S_ISREG(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'b': return S_ISBLK(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'p': return S_ISFIFO(st.st_mode);
	case 'S': return S_ISSOCK(st.st_mode);
	case 'h': case 'L': return S_ISLNK(st.st_mode);
	case 's': return st.st_size > 0;
	case 'g': return (st.st_mode & S_ISGID) != 0;
	case 'u': return (st.st_mode & S_ISUID) != 0;
	case 'k': return (st.st_mode & S_ISVTX) != 0;
	case 'r': return access(f, R_OK) == 0;
	case 'w': return access(f, W_OK) == 0;
	case 'x': return access(f, X_OK) == 0;
	}
	return 0;
}

static int is_unary(const char *s)
{
	return s[0] == '-' && s[1] && !s[2] && strchr("bcdefghkLnprsStuwxz", s[1]);
}

static const char *const t_binops[] = {
	"=", "!=", "-eq", "-ne", "-gt", "-ge", "-lt", "-le", "-nt", "-ot",
	"-ef", NULL,
};

static int is_binary(const char *s)
{
	int i;

	for (i = 0; t_binops[i]; i++)
		if (strcmp(s, t_binops[i]) == 0)
			return 1;
	return 0;
}

static int t_unary(struct tst *t, const char *op, const char *arg)
{
	long long fd;

	if (op[1] == 'n')
		return *arg != '\0';
	if (op[1] == 'z')
		return *arg == '\0';
	if (op[1] == 't' && !t_int(t, arg, &fd))
		return 0;
	return t_file(op[1], arg);
}

static int t_binary(struct tst *t, const char *a, const char *op,
		    const char *b)
{
	long long x, y;
	struct stat sa, sb;

	if (!strcmp(op, "="))
		return strcmp(a, b) == 0;
	if (!strcmp(op, "!="))
		return strcmp(a, b) != 0;
	if (op[1] == 'n' && op[2] == 't')
		return stat(a, &sa) == 0 && (stat(b, &sb) < 0 ||
					     sa.st_mtime > sb.st_mtime);
	if (op[1] == 'o' && op[2] == 't')
		return stat(b, &sb) == 0 && (stat(a, &sa) < 0 ||
					     sa.st_mtime < sb.st_mtime);
	if (op[1] == 'e' && op[2] == 'f')
		return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
		       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	if (!t_int(t, a, &x) || !t_int(t, b, &y))
		return 0;
	if (!strcmp(op, "-eq")) return x == y;
	if (!strcmp(op, "-ne")) return x != y;
	if (!strcmp(op, "-gt")) return x > y;
	if (!strcmp(op, "-ge")) return x >= y;
	if (!strcmp(op, "-lt")) return x < y;
	return x <= y;
}

static const char *t_peek(struct tst *t, int k)
{
	return t->pos + k < t->n ? t->av[t->pos + k] : NULL;
}

static int t_prim(struct tst *t)
{
	const char *a = t_peek(t, 0), *b = t_peek(t, 1), *c = t_peek(t, 2);
	int v;

	if (!a)
		return t_bad(t, "argument expected");
	if (!strcmp(a, "(") && !(b && is_binary(b) && c)) {
		t->pos++;
		v = t_or(t);
		if (!t_peek(t, 0) || strcmp(t_peek(t, 0), ")"))
			return t_bad(t, "')' expected");
		t->pos++;
		return v;
	}
	if (b && c && is_binary(b)) {
		t->pos += 3;
		return t_binary(t, a, b, c);
	}
	if (is_unary(a) && b) {
		t->pos += 2;
		return t_unary(t, a, b);
	}
	t->pos++;
	return *a != '\0';
}

static int t_not(struct tst *t)
{
	const char *a = t_peek(t, 0);

	if (a && !strcmp(a, "!") && t_peek(t, 1)) {
		t->pos++;
		return !t_not(t);
	}
	return t_prim(t);
}

static int t_and(struct tst *t)
{
	int v = t_not(t);

	while (t_peek(t, 0) && !strcmp(t_peek(t, 0), "-a") && !t->err) {
		t->pos++;
		v = t_not(t) && v;
	}
	return v;
}

static int t_or(struct tst *t)
{
	int v = t_and(t);

	while (t_peek(t, 0) && !strcmp(t_peek(t, 0), "-o") && !t->err) {
		t->pos++;
		v = t_and(t) || v;
	}
	return v;
}

/* POSIX's rules for one to four operands; -1 when they do not decide. */
static int t_by_count(struct tst *t)
{
	char **a = t->av;

	switch (t->n) {
	case 0: return 0;
	case 1: return *a[0] != '\0';
	case 2:
		if (!strcmp(a[0], "!"))
			return *a[1] == '\0';
		if (is_unary(a[0]))
			return t_unary(t, a[0], a[1]);
		return t_bad(t, "unary operator expected");
	case 3:
		if (is_binary(a[1]))
			return t_binary(t, a[0], a[1], a[2]);
		if (!strcmp(a[0], "!")) {
			t->av++;
			t->n--;
			return !t_by_count(t);
		}
		if (!strcmp(a[0], "(") && !strcmp(a[2], ")"))
			return *a[1] != '\0';
		return -1;
	case 4:
		if (!strcmp(a[0], "!")) {
			t->av++;
			t->n--;
			return !t_by_count(t);
		}
		if (!strcmp(a[0], "(") && !strcmp(a[3], ")")) {
			t->av++;
			t->n -= 2;
			return t_by_count(t);
		}
		return -1;
	}
	return -1;
}

int test_main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/');
	struct tst t = { argv + 1, argc - 1, 0, 0 };
	int v;

	name = name ? name + 1 : argv[0];
	if (name[strlen(name) - 1] == '[') {
		if (argc < 2 || strcmp(argv[argc - 1], "]")) {
			cmd_msg("missing ']'");
			return 2;
		}
		t.n--;
	}
	v = t_by_count(&t);
	if (v < 0 && !t.err) {
		t.pos = 0;
		v = t_or(&t);
		if (!t.err && t.pos < t.n)
			t_bad(&t, "too many arguments");
	}
	return t.err ? 2 : !v;
}
