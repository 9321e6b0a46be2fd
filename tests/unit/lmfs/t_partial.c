/*
 * t_partial.c - devices whose size is n*bs, n*bs + 512 and n*bs - 512:
 * the last block's valid bytes, zeroed tail, reads and writes that move
 * only valid bytes, NO_READ on the partial block, the end bound.
 */
#include <errno.h>

#include "lmfs_test.h"

#define BS	4096
#define NFULL	8

static const int64_t deltas[] = { 0, 512, -512 };

static int zero_from(struct buf *bp, size_t from)
{
	size_t i;

	for (i = from; i < BS; i++)
		if (b_data(bp)[i] != 0)
			return 0;
	return 1;
}

static void check_last_block(uint64_t size)
{
	block64_t last = (size - 1) / BS;
	size_t valid = (size_t)(size - last * BS);
	struct buf *bp;

	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, last, NORMAL), OK);
	CU_ASSERT_EQUAL(b_bytes(bp), valid);
	CU_ASSERT(t_is_pattern(bp));
	CU_ASSERT(zero_from(bp, valid));
	CU_ASSERT_EQUAL(tfd->log[tfd->nlog - 1].bytes, valid);
	memset(b_data(bp), 0xee, valid);
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, last + 1, NORMAL), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, last + 1, NO_READ), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_flushdev(TDEV), OK);	/* fake dev: -EINVAL
							   past its end */
	CU_ASSERT_EQUAL(tfd->log[tfd->nlog - 1].bytes, valid);
	CU_ASSERT_EQUAL(tfd->mem[size - 1], 0xee);
	CU_ASSERT_EQUAL(tfd->mem[last * BS], 0xee);
	CU_ASSERT_EQUAL(tfd->mem[last * BS - 1], fd_pattern(last * BS - 1));
}

static void test_last_block(void)
{
	unsigned int i;
	uint64_t size;

	for (i = 0; i < 3; i++) {
		size = (uint64_t)(NFULL * BS + deltas[i]);
		t_open(BS, size, 0);
		CU_ASSERT_EQUAL(lmfs_dev_size(TDEV), size);
		check_last_block(size);
	}
}

static void test_no_read_partial(void)
{
	uint64_t size = NFULL * BS + 512;
	struct buf *bp;

	t_open(BS, size, 0);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, NFULL, NO_READ), OK);
	CU_ASSERT_EQUAL(b_bytes(bp), 512);
	CU_ASSERT(zero_from(bp, 0));
	CU_ASSERT_EQUAL(tfd->nreq, 0);
	memset(b_data(bp), 0x31, 512);
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT_EQUAL(tfd->writes, 1);
	CU_ASSERT_EQUAL(tfd->log[0].bytes, 512);
	CU_ASSERT_EQUAL(tfd->mem[size - 1], 0x31);
}

/* A run of dirty blocks ending in the partial block: one write. */
static void test_run_into_partial(void)
{
	uint64_t size = NFULL * BS - 512;
	struct buf *bp;
	block64_t b;

	t_open(BS, size, 0);
	for (b = NFULL - 3; b < NFULL; b++) {
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, b, NORMAL),
		    OK);
		memset(b_data(bp), 0x40 + (int)b, b_bytes(bp));
		lmfs_markdirty(bp);
		lmfs_put_block(bp);
	}
	fakedev_reset_counts(tfd);
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT_EQUAL(tfd->writes, 1);
	CU_ASSERT_EQUAL(tfd->log[0].bytes, 3 * BS - 512);
	CU_ASSERT_EQUAL(tfd->mem[size - 1], 0x40 + NFULL - 1);
}

/* A device smaller than one block: block 0 is partial. */
static void test_tiny_device(void)
{
	struct buf *bp;

	t_open(BS, 1536, 0);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 0, NORMAL), OK);
	CU_ASSERT_EQUAL(b_bytes(bp), 1536);
	CU_ASSERT(t_is_pattern(bp));
	CU_ASSERT(zero_from(bp, 1536));
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 1, NORMAL), -EINVAL);
}

int suite_partial(void)
{
	static const struct t_case cases[] = {
		{ "last block at n*bs, +512, -512", test_last_block },
		{ "NO_READ on the partial block", test_no_read_partial },
		{ "dirty run into the partial block", test_run_into_partial },
		{ "device smaller than a block", test_tiny_device },
		{ NULL, NULL }
	};

	return t_add_suite("partial", cases);
}
