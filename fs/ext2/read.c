/*
 * read.c - reading file data, with prefetching by block numbers.
 *
 * Data blocks are fetched with lmfs_get_block_ino (tagged with inode and
 * offset).  When the next block of a read is not cached, the driver maps
 * the file's following logical blocks and hands their physical numbers,
 * most urgent first, to lmfs_prefetch(), which reads the contiguous run
 * around the first one in one request.  How far ahead: the blocks the
 * request still needs (at least EXT2_RA_MIN), or EXT2_RA_MAX when the read
 * continues where the previous one on this inode ended (i_next_lblk:
 * the last block read), i.e. for sequential reads.  Holes read as zeros
 * and are never allocated by reading.
 */
#include "ext2.h"

#define EXT2_RA_MIN	16	/* blocks to look ahead at least */
#define EXT2_RA_MAX	64	/* and at most (libminixfs' run limit) */

/* Prefetch the blocks of ip from lblk on: 'want' blocks, within the file. */
static void ext2_prefetch(struct ext2_inode *ip, uint64_t lblk, uint64_t want)
{
	block64_t set[EXT2_RA_MAX];
	uint64_t end = (ext2_isize(ip) + ext2_fs.block_size - 1) /
	    ext2_fs.block_size;
	unsigned int n = 0;
	uint32_t phys;

	if (want < EXT2_RA_MIN)
		want = EXT2_RA_MIN;
	if (want > EXT2_RA_MAX)
		want = EXT2_RA_MAX;
	if (end > lblk + want)
		end = lblk + want;
	for (; lblk < end; lblk++) {
		if (ext2_bmap(ip, lblk, &phys) != OK)
			break;
		if (phys != 0)
			set[n++] = phys;
	}
	if (n > 0)
		lmfs_prefetch(ext2_fs.dev, set, n);
}

/* Bring data block 'phys' (logical lblk of ip) into *bpp, prefetching when
 * it is not cached; 'left' is how many blocks the request still needs. */
static int ext2_read_block(struct ext2_inode *ip, uint64_t lblk,
    uint32_t phys, uint64_t left, struct buf **bpp)
{
	uint64_t off = lblk * ext2_fs.block_size;
	int err;

	err = lmfs_get_block_ino(bpp, ext2_fs.dev, phys, PEEK, ip->i_num, off);
	if (err != -ENOENT)
		return err;
	ext2_prefetch(ip, lblk, left);
	return lmfs_get_block_ino(bpp, ext2_fs.dev, phys, NORMAL, ip->i_num,
	    off);
}

/* Move one chunk (inside one block) of a read to the caller. */
static int ext2_read_chunk(struct ext2_inode *ip, struct fsdriver_data *data,
    size_t done, uint64_t pos, size_t chunk, uint64_t left, int peek)
{
	size_t bs = ext2_fs.block_size;
	uint64_t lblk = pos / bs;
	struct buf *bp;
	uint32_t phys;
	int err;

	if ((err = ext2_bmap(ip, lblk, &phys)) != OK)
		return err;
	if (phys == 0)
		return peek ? OK : fsdriver_zero(data, done, chunk);
	if ((err = ext2_read_block(ip, lblk, phys, left, &bp)) != OK)
		return err;
	if (!peek)
		err = fsdriver_copyout(data, done, b_data(bp) + pos % bs, chunk);
	lmfs_put_block(bp);
	return err;
}

static ssize_t ext2_do_read(ino_t ino, struct fsdriver_data *data,
    size_t bytes, off_t off, int peek)
{
	size_t bs = ext2_fs.block_size, done = 0, chunk;
	struct ext2_inode *ip;
	uint64_t pos = (uint64_t)off, size;
	int err, seq;

	if (off < 0)
		return -EINVAL;
	if ((err = ext2_iget(ino, &ip)) != OK)
		return err;
	if (!S_ISREG(ip->i_d->i_mode)) {
		err = S_ISDIR(ip->i_d->i_mode) ? -EISDIR : -EINVAL;
		ext2_iput(ip);
		return err;
	}
	size = ext2_isize(ip);
	if (pos < size && bytes > size - pos)
		bytes = (size_t)(size - pos);
	seq = pos / bs == ip->i_next_lblk || pos / bs == ip->i_next_lblk + 1;
	while (pos < size && done < bytes) {
		chunk = bs - pos % bs;
		if (chunk > bytes - done)
			chunk = bytes - done;
		err = ext2_read_chunk(ip, data, done, pos, chunk,
		    seq ? EXT2_RA_MAX : (bytes - done + bs - 1) / bs, peek);
		if (err != OK)
			break;
		done += chunk;
		pos += chunk;
	}
	if (done > 0)
		ip->i_next_lblk = (pos - 1) / bs;
	if (done > 0 && !peek && !ext2_fs.rdonly)
		ext2_touch(ip, EXT2_ATIME);
	ext2_iput(ip);
	return done > 0 ? (ssize_t)done : err;
}

/* fdr_read: copy file data out; sets the atime. */
ssize_t ext2_read(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t pos)
{
	return ext2_do_read(ino, data, bytes, pos, 0);
}

/* fdr_peek: the same walk, bringing blocks into the cache only. */
ssize_t ext2_peek(ino_t ino, size_t bytes, off_t pos)
{
	return ext2_do_read(ino, NULL, bytes, pos, 1);
}
