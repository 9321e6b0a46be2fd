/*
 * t_basic.c - hit, miss, PEEK, NO_READ, holding, tags, argument checks and
 * the device registry.
 */
#include <errno.h>

#include "lmfs_test.h"

#define BS	1024

/* Must run first: nothing has set a block size yet. */
static void test_no_blocksize(void)
{
	struct fakedev *f = fakedev_new(8192);
	struct buf *bp;
	char b[16];

	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT_EQUAL(lmfs_fs_block_size(), 0);
	CU_ASSERT_EQUAL(lmfs_dev_register(7, &fakedev_ops, f), OK);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, 7, 0, NORMAL), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_bio(7, 0, 0, b, sizeof b), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_dev_read(7, 0, b, sizeof b), (ssize_t)sizeof b);
	CU_ASSERT_EQUAL((uint8_t)b[5], fd_pattern(5));
	lmfs_prefetch(7, (block64_t[]){ 0, 1 }, 2);
	CU_ASSERT_EQUAL(f->nreq, 1);
	CU_ASSERT_EQUAL(lmfs_dev_unregister(7), OK);
	fakedev_free(f);
}

static void test_hit_miss(void)
{
	struct buf *bp, *bp2;
	struct lmfs_stats st;

	t_open(BS, 64 * BS, 0);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 3, NORMAL), OK);
	CU_ASSERT_EQUAL(bp->lmfs_dev, TDEV);
	CU_ASSERT_EQUAL(bp->lmfs_blocknr, 3);
	CU_ASSERT_EQUAL(b_bytes(bp), BS);
	CU_ASSERT(t_is_pattern(bp));
	CU_ASSERT(lmfs_isclean(bp));
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp2, TDEV, 3, NORMAL), OK);
	CU_ASSERT_PTR_EQUAL(bp, bp2);
	lmfs_put_block(bp2);
	st = t_stats();
	CU_ASSERT_EQUAL(st.misses, 1);
	CU_ASSERT_EQUAL(st.hits, 1);
	CU_ASSERT_EQUAL(st.read_reqs, 1);
	CU_ASSERT_EQUAL(st.read_blocks, 1);
	CU_ASSERT_EQUAL(tfd->reads, 1);
	CU_ASSERT_EQUAL(tfd->log[0].pos, 3 * BS);
	CU_ASSERT_EQUAL(tfd->log[0].bytes, BS);
}

static void test_peek(void)
{
	struct buf *bp, *bp2;

	t_open(BS, 64 * BS, 0);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 9, PEEK), -ENOENT);
	CU_ASSERT_EQUAL(tfd->nreq, 0);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 64, PEEK), -EINVAL);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 9, NORMAL), OK);
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp2, TDEV, 9, PEEK), OK);
	CU_ASSERT_PTR_EQUAL(bp, bp2);
	CU_ASSERT(t_is_pattern(bp2));
	lmfs_put_block(bp2);
	CU_ASSERT_EQUAL(tfd->nreq, 1);
}

static void test_no_read(void)
{
	struct buf *bp;
	unsigned int i;
	int zero = 1;

	t_open(BS, 64 * BS, 0);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 5, NO_READ), OK);
	CU_ASSERT_EQUAL(tfd->nreq, 0);
	CU_ASSERT_EQUAL(b_bytes(bp), BS);
	for (i = 0; i < BS; i++)
		zero &= b_data(bp)[i] == 0;
	CU_ASSERT(zero);
	lmfs_markdirty(bp);		/* before the change: allowed */
	memset(b_data(bp), 0xab, BS);
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 5, NORMAL), OK);
	CU_ASSERT_EQUAL((uint8_t)b_data(bp)[BS - 1], 0xab);
	CU_ASSERT_FALSE(lmfs_isclean(bp));
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(tfd->nreq, 0);
	CU_ASSERT_EQUAL(lmfs_flushdev(TDEV), OK);
	CU_ASSERT_EQUAL(tfd->writes, 1);
	CU_ASSERT_EQUAL(tfd->mem[5 * BS + 17], 0xab);
	CU_ASSERT_EQUAL(tfd->mem[6 * BS], fd_pattern(6 * BS));
	CU_ASSERT_EQUAL(tfd->flushes, 1);
}

static void test_hold_and_dirty_flags(void)
{
	struct buf *held, *bp;
	block64_t b;

	t_open(BS, 256 * BS, 4);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&held, TDEV, 0, NORMAL), OK);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 0, NORMAL), OK);
	CU_ASSERT_PTR_EQUAL(held, bp);
	lmfs_put_block(bp);
	CU_ASSERT(lmfs_isclean(held));
	lmfs_markdirty(held);
	CU_ASSERT_FALSE(lmfs_isclean(held));
	lmfs_markclean(held);
	CU_ASSERT(lmfs_isclean(held));
	for (b = 1; b < 100; b++) {
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, b, NORMAL), OK);
		CU_ASSERT(t_is_pattern(bp));
		lmfs_put_block(bp);
	}
	CU_ASSERT_EQUAL(t_stats().nbufs, 4);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 0, PEEK), OK);
	CU_ASSERT_PTR_EQUAL(held, bp);
	lmfs_put_block(bp);
	lmfs_put_block(held);
	lmfs_put_block(held);		/* one put too many: warned, ignored */
	CU_ASSERT_EQUAL(t_warnings, 1);
}

static void test_ino_tag(void)
{
	struct buf *bp;

	t_open(BS, 64 * BS, 0);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block_ino(&bp, TDEV, 2, NORMAL, 77,
	    4096), OK);
	CU_ASSERT_EQUAL(bp->lmfs_inode, 77);
	CU_ASSERT_EQUAL(bp->lmfs_inode_offset, 4096);
	lmfs_put_block(bp);
}

static void test_bad_args(void)
{
	struct buf *bp;

	t_open(BS, 64 * BS, 0);
	CU_ASSERT_EQUAL(lmfs_get_block(NULL, TDEV, 0, NORMAL), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 0, 3), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 0, -1), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, 99, 0, NORMAL), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 64, NORMAL), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, UINT64_MAX, NO_READ),
	    -EINVAL);
	CU_ASSERT_EQUAL(tfd->nreq, 0);
	CU_ASSERT_EQUAL(lmfs_set_blocksize(1000), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_set_blocksize(256), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_set_blocksize(1 << 17), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_fs_block_size(), BS);
	lmfs_put_block(NULL);
}

static void test_registry(void)
{
	struct fakedev *f = fakedev_new(3000);
	char b[4096];
	dev_t d;

	t_open(BS, 64 * BS, 0);
	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT_EQUAL(lmfs_dev_register(NO_DEV, &fakedev_ops, f), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_dev_register(20, NULL, f), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_dev_register(TDEV, &fakedev_ops, f), -EBUSY);
	for (d = 20; d < 20 + LMFS_MAX_DEVS - 1; d++)
		CU_ASSERT_EQUAL(lmfs_dev_register(d, &fakedev_ops, f), OK);
	CU_ASSERT_EQUAL(lmfs_dev_register(d, &fakedev_ops, f), -ENOSPC);
	CU_ASSERT_EQUAL(lmfs_dev_size(20), 3000);
	CU_ASSERT_EQUAL(lmfs_dev_size(d), 0);
	CU_ASSERT_EQUAL(lmfs_dev_read(20, 2000, b, sizeof b), 1000);
	CU_ASSERT_EQUAL((uint8_t)b[999], fd_pattern(2999));
	CU_ASSERT_EQUAL(lmfs_dev_read(20, 3000, b, 1), 0);
	memset(b, 0x5a, sizeof b);
	CU_ASSERT_EQUAL(lmfs_dev_write(20, 2990, b, 100), 10);
	CU_ASSERT_EQUAL(f->mem[2999], 0x5a);
	CU_ASSERT_EQUAL(lmfs_dev_read(d, 0, b, 1), -EINVAL);
	for (d = 20; d < 20 + LMFS_MAX_DEVS - 1; d++)
		CU_ASSERT_EQUAL(lmfs_dev_unregister(d), OK);
	CU_ASSERT_EQUAL(lmfs_dev_unregister(20), -EINVAL);
	f->size_error = -EIO;
	CU_ASSERT_EQUAL(lmfs_dev_register(20, &fakedev_ops, f), -EIO);
	CU_ASSERT_EQUAL(lmfs_dev_size(20), 0);
	fakedev_free(f);
}

int suite_basic(void)
{
	static const struct t_case cases[] = {
		{ "no block size set", test_no_blocksize },
		{ "hit and miss", test_hit_miss },
		{ "PEEK", test_peek },
		{ "NO_READ", test_no_read },
		{ "holding and dirty flags", test_hold_and_dirty_flags },
		{ "inode tags", test_ino_tag },
		{ "bad arguments", test_bad_args },
		{ "device registry and raw access", test_registry },
		{ NULL, NULL }
	};

	return t_add_suite("basic", cases);
}
