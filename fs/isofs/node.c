/*
 * node.c - the inode table: the nodes the front end holds references to.
 *
 * A node is created by mount (the root) and lookup, counted per reference
 * given out, and freed when fdr_putnode() drops the last one.  Numbers are
 * record positions (see iso.h), so the same file reached twice (say "." and
 * its name in the parent) is one node.  A node keeps what stat, read and
 * readlink need, so those never go back to the directory; a directory node
 * also remembers its parent and depth for the cycle check in lookup.c.
 * The table is a small hash; it is this file's only state.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "iso.h"

#define ISO_NODE_HASH	256

static struct iso_node *iso_nodes[ISO_NODE_HASH];

static struct iso_node **node_slot(ino_t ino)
{
	return &iso_nodes[(ino ^ ino >> 8 ^ ino >> 16) % ISO_NODE_HASH];
}

struct iso_node *iso_node_find(ino_t ino)
{
	struct iso_node *n;

	for (n = *node_slot(ino); n != NULL; n = n->hnext)
		if (n->ino == ino)
			return n;
	return NULL;
}

static struct iso_node *node_new(ino_t ino)
{
	struct iso_node *n = calloc(1, sizeof(*n));
	struct iso_node **slot = node_slot(ino);

	if (n == NULL)
		return NULL;
	n->ino = ino;
	n->refs = 1;
	n->hnext = *slot;
	*slot = n;
	return n;
}

int iso_node_dir(uint32_t lba, ino_t parent, unsigned int depth,
    struct iso_node **np)
{
	struct iso_entry e;
	struct iso_node *n;
	int r;

	if (lba < ISO_VD_FIRST_BLOCK) {
		fsdriver_log("isofs: directory in the system area (block %u)",
		    lba);
		return -EIO;
	}
	n = iso_node_find((ino_t)lba * 64);
	if (n != NULL) {
		if (n->parent == 0 && parent != 0) {	/* learnt it now */
			n->parent = parent;
			n->depth = depth;
		}
		n->refs++;
		*np = n;
		return OK;
	}
	r = iso_dir_self(lba, &e);
	if (r != OK)
		return r;
	n = node_new(e.ino);
	if (n != NULL) {
		n->dir_lba = lba;
		n->attr = e.attr;
		n->parent = parent;
		n->depth = depth;
	}
	iso_entry_free(&e);
	*np = n;
	return n != NULL ? OK : -ENOMEM;
}

/* Are the data extents of a file inside the image? */
static bool node_extents_ok(const struct iso_entry *e)
{
	unsigned int i;

	for (i = 0; i < e->nextents; i++) {
		const struct iso_extent *x = &e->extents[i];

		if (x->len != 0 && (x->lba > iso_vol.blocks ||
		    !iso_range_ok(x->lba * ISO_BLOCK_SIZE, x->len)))
			return false;
	}
	return true;
}

int iso_node_file(struct iso_entry *e, struct iso_node **np)
{
	struct iso_node *n;

	n = iso_node_find(e->ino);
	if (n != NULL) {
		n->refs++;
		*np = n;
		return OK;
	}
	if (S_ISREG(e->attr.mode) && !node_extents_ok(e)) {
		fsdriver_log("isofs: \"%s\": data outside the image", e->name);
		return -EIO;
	}
	n = node_new(e->ino);
	if (n == NULL)
		return -ENOMEM;
	n->attr = e->attr;
	n->nextents = e->nextents;
	n->extents = e->extents;
	n->link = e->link;
	n->linklen = e->linklen;
	e->extents = NULL;
	e->link = NULL;
	*np = n;
	return OK;
}

int iso_node_get(ino_t ino, struct iso_node **np)
{
	*np = iso_node_find(ino);
	return *np != NULL ? OK : -EINVAL;
}

void iso_node_ref(struct iso_node *n)
{
	n->refs++;
}

static void node_free(struct iso_node *n)
{
	struct iso_node **pp = node_slot(n->ino);

	while (*pp != n)
		pp = &(*pp)->hnext;
	*pp = n->hnext;
	free(n->extents);
	free(n->link);
	fsdriver_nameidx_free(&n->names);
	free(n);
}

int iso_node_put(ino_t ino, unsigned int count)
{
	struct iso_node *n = iso_node_find(ino);

	if (n == NULL || count > n->refs) {
		fsdriver_log("isofs: putnode %llu (%u): not held",
		    (unsigned long long)ino, count);
		return -EINVAL;
	}
	n->refs -= count;
	if (n->refs == 0)
		node_free(n);
	return OK;
}

void iso_node_free_all(void)
{
	size_t i;

	for (i = 0; i < ISO_NODE_HASH; i++)
		while (iso_nodes[i] != NULL)
			node_free(iso_nodes[i]);
}

void iso_node_fill(const struct iso_node *n, struct fsdriver_node *fn)
{
	fn->fn_ino_nr = n->ino;
	fn->fn_mode = n->attr.mode;
	fn->fn_size = (off_t)n->attr.size;
	fn->fn_uid = n->attr.uid;
	fn->fn_gid = n->attr.gid;
	fn->fn_dev = n->attr.rdev;
}
