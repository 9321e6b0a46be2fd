/*
 * commands/grep/bre.c - basic regular expressions (see bre.h).
 *
 * Parsing builds a tree (sequence, group, repetition of an atom); code
 * generation turns it into instructions: CHAR, ANY, SET (a 256-bit
 * class), BOL, EOL, SPLIT (two successors), JMP, MATCH.  x* is
 * "L: SPLIT x,next; x; JMP L"; x\{m,n\} is m copies of x then n-m
 * optional ones.  Sizes are bounded (BRE_MAX_PROG instructions,
 * RE_DUP_MAX 255 repetitions, BRE_MAX_NEST groups deep).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "bre.h"

#define BRE_MAX_PROG 20000
#define BRE_MAX_NEST 64
#define BRE_DUP_MAX 255

enum op { I_CHAR, I_ANY, I_SET, I_BOL, I_EOL, I_SPLIT, I_JMP, I_MATCH };

struct inst {
	enum op op;
	int x, y;		/* CHAR: byte; SET: set index; SPLIT/JMP */
};

struct bre {
	struct inst *prog;
	int n, cap;
	unsigned char (*sets)[32];
	int nsets;
};

enum node_kind { N_CHAR, N_ANY, N_SET, N_BOL, N_EOL, N_GROUP };

struct node {
	enum node_kind kind;
	int c;			/* N_CHAR byte, N_SET index */
	int min, max;		/* repetition; max -1: unbounded */
	struct node *kids;	/* N_GROUP: the sequence */
	struct node *next;
};

struct parser {
	const char *p;
	struct bre *re;
	int icase, depth;
	const char *err;
};

static void *pr_fail(struct parser *ps, const char *msg)
{
	if (!ps->err)
		ps->err = msg;
	return NULL;
}

static struct node *nd_new(struct parser *ps, enum node_kind k)
{
	struct node *n = calloc(1, sizeof(*n));

	if (!n)
		return pr_fail(ps, "out of memory");
	n->kind = k;
	n->min = n->max = 1;
	return n;
}

static void nd_free(struct node *n)
{
	struct node *next;

	for (; n; n = next) {
		next = n->next;
		nd_free(n->kids);
		free(n);
	}
}

static int re_newset(struct parser *ps)
{
	struct bre *re = ps->re;
	void *p = realloc(re->sets, (re->nsets + 1) * sizeof(*re->sets));

	if (!p) {
		pr_fail(ps, "out of memory");
		return -1;
	}
	re->sets = p;
	memset(re->sets[re->nsets], 0, 32);
	return re->nsets++;
}

static void set_add(unsigned char *set, int c, int icase)
{
	set[c >> 3] |= (unsigned char)(1 << (c & 7));
	if (icase && isalpha(c)) {
		c = islower(c) ? toupper(c) : tolower(c);
		set[c >> 3] |= (unsigned char)(1 << (c & 7));
	}
}

static const struct {
	const char *name;
	int (*fn)(int);
} bre_classes[] = {
	{ "alpha", isalpha }, { "digit", isdigit }, { "alnum", isalnum },
	{ "upper", isupper }, { "lower", islower }, { "space", isspace },
	{ "punct", ispunct }, { "xdigit", isxdigit }, { "print", isprint },
	{ "graph", isgraph }, { "cntrl", iscntrl }, { "blank", isblank },
};

/* [:name:] after "[:"; 0 ok, -1 unknown. */
static int br_class(struct parser *ps, unsigned char *set)
{
	const char *e = strstr(ps->p, ":]");
	size_t i, n;
	int c;

	if (!e)
		return -1;
	n = (size_t)(e - ps->p);
	for (i = 0; i < sizeof(bre_classes) / sizeof(bre_classes[0]); i++)
		if (strlen(bre_classes[i].name) == n &&
		    !strncmp(bre_classes[i].name, ps->p, n)) {
			for (c = 1; c < 256; c++)
				if (bre_classes[i].fn(c))
					set_add(set, c, ps->icase);
			ps->p = e + 2;
			return 0;
		}
	return -1;
}

/* A bracket expression; ps->p is after '['. */
static struct node *pr_bracket(struct parser *ps)
{
	struct node *n = nd_new(ps, N_SET);
	int idx = re_newset(ps), neg = 0, lo, hi, c, first = 1;
	unsigned char *set;

	if (!n || idx < 0)
		return n;
	n->c = idx;
	set = ps->re->sets[idx];
	if (*ps->p == '^') {
		neg = 1;
		ps->p++;
	}
	while (*ps->p && (*ps->p != ']' || first)) {
		first = 0;
		if (ps->p[0] == '[' && ps->p[1] == ':') {
			ps->p += 2;
			if (br_class(ps, set) < 0)
				return pr_fail(ps, "unknown character class");
			continue;
		}
		lo = (unsigned char)*ps->p++;
		hi = lo;
		if (ps->p[0] == '-' && ps->p[1] && ps->p[1] != ']') {
			hi = (unsigned char)ps->p[1];
			ps->p += 2;
		}
		for (c = lo; c <= hi; c++)
			set_add(set, c, ps->icase);
	}
	if (*ps->p != ']')
		return pr_fail(ps, "unmatched [");
	ps->p++;
	if (neg)
		for (c = 0; c < 32; c++)
			set[c] = (unsigned char)~set[c];
	set[0] &= (unsigned char)~1;	/* never NUL */
	return n;
}

/* \{m,n\} after "\{". */
static int pr_interval(struct parser *ps, struct node *n)
{
	char *end;
	long m = strtol(ps->p, &end, 10), x = m;

	if (end == ps->p || m < 0 || m > BRE_DUP_MAX)
		return -1;
	if (*end == ',') {
		end++;
		x = -1;
		if (isdigit((unsigned char)*end))
			x = strtol(end, &end, 10);
	}
	if (end[0] != '\\' || end[1] != '}' || (x >= 0 && (x < m ||
						x > BRE_DUP_MAX)))
		return -1;
	ps->p = end + 2;
	n->min = (int)m;
	n->max = (int)x;
	return 0;
}

static struct node *pr_seq(struct parser *ps, int in_group);

static struct node *pr_char(struct parser *ps, int c)
{
	struct node *n;
	int idx;

	if (!ps->icase || !isalpha(c)) {
		n = nd_new(ps, N_CHAR);
		if (n)
			n->c = c;
		return n;
	}
	n = nd_new(ps, N_SET);
	idx = re_newset(ps);
	if (n && idx >= 0) {
		n->c = idx;
		set_add(ps->re->sets[idx], c, 1);
	}
	return n;
}

/* One atom at ps->p, or NULL (error set) ; *stop when the sequence ends. */
static struct node *pr_atom(struct parser *ps, int in_group, int at_start)
{
	const char *p = ps->p;

	if (p[0] == '\\' && p[1] == '(') {
		struct node *g = nd_new(ps, N_GROUP);

		if (!g)
			return NULL;
		if (++ps->depth > BRE_MAX_NEST)
			return pr_fail(ps, "too many nested groups");
		ps->p += 2;
		g->kids = pr_seq(ps, 1);
		ps->depth--;
		if (ps->err)
			return g;
		if (ps->p[0] != '\\' || ps->p[1] != ')')
			return pr_fail(ps, "unmatched \\(");
		ps->p += 2;
		return g;
	}
	if (p[0] == '\\') {
		if (!p[1])
			return pr_fail(ps, "trailing backslash");
		if (p[1] >= '1' && p[1] <= '9')
			return pr_fail(ps, "back-references are not supported");
		if (p[1] == ')' || p[1] == '{' || p[1] == '}')
			return pr_fail(ps, in_group ? "bad \\{" : "unmatched \\)");
		ps->p += 2;
		return pr_char(ps, (unsigned char)p[1]);
	}
	ps->p++;
	if (p[0] == '.')
		return nd_new(ps, N_ANY);
	if (p[0] == '[')
		return pr_bracket(ps);
	if (p[0] == '^' && at_start)
		return nd_new(ps, N_BOL);
	if (p[0] == '$' && (!p[1] || (in_group && p[1] == '\\' && p[2] == ')')))
		return nd_new(ps, N_EOL);
	return pr_char(ps, (unsigned char)p[0]);
}

/* A sequence up to the end (or "\)" inside a group). */
static struct node *pr_seq(struct parser *ps, int in_group)
{
	struct node *head = NULL, **tail = &head, *n;
	int start = 1;

	while (*ps->p && !ps->err) {
		if (in_group && ps->p[0] == '\\' && ps->p[1] == ')')
			break;
		n = pr_atom(ps, in_group, start);
		if (!n)
			break;
		start = n->kind == N_BOL;
		*tail = n;
		tail = &n->next;
		for (;;) {
			if (*ps->p == '*' && n->kind != N_BOL) {
				ps->p++;
				n->min = 0;
				n->max = -1;
			} else if (ps->p[0] == '\\' && ps->p[1] == '{' &&
				   n->kind != N_BOL) {
				ps->p += 2;
				if (pr_interval(ps, n) < 0)
					pr_fail(ps, "bad \\{\\}");
				break;
			} else {
				break;
			}
		}
	}
	return head;
}

/* ---- code generation ---- */

static int emit(struct bre *re, enum op op, int x, int y)
{
	void *p;

	if (re->n >= BRE_MAX_PROG)
		return -1;
	if (re->n == re->cap) {
		re->cap = re->cap ? re->cap * 2 : 64;
		p = realloc(re->prog, re->cap * sizeof(*re->prog));
		if (!p)
			return -1;
		re->prog = p;
	}
	re->prog[re->n].op = op;
	re->prog[re->n].x = x;
	re->prog[re->n].y = y;
	return re->n++;
}

static int gen_seq(struct bre *re, const struct node *n);

static int gen_once(struct bre *re, const struct node *n)
{
	static const enum op ops[] = {
		[N_CHAR] = I_CHAR, [N_ANY] = I_ANY, [N_SET] = I_SET,
		[N_BOL] = I_BOL, [N_EOL] = I_EOL,
	};

	if (n->kind == N_GROUP)
		return gen_seq(re, n->kids);
	return emit(re, ops[n->kind], n->c, 0) < 0 ? -1 : 0;
}

static int gen_node(struct bre *re, const struct node *n)
{
	int i, split, loop;

	for (i = 0; i < n->min; i++)
		if (gen_once(re, n) < 0)
			return -1;
	if (n->max < 0) {
		loop = emit(re, I_SPLIT, 0, 0);
		if (loop < 0 || gen_once(re, n) < 0 ||
		    emit(re, I_JMP, loop, 0) < 0)
			return -1;
		re->prog[loop].x = loop + 1;
		re->prog[loop].y = re->n;
		return 0;
	}
	for (; i < n->max; i++) {
		split = emit(re, I_SPLIT, 0, 0);
		if (split < 0 || gen_once(re, n) < 0)
			return -1;
		re->prog[split].x = split + 1;
		re->prog[split].y = re->n;
	}
	return 0;
}

static int gen_seq(struct bre *re, const struct node *n)
{
	for (; n; n = n->next)
		if (gen_node(re, n) < 0)
			return -1;
	return 0;
}

struct bre *bre_compile(const char *pattern, int icase, const char **err)
{
	struct parser ps = { pattern, NULL, icase, 0, NULL };
	struct node *tree;

	ps.re = calloc(1, sizeof(*ps.re));
	if (!ps.re) {
		*err = "out of memory";
		return NULL;
	}
	tree = pr_seq(&ps, 0);
	if (!ps.err && *ps.p)
		ps.err = "unmatched \\)";
	if (!ps.err && (gen_seq(ps.re, tree) < 0 ||
			emit(ps.re, I_MATCH, 0, 0) < 0))
		ps.err = "pattern too large";
	nd_free(tree);
	if (ps.err) {
		*err = ps.err;
		bre_free(ps.re);
		return NULL;
	}
	return ps.re;
}

void bre_free(struct bre *re)
{
	if (!re)
		return;
	free(re->prog);
	free(re->sets);
	free(re);
}

/* ---- matching ---- */

struct tlist {
	int *pc, n;
	unsigned *mark;		/* generation stamp per instruction */
};

/* Add pc and its epsilon successors for position i. */
static int add(const struct bre *re, struct tlist *l, int pc, unsigned gen,
	       unsigned long i, unsigned long n, int *stack)
{
	int sp = 0;

	stack[sp++] = pc;
	while (sp) {
		pc = stack[--sp];
		if (l->mark[pc] == gen)
			continue;
		l->mark[pc] = gen;
		switch (re->prog[pc].op) {
		case I_JMP:
			stack[sp++] = re->prog[pc].x;
			break;
		case I_SPLIT:
			stack[sp++] = re->prog[pc].y;
			stack[sp++] = re->prog[pc].x;
			break;
		case I_BOL:
			if (i == 0)
				stack[sp++] = pc + 1;
			break;
		case I_EOL:
			if (i == n)
				stack[sp++] = pc + 1;
			break;
		case I_MATCH:
			return 1;
		default:
			l->pc[l->n++] = pc;
		}
	}
	return 0;
}

static int step_ok(const struct bre *re, const struct inst *in, int c)
{
	switch (in->op) {
	case I_CHAR: return in->x == c;
	case I_ANY: return c != '\n';
	case I_SET: return (re->sets[in->x][c >> 3] >> (c & 7)) & 1;
	default: return 0;
	}
}

int bre_match(const struct bre *re, const char *line, unsigned long n)
{
	struct tlist cur, next, t;
	int *stack = malloc((2 * (size_t)re->n + 2) * sizeof(int));
	unsigned gen = 1;
	unsigned long i;
	int hit = 0, k;

	cur.pc = malloc(re->n * sizeof(int));
	next.pc = malloc(re->n * sizeof(int));
	cur.mark = calloc(re->n, sizeof(unsigned));
	next.mark = cur.mark;
	if (!stack || !cur.pc || !next.pc || !cur.mark)
		goto out;
	cur.n = 0;
	hit = add(re, &cur, 0, gen, 0, n, stack);
	for (i = 0; i < n && !hit; i++) {
		gen++;
		next.n = 0;
		for (k = 0; k < cur.n && !hit; k++)
			if (step_ok(re, &re->prog[cur.pc[k]],
				    (unsigned char)line[i]))
				hit = add(re, &next, cur.pc[k] + 1, gen, i + 1,
					  n, stack);
		if (!hit)
			hit = add(re, &next, 0, gen, i + 1, n, stack);
		t = cur;
		cur = next;
		next = t;
	}
out:
	free(stack);
	free(cur.pc);
	free(next.pc);
	free(cur.mark);
	return hit;
}
