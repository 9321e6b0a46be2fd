/*
 * balloc.c - the block allocator.
 *
 * A block is taken near a goal, as Linux's ext2 does: the caller passes the
 * block after the file's previous one (or a block of the inode's group), and
 * the search runs forward through that group's bitmap, then through the
 * following groups, wrapping around.  Every allocation and free updates, in
 * this order, the bitmap block, the group descriptor, the superblock's free
 * count and the cache's usage accounting, so the four always agree.
 */
#include "ext2.h"
#include "bitmap.h"

int ext2_block_ok(uint32_t b)
{
	return b > ext2_fs.sb.s_first_data_block &&
	    b < ext2_fs.sb.s_blocks_count;
}

/* Number of blocks in group g (the last one may be short). */
static uint32_t ext2_group_nblocks(uint32_t g)
{
	const struct ext2_super *sb = &ext2_fs.sb;
	uint32_t first = sb->s_first_data_block + g * sb->s_blocks_per_group;
	uint32_t left = sb->s_blocks_count - first;

	return left < sb->s_blocks_per_group ? left : sb->s_blocks_per_group;
}

/* A free bit must not be a block of its group's own metadata. */
static int ext2_block_is_meta(uint32_t g, uint32_t b)
{
	const struct ext2_group_desc *d = &ext2_fs.gd[g];

	return b == d->bg_block_bitmap || b == d->bg_inode_bitmap ||
	    (b >= d->bg_inode_table &&
	     b < d->bg_inode_table + ext2_fs.itable_blocks);
}

/* Try to take a block of group g at or after bit 'start'. */
static int ext2_balloc_group(uint32_t g, uint32_t start, uint32_t *bnum)
{
	struct ext2_fs *fs = &ext2_fs;
	uint32_t nbits = ext2_group_nblocks(g), bit, b;
	struct buf *bp;
	int err;

	if (fs->gd[g].bg_free_blocks_count == 0 || start >= nbits)
		return -ENOSPC;
	err = lmfs_get_block(&bp, fs->dev, fs->gd[g].bg_block_bitmap, NORMAL);
	if (err != OK)
		return err;
	bit = ext2_bit_find_zero((uint8_t *)b_data(bp), start, nbits);
	if (bit == UINT32_MAX) {
		lmfs_put_block(bp);
		return -ENOSPC;
	}
	b = fs->sb.s_first_data_block + g * fs->sb.s_blocks_per_group + bit;
	if (!ext2_block_ok(b) || ext2_block_is_meta(g, b)) {
		lmfs_put_block(bp);
		fsdriver_log("ext2: block bitmap of group %u is corrupt", g);
		return -EIO;
	}
	ext2_bit_set((uint8_t *)b_data(bp), bit);
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	fs->gd[g].bg_free_blocks_count--;
	fs->sb.s_free_blocks_count--;
	lmfs_change_blockusage(1);
	*bnum = b;
	return ext2_group_write(g);
}

int ext2_balloc(uint32_t goal, uint32_t *bnum)
{
	struct ext2_fs *fs = &ext2_fs;
	uint32_t g0, start, i, g;
	int err;

	if (fs->sb.s_free_blocks_count == 0)
		return -ENOSPC;
	if (!ext2_block_ok(goal))
		goal = fs->sb.s_first_data_block + 1;
	g0 = (goal - fs->sb.s_first_data_block) / fs->sb.s_blocks_per_group;
	start = (goal - fs->sb.s_first_data_block) % fs->sb.s_blocks_per_group;
	for (i = 0; i <= fs->ngroups; i++) {
		g = (g0 + i) % fs->ngroups;
		err = ext2_balloc_group(g, i == 0 ? start : 0, bnum);
		if (err != -ENOSPC)
			return err;
	}
	return -ENOSPC;
}

int ext2_bfree(uint32_t b)
{
	struct ext2_fs *fs = &ext2_fs;
	uint32_t g, bit;
	struct buf *bp;
	int err;

	if (!ext2_block_ok(b)) {
		fsdriver_log("ext2: freeing block %u outside the data area", b);
		return -EIO;
	}
	g = (b - fs->sb.s_first_data_block) / fs->sb.s_blocks_per_group;
	bit = (b - fs->sb.s_first_data_block) % fs->sb.s_blocks_per_group;
	err = lmfs_get_block(&bp, fs->dev, fs->gd[g].bg_block_bitmap, NORMAL);
	if (err != OK)
		return err;
	if (!ext2_bit_test((uint8_t *)b_data(bp), bit) ||
	    ext2_block_is_meta(g, b)) {
		lmfs_put_block(bp);
		fsdriver_log("ext2: freeing free or metadata block %u", b);
		return -EIO;
	}
	ext2_bit_clear((uint8_t *)b_data(bp), bit);
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	fs->gd[g].bg_free_blocks_count++;
	fs->sb.s_free_blocks_count++;
	lmfs_change_blockusage(-1);
	lmfs_free_block(fs->dev, b);
	return ext2_group_write(g);
}
