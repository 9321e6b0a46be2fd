/*
 * admin.c - the cache's slow-path controls: block size, dropping blocks
 * without writing them (the file system freed them, or the device went
 * away), and the statistics counters.
 *
 * Dropping a block somebody still holds cannot free its memory: it becomes
 * an orphan (invalid, out of the hash table) and is freed by its last
 * lmfs_put_block(), so a later lookup never finds the stale contents.
 */
#include <errno.h>
#include <string.h>

#include "lmfs_priv.h"

/* 1 if some cached block is held. */
static int any_held(void)
{
	unsigned int cap, n, i;
	struct buf **v = lmfs_pool_scratch(&cap);

	n = lmfs_collect(v, cap, NO_DEV, 0);
	for (i = 0; i < n; i++)
		if (v[i]->lmfs_count > 0)
			return 1;
	return 0;
}

/* Set the block size; when it changes, write back and drop everything.
 * -EINVAL for a bad size, -EBUSY while a block is held, or the writeback
 * error: then nothing is dropped and the size stays. */
int lmfs_set_blocksize(size_t blocksize)
{
	int r;

	if (blocksize < 512 || blocksize > 65536 ||
	    (blocksize & (blocksize - 1)) != 0)
		return -EINVAL;
	if (blocksize == lmfs_bs())
		return OK;
	if (any_held())
		return -EBUSY;
	if ((r = lmfs_writeback(NO_DEV)) != OK)
		return r;
	lmfs_pool_drop_all();
	lmfs_bs_set(blocksize);
	lmfs_usage_retarget(1);
	return OK;
}

/* The block size in bytes (0 before lmfs_set_blocksize()). */
size_t lmfs_fs_block_size(void)
{
	return lmfs_bs();
}

/* Drop (dev, block) without writing it back. */
void lmfs_free_block(dev_t dev, block64_t block)
{
	struct buf *bp = lmfs_lookup(dev, block);

	if (bp != NULL)
		lmfs_drop(bp);
}

/* Drop every block of 'dev' without writing it back. */
void lmfs_invalidate(dev_t dev)
{
	unsigned int cap, n, i;
	struct buf **v = lmfs_pool_scratch(&cap);

	if (dev == NO_DEV)
		return;
	lmfs_writeback_reset();
	n = lmfs_collect(v, cap, dev, 0);
	for (i = 0; i < n; i++)
		lmfs_drop(v[i]);
}

/* Copy the counters (and the pool size now) into *st. */
void lmfs_get_stats(struct lmfs_stats *st)
{
	*st = lmfs_st;
	st->nbufs = lmfs_pool_nbufs();
}

/* Zero the counters. */
void lmfs_reset_stats(void)
{
	memset(&lmfs_st, 0, sizeof lmfs_st);
}
