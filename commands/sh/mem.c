/*
 * commands/sh/mem.c - allocation: checked malloc, arenas for ASTs, growing
 * strings and string lists.
 *
 * Running out of memory is not recoverable in a shell that is half-way
 * through a command, so xmalloc prints a message and exits 2 (like a
 * syntax error in a script) instead of returning NULL to every caller.
 *
 * An arena is a chain of blocks freed all at once.  The parser allocates a
 * command's AST in one; the read-parse-execute loop holds one reference
 * while the command runs and every function defined from it holds another,
 * so a function body lives exactly as long as something can run it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

#define ARENA_BLOCK 4096

struct ablock {
	struct ablock *next;
	size_t used, size;
	char data[];
};

struct arena {
	struct ablock *blocks;
	int refs;
};

static void mem_fail(void)
{
	static const char msg[] = "sh: out of memory\n";

	if (write(2, msg, sizeof(msg) - 1) < 0)
		_exit(2);
	_exit(2);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		mem_fail();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		mem_fail();
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

/* A new arena with one reference (the caller's). */
struct arena *arena_new(void)
{
	struct arena *a = xmalloc(sizeof(*a));

	a->blocks = NULL;
	a->refs = 1;
	return a;
}

/* n bytes, aligned for any type, zeroed; lives until the arena dies. */
void *arena_alloc(struct arena *a, size_t n)
{
	struct ablock *b = a->blocks;
	size_t size;

	n = (n + 15) & ~(size_t)15;
	if (!b || b->size - b->used < n) {
		size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		b = xmalloc(sizeof(*b) + size);
		b->size = size;
		b->used = 0;
		b->next = a->blocks;
		a->blocks = b;
	}
	b->used += n;
	return memset(b->data + b->used - n, 0, n);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void arena_ref(struct arena *a)
{
	a->refs++;
}

/* Drop one reference; the last one frees every block. */
void arena_unref(struct arena *a)
{
	struct ablock *b, *next;

	if (!a || --a->refs > 0)
		return;
	for (b = a->blocks; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void sb_init(struct sbuf *b)
{
	b->s = NULL;
	b->n = b->cap = 0;
}

static void sb_grow(struct sbuf *b, size_t more)
{
	if (b->n + more + 1 <= b->cap)
		return;
	while (b->n + more + 1 > b->cap)
		b->cap = b->cap ? b->cap * 2 : 64;
	b->s = xrealloc(b->s, b->cap);
}

void sb_addc(struct sbuf *b, char c)
{
	sb_grow(b, 1);
	b->s[b->n++] = c;
	b->s[b->n] = '\0';
}

void sb_addn(struct sbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

void sb_adds(struct sbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

char *sb_take(struct sbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");

	sb_init(b);
	return s;
}

void sb_free(struct sbuf *b)
{
	free(b->s);
	sb_init(b);
}

void sl_init(struct strlist *l)
{
	l->v = NULL;
	l->n = l->cap = 0;
}

void sl_add(struct strlist *l, char *s)
{
	if (l->n + 2 > l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = s;
	l->v[l->n] = NULL;
}

void sl_free(struct strlist *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	sl_init(l);
}
