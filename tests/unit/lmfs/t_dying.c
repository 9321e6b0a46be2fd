/*
 * t_dying.c - the cache on a failing disk, and the pool limits it keeps.
 *
 * A pinned pool (lmfs_buf_pool(n)) never holds more than n buffers: when
 * all n are held a miss gets -ENOSPC.  An automatic pool grows past its
 * target only for held buffers.  Dirty blocks that cannot be written fill
 * the pool up to its limit and no further: then misses get the write
 * error, and the cache does not retry the whole writeback on every miss
 * (the device's request counter proves the backoff).  Nothing dirty is
 * lost: once the disk works again a flush writes it all.
 */
#include <errno.h>

#include "lmfs_test.h"

#define BS	4096
#define NBLK	4096
#define NGETS	2000

/* Fill blocks [from, to) through NO_READ gets, dirty, value b & 0xff;
 * count the gets that fail (their error must be 'err'). */
static unsigned int dirty_run(block64_t from, block64_t to, int err)
{
	unsigned int fails = 0;
	struct buf *bp;
	block64_t b;
	int r;

	for (b = from; b < to; b++) {
		if ((r = lmfs_get_block(&bp, TDEV, b, NO_READ)) != OK) {
			CU_ASSERT_EQUAL(r, err);
			fails++;
			continue;
		}
		memset(b_data(bp), (int)(b & 0xff), b_bytes(bp));
		lmfs_markdirty(bp);
		lmfs_put_block(bp);
	}
	return fails;
}

/* Are blocks [from, to) on the device with the values dirty_run gave? */
static int on_device(block64_t from, block64_t to)
{
	block64_t b;

	for (b = from; b < to; b++)
		if (tfd->mem[b * BS] != (uint8_t)b ||
		    tfd->mem[b * BS + BS - 1] != (uint8_t)b)
			return 0;
	return 1;
}

/* A pinned pool is fixed: with every buffer held, a miss is -ENOSPC, with
 * no device request and no new buffer. */
static void test_pinned_full(void)
{
	struct buf *bp[5];
	unsigned int i, reqs;

	t_open(BS, NBLK * BS, 4);
	for (i = 0; i < 4; i++)
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp[i], TDEV, i, NORMAL),
		    OK);
	reqs = tfd->nreq;
	CU_ASSERT_EQUAL(lmfs_get_block(&bp[4], TDEV, 9, NORMAL), -ENOSPC);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp[4], TDEV, 9, NO_READ), -ENOSPC);
	CU_ASSERT_EQUAL(tfd->nreq, reqs);
	CU_ASSERT_EQUAL(t_stats().nbufs, 4);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp[4], TDEV, 2, NORMAL), OK); /* hit */
	lmfs_put_block(bp[4]);
	lmfs_put_block(bp[0]);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp[0], TDEV, 9, NORMAL), OK);
	CU_ASSERT(t_is_pattern(bp[0]));
	for (i = 0; i < 4; i++)
		lmfs_put_block(bp[i]);
	CU_ASSERT_EQUAL(t_stats().nbufs, 4);
}

/* An automatic pool grows past its target while everything is held, and
 * gives the surplus back on a later miss. */
static void test_auto_held_grows(void)
{
	static struct buf *bp[140];
	unsigned int i;

	t_open(BS, NBLK * BS, 0);
	lmfs_set_blockusage(NBLK, 0);		/* target: the floor, 128 */
	for (i = 0; i < 140; i++)
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp[i], TDEV, i, NORMAL),
		    OK);
	CU_ASSERT_EQUAL(t_stats().nbufs, 140);
	for (i = 0; i < 140; i++)
		lmfs_put_block(bp[i]);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp[0], TDEV, 500, NORMAL), OK);
	lmfs_put_block(bp[0]);
	CU_ASSERT_EQUAL(t_stats().nbufs, 128);
}

/* Every write fails: NGETS dirty blocks offered to a pool of 'limit'.
 * The first 'limit' are taken, every later miss fails with -EIO, the pool
 * does not grow, and the write requests stay few (backoff).  Then the
 * disk recovers: within the backoff's reach a miss succeeds again, and a
 * flush writes every block that was accepted. */
static void dead_disk(unsigned int limit)
{
	unsigned int fails, tries = 0;
	struct buf *bp;
	block64_t b = 3000;

	tfd->fail_all = FD_WRITE;
	fails = dirty_run(0, NGETS, -EIO);
	CU_ASSERT_EQUAL(fails, NGETS - limit);
	CU_ASSERT_EQUAL(t_stats().nbufs, limit);
	/* 2 requests per full writeback at most here; without backoff
	 * every failed get would retry it */
	CU_ASSERT(tfd->writes >= 2);
	CU_ASSERT(tfd->writes <= 2 * 32);
	CU_ASSERT(tfd->reads == 0);
	CU_ASSERT_EQUAL(lmfs_flushall(), -EIO);	/* explicit: always tries */
	fakedev_clear_faults(tfd);
	while (lmfs_get_block(&bp, TDEV, b, NORMAL) != OK && tries < 1000)
		tries++;
	CU_ASSERT(tries <= 256);
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT(on_device(0, limit));
}

static void test_dead_disk_pinned(void)
{
	t_open(BS, NBLK * BS, 64);
	dead_disk(64);
}

static void test_dead_disk_auto(void)
{
	t_open(BS, NBLK * BS, 0);
	lmfs_set_blockusage(NBLK, 0);		/* target: 128 */
	dead_disk(128);
}

/* A successful explicit flush ends the backoff at once. */
static void test_flush_ends_backoff(void)
{
	t_open(BS, NBLK * BS, 16);
	tfd->fail_all = FD_WRITE;
	CU_ASSERT_EQUAL(dirty_run(0, 40, -EIO), 24);
	fakedev_clear_faults(tfd);
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT(on_device(0, 16));
	CU_ASSERT_EQUAL(dirty_run(100, 140, OK), 0);
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT(on_device(100, 140));
}

/* Changing the block size writes dirty blocks back first; when that
 * fails, the error comes back and nothing is dropped.  A held block makes
 * it -EBUSY; a bad size -EINVAL. */
static void test_blocksize_keeps_dirty(void)
{
	struct buf *bp;

	t_open(BS, NBLK * BS, 0);
	CU_ASSERT_EQUAL(dirty_run(0, 8, OK), 0);
	tfd->fail_all = FD_WRITE;
	CU_ASSERT_EQUAL(lmfs_set_blocksize(2048), -EIO);
	CU_ASSERT_EQUAL(lmfs_fs_block_size(), BS);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 5, PEEK), OK);
	CU_ASSERT(!lmfs_isclean(bp));
	CU_ASSERT_EQUAL((uint8_t)b_data(bp)[0], 5);
	fakedev_clear_faults(tfd);
	CU_ASSERT_EQUAL(lmfs_set_blocksize(2048), -EBUSY);
	CU_ASSERT_EQUAL(lmfs_fs_block_size(), BS);
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(lmfs_set_blocksize(3000), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_set_blocksize(2048), OK);
	CU_ASSERT_EQUAL(lmfs_fs_block_size(), 2048);
	CU_ASSERT(on_device(0, 8));
	CU_ASSERT_EQUAL(lmfs_set_blocksize(2048), OK);
}

int suite_dying(void)
{
	static const struct t_case cases[] = {
		{ "pinned pool full: -ENOSPC", test_pinned_full },
		{ "automatic pool grows for held buffers",
		    test_auto_held_grows },
		{ "dead disk, pinned pool: bounded", test_dead_disk_pinned },
		{ "dead disk, automatic pool: bounded", test_dead_disk_auto },
		{ "a good flush ends the backoff", test_flush_ends_backoff },
		{ "block size change keeps dirty blocks",
		    test_blocksize_keeps_dirty },
		{ NULL, NULL }
	};

	return t_add_suite("dying disk", cases);
}
