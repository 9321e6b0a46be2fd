/*
 * pool.c - the buffers themselves: allocation, reuse and pool size.
 *
 * The pool grows lazily up to its target (set by usage.c): a miss while
 * the pool is below target allocates a new buffer, unless the buffer at
 * the evict end is free or a streamed block already used once (cache.c):
 * that one is reused first.  At target a miss reuses the buffer at the
 * evict end of the LRU.  If that one is dirty, every dirty block of its
 * device is written back first (sorted and coalesced, see flush.c), which
 * also cleans the blocks that would be evicted next.  When every buffer
 * is held the pool grows past its target, up to a hard cap; beyond it the
 * request fails with -ENOSPC (never a deadlock or a panic).
 *
 * Data areas come from slab.c (dense, aligned to the block size).
 *
 * Shrinking frees only unheld clean buffers, writing dirty ones first; any
 * surplus left (held buffers) is trimmed on later misses.  The scratch
 * vector (one slot per buffer) is what flush.c sorts and what
 * invalidation collects into: allocated here so neither allocates.
 */
#include <errno.h>
#include <stdlib.h>

#include "lmfs_priv.h"

static unsigned int pool_nbufs;		/* buffers allocated */
static unsigned int pool_target;	/* wanted size */
static struct buf **scratch;
static unsigned int scratch_cap;

/* The wanted pool size, in buffers. */
unsigned int lmfs_pool_target(void)
{
	return pool_target;
}

/* The buffers allocated now. */
unsigned int lmfs_pool_nbufs(void)
{
	return pool_nbufs;
}

/* A vector with a slot for every buffer; *cap gets its size. */
struct buf **lmfs_pool_scratch(unsigned int *cap)
{
	*cap = scratch_cap;
	return scratch;
}

static int scratch_reserve(unsigned int n)
{
	unsigned int cap = scratch_cap ? scratch_cap : 64;
	struct buf **v;

	if (n <= scratch_cap)
		return OK;
	while (cap < n)
		cap *= 2;
	if ((v = realloc(scratch, cap * sizeof *v)) == NULL)
		return -ENOMEM;
	scratch = v;
	scratch_cap = cap;
	return OK;
}

/* Allocate one more buffer (free, in no list), or NULL. */
static struct buf *buf_create(void)
{
	struct buf *bp;

	if (scratch_reserve(pool_nbufs + 1) != OK ||
	    lmfs_hash_reserve(pool_nbufs + 1) != OK)
		return NULL;
	if ((bp = calloc(1, sizeof *bp)) == NULL)
		return NULL;
	if ((bp->data = lmfs_area_alloc(lmfs_bs())) == NULL) {
		free(bp);
		return NULL;
	}
	pool_nbufs++;
	return bp;
}

/* Free a buffer that is in no list. */
void lmfs_buf_destroy(struct buf *bp)
{
	lmfs_area_free(bp->data);
	free(bp);
	pool_nbufs--;
}

/* Take an unheld clean buffer out of the cache and the LRU. */
static void unhook(struct buf *bp)
{
	if (bp->lmfs_flags & LMFS_VALID) {
		lmfs_hash_remove(bp);
		lmfs_st.evictions++;
	}
	lmfs_lru_unlink(bp);
	bp->lmfs_flags = 0;
}

/* Free clean buffers from the evict end while the pool is over target. */
static void trim(void)
{
	struct buf *bp;

	while (pool_nbufs > pool_target && (bp = lmfs_lru_first()) != NULL &&
	    !(bp->lmfs_flags & LMFS_DIRTY)) {
		unhook(bp);
		lmfs_buf_destroy(bp);
	}
}

/* Reuse the least recently used clean buffer, writing back if needed. */
static int evict_one(struct buf **bpp)
{
	struct buf *bp = lmfs_lru_first();
	int r = -ENOSPC;

	if (bp == NULL)
		return -ENOSPC;
	if (bp->lmfs_flags & LMFS_DIRTY)
		r = lmfs_writeback_evict(bp->lmfs_dev);
	while (bp != NULL && (bp->lmfs_flags & LMFS_DIRTY))
		bp = lmfs_lru_next_of(bp);	/* only after a failed write */
	if (bp == NULL)
		return r == OK ? -EIO : r;
	unhook(bp);
	*bpp = bp;
	return OK;
}

/* Below target a miss normally gets a new buffer, but a free one, or a
 * streamed block already used once, at the evict end is taken first: a
 * sequential stream then recycles a few buffers instead of growing the
 * pool with data nobody will ask for again.  1 if *bpp was taken. */
static int reusable_first(struct buf **bpp)
{
	struct buf *bp = lmfs_lru_first();

	if (bp == NULL || (bp->lmfs_flags & LMFS_DIRTY) ||
	    ((bp->lmfs_flags & LMFS_VALID) && !(bp->lmfs_flags & LMFS_ONCE)))
		return 0;
	unhook(bp);
	*bpp = bp;
	return 1;
}

/* Find a free buffer for a miss; it comes back transient (in no list,
 * unheld, invalid).  OK, -ENOSPC (every buffer held, the pool at its
 * limit), or a writeback error (every unheld buffer dirty, unwritable). */
int lmfs_take_free(struct buf **bpp)
{
	struct buf *bp = NULL;
	int r;

	trim();
	if (pool_nbufs < pool_target && !reusable_first(&bp))
		bp = buf_create();
	if (bp == NULL && (r = evict_one(&bp)) != OK) {
		if (r != -ENOSPC || pool_nbufs >= lmfs_pool_hard() ||
		    (bp = buf_create()) == NULL)
			return r;
	}
	bp->lmfs_flags = 0;
	bp->lmfs_count = 0;
	bp->lmfs_hash_next = NULL;
	*bpp = bp;
	return OK;
}

/* Give back a transient buffer unused (for instance after a failed read):
 * it becomes free, or is released if the pool is over target. */
void lmfs_release_free(struct buf *bp)
{
	bp->lmfs_flags = 0;
	bp->lmfs_count = 0;
	if (pool_nbufs > pool_target)
		lmfs_buf_destroy(bp);
	else
		lmfs_lru_push_evict(bp);
}

/* Set the wanted size; shrinking frees unheld buffers (dirty written). */
void lmfs_pool_set_target(unsigned int nbufs)
{
	int r;

	pool_target = nbufs;
	trim();
	if (pool_nbufs <= pool_target || lmfs_lru_first() == NULL)
		return;
	if ((r = lmfs_writeback(NO_DEV)) != OK)
		lmfs_warn("pool shrink: writeback failed (%d)", r);
	trim();
}

/* Drop every buffer (the caller checked that none is held and wrote the
 * dirty ones back) and free them. */
void lmfs_pool_drop_all(void)
{
	unsigned int n, i;
	struct buf *bp;

	lmfs_writeback_reset();
	n = lmfs_collect(scratch, scratch_cap, NO_DEV, 0);
	for (i = 0; i < n; i++)
		lmfs_drop(scratch[i]);
	while ((bp = lmfs_lru_first()) != NULL) {
		lmfs_lru_unlink(bp);
		lmfs_buf_destroy(bp);
	}
	if (pool_nbufs == 0) {
		lmfs_hash_release();
		free(scratch);
		scratch = NULL;
		scratch_cap = 0;
	}
}
