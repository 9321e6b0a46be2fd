/*
 * symlink.c - symbolic links.
 *
 * A target shorter than 60 bytes is stored in i_block itself (a "fast"
 * symlink, no data block); a longer one, up to a block minus one byte, in
 * one data block.  A link is fast exactly when it owns no blocks besides a
 * possible extended-attribute block, which is how Linux and e2fsck tell.
 */
#include <stdlib.h>
#include <string.h>

#include "ext2.h"

struct ext2_target {
	const char *buf;
	size_t len;
};

static int ext2_slink_init(struct ext2_inode *ip, void *arg)
{
	const struct ext2_target *t = arg;
	struct buf *bp;
	uint32_t phys;
	int fresh, err;

	if (t->len < EXT2_FAST_SYMLINK_MAX) {
		memcpy(ip->i_d->i_block, t->buf, t->len);
		return ext2_set_isize(ip, t->len);
	}
	if ((err = ext2_bmap_alloc(ip, 0, &phys, &fresh)) != OK)
		return err;
	err = lmfs_get_block_ino(&bp, ext2_fs.dev, phys, NO_READ, ip->i_num, 0);
	if (err != OK)
		return err;
	memset(b_data(bp), 0, ext2_fs.block_size);
	memcpy(b_data(bp), t->buf, t->len);
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	return ext2_set_isize(ip, t->len);
}

int ext2_slink(ino_t dir, const char *name, uid_t uid, gid_t gid,
    struct fsdriver_data *data, size_t bytes)
{
	struct ext2_inode *dp, *ip;
	struct ext2_target t;
	char *buf;
	int err;

	if ((err = ext2_check_rw()) != OK)
		return err;
	if (bytes == 0)
		return -ENOENT;
	if (bytes >= ext2_fs.block_size)
		return -ENAMETOOLONG;
	if ((buf = malloc(bytes)) == NULL)
		return -ENOMEM;
	if ((err = fsdriver_copyin(data, 0, buf, bytes)) != OK)
		goto out;
	t.buf = buf;
	t.len = bytes;
	if ((err = ext2_iget(dir, &dp)) != OK)
		goto out;
	err = ext2_make(dp, name, S_IFLNK | 0777, uid, gid, ext2_slink_init,
	    &t, &ip);
	ext2_iput(dp);
	if (err == OK)
		ext2_iput(ip);
out:
	free(buf);
	return err;
}

ssize_t ext2_rdlink(ino_t ino, struct fsdriver_data *data, size_t bytes)
{
	struct ext2_inode *ip;
	struct buf *bp;
	uint64_t size;
	uint32_t phys;
	ssize_t r;

	if ((r = ext2_iget(ino, &ip)) != OK)
		return r;
	size = ext2_isize(ip);
	if (!S_ISLNK(ip->i_d->i_mode))
		r = -EINVAL;
	else if (size >= ext2_fs.block_size ||
	    (ext2_is_fast_symlink(ip) && size >= EXT2_FAST_SYMLINK_MAX)) {
		fsdriver_log("ext2: symlink %lu has a bad size",
		    (unsigned long)ino);
		r = -EIO;
	}
	if (r != OK)
		goto out;
	if (bytes > size)
		bytes = (size_t)size;
	if (ext2_is_fast_symlink(ip)) {
		r = fsdriver_copyout(data, 0, ip->i_d->i_block, bytes);
		goto out;
	}
	if ((r = ext2_bmap(ip, 0, &phys)) != OK || phys == 0) {
		r = r ? r : -EIO;
		goto out;
	}
	r = lmfs_get_block_ino(&bp, ext2_fs.dev, phys, NORMAL, ino, 0);
	if (r == OK) {
		r = fsdriver_copyout(data, 0, b_data(bp), bytes);
		lmfs_put_block(bp);
	}
out:
	ext2_iput(ip);
	return r == OK ? (ssize_t)bytes : r;
}
