/*
 * t_flush.c - writeback: sorted, contiguous runs in one request each
 * (capped at LMFS_MAX_IOV), per device; held blocks stay dirty; dropping
 * (free, invalidate, unregister, block size change) writes nothing or,
 * for the block size change, everything first; lmfs_write_block writes
 * one held block at once, before the others, and leaves it clean (dirty
 * again if the write fails).
 */
#include <errno.h>

#include "lmfs_test.h"

#define BS	1024

static void dirty_block(dev_t dev, block64_t b, uint8_t v)
{
	struct buf *bp;

	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, dev, b, NORMAL), OK);
	memset(b_data(bp), v, b_bytes(bp));
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
}

static void test_write_block(void)
{
	struct buf *bp;

	t_open(BS, 64 * BS, 0);
	dirty_block(TDEV, 2, 0x11);		/* another dirty block */
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 9, NO_READ), OK);
	memset(b_data(bp), 0, b_bytes(bp));
	lmfs_markdirty(bp);
	fakedev_reset_counts(tfd);
	CU_ASSERT_EQUAL(lmfs_write_block(bp), OK);
	CU_ASSERT_EQUAL(tfd->writes, 1);	/* this block only */
	CU_ASSERT_EQUAL(tfd->log[0].pos, 9 * BS);
	CU_ASSERT_EQUAL(tfd->flushes, 0);	/* written, not synced */
	CU_ASSERT_EQUAL(tfd->mem[9 * BS + 7], 0);
	CU_ASSERT_EQUAL(tfd->mem[2 * BS], fd_pattern(2 * BS));
	CU_ASSERT_TRUE(lmfs_isclean(bp));
	b_data(bp)[0] = 5;			/* a change after: dirty again */
	lmfs_markdirty(bp);
	fakedev_fail_block(tfd, 9, FD_WRITE);
	CU_ASSERT_EQUAL(lmfs_write_block(bp), -EIO);
	CU_ASSERT_FALSE(lmfs_isclean(bp));	/* nothing lost */
	fakedev_clear_faults(tfd);
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT_EQUAL(tfd->mem[9 * BS], 5);
	CU_ASSERT_EQUAL(tfd->mem[2 * BS], 0x11);
	CU_ASSERT_EQUAL(lmfs_write_block(NULL), -EINVAL);
}

static void test_coalesce(void)
{
	static const block64_t order[] = { 8, 100, 21, 5, 9, 20, 6, 22, 7 };
	struct lmfs_stats st;
	unsigned int i;

	t_open(BS, 256 * BS, 0);
	for (i = 0; i < sizeof order / sizeof order[0]; i++)
		dirty_block(TDEV, order[i], (uint8_t)order[i]);
	fakedev_reset_counts(tfd);
	CU_ASSERT_EQUAL(lmfs_flushdev(TDEV), OK);
	st = t_stats();
	CU_ASSERT_EQUAL(st.write_reqs, 3);
	CU_ASSERT_EQUAL(st.write_blocks, 9);
	CU_ASSERT_EQUAL(tfd->writes, 3);
	CU_ASSERT_EQUAL(tfd->log[0].pos, 5 * BS);
	CU_ASSERT_EQUAL(tfd->log[0].iovcnt, 5);
	CU_ASSERT_EQUAL(tfd->log[1].pos, 20 * BS);
	CU_ASSERT_EQUAL(tfd->log[1].iovcnt, 3);
	CU_ASSERT_EQUAL(tfd->log[2].pos, 100 * BS);
	CU_ASSERT_EQUAL(tfd->flushes, 1);
	for (i = 0; i < sizeof order / sizeof order[0]; i++)
		CU_ASSERT_EQUAL(tfd->mem[order[i] * BS + 3], order[i]);
	CU_ASSERT_EQUAL(lmfs_flushdev(TDEV), OK);	/* nothing dirty */
	CU_ASSERT_EQUAL(tfd->writes, 3);
	CU_ASSERT_EQUAL(tfd->flushes, 1);
}

static void test_run_cap(void)
{
	block64_t b;

	t_open(BS, 256 * BS, 0);
	for (b = 0; b < 150; b++)
		dirty_block(TDEV, b, 0x5c);
	fakedev_reset_counts(tfd);
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT_EQUAL(tfd->writes, 3);
	CU_ASSERT_EQUAL(tfd->log[0].iovcnt, LMFS_MAX_IOV);
	CU_ASSERT_EQUAL(tfd->log[1].iovcnt, LMFS_MAX_IOV);
	CU_ASSERT_EQUAL(tfd->log[2].iovcnt, 150 - 2 * LMFS_MAX_IOV);
	CU_ASSERT_EQUAL(tfd->mem[149 * BS + BS - 1], 0x5c);
	CU_ASSERT_EQUAL(tfd->mem[150 * BS], fd_pattern(150 * BS));
}

static void test_held_stays_dirty(void)
{
	struct buf *bp;

	t_open(BS, 64 * BS, 0);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 3, NORMAL), OK);
	lmfs_markdirty(bp);
	b_data(bp)[0] = 1;
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT_EQUAL(tfd->mem[3 * BS], 1);
	CU_ASSERT_FALSE(lmfs_isclean(bp));	/* holder may change it more */
	b_data(bp)[0] = 2;
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT_EQUAL(tfd->mem[3 * BS], 2);
}

static void test_two_devices(void)
{
	struct fakedev *f2 = fakedev_new(64 * BS);

	t_open(BS, 64 * BS, 0);
	CU_ASSERT_FATAL(f2 != NULL);
	CU_ASSERT_EQUAL_FATAL(lmfs_dev_register(9, &fakedev_ops, f2), OK);
	dirty_block(TDEV, 4, 0x14);
	dirty_block(9, 4, 0x94);
	dirty_block(9, 5, 0x95);
	CU_ASSERT_EQUAL(lmfs_flushdev(9), OK);
	CU_ASSERT_EQUAL(f2->writes, 1);
	CU_ASSERT_EQUAL(f2->mem[5 * BS], 0x95);
	CU_ASSERT_EQUAL(tfd->writes, 0);
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT_EQUAL(tfd->writes, 1);
	CU_ASSERT_EQUAL(tfd->mem[4 * BS], 0x14);
	CU_ASSERT_EQUAL(f2->writes, 1);
	CU_ASSERT_EQUAL(lmfs_flushdev(77), -EINVAL);
	dirty_block(9, 6, 0x96);
	CU_ASSERT_EQUAL(lmfs_dev_unregister(9), OK);	/* dropped unwritten */
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT_EQUAL(f2->writes, 1);
	CU_ASSERT_EQUAL(f2->mem[6 * BS], fd_pattern(6 * BS));
	fakedev_free(f2);
}

static void test_drop_without_write(void)
{
	struct buf *bp;

	t_open(BS, 64 * BS, 0);
	dirty_block(TDEV, 1, 0x77);
	dirty_block(TDEV, 2, 0x77);
	lmfs_free_block(TDEV, 1);
	lmfs_free_block(TDEV, 50);		/* not cached: no-op */
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT_EQUAL(tfd->writes, 1);
	CU_ASSERT_EQUAL(tfd->log[tfd->nlog - 1].pos, 2 * BS);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 1, NORMAL), OK);
	CU_ASSERT(t_is_pattern(bp));
	lmfs_put_block(bp);
	dirty_block(TDEV, 3, 0x78);
	lmfs_invalidate(TDEV);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 2, PEEK), -ENOENT);
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT_EQUAL(tfd->writes, 1);
	CU_ASSERT_EQUAL(tfd->mem[3 * BS], fd_pattern(3 * BS));
}

/* Dropping a block while it is held: the holder's buffer stays usable,
 * later lookups do not see it, and its put frees it. */
static void test_drop_while_held(void)
{
	struct buf *bp, *bp2;

	t_open(BS, 64 * BS, 0);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 7, NORMAL), OK);
	memset(b_data(bp), 0x12, BS);
	lmfs_markdirty(bp);
	lmfs_free_block(TDEV, 7);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp2, TDEV, 7, PEEK), -ENOENT);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp2, TDEV, 7, NORMAL), OK);
	CU_ASSERT_PTR_NOT_EQUAL(bp, bp2);
	CU_ASSERT(t_is_pattern(bp2));
	lmfs_put_block(bp2);
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT_EQUAL(tfd->writes, 0);
	/* the same through lmfs_invalidate */
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 8, NORMAL), OK);
	memset(b_data(bp), 0x13, BS);
	lmfs_markdirty(bp);
	lmfs_invalidate(TDEV);
	CU_ASSERT_EQUAL((uint8_t)b_data(bp)[BS - 1], 0x13);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp2, TDEV, 8, PEEK), -ENOENT);
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT_EQUAL(tfd->writes, 0);
	CU_ASSERT_EQUAL(tfd->mem[8 * BS], fd_pattern(8 * BS));
}

static void test_blocksize_change(void)
{
	struct buf *bp;

	t_open(BS, 64 * BS, 0);
	dirty_block(TDEV, 2, 0x21);
	CU_ASSERT(t_stats().nbufs > 0);
	CU_ASSERT_EQUAL(lmfs_set_blocksize(BS), OK);	/* same: nothing */
	CU_ASSERT_EQUAL(tfd->writes, 0);
	CU_ASSERT_EQUAL(lmfs_set_blocksize(2 * BS), OK);
	CU_ASSERT_EQUAL(tfd->writes, 1);
	CU_ASSERT_EQUAL(tfd->mem[2 * BS], 0x21);
	CU_ASSERT_EQUAL(t_stats().nbufs, 0);
	CU_ASSERT_EQUAL(lmfs_fs_block_size(), 2 * BS);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 1, NORMAL), OK);
	CU_ASSERT_EQUAL(b_bytes(bp), 2 * BS);
	CU_ASSERT_EQUAL((uint8_t)b_data(bp)[0], 0x21);
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 32, NORMAL), -EINVAL);
}

int suite_flush(void)
{
	static const struct t_case cases[] = {
		{ "write one held block now", test_write_block },
		{ "contiguous dirty blocks coalesce", test_coalesce },
		{ "runs capped at LMFS_MAX_IOV", test_run_cap },
		{ "held dirty block stays dirty", test_held_stays_dirty },
		{ "two devices", test_two_devices },
		{ "free and invalidate write nothing",
		    test_drop_without_write },
		{ "drop while held", test_drop_while_held },
		{ "block size change flushes", test_blocksize_change },
		{ NULL, NULL }
	};

	return t_add_suite("flush", cases);
}
