/*
 * t_errors.c - device errors: each error path leaves the cache consistent,
 * a failed block is never handed out as valid, and a retry after the
 * fault clears reads good data; failed writes stay dirty.
 */
#include <errno.h>

#include "lmfs_test.h"

#define BS	1024

static void test_read_eio_then_retry(void)
{
	struct buf *bp;

	t_open(BS, 64 * BS, 8);
	fakedev_fail_block(tfd, 5, FD_READ);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 5, NORMAL), -EIO);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 5, PEEK), -ENOENT);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 5, NORMAL), -EIO);
	CU_ASSERT_EQUAL(tfd->reads, 2);
	fakedev_clear_faults(tfd);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 5, NORMAL), OK);
	CU_ASSERT(t_is_pattern(bp));
	lmfs_put_block(bp);
}

static void test_short_read(void)
{
	struct buf *bp;
	unsigned int i;

	t_open(BS, 64 * BS, 8);
	/* fill the pool so the failing read reuses a buffer with old data */
	for (i = 0; i < 8; i++) {
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 40 + i,
		    NORMAL), OK);
		lmfs_put_block(bp);
	}
	tfd->short_by = 1;
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 7, NORMAL), -EIO);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 7, PEEK), -ENOENT);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 7, NORMAL), OK);
	CU_ASSERT(t_is_pattern(bp));
	lmfs_put_block(bp);
}

static void test_nth_request_fails(void)
{
	struct buf *bp;
	block64_t b;
	int fails = 0;

	t_open(BS, 64 * BS, 8);
	tfd->fail_req = 3;
	for (b = 0; b < 6; b++) {
		if (lmfs_get_block(&bp, TDEV, b, NORMAL) != OK) {
			fails++;
			continue;
		}
		CU_ASSERT(t_is_pattern(bp));
		lmfs_put_block(bp);
	}
	CU_ASSERT_EQUAL(fails, 1);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 2, PEEK), -ENOENT);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 3, PEEK), OK);
	lmfs_put_block(bp);
}

static void dirty_block(block64_t b, uint8_t v)
{
	struct buf *bp;

	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, b, NORMAL), OK);
	memset(b_data(bp), v, b_bytes(bp));
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
}

static int is_dirty(block64_t b)
{
	struct buf *bp;
	int dirty;

	if (lmfs_get_block(&bp, TDEV, b, PEEK) != OK)
		return -1;
	dirty = !lmfs_isclean(bp);
	lmfs_put_block(bp);
	return dirty;
}

static void test_write_fail_stays_dirty(void)
{
	t_open(BS, 64 * BS, 0);
	dirty_block(1, 0x11);
	dirty_block(2, 0x22);
	dirty_block(3, 0x33);
	dirty_block(10, 0xaa);
	fakedev_fail_block(tfd, 2, FD_WRITE);
	CU_ASSERT_EQUAL(lmfs_flushall(), -EIO);
	CU_ASSERT_EQUAL(is_dirty(1), 1);	/* same run as block 2 */
	CU_ASSERT_EQUAL(is_dirty(2), 1);
	CU_ASSERT_EQUAL(is_dirty(3), 1);
	CU_ASSERT_EQUAL(is_dirty(10), 0);	/* other run was written */
	CU_ASSERT_EQUAL(tfd->mem[10 * BS], 0xaa);
	CU_ASSERT_EQUAL(tfd->mem[2 * BS], fd_pattern(2 * BS));
	fakedev_clear_faults(tfd);
	tfd->short_by = 100;
	CU_ASSERT_EQUAL(lmfs_flushdev(TDEV), -EIO);
	CU_ASSERT_EQUAL(is_dirty(2), 1);
	CU_ASSERT_EQUAL(lmfs_flushdev(TDEV), OK);
	CU_ASSERT_EQUAL(is_dirty(1), 0);
	CU_ASSERT_EQUAL(is_dirty(2), 0);
	CU_ASSERT_EQUAL(tfd->mem[2 * BS + BS - 1], 0x22);
	CU_ASSERT_EQUAL(tfd->mem[3 * BS], 0x33);
	tfd->flush_error = -EIO;
	dirty_block(4, 0x44);
	CU_ASSERT_EQUAL(lmfs_flushall(), -EIO);
	CU_ASSERT_EQUAL(tfd->mem[4 * BS], 0x44);
}

/* Eviction must not lose a dirty block whose writeback fails: with every
 * buffer of the pool dirty and unwritable, a miss gets the write error
 * (the pool does not grow); after the fault a flush writes them all. */
static void test_evict_write_fail(void)
{
	struct buf *bp;
	block64_t b;

	t_open(BS, 64 * BS, 4);
	for (b = 0; b < 4; b++) {
		dirty_block(b, (uint8_t)(0x60 + b));
		fakedev_fail_block(tfd, b, FD_WRITE);
	}
	for (b = 20; b < 30; b++)
		CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, b, NORMAL), -EIO);
	CU_ASSERT_EQUAL(t_stats().nbufs, 4);
	for (b = 0; b < 4; b++)
		CU_ASSERT_EQUAL(is_dirty(b), 1);
	fakedev_clear_faults(tfd);
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	for (b = 0; b < 4; b++)
		CU_ASSERT_EQUAL(tfd->mem[b * BS + 5], 0x60 + b);
	for (b = 40; b < 50; b++) {
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, b, NORMAL),
		    OK);
		CU_ASSERT(t_is_pattern(bp));
		lmfs_put_block(bp);
	}
	CU_ASSERT_EQUAL(t_stats().nbufs, 4);
}

/* Some buffers dirty and unwritable, others clean: misses reuse the clean
 * ones, the dirty ones stay. */
static void test_evict_partly_unwritable(void)
{
	struct buf *bp;
	block64_t b;

	t_open(BS, 64 * BS, 4);
	dirty_block(0, 0x51);
	dirty_block(1, 0x52);
	fakedev_fail_block(tfd, 0, FD_WRITE);
	fakedev_fail_block(tfd, 1, FD_WRITE);
	for (b = 20; b < 30; b++) {
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, b, NORMAL),
		    OK);
		CU_ASSERT(t_is_pattern(bp));
		lmfs_put_block(bp);
	}
	CU_ASSERT_EQUAL(is_dirty(0), 1);
	CU_ASSERT_EQUAL(is_dirty(1), 1);
	CU_ASSERT_EQUAL(t_stats().nbufs, 4);
}

/* A read fault while a dirty block sits in the pool: the read error is
 * reported, the dirty block stays. */
static void test_evict_dirty_with_read_fault(void)
{
	struct buf *bp;

	t_open(BS, 64 * BS, 4);
	dirty_block(0, 0x70);
	fakedev_fail_block(tfd, 9, FD_READ);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 9, NORMAL), -EIO);
	CU_ASSERT_EQUAL(is_dirty(0), 1);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 9, PEEK), -ENOENT);
}

int suite_errors(void)
{
	static const struct t_case cases[] = {
		{ "read EIO, then retry", test_read_eio_then_retry },
		{ "short read", test_short_read },
		{ "n-th request fails", test_nth_request_fails },
		{ "failed write stays dirty", test_write_fail_stays_dirty },
		{ "eviction with failing writeback", test_evict_write_fail },
		{ "eviction, some blocks unwritable",
		    test_evict_partly_unwritable },
		{ "read fault keeps dirty blocks",
		    test_evict_dirty_with_read_fault },
		{ NULL, NULL }
	};

	return t_add_suite("errors", cases);
}
