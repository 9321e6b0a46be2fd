/*
 * trunc.c - freeing a file's blocks: truncate and hole punching.
 *
 * ext2_free_range() walks the direct blocks and the three indirect trees,
 * frees the data blocks that map logical blocks inside the range, and frees
 * every indirect block left with no entries.  The trees are at most three
 * levels deep, so even a corrupt tree (a block pointing at its parent)
 * cannot make the walk loop; a block freed twice is caught by the bitmap.
 * The bytes of a partial last block past the new end are zeroed, so that
 * a later extension reads back zeros.
 */
#include <string.h>

#include "ext2.h"

static uint64_t ext2_span(unsigned int level)
{
	uint64_t s = 1;

	while (level-- > 0)
		s *= ext2_fs.addr_per_block;
	return s;
}

static int ext2_free_one(struct ext2_inode *ip, uint32_t b)
{
	int err = ext2_bfree(b);

	if (err == OK)
		ext2_iblocks_add(ip, -1);
	return err;
}

/* Free what block b (covering logical blocks from 'base', 'level' levels of
 * indirection: 0 is a data block) maps inside [first, end).  Returns 1 when
 * b itself was freed, 0 when it stays, or an error. */
static int ext2_free_sub(struct ext2_inode *ip, uint32_t b, unsigned int level,
    uint64_t base, uint64_t first, uint64_t end)
{
	uint64_t child, cbase;
	uint32_t *e, i;
	struct buf *bp;
	int r, err = OK, left = 0, dirty = 0;

	if (!ext2_block_ok(b)) {
		fsdriver_log("ext2: inode %lu maps bad block %u",
		    (unsigned long)ip->i_num, b);
		return -EIO;
	}
	if (level == 0)
		return ext2_free_one(ip, b) == OK ? 1 : -EIO;
	child = ext2_span(level - 1);
	if ((err = lmfs_get_block(&bp, ext2_fs.dev, b, NORMAL)) != OK)
		return err;
	e = (uint32_t *)b_data(bp);
	for (i = 0; i < ext2_fs.addr_per_block; i++) {
		cbase = base + i * child;
		if (e[i] == 0)
			continue;
		if (cbase + child <= first || cbase >= end) {
			left = 1;
			continue;
		}
		r = ext2_free_sub(ip, e[i], level - 1, cbase, first, end);
		if (r == 1) {
			e[i] = 0;
			dirty = 1;
		} else {
			left = 1;
			if (r < 0)
				err = r;
		}
	}
	if (dirty)
		lmfs_markdirty(bp);
	lmfs_put_block(bp);
	if (left)
		return err;
	return ext2_free_one(ip, b) == OK ? 1 : -EIO;
}

int ext2_free_range(struct ext2_inode *ip, uint64_t first, uint64_t end)
{
	uint32_t *ib = ip->i_d->i_block;
	uint64_t base = EXT2_NDIR_BLOCKS, span;
	unsigned int level, slot;
	int r, err = OK;

	for (slot = 0; slot < EXT2_NDIR_BLOCKS; slot++) {
		if (ib[slot] == 0 || slot < first || slot >= end)
			continue;
		r = ext2_free_sub(ip, ib[slot], 0, slot, first, end);
		if (r == 1)
			ib[slot] = 0;
		else if (r < 0)
			err = r;
	}
	for (level = 1; level <= 3; level++, base += span) {
		span = ext2_span(level);
		slot = EXT2_IND_BLOCK + level - 1;
		if (ib[slot] == 0 || base + span <= first || base >= end)
			continue;
		r = ext2_free_sub(ip, ib[slot], level, base, first, end);
		if (r == 1)
			ib[slot] = 0;
		else if (r < 0)
			err = r;
	}
	ext2_idirty(ip);
	return err;
}

/* Zero bytes [from, to) of logical block lblk, if it is mapped. */
static int ext2_zero_part(struct ext2_inode *ip, uint64_t lblk, size_t from,
    size_t to)
{
	uint32_t phys;
	struct buf *bp;
	int err;

	if (from >= to)
		return OK;
	if ((err = ext2_bmap(ip, lblk, &phys)) != OK || phys == 0)
		return err;
	err = lmfs_get_block_ino(&bp, ext2_fs.dev, phys, NORMAL, ip->i_num,
	    lblk * ext2_fs.block_size);
	if (err != OK)
		return err;
	memset(b_data(bp) + from, 0, to - from);
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	return OK;
}

static int ext2_truncate(struct ext2_inode *ip, uint64_t size)
{
	size_t bs = ext2_fs.block_size;
	uint64_t old = ext2_isize(ip);
	int err;

	if (size > ext2_fs.max_size)
		return -EFBIG;
	if (size < old) {
		err = ext2_free_range(ip, (size + bs - 1) / bs,
		    ext2_bmap_limit());
		if (err == OK)
			err = ext2_zero_part(ip, size / bs, size % bs, bs);
	} else
		err = ext2_zero_part(ip, old / bs, old % bs ? old % bs : bs,
		    bs);
	if (err != OK)
		return err;
	return ext2_set_isize(ip, size);
}

/* Free [start, end) inside the file, leaving a hole. */
static int ext2_punch(struct ext2_inode *ip, uint64_t start, uint64_t end)
{
	size_t bs = ext2_fs.block_size;
	uint64_t fb = (start + bs - 1) / bs, eb;
	int err;

	if (end > ext2_isize(ip))
		end = ext2_isize(ip);
	if (start >= end)
		return OK;
	eb = end / bs;
	if (start / bs == (end - 1) / bs && (start % bs || end % bs))
		return ext2_zero_part(ip, start / bs, start % bs,
		    end % bs ? end % bs : bs);
	if ((err = ext2_zero_part(ip, start / bs, start % bs,
	    start % bs ? bs : 0)) != OK)
		return err;
	if ((err = ext2_zero_part(ip, eb, 0, end % bs)) != OK)
		return err;
	return fb < eb ? ext2_free_range(ip, fb, eb) : OK;
}

int ext2_trunc(ino_t ino, off_t start, off_t end)
{
	struct ext2_inode *ip;
	int err;

	if ((err = ext2_check_rw()) != OK)
		return err;
	if (start < 0 || end < 0 || (end != 0 && end < start))
		return -EINVAL;
	if ((err = ext2_iget(ino, &ip)) != OK)
		return err;
	if (S_ISDIR(ip->i_d->i_mode))
		err = -EISDIR;
	else if (!S_ISREG(ip->i_d->i_mode))
		err = -EINVAL;
	else if (end == 0)
		err = ext2_truncate(ip, (uint64_t)start);
	else
		err = ext2_punch(ip, (uint64_t)start, (uint64_t)end);
	if (err == OK)
		ext2_touch(ip, EXT2_MTIME | EXT2_CTIME);
	ext2_iput(ip);
	return err;
}
