/*
 * alloc.c - the inode and zone bitmaps.
 *
 * Both bitmaps are runs of blocks starting at a fixed block; bit n of the
 * inode map is inode n, bit n of the zone map is zone firstdatazone-1+n, and
 * bit 0 of each is reserved.  Bits are scanned 64 at a time (the format is
 * little-endian, so a 64-bit load keeps bit order) from a remembered
 * position, wrapping around once, so allocation is next-fit and a full scan
 * happens only when the map is nearly full.
 *
 * The counts (used zones, free inodes) are taken once at mount by
 * mfs_count_maps() and kept current here; zone changes are reported to
 * libminixfs with lmfs_change_blockusage(), which statvfs reads back.
 *
 * Freed zones are not reused before the change that freed them has been
 * written.  A truncate or unlink clears the inode's (or an indirect
 * block's) pointers in the cache; if the zone went straight back to the
 * allocator, another file's data could be written into it, and reach the
 * device, while the device still holds the old pointer - an indirect block
 * the old inode still names then holds data, and after a crash (kill -9)
 * fsck finds an indirect block of garbage zone numbers ("Zone N >= ZONES",
 * or numbers of other files' zones: shared blocks).  So a freed zone counts
 * as free at once (statvfs), but its bitmap bit stays set, the zone noted
 * in a pending list, until mfs_release_zones(): at every sync, just before
 * the writeback that carries the pointer changes; when the list is full
 * (MFS_PENDING_MAX) or the allocator finds nothing else, after a writeback
 * of its own.  Without memory for the list a zone is freed at once, as
 * before.
 */
#include <stdlib.h>
#include <string.h>
#include "mfs.h"

struct mfs_map {
	uint32_t start;		/* first block */
	uint32_t nbits;		/* valid bits, incl. the reserved bit 0 */
};

static struct mfs_map mfs_imap(void)
{
	struct mfs_map m = { mfs_imap_start(&mfs_m.sb), mfs_m.sb.ninodes + 1 };
	return m;
}

static struct mfs_map mfs_zmap(void)
{
	struct mfs_map m = { mfs_zmap_start(&mfs_m.sb),
	    mfs_m.sb.zones - mfs_m.sb.firstdatazone + 1 };
	return m;
}

/* Valid bits of 64-bit word w (bits from 'base') of a map of 'nbits'. */
static uint64_t mfs_word_mask(uint32_t base, uint32_t nbits)
{
	if (base >= nbits)
		return 0;
	if (nbits - base >= 64)
		return ~(uint64_t)0;
	return ((uint64_t)1 << (nbits - base)) - 1;
}

/* Count the set bits of a map, bit 0 excluded. */
static int mfs_count_bits(const struct mfs_map *m, uint64_t *setp)
{
	uint32_t bpb = mfs_m.sb.block_size * 8, b, w, base;
	struct buf *bp;
	uint64_t set = 0, word;
	int r;

	for (b = 0; (uint64_t)b * bpb < m->nbits; b++) {
		if ((r = lmfs_get_block(&bp, mfs_m.dev, m->start + b,
		    NORMAL)) != OK)
			return r;
		for (w = 0; w < bpb / 64; w++) {
			base = b * bpb + w * 64;
			memcpy(&word, b_data(bp) + w * 8, 8);
			word &= mfs_word_mask(base, m->nbits);
			if (base == 0)
				word &= ~(uint64_t)1;
			set += (uint64_t)__builtin_popcountll(word);
		}
		lmfs_put_block(bp);
	}
	*setp = set;
	return OK;
}

int mfs_count_maps(void)
{
	struct mfs_map im = mfs_imap(), zm = mfs_zmap();
	uint64_t iset, zset;
	int r;

	if ((r = mfs_count_bits(&im, &iset)) != OK ||
	    (r = mfs_count_bits(&zm, &zset)) != OK)
		return r;
	mfs_m.free_inodes = iset >= mfs_m.sb.ninodes ? 0 :
	    mfs_m.sb.ninodes - (uint32_t)iset;
	mfs_m.used_zones = mfs_m.sb.firstdatazone + zset;
	if (mfs_m.used_zones > mfs_m.sb.zones)
		mfs_m.used_zones = mfs_m.sb.zones;
	mfs_m.imap_hint = 1;
	mfs_m.zmap_hint = 1;
	lmfs_set_blockusage(mfs_m.sb.zones, mfs_m.used_zones);
	return OK;
}

/* Find a clear bit in [from, to) of a map, set it; -ENOSPC if none. */
static int mfs_scan_range(const struct mfs_map *m, uint32_t from,
    uint32_t to, uint32_t *bitp)
{
	uint32_t bpb = mfs_m.sb.block_size * 8, blk, w, base, bit;
	struct buf *bp;
	uint64_t word, avail;
	int r;

	while (from < to) {
		blk = from / bpb;
		if ((r = lmfs_get_block(&bp, mfs_m.dev, m->start + blk,
		    NORMAL)) != OK)
			return r;
		for (w = (from % bpb) / 64; w < bpb / 64; w++) {
			base = blk * bpb + w * 64;
			if (base >= to)
				break;
			memcpy(&word, b_data(bp) + w * 8, 8);
			avail = ~word & mfs_word_mask(base, to);
			if (base < from)
				avail &= ~(((uint64_t)1 << (from - base)) - 1);
			if (avail == 0)
				continue;
			bit = (uint32_t)__builtin_ctzll(avail);
			word |= (uint64_t)1 << bit;
			memcpy(b_data(bp) + w * 8, &word, 8);
			lmfs_markdirty(bp);
			lmfs_put_block(bp);
			*bitp = base + bit;
			return OK;
		}
		lmfs_put_block(bp);
		from = (blk + 1) * bpb;
	}
	return -ENOSPC;
}

/* Allocate a bit at or after *hint (wrapping); update the hint. */
static int mfs_alloc_bit(const struct mfs_map *m, uint32_t *hint,
    uint32_t *bitp)
{
	uint32_t origin = *hint;
	int r;

	if (origin < 1 || origin >= m->nbits)
		origin = 1;
	r = mfs_scan_range(m, origin, m->nbits, bitp);
	if (r == -ENOSPC && origin > 1)
		r = mfs_scan_range(m, 1, origin, bitp);
	if (r == OK)
		*hint = *bitp + 1;
	return r;
}

/* Clear a bit; returns 1 if it was set, 0 if it was already clear. */
static int mfs_clear_bit(const struct mfs_map *m, uint32_t bit)
{
	uint32_t bpb = mfs_m.sb.block_size * 8;
	unsigned char *p;
	struct buf *bp;
	int was;

	if (lmfs_get_block(&bp, mfs_m.dev, m->start + bit / bpb, NORMAL) != OK)
		return 0;
	p = (unsigned char *)b_data(bp) + (bit % bpb) / 8;
	was = (*p >> (bit % 8)) & 1;
	*p &= (unsigned char)~(1u << (bit % 8));
	if (was)
		lmfs_markdirty(bp);
	lmfs_put_block(bp);
	return was;
}

/* Allocate an inode number; -ENOSPC when none is free. */
int mfs_alloc_inode_bit(uint32_t *inop)
{
	struct mfs_map m = mfs_imap();
	int r;

	if ((r = mfs_alloc_bit(&m, &mfs_m.imap_hint, inop)) != OK)
		return r;
	if (mfs_m.free_inodes > 0)
		mfs_m.free_inodes--;
	return OK;
}

/* Free inode number 'ino' (already validated by the caller). */
void mfs_free_inode_bit(uint32_t ino)
{
	struct mfs_map m = mfs_imap();

	if (ino < 1 || ino > mfs_m.sb.ninodes)
		return;
	if (!mfs_clear_bit(&m, ino)) {
		fsdriver_log("mfs: freeing inode %u, which is already free",
		    ino);
		return;
	}
	mfs_m.free_inodes++;
	if (ino < mfs_m.imap_hint)
		mfs_m.imap_hint = ino;
}

/* Is z a zone number that may appear in an inode or indirect block? */
int mfs_zone_ok(uint32_t z)
{
	return z >= mfs_m.sb.firstdatazone && z < mfs_m.sb.zones;
}

#define MFS_PENDING_MAX	8192	/* zones freed, awaiting a writeback */

static uint32_t *mfs_pending;
static size_t mfs_npending, mfs_pending_cap;

/* Clear the bitmap bits of the pending zones: the allocator may use them
 * from now on. */
static void mfs_release_pending(void)
{
	struct mfs_map m = mfs_zmap();
	uint32_t bit;
	size_t i;

	for (i = 0; i < mfs_npending; i++) {
		bit = mfs_zone_to_bit(&mfs_m.sb, mfs_pending[i]);
		if (!mfs_clear_bit(&m, bit))
			fsdriver_log("mfs: freeing zone %u, which is already "
			    "free", mfs_pending[i]);
		else if (bit < mfs_m.zmap_hint)
			mfs_m.zmap_hint = bit;
	}
	mfs_npending = 0;
}

int mfs_release_zones(int writeback)
{
	int r;

	if (mfs_npending == 0)
		return OK;
	if (writeback) {
		if ((r = mfs_flush_inodes()) != OK)
			return r;
		if ((r = lmfs_flushdev(mfs_m.dev)) != OK)
			return r;
	}
	mfs_release_pending();
	return OK;
}

void mfs_forget_pending(void)
{
	free(mfs_pending);
	mfs_pending = NULL;
	mfs_npending = mfs_pending_cap = 0;
}

/* Note z as freed; -ENOMEM if the list cannot take it. */
static int mfs_defer_free(uint32_t z)
{
	uint32_t *n;
	size_t cap;

	if (mfs_npending == MFS_PENDING_MAX &&
	    mfs_release_zones(1) != OK)
		return -ENOMEM;
	if (mfs_npending == mfs_pending_cap) {
		cap = mfs_pending_cap ? mfs_pending_cap * 2 : 256;
		if ((n = realloc(mfs_pending, cap * sizeof(*n))) == NULL)
			return -ENOMEM;
		mfs_pending = n;
		mfs_pending_cap = cap;
	}
	mfs_pending[mfs_npending++] = z;
	return OK;
}

/* Allocate a zone for 'ip' (which may be NULL); it is not zeroed. */
int mfs_alloc_zone(struct mfs_inode *ip, uint32_t *zp)
{
	struct mfs_map m = mfs_zmap();
	uint32_t bit, z;
	int r;

	r = mfs_alloc_bit(&m, &mfs_m.zmap_hint, &bit);
	if (r == -ENOSPC && mfs_npending > 0 &&
	    mfs_release_zones(1) == OK)
		r = mfs_alloc_bit(&m, &mfs_m.zmap_hint, &bit);
	if (r != OK)
		return r;
	z = mfs_bit_to_zone(&mfs_m.sb, bit);
	if (!mfs_zone_ok(z))
		return -ENOSPC;
	mfs_m.used_zones++;
	lmfs_change_blockusage(1);
	if (ip != NULL && ip->i_nblocks >= 0)
		ip->i_nblocks++;
	*zp = z;
	return OK;
}

/* Free zone z of 'ip' (NULL: no inode); z must have passed mfs_zone_ok. */
void mfs_free_zone(struct mfs_inode *ip, uint32_t z)
{
	struct mfs_map m = mfs_zmap();
	uint32_t bit;

	if (!mfs_zone_ok(z))
		return;
	lmfs_free_block(mfs_m.dev, z);
	if (ip != NULL && ip->i_nblocks > 0)
		ip->i_nblocks--;
	bit = mfs_zone_to_bit(&mfs_m.sb, z);
	if (mfs_defer_free(z) != OK) {
		if (!mfs_clear_bit(&m, bit)) {
			fsdriver_log("mfs: freeing zone %u, which is already "
			    "free", z);
			return;
		}
		if (bit < mfs_m.zmap_hint)
			mfs_m.zmap_hint = bit;
	}
	if (mfs_m.used_zones > 0)
		mfs_m.used_zones--;
	lmfs_change_blockusage(-1);
}
