/*
 * commands/sh/expand.c - word expansion, in POSIX order: tilde,
 * parameters, command substitution, arithmetic; then field splitting,
 * pathname expansion and quote removal.
 *
 * A raw word (quotes still in it) is expanded into a byte buffer where
 * every byte carries flags: QUOTED (from quotes: never split, never a
 * pattern character), SPLIT (from an unquoted expansion: IFS splits here),
 * and two zero-width markers kept as bytes: MARK (quotes were here, so the
 * field exists even if empty) and BREAK (a field boundary, from "$@").
 * Splitting, globbing and joining then read the flags; quote removal is
 * simply never copying the quotes in.
 *
 * Errors (bad substitution, ${x?}, arithmetic) are printed and returned as
 * -1/NULL; the caller decides whether the shell exits.
 */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

#define XQ_QUOTED 1
#define XQ_SPLIT  2
#define XQ_BREAK  4
#define XQ_MARK   8

struct ex {
	char *s;
	unsigned char *q;
	size_t n, cap;
	int flags, err, depth;
	int at_empty;		/* "$@" with no parameters was expanded */
};

static int ex_word(struct ex *e, const char *w, size_t n, int dq);

static void ex_init(struct ex *e, int flags, int depth)
{
	memset(e, 0, sizeof(*e));
	e->flags = flags;
	e->depth = depth;
}

static void ex_free(struct ex *e)
{
	free(e->s);
	free(e->q);
}

static void ex_put(struct ex *e, char c, unsigned char q)
{
	if (e->n + 1 >= e->cap) {
		e->cap = e->cap ? e->cap * 2 : 64;
		e->s = xrealloc(e->s, e->cap);
		e->q = xrealloc(e->q, e->cap);
	}
	e->s[e->n] = c;
	e->q[e->n++] = q;
	if (e->n > SH_MAX_LINE && !e->err) {
		sh_error("expansion too long");
		e->err = 1;
	}
}

static void ex_puts(struct ex *e, const char *s, size_t n, unsigned char q)
{
	while (n-- && !e->err)
		ex_put(e, *s++, q);
}

/* ---- finding the end of quoted and bracketed text in a raw word ---- */

static size_t sk_nested(const char *w, size_t i, size_t n, char open);

static size_t sk_squote(const char *w, size_t i, size_t n)
{
	while (i < n && w[i] != '\'')
		i++;
	return i;
}

static size_t sk_bquote(const char *w, size_t i, size_t n)
{
	while (i < n && w[i] != '`')
		i += w[i] == '\\' ? 2 : 1;
	return i < n ? i : n;
}

static size_t sk_dollar(const char *w, size_t i, size_t n)
{
	if (i + 1 < n && (w[i + 1] == '(' || w[i + 1] == '{'))
		return sk_nested(w, i + 2, n, w[i + 1]) + 1;
	return i + 1;
}

static size_t sk_dquote(const char *w, size_t i, size_t n)
{
	while (i < n && w[i] != '"') {
		if (w[i] == '\\')
			i += 2;
		else if (w[i] == '$')
			i = sk_dollar(w, i, n);
		else if (w[i] == '`')
			i = sk_bquote(w, i + 1, n) + 1;
		else
			i++;
	}
	return i < n ? i : n;
}

/* Index of the bracket closing open, searching from i; n if none. */
static size_t sk_nested(const char *w, size_t i, size_t n, char open)
{
	char close = open == '(' ? ')' : '}';
	struct casetrack ct = { { 0 }, 0, 0 };
	int level = 1;

	while (i < n) {
		char c = w[i];

		if (open == '(' && strchr("\\'\"`$", c))
			case_track(&ct, -1);
		if (c == '\\')
			i += 2;
		else if (c == '\'')
			i = sk_squote(w, i + 1, n) + 1;
		else if (c == '"')
			i = sk_dquote(w, i + 1, n) + 1;
		else if (c == '`')
			i = sk_bquote(w, i + 1, n) + 1;
		else if (c == '$')
			i = sk_dollar(w, i, n);
		else if (open == '(' && case_track(&ct, (unsigned char)c))
			i++;
		else if (c == close && --level == 0)
			return i;
		else {
			if (c == open)
				level++;
			i++;
		}
	}
	return n;
}

/* ---- parameters ---- */

static char *ex_join_params(char sep)
{
	struct sbuf b;
	int i;

	sb_init(&b);
	for (i = 0; i < sh.pos.n; i++) {
		if (i && sep)
			sb_addc(&b, sep);
		sb_adds(&b, sh.pos.v[i]);
	}
	return sb_take(&b);
}

static char ex_ifs0(void)
{
	const char *ifs = var_get("IFS");

	return ifs ? ifs[0] : ' ';
}

/* The value of parameter name[0..n), malloc'd; NULL if unset. */
static char *ex_param(const char *name, size_t n)
{
	char buf[64], *end;
	long k;

	if (n == 1 && !var_valid_name(name, 1)) {
		switch (name[0]) {
		case '?': snprintf(buf, sizeof(buf), "%d", sh.status); break;
		case '$': snprintf(buf, sizeof(buf), "%ld", (long)sh.pid); break;
		case '#': snprintf(buf, sizeof(buf), "%d", sh.pos.n); break;
		case '-': sh_optletters(buf); break;
		case '!':
			if (!sh.lastbg)
				return NULL;
			snprintf(buf, sizeof(buf), "%ld", (long)sh.lastbg);
			break;
		case '0': return xstrdup(sh.arg0);
		case '@': case '*': return ex_join_params(' ');
		default: goto positional;
		}
		return xstrdup(buf);
	}
positional:
	if (name[0] >= '0' && name[0] <= '9') {
		k = strtol(name, &end, 10);
		if (k == 0)
			return xstrdup(sh.arg0);
		return k <= sh.pos.n ? xstrdup(sh.pos.v[k - 1]) : NULL;
	} else {
		char *nm = xmalloc(n + 1);
		const char *v;

		memcpy(nm, name, n);
		nm[n] = '\0';
		v = var_get(nm);
		free(nm);
		return v ? xstrdup(v) : NULL;
	}
}

/* Emit an expansion result: quoted in "...", else subject to splitting. */
static void ex_value(struct ex *e, const char *v, int dq)
{
	ex_puts(e, v, strlen(v), dq ? XQ_QUOTED : XQ_SPLIT);
}

/* $@ and $* */
static void ex_at(struct ex *e, int star, int dq)
{
	int i;
	char sep;

	if (dq && star) {
		sep = ex_ifs0();
		for (i = 0; i < sh.pos.n; i++) {
			if (i && sep)
				ex_put(e, sep, XQ_QUOTED);
			ex_value(e, sh.pos.v[i], 1);
		}
		return;
	}
	if (sh.pos.n == 0)
		e->at_empty = 1;
	for (i = 0; i < sh.pos.n; i++) {
		if (i)
			ex_put(e, ' ', XQ_BREAK);
		if (dq)
			ex_put(e, 0, XQ_MARK);
		ex_value(e, sh.pos.v[i], dq);
	}
}

/* Length of a parameter name at w[i..n): special, digits or a name. */
static size_t ex_namelen(const char *w, size_t i, size_t n, int braced)
{
	size_t j = i;

	if (i >= n)
		return 0;
	if (strchr("@*#?-$!", w[i]) && w[i])
		return 1;
	if (w[i] >= '0' && w[i] <= '9') {
		if (!braced)
			return 1;
		while (j < n && w[j] >= '0' && w[j] <= '9')
			j++;
		return j - i;
	}
	while (j < n && var_valid_name(w + i, j - i + 1))
		j++;
	return j - i;
}

static char *ex_to_string(struct ex *e, int pattern);

/* Expand the word of ${x-word} on its own; NULL on error. */
static char *ex_subword(struct ex *e, const char *w, size_t n, int dq,
			int pattern)
{
	struct ex sub;
	char *s;

	ex_init(&sub, 0, e->depth + 1);
	if (sub.depth > SH_MAX_NEST) {
		sh_error("expansion too deeply nested");
		e->err = 1;
		return NULL;
	}
	if (ex_word(&sub, w, n, dq) < 0) {
		ex_free(&sub);
		e->err = 1;
		return NULL;
	}
	s = ex_to_string(&sub, pattern);
	ex_free(&sub);
	return s;
}

/* ${x#p} ${x##p} ${x%p} ${x%%p}: the value with the match removed. */
static char *ex_trim(const char *v, const char *pat, int suffix, int longest)
{
	size_t len = strlen(v), k;
	char *tmp = xstrdup(v);
	size_t i;

	for (i = 0; i <= len; i++) {
		k = longest ? (suffix ? i : len - i) : (suffix ? len - i : i);
		if (suffix) {
			if (pmatch(pat, v + k)) {
				tmp[k] = '\0';
				return tmp;
			}
		} else {
			char c = tmp[k];

			tmp[k] = '\0';
			if (pmatch(pat, tmp)) {
				free(tmp);
				return xstrdup(v + k);
			}
			tmp[k] = c;
		}
	}
	return tmp;
}

static int ex_bad(struct ex *e, const char *w, size_t n)
{
	sh_error("${%.*s}: bad substitution", (int)(n > 64 ? 64 : n), w);
	e->err = 1;
	return -1;
}

static void ex_nounset(struct ex *e, const char *name, size_t n)
{
	sh_error("%.*s: parameter not set", (int)n, name);
	e->err = 1;
	if (!sh.interactive)
		sh_exit(2);
}

/* ${...}: w[0..n) is what is between the braces. */
static int ex_brace(struct ex *e, const char *w, size_t n, int dq)
{
	size_t nl, i;
	char *v, *word, *r, op[3] = "";
	int colon = 0, isnull;
	char buf[32];

	if (n > 1 && w[0] == '#' && ex_namelen(w, 1, n, 1) == n - 1) {
		v = ex_param(w + 1, n - 1);
		if (!v && sh.opt[OPT_U] && w[1] != '@' && w[1] != '*')
			ex_nounset(e, w + 1, n - 1);
		snprintf(buf, sizeof(buf), "%zu", v ? strlen(v) : 0);
		free(v);
		ex_value(e, buf, dq);
		return e->err ? -1 : 0;
	}
	nl = ex_namelen(w, 0, n, 1);
	if (!nl)
		return ex_bad(e, w, n);
	i = nl;
	if (i < n && w[i] == ':') {
		colon = 1;
		i++;
	}
	if (i < n && strchr("-=?+%#", w[i])) {
		op[0] = w[i++];
		if (!colon && (op[0] == '%' || op[0] == '#') && i < n &&
		    w[i] == op[0])
			op[1] = w[i++];
	} else if (colon || i < n) {
		return ex_bad(e, w, n);
	}
	if (colon && (op[0] == '%' || op[0] == '#'))
		return ex_bad(e, w, n);
	if (!op[0] && (w[0] == '@' || w[0] == '*') && nl == 1) {
		ex_at(e, w[0] == '*', dq);
		return 0;
	}
	v = ex_param(w, nl);
	isnull = !v || (colon && !*v);
	word = (char *)w + i;
	switch (op[0]) {
	case 0:
		if (!v && sh.opt[OPT_U])
			ex_nounset(e, w, nl);
		break;
	case '-':
		if (isnull) {
			free(v);
			return ex_word(e, word, n - i, dq);
		}
		break;
	case '+':
		free(v);
		return isnull ? 0 : ex_word(e, word, n - i, dq);
	case '=':
		if (!isnull)
			break;
		free(v);
		if (!var_valid_name(w, nl))
			return ex_bad(e, w, n);
		v = ex_subword(e, word, n - i, dq, 0);
		if (!v)
			return -1;
		{
			char *nm = xmalloc(nl + 1);

			memcpy(nm, w, nl);
			nm[nl] = '\0';
			if (var_set(nm, v, 0) < 0)
				e->err = 1;
			free(nm);
		}
		break;
	case '?':
		if (!isnull)
			break;
		free(v);
		r = ex_subword(e, word, n - i, dq, 0);
		if (r && *r)
			sh_error("%.*s: %s", (int)nl, w, r);
		else if (r)
			sh_error("%.*s: parameter %s", (int)nl, w,
				 colon ? "null or not set" : "not set");
		free(r);
		e->err = 1;
		if (!sh.interactive)
			sh_exit(2);
		return -1;
	default:
		if (!v && sh.opt[OPT_U])
			ex_nounset(e, w, nl);
		r = ex_subword(e, word, n - i, 0, 1);
		if (!r) {
			free(v);
			return -1;
		}
		word = ex_trim(v ? v : "", r, op[0] == '%', op[1] != 0);
		free(r);
		free(v);
		v = word;
		break;
	}
	if (v)
		ex_value(e, v, dq);
	free(v);
	return e->err ? -1 : 0;
}

/* ---- command substitution and arithmetic ---- */

static int ex_read_all(int fd, struct sbuf *b)
{
	char buf[4096];
	ssize_t r;

	for (;;) {
		r = read(fd, buf, sizeof(buf));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return (int)r;
		if (b->n + (size_t)r > SH_MAX_LINE * 16) {
			sh_error("command substitution output too long");
			return -1;
		}
		sb_addn(b, buf, r);
	}
}

/* Run src[0..n) in a child shell; its output, less trailing newlines. */
static int ex_cmdsubst(struct ex *e, const char *src, size_t n, int dq)
{
	int fds[2], st = 0, r;
	pid_t pid;
	struct sbuf out;

	if (pipe(fds) < 0) {
		sh_error("pipe: %s", strerror(errno));
		return e->err = -1;
	}
	pid = fork();
	if (pid < 0) {
		sh_error("fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return e->err = -1;
	}
	if (pid == 0) {
		close(fds[0]);
		if (fds[1] != 1) {
			dup2(fds[1], 1);
			close(fds[1]);
		}
		exec_fork_child(0);
		sh_exit(sh_run_string(src, n));
	}
	close(fds[1]);
	sb_init(&out);
	r = ex_read_all(fds[0], &out);
	close(fds[0]);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	sh.cmdsubst_status = job_status(st);
	while (out.n && out.s[out.n - 1] == '\n')
		out.s[--out.n] = '\0';
	if (out.n && r == 0)
		ex_value(e, out.s, dq);
	sb_free(&out);
	if (r < 0)
		e->err = 1;
	return r;
}

/* `...`: undo the backslashes that quoted $ ` \ (and " inside "..."). */
static int ex_bquote(struct ex *e, const char *w, size_t n, int dq)
{
	struct sbuf b;
	size_t i;
	int r;

	sb_init(&b);
	for (i = 0; i < n; i++) {
		if (w[i] == '\\' && i + 1 < n &&
		    (strchr("$`\\", w[i + 1]) || (dq && w[i + 1] == '"')))
			i++;
		sb_addc(&b, w[i]);
	}
	r = ex_cmdsubst(e, b.s ? b.s : "", b.n, dq);
	sb_free(&b);
	return r;
}

static int ex_arith(struct ex *e, const char *w, size_t n, int dq)
{
	char *expr = ex_subword(e, w, n, 0, 0), buf[32];
	long v;

	if (!expr)
		return -1;
	if (arith_eval(expr, &v) < 0) {
		free(expr);
		e->err = 1;
		if (!sh.interactive)
			sh_exit(2);
		return -1;
	}
	free(expr);
	snprintf(buf, sizeof(buf), "%ld", v);
	ex_value(e, buf, dq);
	return 0;
}

/* A $ at w[*i]: expand what it introduces and move *i past it. */
static int ex_dollar(struct ex *e, const char *w, size_t *i, size_t n,
		     int dq)
{
	size_t j, k = *i + 1, nl;
	char *v;

	if (k < n && w[k] == '{') {
		j = sk_nested(w, k + 1, n, '{');
		*i = j + 1;
		return ex_brace(e, w + k + 1, j - k - 1, dq);
	}
	if (k < n && w[k] == '(') {
		j = sk_nested(w, k + 1, n, '(');
		*i = j + 1;
		if (k + 1 < n && w[k + 1] == '(' && j > k + 2 &&
		    w[j - 1] == ')' && sk_nested(w, k + 2, n, '(') == j - 1)
			return ex_arith(e, w + k + 2, j - k - 3, dq);
		return ex_cmdsubst(e, w + k + 1, j - k - 1, dq);
	}
	nl = ex_namelen(w, k, n, 0);
	if (!nl) {
		ex_put(e, '$', dq ? XQ_QUOTED : 0);
		*i = k;
		return 0;
	}
	*i = k + nl;
	if (nl == 1 && (w[k] == '@' || w[k] == '*')) {
		ex_at(e, w[k] == '*', dq);
		return 0;
	}
	v = ex_param(w + k, nl);
	if (!v && sh.opt[OPT_U] && w[k] != '!')
		ex_nounset(e, w + k, nl);
	if (v)
		ex_value(e, v, dq);
	free(v);
	return e->err ? -1 : 0;
}

/* ~ or ~user at the start of w[0..n): *len is how much was used. */
static int ex_tilde(struct ex *e, const char *w, size_t n, size_t *len)
{
	size_t j = 1;
	const char *home = NULL;
	struct passwd *pw;
	char *user;

	while (j < n && w[j] != '/' && !((e->flags & EXP_ASSIGN) && w[j] == ':'))
		if (strchr("'\"\\$`", w[j++]))
			return 0;
	if (j == 1) {
		home = var_get("HOME");
	} else {
		user = xmalloc(j);
		memcpy(user, w + 1, j - 1);
		user[j - 1] = '\0';
		pw = getpwnam(user);
		free(user);
		if (pw)
			home = pw->pw_dir;
	}
	if (!home)
		return 0;
	ex_puts(e, home, strlen(home), XQ_QUOTED);
	*len = j;
	return 1;
}

/* Expand the raw text w[0..n) into e; dq: inside double quotes. */
static int ex_word(struct ex *e, const char *w, size_t n, int dq)
{
	size_t i = 0, j, used;
	int at_before;

	if (!dq && (e->flags & EXP_TILDE) && n && w[0] == '~' &&
	    ex_tilde(e, w, n, &used))
		i = used;
	while (i < n && !e->err) {
		char c = w[i];

		if (c == '\'' && !dq) {
			j = sk_squote(w, i + 1, n);
			ex_put(e, 0, XQ_MARK);
			ex_puts(e, w + i + 1, j - i - 1, XQ_QUOTED);
			i = j + 1;
		} else if (c == '"') {
			j = sk_dquote(w, i + 1, n);
			at_before = e->at_empty;
			e->at_empty = 0;
			used = e->n;
			if (ex_word(e, w + i + 1, j - i - 1, 1) < 0)
				return -1;
			if (!(e->at_empty && e->n == used))
				ex_put(e, 0, XQ_MARK);
			e->at_empty = at_before;
			i = j + 1;
		} else if (c == '\\') {
			if (i + 1 >= n) {
				ex_put(e, c, XQ_QUOTED);
				i++;
			} else if (!dq || strchr("$`\"\\\n", w[i + 1])) {
				if (w[i + 1] != '\n')
					ex_put(e, w[i + 1], XQ_QUOTED);
				i += 2;
			} else {
				ex_put(e, c, XQ_QUOTED);
				i++;
			}
		} else if (c == '$') {
			if (ex_dollar(e, w, &i, n, dq) < 0)
				return -1;
		} else if (c == '`') {
			j = sk_bquote(w, i + 1, n);
			if (ex_bquote(e, w + i + 1, j - i - 1, dq) < 0)
				return -1;
			i = j + 1;
		} else {
			ex_put(e, c, dq ? XQ_QUOTED : 0);
			if ((e->flags & EXP_ASSIGN) && c == ':' && !dq &&
			    i + 1 < n && w[i + 1] == '~' &&
			    ex_tilde(e, w + i + 1, n - i - 1, &used)) {
				i += used;
			}
			i++;
		}
	}
	return e->err ? -1 : 0;
}

/* ---- splitting, globbing, joining ---- */

/* The whole buffer as one string; pattern: escape quoted pattern bytes. */
static char *ex_to_string(struct ex *e, int pattern)
{
	struct sbuf b;
	size_t i;

	sb_init(&b);
	sb_addn(&b, "", 0);
	for (i = 0; i < e->n; i++) {
		if (e->q[i] & XQ_MARK)
			continue;
		if (pattern && (e->q[i] & XQ_QUOTED) &&
		    strchr("*?[]\\", e->s[i]) && e->s[i])
			sb_addc(&b, '\\');
		sb_addc(&b, e->s[i]);
	}
	return sb_take(&b);
}

static void ex_field(struct strlist *out, struct sbuf *f, struct sbuf *pat,
		     int magic, int flags)
{
	char *s = sb_take(f);
	char *p = sb_take(pat);

	if (magic && (flags & EXP_SPLIT) && !sh.opt[OPT_F] &&
	    glob_expand(p, out) > 0) {
		free(s);
		free(p);
		return;
	}
	free(p);
	sl_add(out, s);
}

static int ex_is_ifs(const char *ifs, char c, int *ws)
{
	if (!strchr(ifs, c) || !c)
		return 0;
	*ws = c == ' ' || c == '\t' || c == '\n';
	return 1;
}

/* Split e into fields (IFS, BREAK), then pathname-expand each. */
static void ex_split(struct ex *e, struct strlist *out)
{
	const char *ifs = var_get("IFS");
	struct sbuf f, pat;
	int have = 0, after_ws = 0, magic = 0, ws;
	size_t i;

	if (!ifs)
		ifs = " \t\n";
	sb_init(&f);
	sb_init(&pat);
	for (i = 0; i < e->n; i++) {
		char c = e->s[i];
		unsigned char q = e->q[i];

		if (q & XQ_MARK) {
			have = 1;
			continue;
		}
		if (q & XQ_BREAK) {
			if (have)
				ex_field(out, &f, &pat, magic, e->flags);
			have = magic = 0;
			after_ws = 1;
			continue;
		}
		if ((q & XQ_SPLIT) && ex_is_ifs(ifs, c, &ws)) {
			if (ws && have)
				after_ws = 1;
			if (ws ? have : (have || !after_ws))
				ex_field(out, &f, &pat, magic, e->flags);
			if (!ws)
				after_ws = 0;
			have = magic = 0;
			continue;
		}
		if (!(q & XQ_QUOTED) && strchr("*?[", c) && c)
			magic = 1;
		if ((q & XQ_QUOTED) && strchr("*?[]\\", c) && c)
			sb_addc(&pat, '\\');
		sb_addc(&pat, c);
		sb_addc(&f, c);
		have = 1;
		after_ws = 0;
	}
	if (have)
		ex_field(out, &f, &pat, magic, e->flags);
	sb_free(&f);
	sb_free(&pat);
}

int exp_fields(const char *w, int flags, struct strlist *out)
{
	struct ex e;

	ex_init(&e, flags, 0);
	if (ex_word(&e, w, strlen(w), 0) < 0) {
		ex_free(&e);
		return -1;
	}
	if (flags & EXP_SPLIT) {
		ex_split(&e, out);
	} else {
		sl_add(out, ex_to_string(&e, 0));
	}
	ex_free(&e);
	return 0;
}

char *exp_string(const char *w, int flags)
{
	struct ex e;
	char *s;

	ex_init(&e, flags & ~EXP_SPLIT, 0);
	if (ex_word(&e, w, strlen(w), 0) < 0) {
		ex_free(&e);
		return NULL;
	}
	s = ex_to_string(&e, 0);
	ex_free(&e);
	return s;
}

char *exp_pattern(const char *w)
{
	struct ex e;
	char *s;

	ex_init(&e, 0, 0);
	if (ex_word(&e, w, strlen(w), 0) < 0) {
		ex_free(&e);
		return NULL;
	}
	s = ex_to_string(&e, 1);
	ex_free(&e);
	return s;
}

/* A here-document body: $ and ` expand, \ quotes only $ ` \ newline. */
char *exp_heredoc(const char *w)
{
	struct ex e;
	size_t i = 0, j, n = strlen(w);
	char *s;

	ex_init(&e, 0, 0);
	while (i < n && !e.err) {
		if (w[i] == '\\' && i + 1 < n && strchr("$`\\\n", w[i + 1])) {
			if (w[i + 1] != '\n')
				ex_put(&e, w[i + 1], XQ_QUOTED);
			i += 2;
		} else if (w[i] == '$') {
			ex_dollar(&e, w, &i, n, 1);
		} else if (w[i] == '`') {
			j = sk_bquote(w, i + 1, n);
			ex_bquote(&e, w + i + 1, j - i - 1, 1);
			i = j + 1;
		} else {
			ex_put(&e, w[i++], XQ_QUOTED);
		}
	}
	s = e.err ? NULL : ex_to_string(&e, 0);
	ex_free(&e);
	return s;
}
