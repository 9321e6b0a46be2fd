/*
 * ialloc.c - the inode allocator.
 *
 * Files go to their parent's group when it has a free inode, otherwise to
 * the next group that has one.  Directories are spread out, in the spirit of
 * Linux's old ext2 policy: among the groups with at least the average number
 * of free inodes, the one with the most free blocks.  Bitmap, descriptor
 * (free inodes, used directories) and superblock change together.
 */
#include "ext2.h"
#include "bitmap.h"

static uint32_t ext2_group_for_dir(void)
{
	struct ext2_fs *fs = &ext2_fs;
	uint32_t avg = fs->sb.s_free_inodes_count / fs->ngroups, g, best = 0;
	int found = 0;

	for (g = 0; g < fs->ngroups; g++) {
		const struct ext2_group_desc *d = &fs->gd[g];

		if (d->bg_free_inodes_count == 0 ||
		    d->bg_free_inodes_count < avg)
			continue;
		if (!found || d->bg_free_blocks_count >
		    fs->gd[best].bg_free_blocks_count) {
			best = g;
			found = 1;
		}
	}
	return best;
}

/* Try to take an inode of group g. */
static int ext2_ialloc_group(uint32_t g, int is_dir, ino_t *ino)
{
	struct ext2_fs *fs = &ext2_fs;
	uint32_t ipg = fs->sb.s_inodes_per_group, start = 0, bit;
	struct buf *bp;
	int err;

	if (fs->gd[g].bg_free_inodes_count == 0)
		return -ENOSPC;
	if (g == 0)
		start = fs->first_ino - 1;
	err = lmfs_get_block(&bp, fs->dev, fs->gd[g].bg_inode_bitmap, NORMAL);
	if (err != OK)
		return err;
	bit = ext2_bit_find_zero((uint8_t *)b_data(bp), start, ipg);
	if (bit == UINT32_MAX) {
		lmfs_put_block(bp);
		fsdriver_log("ext2: group %u counts free inodes but its bitmap "
		    "has none", g);
		return -EIO;
	}
	ext2_bit_set((uint8_t *)b_data(bp), bit);
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	fs->gd[g].bg_free_inodes_count--;
	if (is_dir)
		fs->gd[g].bg_used_dirs_count++;
	fs->sb.s_free_inodes_count--;
	*ino = (ino_t)g * ipg + bit + 1;
	return ext2_group_write(g);
}

int ext2_ialloc(ino_t parent, int is_dir, ino_t *ino)
{
	struct ext2_fs *fs = &ext2_fs;
	uint32_t g0, i;
	int err;

	if (fs->sb.s_free_inodes_count == 0)
		return -ENOSPC;
	if (is_dir)
		g0 = ext2_group_for_dir();
	else
		g0 = (uint32_t)((parent - 1) / fs->sb.s_inodes_per_group);
	for (i = 0; i < fs->ngroups; i++) {
		err = ext2_ialloc_group((g0 + i) % fs->ngroups, is_dir, ino);
		if (err != -ENOSPC)
			return err;
	}
	return -ENOSPC;
}

int ext2_ifree(ino_t ino, int is_dir)
{
	struct ext2_fs *fs = &ext2_fs;
	uint32_t g, bit;
	struct buf *bp;
	int err;

	if (ino < fs->first_ino || ino > fs->sb.s_inodes_count) {
		fsdriver_log("ext2: freeing reserved or bad inode %lu",
		    (unsigned long)ino);
		return -EIO;
	}
	g = (uint32_t)((ino - 1) / fs->sb.s_inodes_per_group);
	bit = (uint32_t)((ino - 1) % fs->sb.s_inodes_per_group);
	err = lmfs_get_block(&bp, fs->dev, fs->gd[g].bg_inode_bitmap, NORMAL);
	if (err != OK)
		return err;
	if (!ext2_bit_test((uint8_t *)b_data(bp), bit)) {
		lmfs_put_block(bp);
		fsdriver_log("ext2: freeing free inode %lu", (unsigned long)ino);
		return -EIO;
	}
	ext2_bit_clear((uint8_t *)b_data(bp), bit);
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	fs->gd[g].bg_free_inodes_count++;
	if (is_dir && fs->gd[g].bg_used_dirs_count > 0)
		fs->gd[g].bg_used_dirs_count--;
	fs->sb.s_free_inodes_count++;
	return ext2_group_write(g);
}
