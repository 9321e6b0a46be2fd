/*
 * mfsu_io.c - the image of mkfs.mfs and fsck.mfs, reached through
 * libminixfs: the device seam (on the host lmfs_file_dev_open, the one
 * place that knows how to size a file or a block device) and the block
 * cache.  So the tools run wherever libminixfs does, inside Mica too, where
 * the cache is the way to a device.
 *
 * Blocks are addressed in units of the file system's block size; a block
 * that does not lie wholly inside the image is an error (-EIO), never a
 * short block padded by chance.  Writes land in the cache; mfsu_sync()
 * writes them back and makes them durable.  The superblock goes through
 * the cache too (lmfs_bio), so it stays coherent with block 0 or 1.
 *
 * The cache is one per process: one image is open at a time (a second
 * open gets its own device number, but shares the block size).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <mica/libminixfs_host.h>

#include "mfsutil.h"

#define MFSU_DEV_BASE	((dev_t)0x4d00)	/* device numbers the tools use */

static int mfsu_block_ok(const struct mfsu_img *img, uint64_t blk)
{
	return blk < img->dev_bytes / img->sb.block_size;
}

int mfsu_read_block(const struct mfsu_img *img, uint64_t blk, void *buf)
{
	struct buf *bp;
	int r;

	if (!mfsu_block_ok(img, blk))
		return -EIO;
	if ((r = lmfs_get_block(&bp, img->dev, blk, NORMAL)) != OK)
		return r;
	memcpy(buf, b_data(bp), img->sb.block_size);
	lmfs_put_block(bp);
	return OK;
}

int mfsu_write_block(const struct mfsu_img *img, uint64_t blk,
    const void *buf)
{
	struct buf *bp;
	int r;

	if (!mfsu_block_ok(img, blk))
		return -EIO;
	if ((r = lmfs_get_block(&bp, img->dev, blk, NO_READ)) != OK)
		return r;
	memcpy(b_data(bp), buf, img->sb.block_size);
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	return OK;
}

/* Open 'path' as a device and register it under a free number. */
static int mfsu_attach(struct mfsu_img *img, const char *path, int writable)
{
	const struct lmfs_dev_ops *ops;
	unsigned int i;
	int r;

	memset(img, 0, sizeof(*img));
	img->dev = NO_DEV;
	if ((r = lmfs_file_dev_open(path, writable, 0, &ops, &img->ctx)) != OK)
		return r;
	for (i = 0, r = -EBUSY; i < LMFS_MAX_DEVS && r == -EBUSY; i++)
		r = lmfs_dev_register(MFSU_DEV_BASE + i, ops, img->ctx);
	if (r != OK) {
		lmfs_file_dev_close(img->ctx);
		img->ctx = NULL;
		return r;
	}
	img->dev = MFSU_DEV_BASE + i - 1;
	img->dev_bytes = lmfs_dev_size(img->dev);
	return OK;
}

int mfsu_image_size(const char *path, uint64_t *bytes)
{
	const struct lmfs_dev_ops *ops;
	void *ctx;
	int r;

	if ((r = lmfs_file_dev_open(path, 0, 0, &ops, &ctx)) != OK)
		return r;
	r = ops->size(ctx, bytes);
	lmfs_file_dev_close(ctx);
	return r;
}

int mfsu_open(struct mfsu_img *img, const char *path, int writable,
    char *why, size_t whylen)
{
	char reason[200];
	ssize_t n;
	int r;

	if ((r = mfsu_attach(img, path, writable)) != OK) {
		snprintf(why, whylen, "%s", strerror(-r));
		return r;
	}
	n = lmfs_dev_read(img->dev, MFS_SUPER_OFFSET, img->super,
	    MFS_SUPER_SIZE);
	if (n < 0) {
		r = (int)n;
		snprintf(why, whylen, "cannot read the superblock: %s",
		    strerror(-r));
	} else if (n != MFS_SUPER_SIZE) {
		r = -EINVAL;
		snprintf(why, whylen, "bad superblock: image too small to "
		    "hold one");
	} else if ((r = mfs_sb_decode(img->super, img->dev_bytes, &img->sb,
	    reason, sizeof(reason))) != OK) {
		snprintf(why, whylen, "bad superblock: %s", reason);
	} else if ((r = lmfs_set_blocksize(img->sb.block_size)) != OK) {
		snprintf(why, whylen, "cannot set up the cache: %s",
		    strerror(-r));
	}
	if (r != OK)
		mfsu_close(img);
	return r;
}

int mfsu_create(struct mfsu_img *img, const char *path,
    const struct mfs_sb *sb)
{
	uint64_t fs_bytes = (uint64_t)sb->zones * sb->block_size;
	int r;

	if ((r = mfsu_attach(img, path, 1)) != OK)
		return r;
	img->sb = *sb;
	if (img->dev_bytes < fs_bytes)
		r = -ENOSPC;
	else if ((r = lmfs_set_blocksize(sb->block_size)) == OK)
		img->dev_bytes = fs_bytes;
	if (r != OK)
		mfsu_close(img);
	return r;
}

int mfsu_write_super(const struct mfsu_img *img)
{
	ssize_t n = lmfs_bio(img->dev, 1, MFS_SUPER_OFFSET, (void *)img->super,
	    MFS_SUPER_SIZE);

	if (n < 0)
		return (int)n;
	return n == MFS_SUPER_SIZE ? OK : -EIO;
}

int mfsu_sync(const struct mfsu_img *img)
{
	return lmfs_flushdev(img->dev);
}

int mfsu_close(struct mfsu_img *img)
{
	int r = OK;

	if (img->dev != NO_DEV) {
		r = lmfs_flushdev(img->dev);
		lmfs_dev_unregister(img->dev);
		img->dev = NO_DEV;
	}
	if (img->ctx != NULL) {
		lmfs_file_dev_close(img->ctx);
		img->ctx = NULL;
	}
	return r;
}
