/*
 * mkfs_alloc.c - allocation for mkfs.mfs: inode numbers, zones, and the
 * mapping of a file's blocks through direct, single, double and (V2/V3,
 * zone 9, as Linux) triple indirect zones.
 *
 * Allocation is strictly sequential: inode numbers count up from 2 (the
 * root is 1), zones from s_firstdatazone upwards in the order data is
 * written, an indirect block just before the first data block it maps.
 * Indirect blocks are updated on the image with read-modify-write: they
 * were zero-written when allocated, so nothing read back is stale.
 */
#include <errno.h>
#include <string.h>
#include "mkfs_img.h"

static int mkfs_alloc_zone(struct mkfs_img *m, uint32_t *z)
{
	const struct mfs_sb *sb = &m->img.sb;

	if (m->next_zone >= sb->zones)
		return -ENOSPC;
	*z = m->next_zone++;
	mfsu_map_set(&m->zmap, mfs_zone_to_bit(sb, *z), 1);
	return OK;
}

/* A new zeroed indirect block. */
static int mkfs_alloc_ind(struct mkfs_img *m, uint32_t *z)
{
	int r;

	if ((r = mkfs_alloc_zone(m, z)) != OK)
		return r;
	memset(m->ind, 0, m->img.sb.block_size);
	return mfsu_write_block(&m->img, *z, m->ind);
}

/* Split file block 'idx' into the inode slot and per-level indices. */
static int mkfs_path(const struct mfs_sb *sb, uint64_t idx, int *slot,
    unsigned int ix[3])
{
	uint64_t n = sb->ptrs_per_block;
	int depth, i;

	if (idx < MFS_NR_DZONES) {
		*slot = (int)idx;
		return 0;
	}
	idx -= MFS_NR_DZONES;
	if (idx < n) {
		depth = 1;
	} else if ((idx -= n) < n * n) {
		depth = 2;
	} else if ((idx -= n * n) < n * n * n &&
	    sb->nr_tzones > MFS_ZONE_TIND) {
		depth = 3;
	} else {
		return -EFBIG;
	}
	*slot = MFS_ZONE_IND + depth - 1;
	for (i = depth - 1; i >= 0; i--) {
		ix[i] = (unsigned int)(idx % n);
		idx /= n;
	}
	return depth;
}

/* Allocate the zone for file block 'idx' (and any indirect block on the
 * way); the caller writes the data. */
static int mkfs_bmap(struct mkfs_img *m, struct mfs_dinode *ino, uint64_t idx,
    uint32_t *zone)
{
	const struct mfs_sb *sb = &m->img.sb;
	unsigned int ix[3];
	int slot, depth, d, r;
	uint32_t cur, z;

	if ((depth = mkfs_path(sb, idx, &slot, ix)) < 0)
		return depth;
	if (depth == 0) {
		if ((r = mkfs_alloc_zone(m, zone)) != OK)
			return r;
		ino->zone[slot] = *zone;
		return OK;
	}
	if (!ino->zone[slot] &&
	    (r = mkfs_alloc_ind(m, &ino->zone[slot])) != OK)
		return r;
	cur = ino->zone[slot];
	for (d = 0; d < depth; d++) {
		if ((r = mfsu_read_block(&m->img, cur, m->ind)) != OK)
			return r;
		z = mfs_ind_get(sb, m->ind, ix[d]);
		if (!z) {
			r = d + 1 < depth ? mkfs_alloc_ind(m, &z) :
			    mkfs_alloc_zone(m, &z);
			if (r != OK)
				return r;
			if ((r = mfsu_read_block(&m->img, cur, m->ind)) != OK)
				return r;
			mfs_ind_set(sb, m->ind, ix[d], z);
			if ((r = mfsu_write_block(&m->img, cur, m->ind)) != OK)
				return r;
		}
		cur = z;
	}
	*zone = cur;
	return OK;
}

/* Write 'buf' (one block, zero-padded) as file block 'idx'. */
int mkfs_put_block(struct mkfs_img *m, struct mfs_dinode *ino,
    uint64_t idx, const void *buf)
{
	uint32_t z;
	int r;

	if ((r = mkfs_bmap(m, ino, idx, &z)) != OK)
		return r;
	return mfsu_write_block(&m->img, z, buf);
}

void mkfs_store_inode(struct mkfs_img *m, uint32_t n,
    const struct mfs_dinode *ino)
{
	const struct mfs_sb *sb = &m->img.sb;

	mfs_inode_encode(sb, ino, m->itable + (size_t)(n - 1) *
	    sb->inode_size);
	mfsu_map_set(&m->imap, n, 1);
}

int mkfs_new_ino(struct mkfs_img *m, uint32_t *n)
{
	if (m->next_ino > m->img.sb.ninodes)
		return -ENOSPC;
	*n = m->next_ino++;
	return OK;
}
