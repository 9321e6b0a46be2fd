/*
 * write.c - writing file data.
 *
 * Each chunk maps (allocating if needed) its logical block.  A block that
 * the chunk covers whole, or that was just allocated, is taken with NO_READ
 * (nothing on disk worth reading; a new block's uncovered bytes are
 * zeroed); a partly overwritten existing block is read first.  The size
 * grows to cover what was written, even when a later chunk fails (the
 * bytes written so far are reported).
 */
#include <string.h>

#include "ext2.h"

static int ext2_write_chunk(struct ext2_inode *ip, struct fsdriver_data *data,
    size_t done, uint64_t pos, size_t chunk)
{
	size_t bs = ext2_fs.block_size, boff = pos % bs;
	uint64_t lblk = pos / bs;
	struct buf *bp;
	uint32_t phys;
	int fresh, err;

	if ((err = ext2_bmap_alloc(ip, lblk, &phys, &fresh)) != OK)
		return err;
	err = lmfs_get_block_ino(&bp, ext2_fs.dev, phys,
	    (fresh || chunk == bs) ? NO_READ : NORMAL, ip->i_num, lblk * bs);
	if (err != OK)
		return err;
	if (fresh && chunk != bs)
		memset(b_data(bp), 0, bs);
	err = fsdriver_copyin(data, done, b_data(bp) + boff, chunk);
	if (err != OK && fresh)
		memset(b_data(bp), 0, bs);	/* never expose stale data */
	if (err == OK || fresh)
		lmfs_markdirty(bp);
	lmfs_put_block(bp);
	return err;
}

ssize_t ext2_write(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t off)
{
	size_t bs = ext2_fs.block_size, done = 0, chunk;
	struct ext2_inode *ip;
	uint64_t pos = (uint64_t)off;
	int err = OK;

	if ((err = ext2_check_rw()) != OK)
		return err;
	if (off < 0)
		return -EINVAL;
	if ((err = ext2_iget(ino, &ip)) != OK)
		return err;
	if (!S_ISREG(ip->i_d->i_mode)) {
		err = S_ISDIR(ip->i_d->i_mode) ? -EISDIR : -EINVAL;
		goto out;
	}
	if (bytes > 0 && pos >= ext2_fs.max_size) {
		err = -EFBIG;
		goto out;
	}
	if (bytes > ext2_fs.max_size - pos)
		bytes = (size_t)(ext2_fs.max_size - pos);
	while (done < bytes) {
		chunk = bs - pos % bs;
		if (chunk > bytes - done)
			chunk = bytes - done;
		if ((err = ext2_write_chunk(ip, data, done, pos, chunk)) != OK)
			break;
		done += chunk;
		pos += chunk;
	}
	if (done > 0) {
		if (pos > ext2_isize(ip))
			ext2_set_isize(ip, pos);
		ext2_touch(ip, EXT2_MTIME | EXT2_CTIME);
	}
out:
	ext2_iput(ip);
	return done > 0 ? (ssize_t)done : err;
}
