/*
 * t_usage.c - usage accounting sizes the pool (half the used blocks, at
 * least 128 buffers), with hysteresis; shrinking writes dirty blocks
 * first; lmfs_buf_pool pins; silly values are clamped with a warning.
 */
#include "lmfs_test.h"

#define BS	1024
#define NBLK	2048

static void touch(block64_t from, block64_t to)
{
	struct buf *bp;
	block64_t b;

	for (b = from; b < to; b++) {
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, b, NORMAL), OK);
		lmfs_put_block(bp);
	}
}

static void test_resize(void)
{
	struct buf *bp;
	block64_t b;

	t_open(BS, NBLK * BS, 0);
	lmfs_set_blockusage(4096, 1024);	/* target 512 */
	for (b = 0; b < 100; b++) {		/* dirty, least recent */
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, b, NORMAL),
		    OK);
		memset(b_data(bp), 0x3c, BS);
		lmfs_markdirty(bp);
		lmfs_put_block(bp);
	}
	touch(100, 512);
	CU_ASSERT_EQUAL(t_stats().nbufs, 512);
	CU_ASSERT_EQUAL(t_stats().write_reqs, 0);
	lmfs_change_blockusage(-512);		/* target 256: shrinks now */
	CU_ASSERT_EQUAL(t_stats().nbufs, 256);
	CU_ASSERT(t_stats().write_reqs >= 1);
	CU_ASSERT_EQUAL(tfd->mem[50 * BS], 0x3c);
	lmfs_change_blockusage(40);		/* 276: within hysteresis */
	touch(1000, 1400);
	CU_ASSERT_EQUAL(t_stats().nbufs, 256);
	lmfs_change_blockusage(400);		/* 476: grows */
	touch(0, 1000);
	CU_ASSERT_EQUAL(t_stats().nbufs, 476);
	lmfs_set_blockusage(4096, 10);		/* floor: 128 */
	CU_ASSERT_EQUAL(t_stats().nbufs, 128);
	CU_ASSERT_EQUAL(t_warnings, 0);
}

static void test_pinned(void)
{
	t_open(BS, NBLK * BS, 16);
	touch(0, 100);
	CU_ASSERT_EQUAL(t_stats().nbufs, 16);
	lmfs_set_blockusage(4096, 4000);	/* pinned: no change */
	touch(100, 400);
	CU_ASSERT_EQUAL(t_stats().nbufs, 16);
	lmfs_buf_pool(0);			/* automatic again: 2000 */
	touch(0, NBLK);
	CU_ASSERT_EQUAL(t_stats().nbufs, 2000);
	lmfs_buf_pool(8);
	CU_ASSERT_EQUAL(t_stats().nbufs, 8);
}

static void test_clamping(void)
{
	uint64_t total, used;

	t_open(BS, NBLK * BS, 0);
	lmfs_set_blockusage(10, 20);
	lmfs_get_blockusage(&total, &used);
	CU_ASSERT_EQUAL(total, 10);
	CU_ASSERT_EQUAL(used, 10);
	CU_ASSERT_EQUAL(t_warnings, 1);
	lmfs_change_blockusage(-3);
	lmfs_get_blockusage(NULL, &used);
	CU_ASSERT_EQUAL(used, 7);
	lmfs_change_blockusage(-100);
	lmfs_get_blockusage(NULL, &used);
	CU_ASSERT_EQUAL(used, 0);
	lmfs_change_blockusage(INT64_MIN);
	lmfs_change_blockusage(100);
	lmfs_get_blockusage(NULL, &used);
	CU_ASSERT_EQUAL(used, 10);
	lmfs_change_blockusage(INT64_MAX);
	CU_ASSERT_EQUAL(t_warnings, 5);
	lmfs_buf_pool(-5);
	lmfs_buf_pool(1);
	lmfs_buf_pool(0x7fffffff);
	CU_ASSERT_EQUAL(t_warnings, 8);
	lmfs_set_blockusage(UINT64_MAX, UINT64_MAX);	/* huge: capped */
	lmfs_buf_pool(0);
	touch(0, 300);
	CU_ASSERT_EQUAL(t_stats().nbufs, 300);
}

int suite_usage(void)
{
	static const struct t_case cases[] = {
		{ "usage resizes the pool", test_resize },
		{ "lmfs_buf_pool pins", test_pinned },
		{ "silly values clamped", test_clamping },
		{ NULL, NULL }
	};

	return t_add_suite("usage", cases);
}
