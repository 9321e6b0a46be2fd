/*
 * tree.c - the nodes of a virtual tree: a pool of slots, children in
 * doubly linked lists kept in sequence order, inode numbers made of slot
 * and slot generation (include/mica/vtreefs.h has the design):
 *
 *	ino = (generation mod gens) * slots + slot + 1
 *
 * where gens is how many times the pool fits in the largest ino_t (Mica's
 * newlib has a 16-bit ino_t: a pool of 2048 leaves 31 generations).
 */
#include <string.h>

#include "vtree_priv.h"

#define VTREE_SLOTS_MAX	65535u
#define VTREE_INO_MAX	0x7fffffffu	/* at most; ino_t may be smaller */

static struct vtree_node *pool;
static unsigned int pool_n, pool_used;
static uint32_t next_seq;
static struct vtree_node *root;
static uint32_t gens;			/* generations an inode number tells */

/* The largest inode number: ino_t's, at most VTREE_INO_MAX. */
static uint32_t ino_max(void)
{
	uint64_t all = (ino_t)~(ino_t)0;	/* via a variable: no
						   always-false warning */

	return all > VTREE_INO_MAX ? VTREE_INO_MAX : (uint32_t)all;
}

ino_t vtree_ino(const struct vtree_node *node)
{
	return (ino_t)((node->vn_slot_gen % gens) * pool_n +
	    (uint32_t)(node - pool) + 1);
}

struct vtree_node *vtree_by_ino(ino_t ino)
{
	uint64_t x = (uint64_t)ino;
	uint32_t slot, gen;
	struct vtree_node *n;

	if (pool == NULL || x == 0 || x > ino_max())
		return NULL;
	slot = (uint32_t)((x - 1) % pool_n);
	gen = (uint32_t)((x - 1) / pool_n);
	n = &pool[slot];
	if (!(n->vn_flags & VTREE_F_USED) || gen != n->vn_slot_gen % gens)
		return NULL;
	return n;
}

static struct vtree_node *slot_alloc(void)
{
	for (unsigned int i = 0; i < pool_n; i++)
		if (!(pool[i].vn_flags & VTREE_F_USED)) {
			uint32_t gen = pool[i].vn_slot_gen;

			memset(&pool[i], 0, sizeof(pool[i]));
			pool[i].vn_slot_gen = gen;
			pool[i].vn_flags = VTREE_F_USED;
			pool_used++;
			return &pool[i];
		}
	return NULL;
}

void vtree_release(struct vtree_node *node)
{
	node->vn_flags = 0;
	node->vn_slot_gen++;
	pool_used--;
}

struct vtree_node *vtree_init(struct vtree_node *p, unsigned int n,
    mode_t mode, const struct vtree_ops *ops, void *data)
{
	if (p == NULL || n == 0 || n > VTREE_SLOTS_MAX || n > ino_max())
		return NULL;
	gens = ino_max() / n;
	memset(p, 0, n * sizeof(*p));
	pool = p;
	pool_n = n;
	pool_used = 0;
	next_seq = VTREE_SEQ_FIRST;
	vtree_gen_reset();
	root = slot_alloc();
	root->vn_mode = S_IFDIR | (mode & 07777);
	root->vn_ops = ops;
	root->vn_data = data;
	root->vn_parent = root;
	root->vn_name[0] = '/';
	return root;
}

struct vtree_node *vtree_root(void)
{
	return root;
}

static int name_ok(const char *name)
{
	size_t l = strnlen(name, VTREE_NAME_MAX + 1);

	return l > 0 && l <= VTREE_NAME_MAX && strchr(name, '/') == NULL &&
	    strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

int vtree_add(struct vtree_node *dir, const char *name, mode_t mode,
    const struct vtree_ops *ops, void *data, struct vtree_node **out)
{
	struct vtree_node *n;

	if (!S_ISDIR(dir->vn_mode))
		return -ENOTDIR;
	if (vtree_detached(dir))
		return -ENOENT;
	if (!name_ok(name) || (!S_ISDIR(mode) && !S_ISREG(mode) &&
	    !S_ISLNK(mode)))
		return -EINVAL;
	if (vtree_find(dir, name) != NULL)
		return -EEXIST;
	if ((n = slot_alloc()) == NULL)
		return -ENOSPC;
	n->vn_mode = mode & (S_IFMT | 07777);
	n->vn_ops = ops;
	n->vn_data = data;
	n->vn_seq = next_seq++;
	strcpy(n->vn_name, name);
	n->vn_parent = dir;
	n->vn_prev = dir->vn_last;
	if (dir->vn_last)
		dir->vn_last->vn_next = n;
	else
		dir->vn_child = n;
	dir->vn_last = n;
	if (out)
		*out = n;
	return OK;
}

/* Detach node and its subtree; free what nobody holds. */
static void detach(struct vtree_node *node)
{
	struct vtree_node *c, *next;

	for (c = node->vn_child; c != NULL; c = next) {
		next = c->vn_next;
		detach(c);
	}
	node->vn_child = node->vn_last = NULL;
	node->vn_next = node->vn_prev = NULL;
	node->vn_parent = NULL;
	node->vn_flags |= VTREE_F_DETACHED;
	if (node->vn_refs == 0)
		vtree_release(node);
}

void vtree_remove(struct vtree_node *node)
{
	struct vtree_node *dir = node->vn_parent;

	if (node == root || vtree_detached(node))
		return;
	if (node->vn_prev)
		node->vn_prev->vn_next = node->vn_next;
	else
		dir->vn_child = node->vn_next;
	if (node->vn_next)
		node->vn_next->vn_prev = node->vn_prev;
	else
		dir->vn_last = node->vn_prev;
	detach(node);
}

void vtree_set_owner(struct vtree_node *node, uid_t uid, gid_t gid)
{
	node->vn_uid = uid;
	node->vn_gid = gid;
}

struct vtree_node *vtree_find(const struct vtree_node *dir, const char *name)
{
	for (struct vtree_node *c = dir->vn_child; c != NULL; c = c->vn_next)
		if (strcmp(c->vn_name, name) == 0)
			return c;
	return NULL;
}

struct vtree_node *vtree_first(const struct vtree_node *dir)
{
	return dir->vn_child;
}

struct vtree_node *vtree_next(const struct vtree_node *node)
{
	return node->vn_next;
}

unsigned int vtree_pool_size(void)
{
	return pool_n;
}

unsigned int vtree_used(void)
{
	return pool_used;
}
