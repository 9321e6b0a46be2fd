/*
 * mfsutil.h - what mkfs.mfs and fsck.mfs share: an image opened through
 * libminixfs for block I/O, and bitmaps held in memory.
 *
 * The tools reach the image the way the MFS server does: the device seam
 * and block cache of libminixfs (on the host an image file or block device
 * through lmfs_file_dev_open, in Mica a block driver), so they can run in
 * Mica as well.  The on-disk knowledge itself (format header, superblock
 * decoder, record codec) is the MFS server's, from fs/mfs/.
 *
 * Everything here validates before it indexes: block numbers are checked
 * against the image, inode numbers against s_ninodes, and a directory entry
 * name is never read past the format's name length.
 */
#ifndef MFSUTIL_H
#define MFSUTIL_H

#include <stdint.h>
#include <stddef.h>
#include "../../fs/mfs/mfs_sb.h"
#include "../../fs/mfs/mfs_codec.h"
#include <mica/libminixfs.h>

#ifndef OK
#define OK 0
#endif

/* An open image: its device in the cache, its size (for mkfs: the file
 * system's) and its decoded superblock. */
struct mfsu_img {
	dev_t dev;			/* registered with libminixfs */
	void *ctx;			/* the device seam's handle */
	uint64_t dev_bytes;
	struct mfs_sb sb;
	uint8_t super[MFS_SUPER_SIZE];	/* raw superblock bytes */
};

/* A bitmap of 'nbits' bits (the capacity of its on-disk blocks). */
struct mfsu_map {
	uint8_t *bits;
	uint32_t nblocks;
	uint64_t nbits;
};

/* Read/write one whole block through the cache; -EIO past the image, or
 * the cache's error.  Writes reach the image at mfsu_sync/mfsu_close. */
int mfsu_read_block(const struct mfsu_img *img, uint64_t blk, void *buf);
int mfsu_write_block(const struct mfsu_img *img, uint64_t blk,
    const void *buf);

/* Open the image at 'path' (read-write if 'writable'), read and decode its
 * superblock and set the cache's block size.  OK, or a negative errno with
 * a sentence in 'why' (-EINVAL: not a MINIX file system this code can use,
 * why starts "bad superblock:"). */
int mfsu_open(struct mfsu_img *img, const char *path, int writable,
    char *why, size_t whylen);

/* Open the image at 'path' read-write for a new file system of geometry
 * 'sb' (mkfs: nothing is read).  -ENOSPC if the image is too small. */
int mfsu_create(struct mfsu_img *img, const char *path,
    const struct mfs_sb *sb);

/* Write img->super back to the image (through the cache). */
int mfsu_write_super(const struct mfsu_img *img);

/* Write back every dirty block and make the image durable. */
int mfsu_sync(const struct mfsu_img *img);

/* mfsu_sync, then detach and close the image; the sync's result. */
int mfsu_close(struct mfsu_img *img);

/* Size in bytes of the image at 'path' (a file or block device), as the
 * device seam sees it; -errno on failure. */
int mfsu_image_size(const char *path, uint64_t *bytes);

/* Bitmaps: allocate (zeroed) 'nblocks' blocks, load/store at block 'start'. */
int mfsu_map_init(struct mfsu_map *m, const struct mfs_sb *sb,
    uint32_t nblocks);
int mfsu_map_load(struct mfsu_map *m, const struct mfsu_img *img,
    uint32_t start, uint32_t nblocks);
int mfsu_map_store(const struct mfsu_map *m, const struct mfsu_img *img,
    uint32_t start);
void mfsu_map_free(struct mfsu_map *m);
int mfsu_map_test(const struct mfsu_map *m, uint64_t bit);
void mfsu_map_set(struct mfsu_map *m, uint64_t bit, int on);

#endif /* MFSUTIL_H */
