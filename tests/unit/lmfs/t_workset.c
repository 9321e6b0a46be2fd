/*
 * t_workset.c - MINIX test72 style: random reads, partial and whole-block
 * writes, prefetches, flushes and lmfs_bio calls over working sets smaller
 * and larger than the cache, checked against a reference copy of the
 * device at every read and at the end (after a flush, on the device
 * itself).  One variant injects transient read faults.
 */
#include <errno.h>
#include <stdlib.h>

#include "lmfs_test.h"

#define BS	1024

static uint64_t rng;

static uint64_t rnd(uint64_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng % n;
}

struct ws {
	uint8_t *ref;		/* what the device must read as */
	uint64_t size;
	block64_t nblocks;
	unsigned int failures;	/* injected read faults that hit */
};

static int matches(struct ws *w, struct buf *bp)
{
	return memcmp(bp->data, w->ref + bp->lmfs_blocknr * BS,
	    b_bytes(bp)) == 0;
}

static void op_read(struct ws *w, block64_t b)
{
	struct buf *bp;
	int r = lmfs_get_block(&bp, TDEV, b, NORMAL);

	if (r == -EIO && tfd->nbad > 0) {
		w->failures++;
		return;
	}
	CU_ASSERT_EQUAL_FATAL(r, OK);
	CU_ASSERT(matches(w, bp));
	lmfs_put_block(bp);
}

static void op_write(struct ws *w, block64_t b, int whole)
{
	struct buf *bp;
	size_t off, len, i;
	int r = lmfs_get_block(&bp, TDEV, b, whole ? NO_READ : NORMAL);

	if (r == -EIO && tfd->nbad > 0) {
		w->failures++;
		return;
	}
	CU_ASSERT_EQUAL_FATAL(r, OK);
	off = whole ? 0 : rnd(b_bytes(bp));
	len = whole ? b_bytes(bp) : 1 + rnd(b_bytes(bp) - off);
	if (rnd(2))
		lmfs_markdirty(bp);		/* before or after the change */
	for (i = off; i < off + len; i++)
		b_data(bp)[i] = (char)rnd(256);
	lmfs_markdirty(bp);
	memcpy(w->ref + b * BS + off, b_data(bp) + off, len);
	lmfs_put_block(bp);
}

static void op_prefetch(struct ws *w, block64_t b)
{
	block64_t set[16];
	unsigned int i, n = 1 + (unsigned int)rnd(16);

	for (i = 0; i < n; i++)
		set[i] = i == 0 ? b : b + rnd(20);
	lmfs_prefetch(TDEV, set, n);
	(void)w;
}

static void op_bio(struct ws *w)
{
	uint8_t tmp[3 * BS];
	uint64_t pos = rnd(w->size);
	size_t len = 1 + rnd(sizeof tmp), i;
	ssize_t r;

	if (rnd(2)) {
		r = lmfs_bio(TDEV, 0, pos, tmp, len);
		if (r < 0 && tfd->nbad > 0)
			return;
		CU_ASSERT_FATAL(r > 0);
		CU_ASSERT(memcmp(tmp, w->ref + pos, (size_t)r) == 0);
		return;
	}
	for (i = 0; i < len; i++)
		tmp[i] = (uint8_t)rnd(256);
	r = lmfs_bio(TDEV, 1, pos, tmp, len);
	if (r < 0 && tfd->nbad > 0)
		return;
	CU_ASSERT_FATAL(r > 0);
	memcpy(w->ref + pos, tmp, (size_t)r);
}

static void one_op(struct ws *w, block64_t b)
{
	unsigned int k = (unsigned int)rnd(100);

	if (k < 50)
		op_read(w, b);
	else if (k < 75)
		op_write(w, b, 0);
	else if (k < 85)
		op_write(w, b, 1);
	else if (k < 93)
		op_prefetch(w, b);
	else if (k < 99)
		op_bio(w);
	else
		CU_ASSERT_EQUAL(lmfs_flushall(), OK);
}

/* 'ops' random operations on a device of 'nblocks' (+ a partial block)
 * with a pool of 'pool' buffers; 'faults' injects read faults. */
static void run(block64_t nblocks, int pool, unsigned int ops, int faults)
{
	struct ws w;
	unsigned int i;

	w.size = nblocks * BS + 300;
	w.nblocks = nblocks + 1;
	w.failures = 0;
	t_open(BS, w.size, pool);
	w.ref = malloc(w.size);
	CU_ASSERT_FATAL(w.ref != NULL);
	memcpy(w.ref, tfd->mem, w.size);
	rng = 0x9e3779b97f4a7c15ull ^ (uint64_t)pool ^ nblocks;
	for (i = 0; i < ops; i++) {
		if (faults && i % 500 == 0) {
			fakedev_clear_faults(tfd);
			fakedev_fail_block(tfd, rnd(w.nblocks), FD_READ);
			fakedev_fail_block(tfd, rnd(w.nblocks), FD_READ);
		}
		one_op(&w, rnd(w.nblocks));
	}
	fakedev_clear_faults(tfd);
	for (i = 0; i < 300; i++)
		op_read(&w, rnd(w.nblocks));
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT(memcmp(tfd->mem, w.ref, w.size) == 0);
	CU_ASSERT(t_stats().nbufs <= (unsigned int)pool);
	if (faults)
		CU_ASSERT(w.failures > 0);
	free(w.ref);
}

static void test_smaller_than_cache(void)
{
	run(100, 256, 100000, 0);
}

static void test_larger_than_cache(void)
{
	run(600, 32, 100000, 0);
}

static void test_much_larger_than_cache(void)
{
	run(5000, 16, 100000, 0);
}

static void test_with_read_faults(void)
{
	run(400, 24, 100000, 1);
}

int suite_workset(void)
{
	static const struct t_case cases[] = {
		{ "working set smaller than the cache",
		    test_smaller_than_cache },
		{ "working set larger than the cache", test_larger_than_cache },
		{ "working set much larger", test_much_larger_than_cache },
		{ "random ops with read faults", test_with_read_faults },
		{ NULL, NULL }
	};

	return t_add_suite("workset", cases);
}
