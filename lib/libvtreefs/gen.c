/*
 * gen.c - generations: a file's bytes as its vt_generate makes them, and
 * the small cache that lets reads at later positions slice the generation
 * the last read at position 0 made (include/mica/vtreefs.h).  The cache
 * is keyed by inode number, which changes when a slot is reused, so a
 * freed node's text is never served for another.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "vtree_priv.h"

struct gen {
	ino_t ino;			/* 0: empty */
	unsigned long used;		/* LRU stamp */
	size_t len;
	char data[VTREE_BUF_MAX];
};

static struct gen gens[VTREE_GENS_CACHED];
static unsigned long gen_clock;

void vtree_gen_reset(void)
{
	for (unsigned int i = 0; i < VTREE_GENS_CACHED; i++)
		gens[i].ino = 0;
}

void vtree_put(struct vtree_buf *b, const void *p, size_t n)
{
	size_t room = b->vb_size - b->vb_len;

	if (n > room) {
		n = room;
		b->vb_cut = 1;
	}
	memcpy(b->vb_data + b->vb_len, p, n);
	b->vb_len += n;
}

void vtree_printf(struct vtree_buf *b, const char *fmt, ...)
{
	size_t room = b->vb_size - b->vb_len;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(b->vb_data + b->vb_len, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= room) {	/* cut: keep what fitted, no NUL */
		b->vb_len = b->vb_size;
		b->vb_cut = 1;
		return;
	}
	b->vb_len += (size_t)n;
}

static struct gen *gen_find(ino_t ino)
{
	for (unsigned int i = 0; i < VTREE_GENS_CACHED; i++)
		if (gens[i].ino == ino)
			return &gens[i];
	return NULL;
}

static struct gen *gen_victim(void)
{
	struct gen *v = &gens[0];

	for (unsigned int i = 0; i < VTREE_GENS_CACHED; i++) {
		if (gens[i].ino == 0)
			return &gens[i];
		if (gens[i].used < v->used)
			v = &gens[i];
	}
	return v;
}

int vtree_content(struct vtree_node *node, int fresh, const char **data,
    size_t *len)
{
	ino_t ino = vtree_ino(node);
	struct gen *g = gen_find(ino);
	struct vtree_buf b;
	int r;

	if (g == NULL || fresh) {
		if (node->vn_ops == NULL || node->vn_ops->vt_generate == NULL)
			return -EIO;
		if (g == NULL)
			g = gen_victim();
		g->ino = 0;		/* empty until generated */
		b.vb_data = g->data;
		b.vb_size = sizeof(g->data);
		b.vb_len = 0;
		b.vb_cut = 0;
		if ((r = node->vn_ops->vt_generate(node, &b)) != OK)
			return r;
		g->ino = ino;
		g->len = b.vb_len;
	}
	g->used = ++gen_clock;
	*data = g->data;
	*len = g->len;
	return OK;
}
