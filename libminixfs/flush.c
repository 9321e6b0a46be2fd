/*
 * flush.c - writeback: dirty blocks go to the device sorted by (dev,
 * block), each run of consecutive blocks in one vectored request of at
 * most LMFS_MAX_IOV blocks.  A run whose write fails or comes back short
 * stays dirty and the first error is returned; the other runs still go.
 *
 * Held dirty blocks are written too but stay dirty: their holder may still
 * be changing them (marking dirty may precede the change).
 * lmfs_flushdev/lmfs_flushall then make the writes durable (ops->flush);
 * writeback for eviction does not.
 *
 * Backoff: after a writeback fails, writeback asked for by eviction
 * (lmfs_writeback_evict) is skipped for the next 1, 2, 4 ... up to
 * WB_BACKOFF_MAX such calls, which return the last error without touching
 * the device; a writeback that fully succeeds (an explicit flush always
 * tries) ends the backoff.  A dying disk then sees a few requests instead
 * of a whole writeback per cache miss.
 */
#include <errno.h>
#include <stdlib.h>

#include "lmfs_priv.h"

#define WB_BACKOFF_MAX	128u

static int wb_error;			/* last failed writeback's error */
static unsigned int wb_wait;		/* current backoff (calls skipped) */
static unsigned int wb_skip;		/* calls left to skip */

static int by_dev_block(const void *a, const void *b)
{
	const struct buf *x = *(struct buf *const *)a;
	const struct buf *y = *(struct buf *const *)b;

	if (x->lmfs_dev != y->lmfs_dev)
		return x->lmfs_dev < y->lmfs_dev ? -1 : 1;
	if (x->lmfs_blocknr != y->lmfs_blocknr)
		return x->lmfs_blocknr < y->lmfs_blocknr ? -1 : 1;
	return 0;
}

/* End (exclusive) of the run of consecutive blocks starting at v[i]. */
static unsigned int run_end(struct buf **v, unsigned int i, unsigned int n)
{
	unsigned int j = i + 1;

	while (j < n && j - i < LMFS_MAX_IOV &&
	    v[j]->lmfs_dev == v[i]->lmfs_dev &&
	    v[j]->lmfs_blocknr == v[i]->lmfs_blocknr + (j - i))
		j++;
	return j;
}

/* Write v[0..k) (consecutive blocks) with one request. */
static int write_run(struct buf **v, unsigned int k)
{
	struct lmfs_iovec iov[LMFS_MAX_IOV];
	struct lmfs_device *d = lmfs_dev_find(v[0]->lmfs_dev);
	size_t total = 0;
	unsigned int i;
	ssize_t r;

	if (d == NULL)
		return -EINVAL;
	for (i = 0; i < k; i++) {
		iov[i] = (struct lmfs_iovec){ v[i]->data, v[i]->lmfs_bytes };
		total += v[i]->lmfs_bytes;
	}
	r = lmfs_io_write(d, v[0]->lmfs_blocknr, iov, (int)k);
	if (r < 0)
		return (int)r;
	if ((size_t)r != total)
		return -EIO;
	for (i = 0; i < k; i++)
		if (v[i]->lmfs_count == 0)
			v[i]->lmfs_flags &= ~LMFS_DIRTY;
	return OK;
}

/* Write back the dirty blocks of 'dev' (NO_DEV: all); the first error. */
int lmfs_writeback(dev_t dev)
{
	unsigned int cap, n, i, j;
	struct buf **v = lmfs_pool_scratch(&cap);
	int r, first = OK;

	n = lmfs_collect(v, cap, dev, LMFS_VALID | LMFS_DIRTY);
	if (n > 1)
		qsort(v, n, sizeof *v, by_dev_block);
	for (i = 0; i < n; i = j) {
		j = run_end(v, i, n);
		if ((r = write_run(v + i, j - i)) != OK && first == OK)
			first = r;
	}
	if (first == OK) {
		lmfs_writeback_reset();
	} else {
		wb_error = first;
		wb_wait = wb_wait == 0 ? 1 : wb_wait * 2;
		if (wb_wait > WB_BACKOFF_MAX)
			wb_wait = WB_BACKOFF_MAX;
		wb_skip = wb_wait;
	}
	return first;
}

/* lmfs_writeback() for eviction: while backing off after a failure, the
 * last error without any request. */
int lmfs_writeback_evict(dev_t dev)
{
	if (wb_skip > 0) {
		wb_skip--;
		return wb_error;
	}
	return lmfs_writeback(dev);
}

/* End the backoff (writeback worked, or the dirty blocks are gone). */
void lmfs_writeback_reset(void)
{
	wb_error = OK;
	wb_wait = wb_skip = 0;
}

/* Write one held block now and mark it clean. */
int lmfs_write_block(struct buf *bp)
{
	int r;

	if (bp == NULL || !(bp->lmfs_flags & LMFS_VALID))
		return -EINVAL;
	if ((r = write_run(&bp, 1)) != OK)
		return r;
	bp->lmfs_flags &= ~LMFS_DIRTY;
	return OK;
}

/* Write back every dirty block and sync the devices. */
int lmfs_flushall(void)
{
	int r = lmfs_writeback(NO_DEV), s = lmfs_dev_sync_all();

	return r != OK ? r : s;
}

/* Write back the dirty blocks of 'dev' and sync it; -EINVAL if unknown. */
int lmfs_flushdev(dev_t dev)
{
	struct lmfs_device *d = lmfs_dev_find(dev);
	int r, s;

	if (d == NULL)
		return -EINVAL;
	r = lmfs_writeback(dev);
	s = lmfs_dev_sync(d);
	return r != OK ? r : s;
}
