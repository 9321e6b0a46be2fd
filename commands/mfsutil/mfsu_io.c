/*
 * mfsu_io.c - block I/O on an image file or device, and the superblock.
 *
 * Blocks are addressed in units of the file system's block size; a block
 * that does not lie wholly inside the image is an error (-EIO), never a
 * short read padded by chance.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <linux/fs.h>
#include "mfsutil.h"

int mfsu_fd_size(int fd, uint64_t *bytes)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -errno;
	if (S_ISBLK(st.st_mode)) {
		if (ioctl(fd, BLKGETSIZE64, bytes) < 0)
			return -errno;
		return OK;
	}
	if (!S_ISREG(st.st_mode))
		return -ENODEV;
	*bytes = (uint64_t)st.st_size;
	return OK;
}

static int mfsu_pio(int fd, void *buf, size_t len, uint64_t pos, int wr)
{
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		if (wr)
			n = pwrite(fd, (const char *)buf + done, len - done,
			    (off_t)(pos + done));
		else
			n = pread(fd, (char *)buf + done, len - done,
			    (off_t)(pos + done));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			return -EIO;
		done += (size_t)n;
	}
	return OK;
}

static int mfsu_block_ok(const struct mfsu_img *img, uint64_t blk)
{
	uint64_t bs = img->sb.block_size;

	return blk < img->dev_bytes / bs;
}

int mfsu_read_block(const struct mfsu_img *img, uint64_t blk, void *buf)
{
	if (!mfsu_block_ok(img, blk))
		return -EIO;
	return mfsu_pio(img->fd, buf, img->sb.block_size,
	    blk * img->sb.block_size, 0);
}

int mfsu_write_block(const struct mfsu_img *img, uint64_t blk,
    const void *buf)
{
	if (!mfsu_block_ok(img, blk))
		return -EIO;
	return mfsu_pio(img->fd, (void *)buf, img->sb.block_size,
	    blk * img->sb.block_size, 1);
}

int mfsu_open_fd(struct mfsu_img *img, int fd, char *why, size_t whylen)
{
	int r;

	memset(img, 0, sizeof(*img));
	img->fd = fd;
	if ((r = mfsu_fd_size(fd, &img->dev_bytes)) != OK) {
		snprintf(why, whylen, "cannot size the image: %s",
		    strerror(-r));
		return r;
	}
	if (img->dev_bytes < MFS_SUPER_OFFSET + MFS_SUPER_SIZE) {
		snprintf(why, whylen, "image too small to hold a superblock");
		return -EINVAL;
	}
	if ((r = mfsu_pio(fd, img->super, MFS_SUPER_SIZE, MFS_SUPER_OFFSET,
	    0)) != OK) {
		snprintf(why, whylen, "cannot read the superblock: %s",
		    strerror(-r));
		return r;
	}
	return mfs_sb_decode(img->super, img->dev_bytes, &img->sb, why,
	    whylen);
}

int mfsu_write_super(const struct mfsu_img *img)
{
	return mfsu_pio(img->fd, (void *)img->super, MFS_SUPER_SIZE,
	    MFS_SUPER_OFFSET, 1);
}
