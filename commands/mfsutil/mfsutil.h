/*
 * mfsutil.h - what mkfs.mfs and fsck.mfs share: an image opened for block
 * I/O, inodes and directory entries in one version-independent form, and
 * bitmaps held in memory.
 *
 * The host tools touch the image with plain pread/pwrite rather than through
 * libminixfs: mkfs writes each block once, in order, and fsck reads whole
 * tables into memory, so a cache would only add copies; and plain I/O keeps
 * the tools free of the cache's state while it is being developed.  The
 * on-disk knowledge itself (format header, superblock decoding) is the MFS
 * server's, from fs/mfs/.
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

#ifndef OK
#define OK 0
#endif

/* An open image: the file, its size and its decoded superblock. */
struct mfsu_img {
	int fd;
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

/* Read/write one whole block; -EIO past the image or on short I/O. */
int mfsu_read_block(const struct mfsu_img *img, uint64_t blk, void *buf);
int mfsu_write_block(const struct mfsu_img *img, uint64_t blk,
    const void *buf);

/* Read and decode the superblock of the open fd; 'why' receives the reason
 * on -EINVAL (not MINIX, bad counts), -EIO on read errors. */
int mfsu_open_fd(struct mfsu_img *img, int fd, char *why, size_t whylen);

/* Write img->super back to the image. */
int mfsu_write_super(const struct mfsu_img *img);

/* Size in bytes of a regular file or block device; -errno on failure. */
int mfsu_fd_size(int fd, uint64_t *bytes);

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
