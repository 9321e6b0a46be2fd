/*
 * bmap.c - where a file's blocks live.
 *
 * An inode holds 7 direct zones, then the zone of an indirect block
 * (zone[7]), of a double-indirect block (zone[8]) and, for V2/V3, of a
 * triple-indirect block (zone[9], used as Linux uses it).  Indirect blocks
 * hold 16-bit (V1) or 32-bit zone numbers.  Zone 0 is a hole.
 *
 * Every zone number read from an inode or an indirect block is checked
 * against [firstdatazone, zones) before it is followed; a bad one is
 * reported and gives -EIO.  mfs_write_map() allocates missing indirect
 * blocks, zeroed, without reading them.
 */
#include <string.h>
#include "mfs.h"

/* The way down to a file block: inode slot, then an index per level. */
struct mfs_path {
	unsigned int depth;		/* indirect levels, 0..3 */
	unsigned int slot;		/* i_zone index */
	unsigned int idx[3];
};

static int mfs_bmap_path(uint64_t blk, struct mfs_path *p)
{
	uint64_t n = mfs_m.sb.ptrs_per_block;

	if (blk < MFS_NR_DZONES) {
		p->depth = 0;
		p->slot = (unsigned int)blk;
		return OK;
	}
	blk -= MFS_NR_DZONES;
	if (blk < n) {
		p->depth = 1;
		p->slot = MFS_ZONE_IND;
		p->idx[0] = (unsigned int)blk;
		return OK;
	}
	blk -= n;
	if (blk < n * n) {
		/* n * n <= 2^28: 32-bit division (a 64-bit one is a libgcc
		 * call on i386, twice per block of a large file's read) */
		p->depth = 2;
		p->slot = MFS_ZONE_DIND;
		p->idx[0] = (uint32_t)blk / (uint32_t)n;
		p->idx[1] = (uint32_t)blk % (uint32_t)n;
		return OK;
	}
	blk -= n * n;
	if (mfs_m.sb.nr_tzones > MFS_ZONE_TIND && blk < n * n * n) {
		p->depth = 3;
		p->slot = MFS_ZONE_TIND;
		p->idx[0] = (unsigned int)(blk / (n * n));
		p->idx[1] = (unsigned int)((blk / n) % n);
		p->idx[2] = (unsigned int)(blk % n);
		return OK;
	}
	return -EFBIG;
}

/* Entry i of indirect block bp. */
/* Set pointer i of the held indirect block bp to z, and mark it dirty. */
static void mfs_ind_store(struct buf *bp, unsigned int i, uint32_t z)
{
	mfs_ind_set(&mfs_m.sb, b_data(bp), i, z);
	lmfs_markdirty(bp);
}

/* Get zone z as a zeroed, dirty block, without reading it.  The block is
 * returned held in *bpp, or released when bpp is NULL. */
int mfs_zero_block(uint32_t z, struct buf **bpp)
{
	struct buf *bp;
	int r;

	if ((r = lmfs_get_block(&bp, mfs_m.dev, z, NO_READ)) != OK)
		return r;
	memset(b_data(bp), 0, mfs_m.sb.block_size);
	lmfs_markdirty(bp);
	if (bpp != NULL)
		*bpp = bp;
	else
		lmfs_put_block(bp);
	return OK;
}

/* The zone holding file block 'blk' of ip (0: a hole). */
int mfs_read_map(struct mfs_inode *ip, uint64_t blk, uint32_t *zp)
{
	struct mfs_path p;
	struct buf *bp;
	unsigned int l;
	uint32_t z;
	int r;

	if (mfs_bmap_path(blk, &p) != OK) {
		*zp = 0;
		return OK;
	}
	z = ip->i_zone[p.slot];
	for (l = 0; l < p.depth && z != 0; l++) {
		if (!mfs_zone_ok(z))
			return mfs_corrupt("indirect zone out of range:", z,
			    ip->i_num);
		if ((r = lmfs_get_block(&bp, mfs_m.dev, z, NORMAL)) != OK)
			return r;
		z = mfs_ind_get(&mfs_m.sb, b_data(bp), p.idx[l]);
		lmfs_put_block(bp);
	}
	if (z != 0 && !mfs_zone_ok(z))
		return mfs_corrupt("zone out of range:", z, ip->i_num);
	*zp = z;
	return OK;
}

/* The indirect block that holds the zone of path p (its last level),
 * held in *bpp; NULL when a level above is a hole.  p.depth >= 1. */
static int mfs_map_leaf(struct mfs_inode *ip, const struct mfs_path *p,
    struct buf **bpp)
{
	struct buf *bp;
	unsigned int l;
	uint32_t z = ip->i_zone[p->slot];
	int r;

	*bpp = NULL;
	for (l = 0; z != 0; l++) {
		if (!mfs_zone_ok(z))
			return mfs_corrupt("indirect zone out of range:", z,
			    ip->i_num);
		if ((r = lmfs_get_block(&bp, mfs_m.dev, z, NORMAL)) != OK)
			return r;
		if (l == p->depth - 1) {
			*bpp = bp;
			return OK;
		}
		z = mfs_ind_get(&mfs_m.sb, b_data(bp), p->idx[l]);
		lmfs_put_block(bp);
	}
	return OK;
}

/* Do paths p and q end in the same indirect block? */
static int mfs_same_leaf(const struct mfs_path *p, const struct mfs_path *q)
{
	unsigned int l;

	if (p->depth != q->depth || p->slot != q->slot)
		return 0;
	for (l = 0; l + 1 < p->depth; l++)
		if (p->idx[l] != q->idx[l])
			return 0;
	return 1;
}

/*
 * The zones of file blocks blk, blk+1, ... (at most n) into zones[] (0: a
 * hole), each indirect block walked once for the run instead of once per
 * block: a sequential read of a file behind the double indirect block
 * took 4 cached-block lookups per block through mfs_read_map.  Returns
 * how many zones it filled, from 1 to n; it stops before a block whose
 * map is broken, and that block's error is the result only when it is
 * blk itself (the caller reports it when it gets there, as before).
 * Blocks past the format's limit read as holes, as in mfs_read_map.
 */
int mfs_read_map_run(struct mfs_inode *ip, uint64_t blk, uint32_t *zones,
    unsigned int n)
{
	struct mfs_path p, held_p;
	struct buf *leaf = NULL;
	unsigned int i;
	int held = 0, r = OK;
	uint32_t z;

	for (i = 0; i < n; i++) {
		if (mfs_bmap_path(blk + i, &p) != OK) {
			z = 0;
		} else if (p.depth == 0) {
			z = ip->i_zone[p.slot];
		} else {
			if (!held || !mfs_same_leaf(&p, &held_p)) {
				lmfs_put_block(leaf);
				held = 0;
				if ((r = mfs_map_leaf(ip, &p, &leaf)) != OK)
					break;
				held = 1;
				held_p = p;
			}
			z = leaf == NULL ? 0 : mfs_ind_get(&mfs_m.sb,
			    b_data(leaf), p.idx[p.depth - 1]);
		}
		if (z != 0 && !mfs_zone_ok(z)) {
			r = mfs_corrupt("zone out of range:", z, ip->i_num);
			break;
		}
		zones[i] = z;
	}
	lmfs_put_block(leaf);
	return i > 0 ? (int)i : r;
}

/* Make sure the indirect block at *zp exists (allocating it zeroed).
 *
 * A fresh indirect block is written to the device, zeroed, at once, before
 * anything can point at it: the zone may hold an old file's data, and the
 * cache writes dirty blocks back in its own order (sync by block number,
 * eviction by age), so the inode or parent block that points at the new
 * one may reach the image first.  A crash (kill -9) in between then left
 * an indirect block full of garbage "zone numbers" (fsck: "Zone N >=
 * ZONES", or worse, numbers of other files' zones).  With the zeros
 * written first it can only leave holes.  One extra block write per
 * indirect block (one per 256..16384 data zones).  (Host crashes need
 * more: device syncs between the two; this orders what a killed process
 * had handed to the device.) */
static int mfs_need_ind(struct mfs_inode *ip, uint32_t *zp, int *fresh)
{
	struct buf *bp;
	int r;

	*fresh = 0;
	if (*zp != 0) {
		if (!mfs_zone_ok(*zp))
			return mfs_corrupt("indirect zone out of range:", *zp,
			    ip->i_num);
		return OK;
	}
	if ((r = mfs_alloc_zone(ip, zp)) != OK)
		return r;
	if ((r = mfs_zero_block(*zp, &bp)) != OK) {
		mfs_free_zone(ip, *zp);
		*zp = 0;
		return r;
	}
	r = lmfs_write_block(bp);
	lmfs_put_block(bp);
	if (r != OK) {
		mfs_free_zone(ip, *zp);
		*zp = 0;
		return r;
	}
	*fresh = 1;
	return OK;
}

/* Set the zone of file block 'blk' of ip to z, adding indirect blocks as
 * needed.  -EFBIG beyond the format's reach. */
int mfs_write_map(struct mfs_inode *ip, uint64_t blk, uint32_t z)
{
	struct mfs_path p;
	struct buf *bp;
	uint32_t cur, next;
	unsigned int l;
	int r, fresh;

	if ((r = mfs_bmap_path(blk, &p)) != OK)
		return r;
	if (p.depth == 0) {
		ip->i_zone[p.slot] = z;
		ip->i_dirty = 1;
		return OK;
	}
	cur = ip->i_zone[p.slot];
	if ((r = mfs_need_ind(ip, &cur, &fresh)) != OK)
		return r;
	if (fresh) {
		ip->i_zone[p.slot] = cur;
		ip->i_dirty = 1;
	}
	for (l = 0; l < p.depth; l++) {
		if ((r = lmfs_get_block(&bp, mfs_m.dev, cur, NORMAL)) != OK)
			return r;
		if (l == p.depth - 1) {
			mfs_ind_store(bp, p.idx[l], z);
			lmfs_put_block(bp);
			break;
		}
		next = mfs_ind_get(&mfs_m.sb, b_data(bp), p.idx[l]);
		if ((r = mfs_need_ind(ip, &next, &fresh)) != OK) {
			lmfs_put_block(bp);
			return r;
		}
		if (fresh)
			mfs_ind_store(bp, p.idx[l], next);
		lmfs_put_block(bp);
		cur = next;
	}
	return OK;
}

/* Count the zones below zone z (itself included) at 'depth' levels of
 * indirection; stops with -EIO past 'limit' (a corrupt, looping tree). */
static int mfs_count_tree(struct mfs_inode *ip, uint32_t z,
    unsigned int depth, uint64_t *count, uint64_t limit)
{
	struct buf *bp;
	unsigned int i;
	uint32_t e;
	int r = OK;

	if (z == 0)
		return OK;
	if (!mfs_zone_ok(z))
		return mfs_corrupt("zone out of range:", z, ip->i_num);
	if (++*count > limit)
		return mfs_corrupt("more zones than the device has:", *count,
		    ip->i_num);
	if (depth == 0)
		return OK;
	if ((r = lmfs_get_block(&bp, mfs_m.dev, z, NORMAL)) != OK)
		return r;
	for (i = 0; i < mfs_m.sb.ptrs_per_block && r == OK; i++)
		if ((e = mfs_ind_get(&mfs_m.sb, b_data(bp), i)) != 0)
			r = mfs_count_tree(ip, e, depth - 1, count, limit);
	lmfs_put_block(bp);
	return r;
}

/* Make ip->i_nblocks (zones in use, indirect ones included) known. */
int mfs_count_blocks(struct mfs_inode *ip)
{
	uint64_t count = 0;
	unsigned int s;
	int r;

	if (ip->i_nblocks >= 0)
		return OK;
	if (!mfs_has_zones(ip)) {
		ip->i_nblocks = 0;
		return OK;
	}
	for (s = 0; s < mfs_m.sb.nr_tzones; s++) {
		r = mfs_count_tree(ip, ip->i_zone[s], s < MFS_NR_DZONES ? 0 :
		    s - MFS_NR_DZONES + 1, &count, mfs_m.sb.zones);
		if (r != OK)
			return r;
	}
	ip->i_nblocks = (int64_t)count;
	return OK;
}
