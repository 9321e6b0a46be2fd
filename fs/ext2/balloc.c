/*
 * balloc.c - the block allocator.
 *
 * A block is taken near a goal, as Linux's ext2 does: the caller passes the
 * block after the file's previous one (or a block of the inode's group), and
 * the search runs forward through that group's bitmap, then through the
 * following groups, wrapping around.  Every allocation and free updates, in
 * this order, the bitmap block, the group descriptor, the superblock's free
 * count and the cache's usage accounting, so the four agree at every sync.
 *
 * Write ordering for crashes: a freed block is counted free at once, but
 * its bitmap bit stays set, the block noted as pending, until the change
 * that freed it (an inode's or indirect block's pointer cleared in the
 * cache) has been written back: ext2_release_blocks() runs at every sync
 * just before the writeback, and after a writeback of its own when
 * EXT2_PENDING_MAX blocks wait or nothing else is free.  Reused at once,
 * another file's data could reach the device while the device still held
 * the old pointer, and a crash (kill -9 of micafuse) left indirect blocks
 * of garbage block numbers (e2fsck: "Illegal block", blocks "conflicting
 * with critical metadata").  Without memory for the list a block is freed
 * at once.  (MFS does the same, fs/mfs/alloc.c.)
 */
#include <stdlib.h>

#include "ext2.h"
#include "bitmap.h"

#define EXT2_PENDING_MAX	8192

static uint32_t *ext2_pending;
static size_t ext2_npending, ext2_pending_cap;

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

static int ext2_balloc_any(uint32_t goal, uint32_t *bnum)
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

int ext2_balloc(uint32_t goal, uint32_t *bnum)
{
	int err = ext2_balloc_any(goal, bnum);

	if (err == -ENOSPC && ext2_npending > 0 &&
	    ext2_release_blocks(1) == OK)
		err = ext2_balloc_any(goal, bnum);
	return err;
}

/* Clear the bitmap bits of the pending blocks (their counts were
 * updated when they were freed). */
static void ext2_release_pending(void)
{
	struct ext2_fs *fs = &ext2_fs;
	uint32_t b, g, bit;
	struct buf *bp;
	size_t i;

	for (i = 0; i < ext2_npending; i++) {
		b = ext2_pending[i];
		g = (b - fs->sb.s_first_data_block) / fs->sb.s_blocks_per_group;
		bit = (b - fs->sb.s_first_data_block) %
		    fs->sb.s_blocks_per_group;
		if (lmfs_get_block(&bp, fs->dev, fs->gd[g].bg_block_bitmap,
		    NORMAL) != OK) {
			fsdriver_log("ext2: block %u stays marked in use", b);
			continue;
		}
		ext2_bit_clear((uint8_t *)b_data(bp), bit);
		lmfs_markdirty(bp);
		lmfs_put_block(bp);
	}
	ext2_npending = 0;
}

int ext2_release_blocks(int writeback)
{
	int err;

	if (ext2_npending == 0)
		return OK;
	if (writeback) {
		if ((err = ext2_iflush_all()) != OK)
			return err;
		if ((err = lmfs_flushdev(ext2_fs.dev)) != OK)
			return err;
	}
	ext2_release_pending();
	return OK;
}

void ext2_forget_blocks(void)
{
	free(ext2_pending);
	ext2_pending = NULL;
	ext2_npending = ext2_pending_cap = 0;
}

/* Note b as freed, its bit still set; -ENOMEM if the list cannot. */
static int ext2_defer_free(uint32_t b)
{
	uint32_t *n;
	size_t cap;

	if (ext2_npending == EXT2_PENDING_MAX &&
	    ext2_release_blocks(1) != OK)
		return -ENOMEM;
	if (ext2_npending == ext2_pending_cap) {
		cap = ext2_pending_cap ? ext2_pending_cap * 2 : 256;
		if ((n = realloc(ext2_pending, cap * sizeof(*n))) == NULL)
			return -ENOMEM;
		ext2_pending = n;
		ext2_pending_cap = cap;
	}
	ext2_pending[ext2_npending++] = b;
	return OK;
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
	if (ext2_defer_free(b) != OK) {
		ext2_bit_clear((uint8_t *)b_data(bp), bit);
		lmfs_markdirty(bp);
	}
	lmfs_put_block(bp);
	fs->gd[g].bg_free_blocks_count++;
	fs->sb.s_free_blocks_count++;
	lmfs_change_blockusage(-1);
	lmfs_free_block(fs->dev, b);
	return ext2_group_write(g);
}
