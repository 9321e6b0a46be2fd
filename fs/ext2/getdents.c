/*
 * getdents.c - lookup and directory listings.
 *
 * A getdents position is a byte offset into the directory.  Each record
 * carries the offset of the entry after it, so a listing resumes exactly
 * there; a position that no longer falls on an entry (the directory changed
 * in between) resumes at the first entry at or after it, as Linux does.
 */
#include <dirent.h>
#include <string.h>

#include "ext2.h"

static const unsigned char ext2_ft_to_dt[EXT2_FT_MAX] = {
	[EXT2_FT_UNKNOWN] = DT_UNKNOWN,
	[EXT2_FT_REG_FILE] = DT_REG,
	[EXT2_FT_DIR] = DT_DIR,
	[EXT2_FT_CHRDEV] = DT_CHR,
	[EXT2_FT_BLKDEV] = DT_BLK,
	[EXT2_FT_FIFO] = DT_FIFO,
	[EXT2_FT_SOCK] = DT_SOCK,
	[EXT2_FT_SYMLINK] = DT_LNK,
};

int ext2_get_dir(ino_t ino, struct ext2_inode **ipp)
{
	int err = ext2_iget(ino, ipp);

	if (err == OK && !S_ISDIR((*ipp)->i_d->i_mode)) {
		ext2_iput(*ipp);
		return -ENOTDIR;
	}
	return err;
}

int ext2_lookup(ino_t dir, const char *name, struct fsdriver_node *node)
{
	struct ext2_inode *dp, *ip;
	ino_t ino;
	int err;

	if ((err = ext2_get_dir(dir, &dp)) != OK)
		return err;
	err = ext2_dir_lookup(dp, name, &ino);
	ext2_iput(dp);
	if (err != OK)
		return err;
	if ((err = ext2_iget(ino, &ip)) != OK)
		return err;
	ext2_fill_node(ip, node);
	return OK;
}

/* Add the entries of one block from byte 'from' on; *pos follows.
 * Returns 1 when the block is done, 0 when the reply is full, or an error. */
static int ext2_getdents_block(struct ext2_inode *dp, uint64_t lblk,
    size_t from, struct fsdriver_dentry *d, off_t *pos, int *added)
{
	size_t bs = ext2_fs.block_size;
	struct ext2_dirwalk w;
	struct buf *bp;
	uint32_t phys;
	int r;

	if ((r = ext2_bmap(dp, lblk, &phys)) != OK)
		return r;
	if (phys == 0)
		return fsdriver_log("ext2: directory %lu has a hole",
		    (unsigned long)dp->i_num), -EIO;
	r = lmfs_get_block_ino(&bp, ext2_fs.dev, phys, NORMAL, dp->i_num,
	    lblk * bs);
	if (r != OK)
		return r;
	ext2_dirwalk_init(&w, b_data(bp), bs);
	while ((r = ext2_dirwalk_next(&w, dp->i_num)) == 1) {
		if (w.off < from)
			continue;
		if (w.de->inode != 0) {
			r = fsdriver_dentry_add(d, w.de->inode, w.de->name,
			    ext2_de_namelen(w.de),
			    ext2_ft_to_dt[ext2_de_type(w.de)],
			    (off_t)(lblk * bs + w.next));
			if (r <= 0)
				goto out;	/* full, or an error */
			(*added)++;
		}
		*pos = (off_t)(lblk * bs + w.next);
	}
	if (r == 0)
		r = 1;			/* block done */
out:
	lmfs_put_block(bp);
	return r;
}

ssize_t ext2_getdents(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t *pos)
{
	char stage[4096];
	struct fsdriver_dentry d;
	struct ext2_inode *dp;
	size_t bs;
	uint64_t size, lblk;
	int added = 0, r = 0;
	ssize_t res;

	if ((r = ext2_get_dir(ino, &dp)) != OK)
		return r;
	bs = ext2_fs.block_size;
	size = ext2_isize(dp);
	if (*pos < 0 || size % bs != 0) {
		ext2_iput(dp);
		return *pos < 0 ? -EINVAL : -EIO;
	}
	fsdriver_dentry_init(&d, data, bytes, stage, sizeof(stage));
	for (lblk = (uint64_t)*pos / bs; lblk < size / bs; lblk++) {
		r = ext2_getdents_block(dp, lblk,
		    lblk == (uint64_t)*pos / bs ? (size_t)(*pos % bs) : 0,
		    &d, pos, &added);
		if (r <= 0)
			break;
	}
	if (r < 0)
		res = r;
	else if (r == 0 && added == 0 && (uint64_t)*pos < size)
		res = -EINVAL;		/* not even one entry fits */
	else
		res = fsdriver_dentry_finish(&d);
	if (res >= 0 && !ext2_fs.rdonly)
		ext2_touch(dp, EXT2_ATIME);
	ext2_iput(dp);
	return res;
}
