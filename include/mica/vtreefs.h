/*
 * vtreefs.h - virtual trees on libfsdriver (lib/libvtreefs): a read-only
 * file system whose nodes live in memory and whose bytes are made at read
 * time, for procfs and its like (MINIX's libvtreefs, Linux's seq_file).
 *
 * The tree.  Nodes come from a pool the user hands to vtree_init (its
 * size is the limit: vtree_add says ENOSPC when it is used up).  A node is
 * a directory, a regular file or a symbolic link, with a name (1..
 * VTREE_NAME_MAX bytes, unique in its directory), an owner, a mode, an
 * ops table and a user pointer.  Its inode number is made of its pool
 * slot and a generation that changes whenever the slot is reused, as many
 * generations as ino_t has room for (Mica's is 16 bits: a pool of 2048
 * gets 31), so a number does not name two nodes in a short time.
 *
 * Changing directories.  A directory's vt_refresh runs before every
 * lookup in it and before a listing starts (getdents at position 0); it
 * adds and removes children (vtree_add, vtree_remove) to match the world
 * (procfs: the PID directories).  A removed node leaves the namespace at
 * once; while the front end still holds references to it (fsdriver.h's
 * counting) it stays in the pool, detached: stat works, reads and lookups
 * in it are ENOENT, and the last fdr_putnode frees it.  A listing resumes
 * by sequence number (each node gets the next one when added, and
 * children are kept in that order), so entries removed or added while a
 * directory is listed in several calls never make it skip or repeat one
 * that stayed.
 *
 * Bytes.  A regular file's or link's vt_generate writes its whole content
 * into a struct vtree_buf (vtree_printf, vtree_put): at most
 * VTREE_BUF_MAX bytes, the rest cut (a generator need not check).  Reads
 * are slices of one generation: a read at position 0 generates anew, a
 * read at any other position slices the generation the node's last read
 * at 0 made (kept in a small cache of the last VTREE_GENS_CACHED ones;
 * one no longer there, or never made, is generated then), so `cat`
 * reading 4 KiB at a time sees one consistent text.  stat reports size 0
 * for a regular file, as Linux's /proc does: a size would mean
 * generating on every stat, and the text may change before the read.
 * Links report their target's length.
 *
 * Read-only: the table has no modifying entry, so the front end answers
 * EROFS to all of them, and mount reports FSDRIVER_RES_RDONLY.  One tree
 * per process (a server serves one mount).
 */
#ifndef MICA_VTREEFS_H
#define MICA_VTREEFS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <mica/fsdriver.h>

#define VTREE_NAME_MAX		31	/* bytes of a name, NUL not counted */
#define VTREE_BUF_MAX		16384	/* bytes one generation may hold */
#define VTREE_GENS_CACHED	4	/* generations kept for later slices */

struct vtree_node;
struct vtree_buf;

struct vtree_ops {
	/* Directories: bring the children up to date.  OK or -errno (the
	 * lookup or listing then fails with it). */
	int (*vt_refresh)(struct vtree_node *dir);
	/* Files and links: the content into buf.  OK or -errno. */
	int (*vt_generate)(struct vtree_node *node, struct vtree_buf *buf);
};

/* One node.  Fields are the library's; use the functions below. */
struct vtree_node {
	uint32_t vn_slot_gen;		/* generation of this pool slot */
	uint32_t vn_seq;		/* listing order in the parent */
	mode_t vn_mode;
	uid_t vn_uid;
	gid_t vn_gid;
	unsigned int vn_refs;		/* the front end's references */
	unsigned int vn_flags;		/* VTREE_F_* (vtree.c) */
	struct vtree_node *vn_parent;
	struct vtree_node *vn_child, *vn_last, *vn_next, *vn_prev;
	const struct vtree_ops *vn_ops;
	void *vn_data;
	char vn_name[VTREE_NAME_MAX + 1];
};

struct vtree_buf {
	char *vb_data;
	size_t vb_size;			/* bytes vb_data holds */
	size_t vb_len;			/* bytes written */
	int vb_cut;			/* something did not fit */
};

/* Set up the tree in pool[0..n) (n >= 1, at most 65535 and what ino_t
 * numbers): the root, a
 * directory of 'mode' permission bits with 'ops' and 'data'.  Returns it,
 * or NULL for a bad n. */
struct vtree_node *vtree_init(struct vtree_node *pool, unsigned int n,
    mode_t mode, const struct vtree_ops *ops, void *data);

/* A new child of dir: mode is S_IFDIR, S_IFREG or S_IFLNK with
 * permission bits; owner root.  *out gets it.  -EEXIST (the name is
 * taken), -ENOTDIR, -EINVAL (bad name or type), -ENOSPC (pool full),
 * -ENOENT (dir was removed). */
int vtree_add(struct vtree_node *dir, const char *name, mode_t mode,
    const struct vtree_ops *ops, void *data, struct vtree_node **out);
/* Take node and everything below it out of the tree (not the root). */
void vtree_remove(struct vtree_node *node);
void vtree_set_owner(struct vtree_node *node, uid_t uid, gid_t gid);

struct vtree_node *vtree_root(void);
/* The child of dir called name, or NULL. */
struct vtree_node *vtree_find(const struct vtree_node *dir, const char *name);
/* dir's children in listing order: first, then next until NULL.  A loop
 * may remove the node it stands on once it has taken its next. */
struct vtree_node *vtree_first(const struct vtree_node *dir);
struct vtree_node *vtree_next(const struct vtree_node *node);
static inline void *vtree_data(const struct vtree_node *node)
{
	return node->vn_data;
}
static inline const char *vtree_name(const struct vtree_node *node)
{
	return node->vn_name;
}
static inline struct vtree_node *vtree_parent(const struct vtree_node *node)
{
	return node->vn_parent;
}
/* Nodes in use (tree and detached), for tests and statvfs. */
unsigned int vtree_used(void);

/* Append to a generation: formatted, or n bytes (NULs allowed). */
void vtree_printf(struct vtree_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void vtree_put(struct vtree_buf *b, const void *p, size_t n);

/* The fsdriver table of the tree (vtree_init first). */
extern const struct fsdriver vtree_table;

#endif /* MICA_VTREEFS_H */
