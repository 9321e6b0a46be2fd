/*
 * commands/sh/parse.c - tokens to an AST, by recursive descent over the
 * POSIX shell grammar:
 *
 *   list      := and_or ((';' | '&' | newline) and_or)*
 *   and_or    := pipeline (('&&' | '||') newline* pipeline)*
 *   pipeline  := ['!'] command ('|' newline* command)*
 *   command   := compound redirect* | NAME '(' ')' compound | simple
 *   compound  := '{' list '}' | '(' list ')' | if | while | until | for | case
 *
 * Reserved words are recognised only where a command may start (and "in",
 * "do" where for and case expect them); anywhere else they are words.
 * Nesting is bounded by SH_MAX_NEST.  Everything is allocated in the
 * arena given to parse_command; on a syntax error the arena holds garbage
 * the caller frees with it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

static struct {
	struct arena *a;
	struct token tok;
	int have, err, depth;
} ps;

static const char *const ps_tokname[] = {
	[T_EOF] = "end of file", [T_WORD] = "word", [T_NEWLINE] = "newline",
	[T_SEMI] = ";", [T_AMP] = "&", [T_PIPE] = "|", [T_AND_IF] = "&&",
	[T_OR_IF] = "||", [T_DSEMI] = ";;", [T_LPAREN] = "(",
	[T_RPAREN] = ")", [T_LESS] = "<", [T_GREAT] = ">", [T_DGREAT] = ">>",
	[T_CLOBBER] = ">|", [T_LESSGREAT] = "<>", [T_LESSAND] = "<&",
	[T_GREATAND] = ">&", [T_DLESS] = "<<", [T_DLESSDASH] = "<<-",
};

static struct token *peek(void)
{
	if (!ps.have && !ps.err) {
		if (lex_next(&ps.tok) < 0) {
			ps.err = 1;
			ps.tok.type = T_EOF;
		}
		ps.have = 1;
	}
	return &ps.tok;
}

static void consume(void)
{
	ps.have = 0;
}

static void *syntax(const char *what)
{
	struct token *t = &ps.tok;

	if (!ps.err && !in_interrupted()) {
		if (what)
			sh_error("line %d: syntax error: %s", t->lineno, what);
		else
			sh_error("line %d: syntax error: unexpected %s%s%s",
				 t->lineno, t->type == T_WORD ? "'" : "",
				 t->type == T_WORD ? t->text
				 : ps_tokname[t->type],
				 t->type == T_WORD ? "'" : "");
	}
	ps.err = 1;
	return NULL;
}

static int is_kw(const char *kw)
{
	struct token *t = peek();

	return t->type == T_WORD && !t->quoted && strcmp(t->text, kw) == 0;
}

static int expect_kw(const char *kw)
{
	if (is_kw(kw)) {
		consume();
		return 0;
	}
	if (!ps.err) {
		char msg[64];

		snprintf(msg, sizeof(msg), "expected '%s'", kw);
		syntax(NULL);
		ps.err = 0;
		syntax(msg);
	}
	return -1;
}

static void skip_newlines(void)
{
	while (peek()->type == T_NEWLINE)
		consume();
}

static struct node *mk(enum node_type type)
{
	struct node *n = arena_alloc(ps.a, sizeof(*n));

	n->type = type;
	n->lineno = ps.tok.lineno;
	return n;
}

static struct node *mk_bin(enum node_type type, struct node *a,
			   struct node *b)
{
	struct node *n = mk(type);

	n->u.bin.a = a;
	n->u.bin.b = b;
	return n;
}

/* A growing array of pointers copied into the arena when done. */
struct pvec {
	void **v;
	int n, cap;
};

static void pv_add(struct pvec *p, void *x)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->v = xrealloc(p->v, p->cap * sizeof(void *));
	}
	p->v[p->n++] = x;
}

static void *pv_done(struct pvec *p)
{
	void **v = arena_alloc(ps.a, (p->n + 1) * sizeof(void *));

	if (p->n)
		memcpy(v, p->v, p->n * sizeof(void *));
	free(p->v);
	return v;
}

static const char *const ps_terminators[] = {
	"then", "else", "elif", "fi", "do", "done", "esac", "}", NULL,
};

/* Does the next token end a list rather than start a command? */
static int at_list_end(int top)
{
	struct token *t = peek();
	int i;

	if (ps.err || t->type == T_EOF || t->type == T_RPAREN ||
	    t->type == T_DSEMI || (top && t->type == T_NEWLINE))
		return 1;
	for (i = 0; ps_terminators[i]; i++)
		if (is_kw(ps_terminators[i]))
			return 1;
	return 0;
}

static struct node *parse_list(int top);
static struct node *parse_command_node(void);

static struct node *parse_pipeline(void)
{
	struct pvec cmds = { 0 };
	struct node *n, *c;
	int bang = 0;

	if (is_kw("!")) {
		consume();
		bang = 1;
	}
	for (;;) {
		c = parse_command_node();
		if (!c) {
			free(cmds.v);
			return NULL;
		}
		pv_add(&cmds, c);
		if (peek()->type != T_PIPE)
			break;
		consume();
		skip_newlines();
	}
	if (cmds.n == 1) {
		n = cmds.v[0];
		free(cmds.v);
	} else {
		n = mk(N_PIPE);
		n->u.pipe.n = cmds.n;
		n->u.pipe.cmds = pv_done(&cmds);
	}
	return bang ? mk_bin(N_NOT, n, NULL) : n;
}

static struct node *parse_and_or(void)
{
	struct node *n = parse_pipeline(), *m;
	enum node_type type;

	while (n && (peek()->type == T_AND_IF || peek()->type == T_OR_IF)) {
		type = peek()->type == T_AND_IF ? N_AND : N_OR;
		consume();
		skip_newlines();
		m = parse_pipeline();
		if (!m)
			return NULL;
		n = mk_bin(type, n, m);
	}
	return n;
}

static struct node *seq(struct node *a, struct node *b)
{
	return a ? mk_bin(N_SEQ, a, b) : b;
}

/*
 * A list of and-or lists.  top: a complete command, ended by a newline;
 * otherwise a compound list, where newlines separate and the list ends at
 * a closing token.
 */
static struct node *parse_list(int top)
{
	struct node *n = NULL, *a;
	struct token *t;

	if (++ps.depth > SH_MAX_NEST)
		return syntax("too deeply nested");
	for (;;) {
		if (!top)
			skip_newlines();
		if (at_list_end(top))
			break;
		a = parse_and_or();
		if (!a)
			return NULL;
		t = peek();
		if (t->type == T_AMP) {
			consume();
			a = mk_bin(N_BG, a, NULL);
		} else if (t->type == T_SEMI) {
			consume();
		} else if (!(t->type == T_NEWLINE && !top)) {
			n = seq(n, a);
			break;
		}
		n = seq(n, a);
	}
	ps.depth--;
	if (ps.err)
		return NULL;
	if (!n && !top)
		return syntax(NULL);
	return n;
}

/* A redirection whose operator token is current. */
static struct redir *parse_redirect(void)
{
	struct token *t = peek();
	struct redir *r = arena_alloc(ps.a, sizeof(*r));
	static const int deffd[] = {
		[R_IN] = 0, [R_OUT] = 1, [R_APPEND] = 1, [R_CLOBBER] = 1,
		[R_RDWR] = 0, [R_DUPIN] = 0, [R_DUPOUT] = 1, [R_HEREDOC] = 0,
		[R_HEREDOC_TABS] = 0,
	};
	static const enum redir_op ops[] = {
		[T_LESS] = R_IN, [T_GREAT] = R_OUT, [T_DGREAT] = R_APPEND,
		[T_CLOBBER] = R_CLOBBER, [T_LESSGREAT] = R_RDWR,
		[T_LESSAND] = R_DUPIN, [T_GREATAND] = R_DUPOUT,
		[T_DLESS] = R_HEREDOC, [T_DLESSDASH] = R_HEREDOC_TABS,
	};

	r->op = ops[t->type];
	r->fd = t->ionum >= 0 ? t->ionum : deffd[r->op];
	consume();
	t = peek();
	if (t->type != T_WORD)
		return syntax(NULL);
	r->word = t->text;
	consume();
	if (r->op == R_HEREDOC || r->op == R_HEREDOC_TABS)
		lex_heredoc(r);
	return r;
}

static int is_redir_tok(enum tok t)
{
	return t >= T_LESS && t <= T_DLESSDASH;
}

/* Trailing redirections of a compound command. */
static int parse_redirs(struct redir **tail)
{
	struct redir *r;

	while (is_redir_tok(peek()->type)) {
		r = parse_redirect();
		if (!r)
			return -1;
		*tail = r;
		tail = &r->next;
	}
	return 0;
}

static int is_assignment(const char *w)
{
	const char *eq = strchr(w, '=');

	return eq && eq != w && var_valid_name(w, eq - w);
}

static struct node *parse_compound(void);

static struct node *parse_funcdef(const char *name)
{
	struct node *n = mk(N_FUNC), *body;

	consume();		/* ( */
	if (peek()->type != T_RPAREN)
		return syntax(NULL);
	consume();
	skip_newlines();
	body = parse_compound();
	if (!body)
		return ps.err ? NULL : syntax("function body must be compound");
	n->u.func.name = (char *)name;
	n->u.func.body = body;
	return n;
}

static struct node *parse_simple(void)
{
	struct pvec as = { 0 }, ws = { 0 };
	struct redir *redirs = NULL, **tail = &redirs, *r;
	struct token *t;
	struct node *n;

	for (;;) {
		t = peek();
		if (is_redir_tok(t->type)) {
			r = parse_redirect();
			if (!r)
				goto fail;
			*tail = r;
			tail = &r->next;
		} else if (t->type == T_WORD) {
			if (ws.n == 0 && is_assignment(t->text)) {
				pv_add(&as, t->text);
			} else {
				pv_add(&ws, t->text);
				if (ws.n == 1 && as.n == 0 && !redirs && !t->quoted) {
					char *name = t->text;

					consume();
					if (peek()->type == T_LPAREN &&
					    var_valid_name(name, strlen(name))) {
						free(ws.v);
						return parse_funcdef(name);
					}
					continue;
				}
			}
			consume();
		} else {
			break;
		}
	}
	if (!as.n && !ws.n && !redirs) {
		free(as.v);
		free(ws.v);
		return syntax(NULL);
	}
	n = mk(N_CMD);
	n->redirs = redirs;
	n->u.cmd.nassigns = as.n;
	n->u.cmd.assigns = pv_done(&as);
	n->u.cmd.nwords = ws.n;
	n->u.cmd.words = pv_done(&ws);
	return n;
fail:
	free(as.v);
	free(ws.v);
	return NULL;
}

static struct node *parse_group(enum node_type type, const char *close)
{
	struct node *n = mk(type);

	consume();
	n->u.bin.a = parse_list(0);
	if (!n->u.bin.a)
		return NULL;
	if (close) {
		if (expect_kw(close) < 0)
			return NULL;
	} else {
		if (peek()->type != T_RPAREN)
			return syntax(NULL);
		consume();
	}
	return n;
}

/* if/elif: the keyword is current. */
static struct node *parse_if(void)
{
	struct node *n = mk(N_IF);

	consume();
	if (!(n->u.cond.cond = parse_list(0)) || expect_kw("then") < 0 ||
	    !(n->u.cond.body = parse_list(0)))
		return NULL;
	if (is_kw("elif"))
		return (n->u.cond.els = parse_if()) ? n : NULL;
	if (is_kw("else")) {
		consume();
		if (!(n->u.cond.els = parse_list(0)))
			return NULL;
	}
	return expect_kw("fi") < 0 ? NULL : n;
}

static struct node *parse_loop(enum node_type type)
{
	struct node *n = mk(type);

	consume();
	if (!(n->u.cond.cond = parse_list(0)) || expect_kw("do") < 0 ||
	    !(n->u.cond.body = parse_list(0)) || expect_kw("done") < 0)
		return NULL;
	return n;
}

static struct node *parse_for(void)
{
	struct node *n = mk(N_FOR);
	struct pvec ws = { 0 };
	struct token *t;

	consume();
	t = peek();
	if (t->type != T_WORD || !var_valid_name(t->text, strlen(t->text)))
		return syntax("bad for loop variable");
	n->u.forn.var = t->text;
	consume();
	skip_newlines();
	if (is_kw("in")) {
		consume();
		n->u.forn.has_in = 1;
		while ((t = peek())->type == T_WORD) {
			pv_add(&ws, t->text);
			consume();
		}
		n->u.forn.nwords = ws.n;
		n->u.forn.words = pv_done(&ws);
		if (t->type != T_SEMI && t->type != T_NEWLINE)
			return syntax(NULL);
		consume();
	} else if (peek()->type == T_SEMI) {
		consume();
	}
	skip_newlines();
	if (expect_kw("do") < 0 || !(n->u.forn.body = parse_list(0)) ||
	    expect_kw("done") < 0)
		return NULL;
	return n;
}

static struct case_item *parse_case_item(void)
{
	struct case_item *ci = arena_alloc(ps.a, sizeof(*ci));
	struct pvec pats = { 0 };
	struct token *t;

	if (peek()->type == T_LPAREN)
		consume();
	for (;;) {
		t = peek();
		if (t->type != T_WORD) {
			free(pats.v);
			return syntax(NULL);
		}
		pv_add(&pats, t->text);
		consume();
		if (peek()->type != T_PIPE)
			break;
		consume();
	}
	ci->npats = pats.n;
	ci->pats = pv_done(&pats);
	if (peek()->type != T_RPAREN)
		return syntax(NULL);
	consume();
	skip_newlines();
	if (peek()->type != T_DSEMI && !is_kw("esac")) {
		ci->body = parse_list(0);
		if (!ci->body)
			return NULL;
	}
	if (peek()->type == T_DSEMI) {
		consume();
		skip_newlines();
	} else if (!is_kw("esac")) {
		return syntax(NULL);
	}
	return ci;
}

static struct node *parse_case(void)
{
	struct node *n = mk(N_CASE);
	struct case_item **tail = &n->u.casen.items;
	struct token *t;

	consume();
	t = peek();
	if (t->type != T_WORD)
		return syntax(NULL);
	n->u.casen.word = t->text;
	consume();
	skip_newlines();
	if (expect_kw("in") < 0)
		return NULL;
	skip_newlines();
	while (!is_kw("esac")) {
		if (ps.err || peek()->type == T_EOF)
			return syntax(NULL);
		*tail = parse_case_item();
		if (!*tail)
			return NULL;
		tail = &(*tail)->next;
	}
	consume();
	return n;
}

struct compound {
	const char *kw;
	struct node *(*parse)(void);
};

static struct node *parse_brace(void)
{
	return parse_group(N_GROUP, "}");
}

static struct node *parse_while(void)
{
	return parse_loop(N_WHILE);
}

static struct node *parse_until(void)
{
	return parse_loop(N_UNTIL);
}

static const struct compound ps_compounds[] = {
	{ "{", parse_brace }, { "if", parse_if }, { "while", parse_while },
	{ "until", parse_until }, { "for", parse_for }, { "case", parse_case },
};

/* A compound command at the current token, or NULL (ps.err unset) if the
 * token does not start one. */
static struct node *parse_compound(void)
{
	struct node *n = NULL;
	size_t i;

	if (++ps.depth > SH_MAX_NEST)
		return syntax("too deeply nested");
	if (peek()->type == T_LPAREN) {
		n = parse_group(N_SUBSHELL, NULL);
	} else {
		for (i = 0; i < sizeof(ps_compounds) / sizeof(ps_compounds[0]);
		     i++)
			if (is_kw(ps_compounds[i].kw)) {
				n = ps_compounds[i].parse();
				break;
			}
	}
	ps.depth--;
	if (n && parse_redirs(&n->redirs) < 0)
		return NULL;
	return n;
}

static struct node *parse_command_node(void)
{
	struct node *n;
	int i;

	if (ps.err)
		return NULL;
	for (i = 0; ps_terminators[i]; i++)
		if (is_kw(ps_terminators[i]))
			return syntax(NULL);
	n = parse_compound();
	if (n || ps.err)
		return n;
	return parse_simple();
}

/* Throw away the rest of a line after a syntax error. */
static void ps_drain(void)
{
	int c;

	if (ps.have && ps.tok.type == T_NEWLINE)
		return;
	while ((c = in_getc()) >= 0 && c != '\n')
		;
}

int parse_command(struct arena *a, struct node **out)
{
	struct node *n;
	struct token *t;

	memset(&ps, 0, sizeof(ps));
	ps.a = a;
	lex_start(a);
	*out = NULL;
	t = peek();
	if (t->type == T_EOF)
		return ps.err ? -1 : 0;
	if (t->type == T_NEWLINE)
		return 1;
	n = parse_list(1);
	t = peek();
	if (!ps.err && t->type != T_NEWLINE && t->type != T_EOF)
		syntax(NULL);
	if (ps.err) {
		ps_drain();
		return -1;
	}
	*out = n;
	return 1;
}
