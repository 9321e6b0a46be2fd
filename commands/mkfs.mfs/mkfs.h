/*
 * mkfs.h - mkfs.mfs inside: the layout calculator, the image writer and the
 * source-tree scanner, with one entry point (mkfs_run) that main.c and the
 * unit tests call.
 *
 * Flow: validate options -> scan the source tree (-d) -> size the file
 * system (layout) -> prepare the image file -> write the tree, allocating
 * inodes and zones in one deterministic order -> write the inode table,
 * bitmaps and superblock last.  Nothing depends on readdir order, the clock
 * or source atimes/ctimes (with -T) or on bytes already in the image, so the
 * output is reproducible.
 */
#ifndef MKFS_H
#define MKFS_H

#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include "../mfsutil/mfsutil.h"

/* Exit codes (mkfs convention). */
#define MKFS_EXIT_OK	0
#define MKFS_EXIT_USAGE	16
#define MKFS_EXIT_OPER	8

#define MKFS_MAX_DEVTAB	8

struct mkfs_opts {
	const char *image;
	const char *srcdir;		/* -d, or NULL */
	const char *devtab[MKFS_MAX_DEVTAB];	/* -D tables, in order */
	int ndevtab;
	int version;			/* 1, 2 or 3 */
	unsigned int block_size;
	unsigned int name_max;		/* 14, 30 or 60 */
	uint64_t blocks;		/* 0: from the image size */
	uint64_t inodes;		/* 0: default */
	int have_time;			/* -T given */
	uint32_t time;
	int quiet;			/* no summary on stdout */
};

/* A node of the source tree. */
struct mkfs_node {
	char *name;
	char *path;			/* source path */
	struct stat st;
	struct mkfs_node *parent;
	struct mkfs_node **kids;	/* directories: sorted by name */
	size_t nkids;
	struct mkfs_group *group;	/* hard-linked non-directories */
	uint32_t ino;
	int nosrc;			/* made by a device table: no */
};					/* source file to read */

/* Non-directories sharing one source inode: one MFS inode. */
struct mkfs_group {
	dev_t dev;
	ino_t ino;
	uint32_t mino;			/* 0 until assigned */
	uint32_t count;			/* links inside the tree */
};

struct mkfs_tree {
	struct mkfs_node *root;
	struct mkfs_group *groups;
	size_t ngroups;
	uint64_t inodes;		/* distinct inodes needed */
	uint64_t blocks;		/* data + index blocks, upper bound */
	int skip;			/* leave out the file skip_dev/ino */
	dev_t skip_dev;			/* (the image, when it is inside */
	ino_t skip_ino;			/* the tree) */
};

/* Make the file system described by 'o'; messages go to stderr.  Returns
 * an exit code (MKFS_EXIT_*). */
int mkfs_run(const struct mkfs_opts *o);

/* The host-specific steps, sys_linux.c (host) or sys_posix.c (Mica),
 * chosen by module.mk: zero bytes [0, bytes) of the regular file fd,
 * keeping its size (0 or a negative errno); the open flag that keeps a
 * source directory's access time (0 where there is none). */
int mkfs_zero_range(int fd, uint64_t bytes);
extern const int mkfs_noatime;

/* Compute the superblock geometry and counts for 'blocks' blocks and about
 * 'inodes' inodes (0: default).  Returns OK or -EINVAL with 'why'. */
int mkfs_layout(struct mfs_sb *sb, int version, unsigned int block_size,
    unsigned int name_max, uint64_t blocks, uint64_t inodes, char *why,
    size_t whylen);

/* The default inode count for a device of 'bytes' bytes. */
uint64_t mkfs_default_inodes(uint64_t bytes);

/* Fill the raw 1024 superblock bytes from sb, marked clean. */
void mkfs_super_encode(const struct mfs_sb *sb, void *raw);

/* Blocks (data + index) a file of 'nblocks' data blocks needs. */
uint64_t mkfs_file_blocks(const struct mfs_sb *sb, uint64_t nblocks);

/* Scan 'dir' into 'tree', checking what the format 'sb' can hold (only the
 * geometry fields of sb are used) and leaving out the file 'skip' names
 * (the image itself), if any.  Returns OK or -errno after printing an
 * error naming the file. */
int mkfs_scan(struct mkfs_tree *tree, const char *dir,
    const struct mfs_sb *sb, const char *skip);
void mkfs_tree_free(struct mkfs_tree *tree);

/* Editing the scanned tree (device tables, mkfs_devtab.c).  Nodes made
 * here have no source file (nosrc): regular files are empty.  A tree with
 * no root gets an empty one (mkfs_tree_root) described by 'st'. */
int mkfs_tree_root(struct mkfs_tree *tree, const struct stat *st,
    const struct mfs_sb *sb);
struct mkfs_node *mkfs_tree_child(const struct mkfs_node *d,
    const char *name);
int mkfs_tree_add(struct mkfs_tree *tree, struct mkfs_node *d,
    const char *name, const struct stat *st, const struct mfs_sb *sb);
/* Check the edited tree again (links, what the format holds). */
int mkfs_tree_recheck(struct mkfs_tree *tree, const struct mfs_sb *sb);

/* Apply the device table 'file' (genext2fs's format, see mkfs_devtab.c)
 * to 'tree'.  Returns OK or -errno after a message naming the line. */
int mkfs_devtable(struct mkfs_tree *tree, const char *file,
    const struct mfs_sb *sb);

/* Write the tree (or an empty root when tree->root is NULL) into the
 * prepared image o->image with geometry 'sb', through libminixfs, and make
 * it durable.  Returns OK or -errno after a message. */
int mkfs_write(const struct mfs_sb *sb, const struct mkfs_tree *tree,
    const struct mkfs_opts *o);

#endif /* MKFS_H */
