/*
 * cache.c - lookup and LRU: the hot path of libminixfs.
 *
 * Every cached (VALID) buffer sits in a hash table keyed on (dev, block),
 * chained through lmfs_hash_next; the table has at least as many slots as
 * there are buffers, so chains stay short and lookup is O(1).  Unheld
 * buffers sit in one doubly-linked LRU list with a sentinel: the "evict"
 * end (first) is reused first, the "mru" end gets blocks just released.
 * Free (invalid) buffers and readahead buffers go to the evict end.
 *
 * Streaming is use-once: a readahead block released after its first use,
 * right after the readahead block before it on the same device, goes back
 * to the evict end instead of the mru end, marked ONCE.  "The block
 * before" is the last readahead block released: blocks that were not read
 * ahead (a file's indirect blocks, looked up between its data blocks) do
 * not break the sequence.  A miss takes a ONCE buffer before it grows the
 * pool (pool.c), so a long sequential read recycles the same few
 * (CPU-cache-hot) buffers for its readahead instead of filling the cache
 * with fresh memory; blocks used again, or used out of sequence, follow
 * plain LRU.  (Linux's page cache and MINIX's ONE_SHOT blocks make the
 * same trade.)
 *
 * A cache hit is a hash walk, an unlink from the LRU and a counter bump on
 * get, and a counter drop and a link on put: no system call, no allocation.
 * A miss asks pool.c for a free buffer and reads the block with one device
 * request; if that fails the buffer goes back to the pool, invalid, so a
 * failed block is never handed out as valid.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lmfs_priv.h"

#define HASH_MIN_BITS	8

struct lmfs_stats lmfs_st;

static size_t cache_bs;			/* block size; 0 until set */
static struct buf **hash_tab;
static unsigned int hash_bits;
static struct buf lru = { .lmfs_lru_prev = &lru, .lmfs_lru_next = &lru };
static dev_t last_dev = NO_DEV;		/* last block released */
static block64_t last_block;

/* Current block size (0 if unset). */
size_t lmfs_bs(void)
{
	return cache_bs;
}

/* Store the block size; admin.c has already emptied the cache. */
void lmfs_bs_set(size_t bs)
{
	cache_bs = bs;
}

static inline unsigned int hash_of(dev_t dev, block64_t block)
{
	uint64_t k = block ^ ((uint64_t)dev * 0xff51afd7ed558ccdull);

	return (unsigned int)((k * 0x9e3779b97f4a7c15ull) >> (64 - hash_bits));
}

/* The cached buffer holding (dev, block), or NULL. */
struct buf *lmfs_lookup(dev_t dev, block64_t block)
{
	struct buf *bp;

	if (hash_tab == NULL)
		return NULL;
	for (bp = hash_tab[hash_of(dev, block)]; bp; bp = bp->lmfs_hash_next)
		if (bp->lmfs_blocknr == block && bp->lmfs_dev == dev)
			return bp;
	return NULL;
}

/* Enter bp (not cached yet) in the hash table. */
void lmfs_hash_insert(struct buf *bp)
{
	unsigned int h = hash_of(bp->lmfs_dev, bp->lmfs_blocknr);

	bp->lmfs_hash_next = hash_tab[h];
	hash_tab[h] = bp;
}

/* Take bp out of the hash table. */
void lmfs_hash_remove(struct buf *bp)
{
	struct buf **pp = &hash_tab[hash_of(bp->lmfs_dev, bp->lmfs_blocknr)];

	while (*pp != NULL && *pp != bp)
		pp = &(*pp)->lmfs_hash_next;
	if (*pp == bp)
		*pp = bp->lmfs_hash_next;
	bp->lmfs_hash_next = NULL;
}

/* Make the table big enough for 'nbufs' buffers (rehashing if it grows). */
int lmfs_hash_reserve(unsigned int nbufs)
{
	unsigned int bits = HASH_MIN_BITS, old_bits = hash_bits, i;
	struct buf **tab, **old = hash_tab, *bp, *next;

	while ((1u << bits) < nbufs && bits < 31)
		bits++;
	if (hash_tab != NULL && bits <= hash_bits)
		return OK;
	if ((tab = calloc((size_t)1 << bits, sizeof *tab)) == NULL)
		return -ENOMEM;
	hash_tab = tab;
	hash_bits = bits;
	for (i = 0; old != NULL && i < (1u << old_bits); i++) {
		for (bp = old[i]; bp != NULL; bp = next) {
			next = bp->lmfs_hash_next;
			lmfs_hash_insert(bp);
		}
	}
	free(old);
	return OK;
}

/* Free the (empty) table. */
void lmfs_hash_release(void)
{
	free(hash_tab);
	hash_tab = NULL;
	hash_bits = 0;
}

/* Put up to 'cap' cached buffers of 'dev' (NO_DEV: any) having all bits of
 * 'flag' into v; return how many. */
unsigned int lmfs_collect(struct buf **v, unsigned int cap, dev_t dev,
    unsigned int flag)
{
	unsigned int i, n = 0;
	struct buf *bp;

	for (i = 0; hash_tab != NULL && i < (1u << hash_bits); i++) {
		for (bp = hash_tab[i]; bp != NULL; bp = bp->lmfs_hash_next) {
			if ((bp->lmfs_flags & flag) != flag)
				continue;
			if (dev != NO_DEV && bp->lmfs_dev != dev)
				continue;
			if (n < cap)
				v[n++] = bp;
		}
	}
	return n;
}

/* Take bp off the LRU list. */
void lmfs_lru_unlink(struct buf *bp)
{
	bp->lmfs_lru_prev->lmfs_lru_next = bp->lmfs_lru_next;
	bp->lmfs_lru_next->lmfs_lru_prev = bp->lmfs_lru_prev;
	bp->lmfs_lru_prev = bp->lmfs_lru_next = NULL;
	bp->lmfs_flags &= ~LMFS_INLRU;
}

static void lru_link(struct buf *bp, struct buf *prev, struct buf *next)
{
	bp->lmfs_lru_prev = prev;
	bp->lmfs_lru_next = next;
	prev->lmfs_lru_next = bp;
	next->lmfs_lru_prev = bp;
	bp->lmfs_flags |= LMFS_INLRU;
}

/* Append bp at the most-recently-used end (evicted last). */
static void lru_push_mru(struct buf *bp)
{
	lru_link(bp, lru.lmfs_lru_prev, &lru);
}

/* Insert bp at the evict end (reused first). */
void lmfs_lru_push_evict(struct buf *bp)
{
	lru_link(bp, &lru, lru.lmfs_lru_next);
}

/* The buffer to evict first, or NULL when every buffer is held. */
struct buf *lmfs_lru_first(void)
{
	return lru.lmfs_lru_next == &lru ? NULL : lru.lmfs_lru_next;
}

/* The buffer after bp towards the mru end, or NULL. */
struct buf *lmfs_lru_next_of(struct buf *bp)
{
	return bp->lmfs_lru_next == &lru ? NULL : bp->lmfs_lru_next;
}

/* Drop bp from the cache without writing it: it becomes free (unheld) or
 * an orphan (held; freed by its last put). */
void lmfs_drop(struct buf *bp)
{
	if (bp->lmfs_flags & LMFS_VALID)
		lmfs_hash_remove(bp);
	bp->lmfs_flags &= ~(LMFS_VALID | LMFS_DIRTY);
	if (bp->lmfs_flags & LMFS_INLRU) {
		lmfs_lru_unlink(bp);
		lmfs_lru_push_evict(bp);
	}
}

/* Read bp's block into it with one request; OK or a negative errno. */
static int read_block(struct lmfs_device *d, struct buf *bp)
{
	struct lmfs_iovec iov = { bp->data, bp->lmfs_bytes };
	ssize_t r = lmfs_io_read(d, bp->lmfs_blocknr, &iov, 1);

	if (r < 0)
		return (int)r;
	if ((size_t)r != bp->lmfs_bytes)
		return -EIO;
	if (bp->lmfs_bytes < cache_bs)
		memset(b_data(bp) + bp->lmfs_bytes, 0,
		    cache_bs - bp->lmfs_bytes);
	return OK;
}

/* The slow path: validate, find a buffer, read unless NO_READ. */
static int get_miss(struct buf **bpp, dev_t dev, block64_t block, int how)
{
	struct lmfs_device *d;
	struct buf *bp;
	size_t bytes;
	int r;

	lmfs_st.misses++;
	if ((d = lmfs_dev_find(dev)) == NULL)
		return -EINVAL;
	if ((r = lmfs_block_bytes(d, block, &bytes)) != OK)
		return r;
	if (how == PEEK)
		return -ENOENT;
	if ((r = lmfs_take_free(&bp)) != OK)
		return r;
	bp->lmfs_dev = dev;
	bp->lmfs_blocknr = block;
	bp->lmfs_bytes = bytes;
	if (how == NO_READ)
		memset(bp->data, 0, cache_bs);
	else if ((r = read_block(d, bp)) != OK) {
		lmfs_release_free(bp);
		return r;
	}
	bp->lmfs_flags = LMFS_VALID;
	bp->lmfs_count = 1;
	bp->lmfs_inode = 0;
	bp->lmfs_inode_offset = 0;
	lmfs_hash_insert(bp);
	*bpp = bp;
	return OK;
}

static inline int get_block(struct buf **bpp, dev_t dev, block64_t block,
    int how)
{
	struct buf *bp;

	if (bpp == NULL || how < NORMAL || how > PEEK)
		return -EINVAL;
	if ((bp = lmfs_lookup(dev, block)) == NULL)
		return get_miss(bpp, dev, block, how);
	lmfs_st.hits++;
	if (bp->lmfs_count++ == 0)
		lmfs_lru_unlink(bp);
	bp->lmfs_flags &= ~LMFS_ONCE;
	*bpp = bp;
	return OK;
}

/* Get (dev, block) held; see the header for 'how' and the errors. */
int lmfs_get_block(struct buf **bpp, dev_t dev, block64_t block, int how)
{
	return get_block(bpp, dev, block, how);
}

/* lmfs_get_block() that also tags the buffer with (ino, ino_off). */
int lmfs_get_block_ino(struct buf **bpp, dev_t dev, block64_t block, int how,
    ino_t ino, uint64_t ino_off)
{
	int r = get_block(bpp, dev, block, how);

	if (r == OK) {
		(*bpp)->lmfs_inode = ino;
		(*bpp)->lmfs_inode_offset = ino_off;
	}
	return r;
}

/* Release one hold on bp; the last one makes it evictable (orphans die). */
void lmfs_put_block(struct buf *bp)
{
	if (bp == NULL)
		return;
	if (bp->lmfs_count == 0) {
		lmfs_warn("put_block: block %llu is not held",
		    (unsigned long long)bp->lmfs_blocknr);
		return;
	}
	if (--bp->lmfs_count > 0)
		return;
	if (!(bp->lmfs_flags & LMFS_VALID)) {
		lmfs_buf_destroy(bp);
		return;
	}
	if (!(bp->lmfs_flags & LMFS_RAHEAD)) {
		lru_push_mru(bp);
		return;
	}
	if (bp->lmfs_dev == last_dev && bp->lmfs_blocknr == last_block + 1) {
		lmfs_lru_push_evict(bp);	/* streamed: use-once */
		bp->lmfs_flags |= LMFS_ONCE;
	} else {
		lru_push_mru(bp);
	}
	bp->lmfs_flags &= ~LMFS_RAHEAD;
	last_dev = bp->lmfs_dev;
	last_block = bp->lmfs_blocknr;
}

/* Mark a held block as changed (before or after the change). */
void lmfs_markdirty(struct buf *bp)
{
	if (bp->lmfs_flags & LMFS_VALID)
		bp->lmfs_flags |= LMFS_DIRTY;
}

/* Forget that a held block changed. */
void lmfs_markclean(struct buf *bp)
{
	bp->lmfs_flags &= ~LMFS_DIRTY;
}

/* 1 if the block needs no writeback, else 0. */
int lmfs_isclean(struct buf *bp)
{
	return !(bp->lmfs_flags & LMFS_DIRTY);
}
