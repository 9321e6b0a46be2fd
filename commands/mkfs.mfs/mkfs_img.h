/*
 * mkfs_img.h - the image being written by mkfs.mfs, shared by the
 * allocator (mkfs_alloc.c) and the writer (mkfs_write.c).  The inode table
 * and bitmaps live in memory until the end; data goes straight to the image.
 */
#ifndef MKFS_IMG_H
#define MKFS_IMG_H

#include "mkfs.h"

struct mkfs_img {
	struct mfsu_img img;
	struct mfsu_map imap, zmap;
	uint8_t *itable;
	uint8_t *blk;			/* scratch block for data */
	uint8_t *ind;			/* scratch block for indirect blocks */
	uint32_t next_ino;
	uint32_t next_zone;
	uint32_t now;
	const struct mkfs_opts *o;
};

/* Allocate the next inode number; -ENOSPC when none is left. */
int mkfs_new_ino(struct mkfs_img *m, uint32_t *n);

/* Write 'buf' (one block) as block 'idx' of the file 'ino', allocating its
 * zone and any indirect block on the way; -EFBIG past the format's reach. */
int mkfs_put_block(struct mkfs_img *m, struct mfs_dinode *ino, uint64_t idx,
    const void *buf);

/* Encode inode 'n' into the in-memory table and mark it in use. */
void mkfs_store_inode(struct mkfs_img *m, uint32_t n,
    const struct mfs_dinode *ino);

#endif /* MKFS_IMG_H */
