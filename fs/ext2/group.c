/*
 * group.c - the block group descriptor table.
 *
 * The table follows the superblock's block (s_first_data_block + 1) and is
 * kept in memory for the whole mount.  Each change to a descriptor is copied
 * at once into the table's cache block and marked dirty, so a write-back of
 * the cache always carries descriptors that match the bitmaps.  Only the
 * primary table is written; the backups in other groups hold the layout,
 * which never changes here, and e2fsck does not compare the counts in them.
 */
#include <stdlib.h>
#include <string.h>

#include "ext2.h"

#define EXT2_DESC_PER_BLOCK	(ext2_fs.block_size / \
				 sizeof(struct ext2_group_desc))

static uint32_t ext2_desc_block(uint32_t g)
{
	return ext2_fs.sb.s_first_data_block + 1 + g / EXT2_DESC_PER_BLOCK;
}

/* Check that 'n' blocks from 'b' lie inside the file system. */
static int ext2_range_ok(uint32_t b, uint32_t n)
{
	const struct ext2_super *sb = &ext2_fs.sb;

	return b > sb->s_first_data_block && b < sb->s_blocks_count &&
	    n <= sb->s_blocks_count - b;
}

static int ext2_group_check(uint32_t g, const struct ext2_group_desc *d)
{
	const struct ext2_super *sb = &ext2_fs.sb;

	if (!ext2_range_ok(d->bg_block_bitmap, 1) ||
	    !ext2_range_ok(d->bg_inode_bitmap, 1) ||
	    !ext2_range_ok(d->bg_inode_table, ext2_fs.itable_blocks) ||
	    d->bg_free_blocks_count > sb->s_blocks_per_group ||
	    d->bg_free_inodes_count > sb->s_inodes_per_group) {
		fsdriver_log("ext2: group descriptor %u is corrupt", g);
		return -EIO;
	}
	return OK;
}

int ext2_groups_load(void)
{
	struct ext2_fs *fs = &ext2_fs;
	uint64_t free_blocks = 0, free_inodes = 0;
	struct buf *bp;
	uint32_t g, i;
	size_t per = EXT2_DESC_PER_BLOCK, n;
	int err;

	fs->desc_blocks = (fs->ngroups + per - 1) / per;
	if (!ext2_range_ok(ext2_desc_block(0), fs->desc_blocks))
		return fsdriver_log("ext2: descriptor table out of range"),
		    -EINVAL;
	fs->gd = calloc(fs->desc_blocks * per, sizeof(*fs->gd));
	if (fs->gd == NULL)
		return -ENOMEM;
	for (i = 0; i < fs->desc_blocks; i++) {
		if ((err = lmfs_get_block(&bp, fs->dev, ext2_desc_block(0) + i,
		    NORMAL)) != OK)
			return err;
		memcpy(fs->gd + i * per, b_data(bp), fs->block_size);
		lmfs_put_block(bp);
	}
	for (g = 0; g < fs->ngroups; g++) {
		if ((err = ext2_group_check(g, &fs->gd[g])) != OK)
			return -EINVAL;
		free_blocks += fs->gd[g].bg_free_blocks_count;
		free_inodes += fs->gd[g].bg_free_inodes_count;
	}
	n = fs->sb.s_blocks_count - fs->sb.s_first_data_block;
	if (free_blocks > n || free_inodes > fs->sb.s_inodes_count)
		return fsdriver_log("ext2: free counts exceed the size"),
		    -EINVAL;
	fs->sb.s_free_blocks_count = (uint32_t)free_blocks;
	fs->sb.s_free_inodes_count = (uint32_t)free_inodes;
	return OK;
}

void ext2_groups_free(void)
{
	free(ext2_fs.gd);
	ext2_fs.gd = NULL;
}

int ext2_group_write(uint32_t g)
{
	struct ext2_fs *fs = &ext2_fs;
	struct buf *bp;
	int err;

	err = lmfs_get_block(&bp, fs->dev, ext2_desc_block(g), NORMAL);
	if (err != OK)
		return err;
	memcpy(b_data(bp) + (g % EXT2_DESC_PER_BLOCK) * sizeof(*fs->gd),
	    &fs->gd[g], sizeof(*fs->gd));
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	fs->sb_dirty = 1;
	return OK;
}
