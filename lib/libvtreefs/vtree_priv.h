/*
 * vtree_priv.h - inside libvtreefs (include/mica/vtreefs.h): the pool
 * (tree.c), node lookup by inode number, the generation cache (gen.c).
 */
#ifndef LIBVTREEFS_VTREE_PRIV_H
#define LIBVTREEFS_VTREE_PRIV_H

#include <errno.h>
#include <sys/stat.h>

#include <mica/vtreefs.h>

#define VTREE_F_USED	 0x1	/* the slot holds a node */
#define VTREE_F_DETACHED 0x2	/* removed, kept for its references */

#define VTREE_SEQ_FIRST	 2	/* listing positions 0, 1: ".", ".." */

/* tree.c */
ino_t vtree_ino(const struct vtree_node *node);
/* The node numbered ino, detached ones too; NULL if none. */
struct vtree_node *vtree_by_ino(ino_t ino);
/* Slots of the pool. */
unsigned int vtree_pool_size(void);
/* Free a detached node nobody holds. */
void vtree_release(struct vtree_node *node);
static inline int vtree_detached(const struct vtree_node *node)
{
	return (node->vn_flags & VTREE_F_DETACHED) != 0;
}

/* gen.c: node's content, generated anew (fresh) or the cached one made
 * by its last fresh generation; *len its bytes.  OK or -errno. */
int vtree_content(struct vtree_node *node, int fresh, const char **data,
    size_t *len);
/* Forget every cached generation (a new tree). */
void vtree_gen_reset(void);

#endif /* LIBVTREEFS_VTREE_PRIV_H */
