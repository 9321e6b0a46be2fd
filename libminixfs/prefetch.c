/*
 * prefetch.c - reading ahead in vectored requests.
 *
 * lmfs_prefetch() turns the file system's guess list into one run: from
 * set[0] upwards, as long as the next block number is also in the set,
 * capped by the readahead limit; the run stops at the next cached block,
 * so one request reads it and no cached (maybe dirty) block is ever
 * overwritten.  It does nothing while set[0] is cached: the next run is
 * read when the block needed next misses, so a file system may call it on
 * every read without degenerating into one-block requests at the edge of
 * the last run (MINIX's read-ahead triggers on a miss the same way).
 *
 * lmfs_readahead() reads the uncached blocks of a range, one request per
 * stretch of uncached blocks.  It takes all its buffers before installing
 * any, so a later stretch cannot evict an earlier one; the blocks then go
 * to the evict end of the LRU (readahead that is never used goes first),
 * the lowest block last (and see cache.c for what happens to them after
 * use in a sequential stream).  A failed or short read leaves the affected
 * blocks uncached: a later lmfs_get_block() reads them again and reports.
 * The run is also capped at half the pool so readahead cannot flush the
 * cache it is filling.
 */
#include <string.h>

#include "lmfs_priv.h"

static unsigned int ra_limit = LMFS_RA_DEFAULT;

/* Set the readahead cap (1..64 blocks; others are clamped, warned). */
void lmfs_set_readahead(unsigned int nblocks)
{
	unsigned int n = nblocks;

	if (n < 1)
		n = 1;
	if (n > LMFS_MAX_IOV)
		n = LMFS_MAX_IOV;
	if (n != nblocks)
		lmfs_warn("set_readahead: %u blocks clamped to %u", nblocks, n);
	ra_limit = n;
}

static unsigned int run_cap(void)
{
	unsigned int half = lmfs_pool_target() / 2;

	if (half < 1)
		half = 1;
	return half < ra_limit ? half : ra_limit;
}

struct ra_batch {
	struct buf *bufs[LMFS_MAX_IOV];
	unsigned int n;
};

/* Take buffers for blocks [start, start+k) and read them in one request;
 * append them (read or failed) to b.  Stops early if buffers run out. */
static void read_stretch(struct lmfs_device *d, block64_t start,
    unsigned int k, struct ra_batch *b)
{
	struct lmfs_iovec iov[LMFS_MAX_IOV];
	struct buf *bp;
	unsigned int i;
	size_t bytes, want = 0, done = 0;
	ssize_t r;

	for (i = 0; i < k; i++) {
		if (lmfs_block_bytes(d, start + i, &bytes) != OK ||
		    lmfs_take_free(&bp) != OK)
			break;
		bp->lmfs_dev = d->dev;
		bp->lmfs_blocknr = start + i;
		bp->lmfs_bytes = bytes;
		iov[i] = (struct lmfs_iovec){ bp->data, bytes };
		b->bufs[b->n + i] = bp;
		want += bytes;
	}
	if (i == 0)
		return;
	r = lmfs_io_read(d, start, iov, (int)i);
	lmfs_st.ra_reqs++;
	lmfs_st.ra_blocks += i;
	for (k = 0; k < i; k++) {
		bp = b->bufs[b->n + k];
		done += bp->lmfs_bytes;
		if (r >= 0 && (size_t)r >= done && (size_t)r <= want)
			bp->lmfs_flags = LMFS_VALID | LMFS_RAHEAD;
	}
	b->n += i;
}

/* Enter the read blocks of b in the cache; give back the failed ones. */
static void install(struct ra_batch *b)
{
	size_t bs = lmfs_bs();
	struct buf *bp;
	unsigned int i;

	for (i = 0; i < b->n; i++) {
		bp = b->bufs[i];
		if (!(bp->lmfs_flags & LMFS_VALID)) {
			lmfs_release_free(bp);
			continue;
		}
		if (bp->lmfs_bytes < bs)
			memset(b_data(bp) + bp->lmfs_bytes, 0,
			    bs - bp->lmfs_bytes);
		bp->lmfs_inode = 0;
		bp->lmfs_inode_offset = 0;
		lmfs_hash_insert(bp);
		lmfs_lru_push_evict(bp);
	}
}

/* Read the uncached blocks of [base, base+nblocks), clipped at the device
 * end and at the readahead cap, one request per uncached stretch. */
void lmfs_readahead(dev_t dev, block64_t base, unsigned int nblocks)
{
	struct lmfs_device *d = lmfs_dev_find(dev);
	struct ra_batch b = { .n = 0 };
	unsigned int i = 0, j, cap = run_cap();
	size_t bytes;

	if (d == NULL || nblocks > cap)
		nblocks = d == NULL ? 0 : cap;
	while (i < nblocks && lmfs_block_bytes(d, base + i, &bytes) == OK) {
		if (lmfs_lookup(dev, base + i) != NULL) {
			i++;
			continue;
		}
		for (j = i + 1; j < nblocks; j++)
			if (lmfs_lookup(dev, base + j) != NULL)
				break;
		read_stretch(d, base + i, j - i, &b);
		i = j;
	}
	install(&b);
}

/* Prefetch the run around set[0]; see the top of this file. */
void lmfs_prefetch(dev_t dev, const block64_t *set, unsigned int n)
{
	unsigned int cap = run_cap(), i, len, e;
	uint64_t member = 0;
	block64_t base;

	if (set == NULL || n == 0)
		return;
	base = set[0];
	for (i = 0; i < n; i++)
		if (set[i] >= base && set[i] - base < cap)
			member |= 1ull << (set[i] - base);
	len = ~member == 0 ? 64 : (unsigned int)__builtin_ctzll(~member);
	if (lmfs_lookup(dev, base) != NULL)
		return;
	for (e = 1; e < len && lmfs_lookup(dev, base + e) == NULL; e++)
		;
	lmfs_readahead(dev, base, e);
}
