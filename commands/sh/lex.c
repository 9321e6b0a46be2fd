/*
 * commands/sh/lex.c - the tokenizer.
 *
 * Words come out raw: quotes, backslashes, $(...), `...`, ${...} and
 * $((...)) are kept as written (only line continuations are removed), for
 * expansion to interpret later; the lexer just finds where a word ends.
 * Reserved words are not the lexer's business: the parser recognises them
 * by position.  A word of digits directly before < or > is the fd of that
 * redirection (IO_NUMBER).
 *
 * Here-documents: the parser registers each << redirection; at the next
 * newline token the lexer reads the bodies, in order, up to their
 * delimiter lines.  A delimiter with any quoting marks the body literal.
 *
 * Limit: inside $(...) parentheses are counted (quotes respected), so a
 * case pattern with an unbalanced ')' there needs the optional '('.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

#define LEX_MAX_HEREDOC 32

static struct {
	struct arena *a;
	struct redir *hd[LEX_MAX_HEREDOC];
	int nhd;
} lx;

void lex_start(struct arena *a)
{
	lx.a = a;
	lx.nhd = 0;
}

void lex_heredoc(struct redir *r)
{
	if (lx.nhd < LEX_MAX_HEREDOC)
		lx.hd[lx.nhd++] = r;
	else
		sh_error("too many here-documents on one line");
}

static int lex_eof(const char *what)
{
	if (!in_interrupted())
		sh_error("line %d: end of file inside %s", in_lineno(), what);
	return -1;
}

static int lex_put(struct sbuf *b, int c)
{
	if (b->n >= SH_MAX_LINE) {
		sh_error("line %d: word too long", in_lineno());
		return -1;
	}
	sb_addc(b, (char)c);
	return 0;
}

/* The next byte, with backslash-newline pairs removed. */
static int lex_getc(void)
{
	int c, d;

	for (;;) {
		c = in_getc();
		if (c != '\\')
			return c;
		d = in_getc();
		if (d != '\n') {
			in_ungetc(d);
			return c;
		}
	}
}

static int scan_dollar(struct sbuf *b, int depth);
static int scan_bquote(struct sbuf *b);

/* After an opening ': copy up to and including the closing '. */
static int scan_squote(struct sbuf *b)
{
	int c;

	while ((c = in_getc()) != '\'') {
		if (c < 0)
			return lex_eof("'...'");
		if (lex_put(b, c) < 0)
			return -1;
	}
	return lex_put(b, c);
}

/* Copy a backslash and the byte it quotes. */
static int scan_backslash(struct sbuf *b)
{
	int c = in_getc();

	if (c < 0)
		return lex_put(b, '\\');
	if (lex_put(b, '\\') < 0)
		return -1;
	return lex_put(b, c);
}

/* After an opening ": copy up to and including the closing ". */
static int scan_dquote(struct sbuf *b, int depth)
{
	int c, r;

	for (;;) {
		c = lex_getc();
		if (c < 0)
			return lex_eof("\"...\"");
		if (c == '"')
			return lex_put(b, c);
		if (c == '\\')
			r = scan_backslash(b);
		else if (c == '$')
			r = lex_put(b, c) < 0 ? -1 : scan_dollar(b, depth);
		else if (c == '`')
			r = lex_put(b, c) < 0 ? -1 : scan_bquote(b);
		else
			r = lex_put(b, c);
		if (r < 0)
			return -1;
	}
}

/* After a `: copy up to and including the closing `. */
static int scan_bquote(struct sbuf *b)
{
	int c;

	for (;;) {
		c = lex_getc();
		if (c < 0)
			return lex_eof("`...`");
		if (c == '\\') {
			if (scan_backslash(b) < 0)
				return -1;
			continue;
		}
		if (lex_put(b, c) < 0)
			return -1;
		if (c == '`')
			return 0;
	}
}

/*
 * Copy a bracketed construct up to its closing byte (')' or '}'),
 * counting nested open bytes and skipping quoted text.
 */
static int scan_nested(struct sbuf *b, int open, int close, int depth)
{
	struct casetrack ct = { { 0 }, 0, 0 };
	int c, level = 1, r;

	if (depth > SH_MAX_NEST) {
		sh_error("line %d: too deeply nested", in_lineno());
		return -1;
	}
	for (;;) {
		c = lex_getc();
		if (c < 0)
			return lex_eof(close == ')' ? "$(...)" : "${...}");
		if (c == '\'')
			r = lex_put(b, c) < 0 ? -1 : scan_squote(b);
		else if (c == '"')
			r = lex_put(b, c) < 0 ? -1 : scan_dquote(b, depth + 1);
		else if (c == '`')
			r = lex_put(b, c) < 0 ? -1 : scan_bquote(b);
		else if (c == '\\')
			r = scan_backslash(b);
		else if (c == '$')
			r = lex_put(b, c) < 0 ? -1 : scan_dollar(b, depth + 1);
		else {
			int pat = open == '(' && case_track(&ct, c);

			if (!pat && c == open)
				level++;
			else if (!pat && c == close && --level == 0)
				return lex_put(b, c);
			if (lex_put(b, c) < 0)
				return -1;
			continue;
		}
		if (open == '(')
			case_track(&ct, -1);
		if (r < 0)
			return -1;
	}
}

/* After a $: copy what it introduces, if it is bracketed. */
static int scan_dollar(struct sbuf *b, int depth)
{
	int c = lex_getc();

	if (c == '(' || c == '{') {
		if (lex_put(b, c) < 0)
			return -1;
		return scan_nested(b, c, c == '(' ? ')' : '}', depth + 1);
	}
	in_ungetc(c);
	return 0;
}

static int is_meta(int c)
{
	return c < 0 || strchr(" \t\n;&|<>()", c) != NULL;
}

/* Read a word starting with byte c into b; sets *quoted. */
static int lex_word(struct sbuf *b, int c, int *quoted)
{
	int r;

	for (; !is_meta(c); c = lex_getc()) {
		if (c == '\'' || c == '"' || c == '\\')
			*quoted = 1;
		if (c == '\'')
			r = lex_put(b, c) < 0 ? -1 : scan_squote(b);
		else if (c == '"')
			r = lex_put(b, c) < 0 ? -1 : scan_dquote(b, 0);
		else if (c == '`')
			r = lex_put(b, c) < 0 ? -1 : scan_bquote(b);
		else if (c == '\\')
			r = scan_backslash(b);
		else if (c == '$')
			r = lex_put(b, c) < 0 ? -1 : scan_dollar(b, 0);
		else
			r = lex_put(b, c);
		if (r < 0)
			return -1;
	}
	in_ungetc(c);
	return 0;
}

/* The delimiter of a here-document: its word with quotes removed. */
static char *lex_delim(const char *w, int *quoted)
{
	struct sbuf b;
	char q = 0;

	sb_init(&b);
	for (; *w; w++) {
		if (*w == '\\' && q != '\'' && w[1]) {
			*quoted = 1;
			sb_addc(&b, *++w);
		} else if ((*w == '\'' || *w == '"') && (!q || q == *w)) {
			*quoted = 1;
			q = q ? 0 : *w;
		} else {
			sb_addc(&b, *w);
		}
	}
	return sb_take(&b);
}

/* Read one line (without its newline) into b; 1 at EOF with nothing,
 * -1 after an error message. */
static int lex_line(struct sbuf *b, int strip_tabs)
{
	int c, any = 0;

	b->n = 0;
	sb_addn(b, "", 0);
	while ((c = in_getc()) >= 0 && c != '\n') {
		any = 1;
		if (strip_tabs && c == '\t' && b->n == 0)
			continue;
		if (lex_put(b, c) < 0)
			return -1;
	}
	return (c < 0 && !any) ? 1 : 0;
}

static int lex_read_heredoc(struct redir *r)
{
	struct sbuf line, body;
	char *delim;
	int quoted = 0, st;

	delim = lex_delim(r->word, &quoted);
	r->quoted = quoted;
	sb_init(&line);
	sb_init(&body);
	while ((st = lex_line(&line, r->op == R_HEREDOC_TABS)) == 0) {
		if (strcmp(line.s, delim) == 0)
			break;
		if (body.n + line.n >= SH_MAX_LINE) {
			sh_error("line %d: here-document too long", in_lineno());
			st = -1;
			break;
		}
		sb_addn(&body, line.s, line.n);
		sb_addc(&body, '\n');
	}
	r->body = arena_strndup(lx.a, body.s ? body.s : "", body.n);
	sb_free(&line);
	sb_free(&body);
	free(delim);
	return st < 0 ? -1 : 0;
}

static int lex_heredocs(void)
{
	int i, r = 0;

	for (i = 0; i < lx.nhd && r == 0; i++)
		r = lex_read_heredoc(lx.hd[i]);
	lx.nhd = 0;
	return r;
}

struct op {
	const char *s;
	enum tok t;
};

/* Longest first within each leading byte. */
static const struct op lex_ops[] = {
	{ "&&", T_AND_IF }, { "&", T_AMP }, { "||", T_OR_IF }, { "|", T_PIPE },
	{ ";;", T_DSEMI }, { ";", T_SEMI }, { "(", T_LPAREN }, { ")", T_RPAREN },
	{ "<<-", T_DLESSDASH }, { "<<", T_DLESS }, { "<&", T_LESSAND },
	{ "<>", T_LESSGREAT }, { "<", T_LESS }, { ">>", T_DGREAT },
	{ ">&", T_GREATAND }, { ">|", T_CLOBBER }, { ">", T_GREAT },
};

/* Read an operator starting with byte c. */
static enum tok lex_op(int c)
{
	size_t i;
	int d = lex_getc(), e;

	for (i = 0; i < sizeof(lex_ops) / sizeof(lex_ops[0]); i++) {
		const char *s = lex_ops[i].s;

		if (s[0] != c)
			continue;
		if (s[1] == '\0') {
			in_ungetc(d);
			return lex_ops[i].t;
		}
		if (s[1] != d)
			continue;
		if (s[2] == '\0')
			return lex_ops[i].t;
		e = lex_getc();
		if (e == s[2])
			return lex_ops[i].t;
		in_ungetc(e);
	}
	in_ungetc(d);
	return T_EOF;
}

static int is_digits(const char *s)
{
	if (!*s || strlen(s) > 4)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* Skip blanks and a comment; return the first byte of the token. */
static int lex_skip(void)
{
	int c;

	do
		c = lex_getc();
	while (c == ' ' || c == '\t');
	if (c == '#')
		while ((c = in_getc()) >= 0 && c != '\n')
			;
	return c;
}

/* The next token into t; 0, or -1 after an error message. */
int lex_next(struct token *t)
{
	struct sbuf b;
	int c;

	memset(t, 0, sizeof(*t));
	t->ionum = -1;
	c = lex_skip();
	t->lineno = in_lineno();
	if (c < 0) {
		t->type = T_EOF;
		return 0;
	}
	if (c == '\n') {
		t->type = T_NEWLINE;
		return lex_heredocs();
	}
	if (strchr(";&|<>()", c)) {
		t->type = lex_op(c);
		return 0;
	}
	sb_init(&b);
	if (lex_word(&b, c, &t->quoted) < 0) {
		sb_free(&b);
		return -1;
	}
	c = lex_getc();
	if ((c == '<' || c == '>') && !t->quoted && is_digits(b.s)) {
		t->ionum = atoi(b.s);
		t->type = lex_op(c);
		sb_free(&b);
		return 0;
	}
	in_ungetc(c);
	t->type = T_WORD;
	t->text = arena_strndup(lx.a, b.s, b.n);
	sb_free(&b);
	return 0;
}
