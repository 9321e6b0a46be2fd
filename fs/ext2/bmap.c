/*
 * bmap.c - from a file's logical block to a physical block.
 *
 * i_block[0..11] map the first twelve blocks directly; i_block[12], [13]
 * and [14] are the roots of single, double and triple indirect trees whose
 * blocks hold addr_per_block 32-bit block numbers.  A zero anywhere on the
 * path is a hole.  Every number read from the tree is checked to lie in the
 * data area before it is followed.  Allocation fills the missing parts of a
 * path, taking each new block near the file's previous logical block (goal
 * = that block + 1, as in Linux), and zeroing new indirect blocks.
 */
#include <string.h>

#include "ext2.h"

struct ext2_path {
	unsigned int slot;		/* index in i_block[] */
	unsigned int depth;		/* indirect levels below it (0..3) */
	uint32_t idx[3];		/* entry index at each level */
};

uint64_t ext2_bmap_limit(void)
{
	uint64_t a = ext2_fs.addr_per_block;

	return EXT2_NDIR_BLOCKS + a + a * a + a * a * a;
}

static int ext2_path(uint64_t lblk, struct ext2_path *p)
{
	uint64_t a = ext2_fs.addr_per_block, span = 1;
	unsigned int level, i;

	if (lblk < EXT2_NDIR_BLOCKS) {
		p->slot = (unsigned int)lblk;
		p->depth = 0;
		return OK;
	}
	lblk -= EXT2_NDIR_BLOCKS;
	for (level = 1; level <= 3; level++) {
		span *= a;
		if (lblk < span)
			break;
		lblk -= span;
	}
	if (level > 3)
		return -EFBIG;
	p->slot = EXT2_IND_BLOCK + level - 1;
	p->depth = level;
	for (i = level; i-- > 0; ) {
		p->idx[i] = (uint32_t)(lblk % a);
		lblk /= a;
	}
	return OK;
}

static int ext2_bad_block(const struct ext2_inode *ip, uint32_t b)
{
	fsdriver_log("ext2: inode %lu maps bad block %u",
	    (unsigned long)ip->i_num, b);
	return -EIO;
}

/* Entry 'idx' of indirect block 'blk'. */
static int ext2_ind_get(uint32_t blk, uint32_t idx, uint32_t *val)
{
	struct buf *bp;
	int err;

	if ((err = lmfs_get_block(&bp, ext2_fs.dev, blk, NORMAL)) != OK)
		return err;
	*val = ((uint32_t *)b_data(bp))[idx];
	lmfs_put_block(bp);
	return OK;
}

static int ext2_ind_set(uint32_t blk, uint32_t idx, uint32_t val)
{
	struct buf *bp;
	int err;

	if ((err = lmfs_get_block(&bp, ext2_fs.dev, blk, NORMAL)) != OK)
		return err;
	((uint32_t *)b_data(bp))[idx] = val;
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	return OK;
}

int ext2_bmap(struct ext2_inode *ip, uint64_t lblk, uint32_t *phys)
{
	struct ext2_path p;
	uint32_t b;
	unsigned int l;
	int err;

	*phys = 0;
	if ((err = ext2_path(lblk, &p)) != OK)
		return err;
	b = ip->i_d->i_block[p.slot];
	for (l = 0; ; l++) {
		if (b == 0)
			return OK;
		if (!ext2_block_ok(b))
			return ext2_bad_block(ip, b);
		if (l == p.depth)
			break;
		if ((err = ext2_ind_get(b, p.idx[l], &b)) != OK)
			return err;
	}
	*phys = b;
	return OK;
}

/* Allocate one block for ip near 'goal'; zero it if it is indirect. */
static int ext2_bmap_new(struct ext2_inode *ip, uint32_t goal, int indirect,
    uint32_t *b)
{
	struct buf *bp;
	int err;

	if ((err = ext2_balloc(goal, b)) != OK)
		return err;
	ext2_iblocks_add(ip, 1);
	if (!indirect)
		return OK;
	if ((err = lmfs_get_block(&bp, ext2_fs.dev, *b, NO_READ)) != OK)
		return err;
	memset(b_data(bp), 0, ext2_fs.block_size);
	lmfs_markdirty(bp);
	/* On the device before anything points at it: the block may hold
	 * an old file's bytes, and the cache writes back in its own order;
	 * a crash must find holes, not garbage block numbers. */
	err = lmfs_write_block(bp);
	lmfs_put_block(bp);
	return err;
}

/* Where a new block of ip at lblk should go. */
static uint32_t ext2_goal(struct ext2_inode *ip, uint64_t lblk)
{
	const struct ext2_super *sb = &ext2_fs.sb;
	uint32_t prev = 0, g;

	if (lblk > 0 && ext2_bmap(ip, lblk - 1, &prev) == OK && prev != 0)
		return prev + 1;
	g = (uint32_t)((ip->i_num - 1) / sb->s_inodes_per_group);
	return sb->s_first_data_block + g * sb->s_blocks_per_group;
}

int ext2_bmap_alloc(struct ext2_inode *ip, uint64_t lblk, uint32_t *phys,
    int *fresh)
{
	struct ext2_path p;
	uint32_t b, next, goal;
	unsigned int l;
	int err;

	*fresh = 0;
	if ((err = ext2_path(lblk, &p)) != OK)
		return err;
	goal = ext2_goal(ip, lblk);
	b = ip->i_d->i_block[p.slot];
	if (b == 0) {
		if ((err = ext2_bmap_new(ip, goal, p.depth > 0, &b)) != OK)
			return err;
		ip->i_d->i_block[p.slot] = b;
		*fresh = p.depth == 0;
	} else if (!ext2_block_ok(b))
		return ext2_bad_block(ip, b);
	for (l = 0; l < p.depth; l++) {
		if ((err = ext2_ind_get(b, p.idx[l], &next)) != OK)
			return err;
		if (next == 0) {
			err = ext2_bmap_new(ip, goal, l + 1 < p.depth, &next);
			if (err == OK)
				err = ext2_ind_set(b, p.idx[l], next);
			if (err != OK)
				return err;
			*fresh = l + 1 == p.depth;
		} else if (!ext2_block_ok(next))
			return ext2_bad_block(ip, next);
		b = next;
	}
	*phys = b;
	return OK;
}
