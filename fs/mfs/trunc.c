/*
 * trunc.c - freeing parts of a file: truncate and holes.
 *
 * A range of whole blocks is freed by walking the zone tree once, top down:
 * a subtree entirely inside the range is freed with all it holds; one that
 * overlaps it is entered, and an indirect block left with no entries is
 * freed too.  So freeing costs the zones freed, not the file size, and a
 * sparse 2 GiB file truncates as fast as a small one.  The partial blocks at
 * either end of a range are zeroed in place instead.
 */
#include <string.h>
#include "mfs.h"

#define MFS_END_OF_FILE	UINT64_MAX

static int mfs_ind_empty(const struct buf *bp)
{
	unsigned int i;

	for (i = 0; i < mfs_m.sb.ptrs_per_block; i++)
		if (mfs_ind_get(&mfs_m.sb, b_data(bp), i) != 0)
			return 0;
	return 1;
}

struct mfs_span {
	uint64_t base;		/* first file block under this zone */
	uint64_t span;		/* file blocks under it */
	unsigned int depth;	/* indirect levels below */
};

static int mfs_free_tree(struct mfs_inode *ip, uint32_t *zp,
    struct mfs_span s, uint64_t lo, uint64_t hi);

/* Free the entries of indirect block bp that overlap [lo, hi). */
static int mfs_free_entries(struct mfs_inode *ip, struct buf *bp,
    struct mfs_span s, uint64_t lo, uint64_t hi, int whole)
{
	struct mfs_span c = { 0, s.span / mfs_m.sb.ptrs_per_block,
	    s.depth - 1 };
	uint64_t first, last, i;
	uint32_t e, old;
	int r;

	first = lo > s.base ? (lo - s.base) / c.span : 0;
	last = hi - s.base >= s.span ? mfs_m.sb.ptrs_per_block - 1 :
	    (hi - 1 - s.base) / c.span;
	for (i = first; i <= last; i++) {
		old = e = mfs_ind_get(&mfs_m.sb, b_data(bp), (unsigned int)i);
		if (e == 0)
			continue;
		c.base = s.base + i * c.span;
		if ((r = mfs_free_tree(ip, &e, c, lo, hi)) != OK)
			return r;
		if (e != old && !whole) {
			mfs_ind_set(&mfs_m.sb, b_data(bp), (unsigned int)i, e);
			lmfs_markdirty(bp);
		}
	}
	return OK;
}

/* Free file blocks [lo, hi) under the zone at *zp; clear *zp if the whole
 * subtree goes. */
static int mfs_free_tree(struct mfs_inode *ip, uint32_t *zp,
    struct mfs_span s, uint64_t lo, uint64_t hi)
{
	uint32_t z = *zp;
	struct buf *bp;
	int r, whole, empty;

	if (z == 0 || hi <= s.base || lo >= s.base + s.span)
		return OK;
	if (!mfs_zone_ok(z))
		return mfs_corrupt("zone out of range:", z, ip->i_num);
	if (s.depth > 0) {
		whole = lo <= s.base && hi >= s.base + s.span;
		if ((r = lmfs_get_block(&bp, mfs_m.dev, z, NORMAL)) != OK)
			return r;
		r = mfs_free_entries(ip, bp, s, lo, hi, whole);
		empty = whole || mfs_ind_empty(bp);
		lmfs_put_block(bp);
		if (r != OK || !empty)
			return r;
	}
	mfs_free_zone(ip, z);
	*zp = 0;
	return OK;
}

/* Free the zones of file blocks [lo, hi). */
static int mfs_free_blocks(struct mfs_inode *ip, uint64_t lo, uint64_t hi)
{
	uint64_t n = mfs_m.sb.ptrs_per_block;
	struct mfs_span s;
	unsigned int slot;
	uint32_t z;
	int r;

	s.base = 0;
	for (slot = 0; slot < mfs_m.sb.nr_tzones; slot++) {
		s.depth = slot < MFS_NR_DZONES ? 0 : slot - MFS_NR_DZONES + 1;
		s.span = s.depth == 0 ? 1 : s.depth == 1 ? n :
		    s.depth == 2 ? n * n : n * n * n;
		z = ip->i_zone[slot];
		if ((r = mfs_free_tree(ip, &z, s, lo, hi)) != OK)
			return r;
		if (z != ip->i_zone[slot]) {
			ip->i_zone[slot] = z;
			ip->i_dirty = 1;
		}
		s.base += s.span;
	}
	return OK;
}

/* Zero bytes [start, end) of ip where blocks are allocated. */
int mfs_zero_range(struct mfs_inode *ip, uint64_t start, uint64_t end)
{
	uint64_t bs = mfs_m.sb.block_size, off, len;
	struct buf *bp;
	uint32_t z;
	int r;

	while (start < end) {
		off = start % bs;
		len = bs - off < end - start ? bs - off : end - start;
		if ((r = mfs_read_map(ip, start / bs, &z)) != OK)
			return r;
		if (z != 0) {
			r = lmfs_get_block_ino(&bp, mfs_m.dev, z, NORMAL,
			    ip->i_num, start - off);
			if (r != OK)
				return r;
			memset(b_data(bp) + off, 0, len);
			lmfs_markdirty(bp);
			lmfs_put_block(bp);
		}
		start += len;
	}
	return OK;
}

/* Free bytes [start, end) of ip: whole blocks are freed, the partial ones
 * at the edges zeroed.  The size does not change. */
int mfs_free_range(struct mfs_inode *ip, uint64_t start, uint64_t end)
{
	uint64_t bs = mfs_m.sb.block_size, first, last;
	int r;

	if (start >= end)
		return OK;
	first = (start + bs - 1) / bs;
	last = end == MFS_END_OF_FILE ? MFS_END_OF_FILE : end / bs;
	if (start % bs != 0) {
		r = mfs_zero_range(ip, start, end < first * bs ? end :
		    first * bs);
		if (r != OK)
			return r;
	}
	if (end != MFS_END_OF_FILE && end % bs != 0 && last >= first &&
	    (r = mfs_zero_range(ip, last * bs, end)) != OK)
		return r;
	if (last > first && (r = mfs_free_blocks(ip, first, last)) != OK)
		return r;
	ip->i_dirty = 1;
	return OK;
}

/* Set ip's size: shrinking frees what lies beyond, growing leaves a hole
 * that reads as zeros. */
int mfs_truncate(struct mfs_inode *ip, uint64_t size)
{
	uint64_t bs = mfs_m.sb.block_size, old = ip->i_size, edge;
	int r;

	if (!mfs_has_zones(ip))
		return -EINVAL;
	if (size > mfs_m.sb.max_size)
		return -EFBIG;
	if (size < old) {
		if ((r = mfs_free_range(ip, size, MFS_END_OF_FILE)) != OK)
			return r;
	} else if (size > old && old % bs != 0) {
		edge = (old / bs + 1) * bs;
		if ((r = mfs_zero_range(ip, old, size < edge ? size : edge))
		    != OK)
			return r;
	}
	ip->i_size = (uint32_t)size;
	ip->i_dirty = 1;
	return OK;
}

/* fdr_trunc: end == 0 sets the size to 'start'; otherwise [start, end)
 * becomes a hole.  Either way m/ctime are set. */
int mfs_trunc(ino_t ino_nr, off_t start, off_t end)
{
	struct mfs_inode *ip;
	int r;

	if (start < 0 || end < 0 || (end != 0 && end < start))
		return -EINVAL;
	if ((r = mfs_check_rw()) != OK)
		return r;
	if ((r = mfs_get_inode(ino_nr, &ip)) != OK)
		return r;
	if (S_ISDIR(ip->i_mode))
		r = -EISDIR;
	else if (!S_ISREG(ip->i_mode))
		r = -EINVAL;
	else if (end == 0)
		r = mfs_truncate(ip, (uint64_t)start);
	else
		r = mfs_free_range(ip, (uint64_t)start, (uint64_t)end <
		    ip->i_size ? (uint64_t)end : ip->i_size);
	if (r == OK)
		mfs_touch(ip, MFS_MTIME | MFS_CTIME);
	mfs_put_inode(ip);
	return r;
}
