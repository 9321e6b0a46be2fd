/*
 * node.c - the inodes the caller holds; lookup, putnode, stat.
 *
 * A romfs inode is its header, which can be read again from its number
 * at any time, so the only in-memory state is a reference count per inode
 * handed out (a small hash table): enough to tell a bad putnode from a
 * good one, as fsdriver.h asks.  Lookup walks the directory's entries in
 * order; "." and ".." are entries on disk (hard links), so ".." needs no
 * parent pointer.  The walk is bounded by the image size.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "romfs.h"

#define ROMFS_NHASH	256

struct romfs_node {
	uint32_t ino;
	unsigned int count;
	struct romfs_node *next;
};

static struct romfs_node *romfs_hash[ROMFS_NHASH];

static struct romfs_node **romfs_slot(uint32_t ino)
{
	return &romfs_hash[(ino / ROMFS_ALIGN) % ROMFS_NHASH];
}

/* Take one reference to 'ino'. */
int romfs_node_ref(ino_t ino)
{
	struct romfs_node *n;

	for (n = *romfs_slot((uint32_t)ino); n != NULL; n = n->next)
		if (n->ino == ino) {
			n->count++;
			return OK;
		}
	if ((n = malloc(sizeof(*n))) == NULL)
		return -ENOMEM;
	n->ino = (uint32_t)ino;
	n->count = 1;
	n->next = *romfs_slot(n->ino);
	*romfs_slot(n->ino) = n;
	return OK;
}

/* fdr_putnode */
int romfs_putnode(ino_t ino, unsigned int count)
{
	struct romfs_node **pp, *n;

	for (pp = romfs_slot((uint32_t)ino); (n = *pp) != NULL; pp = &n->next)
		if (n->ino == ino)
			break;
	if (n == NULL || count == 0 || count > n->count) {
		fsdriver_log("romfs: putnode(%lu, %u) without references",
		    (unsigned long)ino, count);
		return -EINVAL;
	}
	if ((n->count -= count) == 0) {
		*pp = n->next;
		free(n);
	}
	return OK;
}

void romfs_node_free_all(void)
{
	struct romfs_node *n;
	unsigned int i;

	for (i = 0; i < ROMFS_NHASH; i++)
		while ((n = romfs_hash[i]) != NULL) {
			romfs_hash[i] = n->next;
			free(n);
		}
}

void romfs_fill_node(const struct romfs_file *f, struct fsdriver_node *n)
{
	n->fn_ino_nr = f->off;
	n->fn_mode = romfs_mode(f);
	n->fn_size = f->type == ROMFS_DIR ? 0 : (off_t)f->size;
	n->fn_uid = 0;
	n->fn_gid = 0;
	n->fn_dev = f->type == ROMFS_BLKDEV || f->type == ROMFS_CHRDEV ?
	    makedev(f->spec >> 16, f->spec & 0xffff) : 0;
}

/* Find 'name' among the entries of directory 'dir'; *f is the file it
 * names (hard links followed).  -ENOENT, -ENOTDIR or -EIO. */
int romfs_dir_find(uint32_t dir, const char *name, struct romfs_file *f)
{
	char ename[ROMFS_MAXFN];
	struct romfs_file d, e;
	uint32_t off, steps = romfs_vol.size / ROMFS_ALIGN;
	unsigned int type;
	int r;

	if ((r = romfs_file_get(dir, &d)) != OK)
		return r;
	if (d.type != ROMFS_DIR)
		return -ENOTDIR;
	for (off = d.spec & ROMFS_OFF_MASK; off != 0; off = e.next) {
		if (steps-- == 0)
			return -EIO;
		if ((r = romfs_hdr_read(off, &e, ename, &type)) != OK)
			return r;
		if (strcmp(ename, name) == 0)
			return romfs_file_get(off, f);
	}
	return -ENOENT;
}

/* fdr_lookup: "." and ".." are entries like the others. */
int romfs_lookup(ino_t dir, const char *name, struct fsdriver_node *node)
{
	struct romfs_file f;
	int r;

	if ((r = romfs_dir_find((uint32_t)dir, name, &f)) != OK ||
	    (r = romfs_node_ref(f.off)) != OK)
		return r;
	romfs_fill_node(&f, node);
	return OK;
}

/* fdr_stat: romfs has no owners, times or link counts. */
int romfs_stat(ino_t ino, struct stat *st)
{
	struct fsdriver_node n;
	struct romfs_file f;
	int r;

	if ((r = romfs_file_get((uint32_t)ino, &f)) != OK)
		return r;
	romfs_fill_node(&f, &n);
	st->st_mode = n.fn_mode;
	st->st_nlink = 1;
	st->st_rdev = n.fn_dev;
	st->st_size = n.fn_size;
	st->st_blksize = ROMFS_BLOCK_SIZE;
	st->st_blocks = (n.fn_size + 511) / 512;
	return OK;
}
