/*
 * t_prefetch.c - prefetch reads one run around set[0] in one request,
 * never overwrites cached (dirty) blocks, never leaves stale data, obeys
 * the readahead cap, the pool and the device end; readahead issues one
 * request per uncached stretch.
 */
#include <errno.h>

#include "lmfs_test.h"

#define BS	1024

static void expect_cached(block64_t from, block64_t to)
{
	struct buf *bp;
	block64_t b;

	for (b = from; b < to; b++) {
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, b, PEEK), OK);
		CU_ASSERT(t_is_pattern(bp));
		lmfs_put_block(bp);
	}
}

static void test_one_request(void)
{
	block64_t set[] = { 10, 12, 11, 12, 13, 25, 14, 15, 10, 16, 17, 9 };
	struct lmfs_stats st;

	t_open(BS, 256 * BS, 0);
	lmfs_prefetch(TDEV, set, sizeof set / sizeof set[0]);
	st = t_stats();
	CU_ASSERT_EQUAL(st.read_reqs, 1);
	CU_ASSERT_EQUAL(st.read_blocks, 8);
	CU_ASSERT_EQUAL(tfd->log[0].pos, 10 * BS);
	CU_ASSERT_EQUAL(tfd->log[0].iovcnt, 8);
	expect_cached(10, 18);
	CU_ASSERT_EQUAL(t_stats().read_reqs, 1);
	CU_ASSERT_EQUAL(t_stats().misses, 0);
}

static void dirty_block(block64_t b, uint8_t v)
{
	struct buf *bp;

	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, b, NORMAL), OK);
	memset(b_data(bp), v, BS);
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
}

static void test_cached_left_alone(void)
{
	block64_t set[32];
	struct buf *bp;
	unsigned int i;

	t_open(BS, 256 * BS, 0);
	dirty_block(14, 0xd1);
	for (i = 0; i < 32; i++)
		set[i] = 10 + i;
	fakedev_reset_counts(tfd);
	lmfs_prefetch(TDEV, set, 32);		/* reads 10..13 only */
	CU_ASSERT_EQUAL(tfd->reads, 1);
	CU_ASSERT_EQUAL(tfd->log[0].pos, 10 * BS);
	CU_ASSERT_EQUAL(tfd->log[0].iovcnt, 4);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 14, NORMAL), OK);
	CU_ASSERT_EQUAL((uint8_t)b_data(bp)[0], 0xd1);
	CU_ASSERT_FALSE(lmfs_isclean(bp));
	lmfs_put_block(bp);
	lmfs_prefetch(TDEV, set, 32);		/* set[0] cached: nothing */
	CU_ASSERT_EQUAL(tfd->reads, 1);
	lmfs_prefetch(TDEV, set + 5, 27);	/* 15 misses: 15..41 */
	CU_ASSERT_EQUAL(tfd->reads, 2);
	CU_ASSERT_EQUAL(tfd->log[1].pos, 15 * BS);
	CU_ASSERT_EQUAL(tfd->log[1].iovcnt, 27);
	expect_cached(15, 42);
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT_EQUAL(tfd->mem[14 * BS], 0xd1);
}

/* A block freed by the file system and rewritten on the device through
 * another path must be read fresh, not served from old cache contents. */
static void test_no_stale_after_free(void)
{
	block64_t set[] = { 30, 31, 32, 33 };
	struct buf *bp;

	t_open(BS, 256 * BS, 0);
	dirty_block(31, 0x99);
	lmfs_free_block(TDEV, 31);
	CU_ASSERT_EQUAL(lmfs_dev_write(TDEV, 31 * BS, (char[]){ 0x42 }, 1),
	    1);
	lmfs_prefetch(TDEV, set, 4);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 31, NORMAL), OK);
	CU_ASSERT_EQUAL((uint8_t)b_data(bp)[0], 0x42);
	CU_ASSERT_EQUAL((uint8_t)b_data(bp)[1], fd_pattern(31 * BS + 1));
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(lmfs_flushall(), OK);
	CU_ASSERT_EQUAL(tfd->mem[31 * BS], 0x42);
}

static void test_caps(void)
{
	block64_t set[100];
	unsigned int i;

	t_open(BS, 256 * BS, 0);
	for (i = 0; i < 100; i++)
		set[i] = i;
	lmfs_prefetch(TDEV, set, 100);
	CU_ASSERT_EQUAL(t_stats().read_blocks, 64);
	CU_ASSERT_EQUAL(tfd->reads, 1);
	lmfs_set_readahead(8);
	for (i = 0; i < 100; i++)
		set[i] = 100 + i;
	lmfs_prefetch(TDEV, set, 100);
	CU_ASSERT_EQUAL(t_stats().read_blocks, 64 + 8);
	lmfs_set_readahead(0);
	lmfs_set_readahead(1000);
	CU_ASSERT_EQUAL(t_warnings, 2);
	/* a small pool caps the run at half of it */
	t_open(BS, 256 * BS, 8);
	lmfs_prefetch(TDEV, set, 100);
	CU_ASSERT_EQUAL(t_stats().read_blocks, 4);
	CU_ASSERT_EQUAL(t_stats().nbufs, 4);
}

static void test_device_end(void)
{
	block64_t set[] = { 60, 61, 62, 63, 64, 65, 66 };
	struct buf *bp;

	t_open(BS, 64 * BS - 512, 0);
	lmfs_prefetch(TDEV, set, 7);
	CU_ASSERT_EQUAL(tfd->reads, 1);
	CU_ASSERT_EQUAL(tfd->log[0].bytes, 4 * BS - 512);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 63, PEEK), OK);
	CU_ASSERT_EQUAL(b_bytes(bp), BS - 512);
	CU_ASSERT(t_is_pattern(bp));
	lmfs_put_block(bp);
	lmfs_prefetch(TDEV, (block64_t[]){ 64 }, 1);
	lmfs_prefetch(TDEV, NULL, 3);
	lmfs_prefetch(99, set, 7);
	CU_ASSERT_EQUAL(tfd->reads, 1);
}

static void test_prefetch_errors(void)
{
	block64_t set[] = { 8, 9, 10, 11, 12, 13, 14, 15 };
	struct buf *bp;

	t_open(BS, 256 * BS, 0);
	fakedev_fail_block(tfd, 10, FD_READ);
	lmfs_prefetch(TDEV, set, 8);
	CU_ASSERT_EQUAL(tfd->reads, 1);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 8, PEEK), -ENOENT);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 8, NORMAL), OK);
	CU_ASSERT(t_is_pattern(bp));
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 10, NORMAL), -EIO);
	fakedev_clear_faults(tfd);
	/* short: 2.5 blocks arrive, so 2 are cached */
	tfd->short_by = 4 * BS + BS / 2;
	lmfs_prefetch(TDEV, set + 1, 7);
	CU_ASSERT_EQUAL(tfd->log[tfd->nlog - 1].iovcnt, 7);
	expect_cached(9, 11);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 11, PEEK), -ENOENT);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 11, NORMAL), OK);
	CU_ASSERT(t_is_pattern(bp));
	lmfs_put_block(bp);
}

static void test_readahead_stretches(void)
{
	struct buf *bp;

	t_open(BS, 256 * BS, 0);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 3, NORMAL), OK);
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 6, NORMAL), OK);
	lmfs_put_block(bp);
	fakedev_reset_counts(tfd);
	lmfs_readahead(TDEV, 0, 10);
	CU_ASSERT_EQUAL(tfd->reads, 3);
	CU_ASSERT_EQUAL(tfd->log[0].iovcnt, 3);
	CU_ASSERT_EQUAL(tfd->log[1].iovcnt, 2);
	CU_ASSERT_EQUAL(tfd->log[2].iovcnt, 3);
	expect_cached(0, 10);
	lmfs_readahead(TDEV, 250, 64);		/* clipped at the end */
	CU_ASSERT_EQUAL(tfd->log[3].iovcnt, 6);
	expect_cached(250, 256);
}

/* Unused readahead is evicted before blocks somebody actually used. */
static void test_readahead_evicted_first(void)
{
	block64_t set[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
	struct buf *bp;
	block64_t b;

	t_open(BS, 256 * BS, 16);
	for (b = 100; b < 108; b++) {
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, b, NORMAL),
		    OK);
		lmfs_put_block(bp);
	}
	lmfs_prefetch(TDEV, set, 8);
	CU_ASSERT_EQUAL(t_stats().nbufs, 16);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 200, NORMAL), OK);
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 7, PEEK), -ENOENT);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 100, PEEK), OK);
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 0, PEEK), OK);
	lmfs_put_block(bp);
}

/* A sequential stream through readahead recycles its own buffers (use
 * once) and leaves the blocks somebody else used cached. */
static void test_stream_use_once(void)
{
	block64_t set[16], b;
	struct buf *bp;
	unsigned int i;

	t_open(BS, 256 * BS, 32);
	for (b = 200; b < 216; b++) {
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, b, NORMAL),
		    OK);
		lmfs_put_block(bp);
	}
	for (b = 0; b < 128; b++) {
		if (b % 16 == 0) {
			for (i = 0; i < 16; i++)
				set[i] = b + i;
			lmfs_prefetch(TDEV, set, 16);
		}
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, b, NORMAL),
		    OK);
		CU_ASSERT(t_is_pattern(bp));
		lmfs_put_block(bp);
	}
	CU_ASSERT_EQUAL(t_stats().read_reqs, 16 + 8);
	CU_ASSERT_EQUAL(t_stats().misses, 16);
	/* the stream's first block is not known to be streamed yet: it
	 * costs one buffer; the other 15 blocks stay */
	for (i = 0, b = 200; b < 216; b++) {
		if (lmfs_get_block(&bp, TDEV, b, PEEK) != OK)
			continue;
		i++;
		lmfs_put_block(bp);
	}
	CU_ASSERT_EQUAL(i, 15);
	/* out of sequence use keeps a readahead block like any other */
	lmfs_prefetch(TDEV, (block64_t[]){ 150, 151, 152 }, 3);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 152, NORMAL), OK);
	lmfs_put_block(bp);
	for (b = 160; b < 176; b++) {
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, b, NORMAL),
		    OK);
		lmfs_put_block(bp);
	}
	CU_ASSERT_EQUAL(lmfs_get_block(&bp, TDEV, 152, PEEK), OK);
	lmfs_put_block(bp);
}

/* A stream keeps recycling its buffers while the pool could still grow,
 * even with other blocks (a file's indirect block) looked up between its
 * data blocks; the block looked up in between stays cached. */
static void test_stream_recycles_below_target(void)
{
	block64_t set[64], b;
	struct buf *bp;
	unsigned int i;

	t_open(BS, 4096 * BS, 0);
	for (b = 0; b < 2048; b++) {
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 4000, NORMAL),
		    OK);
		lmfs_put_block(bp);
		if (b % 64 == 0) {
			for (i = 0; i < 64; i++)
				set[i] = b + i;
			lmfs_prefetch(TDEV, set, 64);
		}
		CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, b, NORMAL),
		    OK);
		CU_ASSERT(t_is_pattern(bp));
		lmfs_put_block(bp);
	}
	CU_ASSERT_EQUAL(t_stats().read_reqs, 1 + 2048 / 64);
	CU_ASSERT(t_stats().nbufs <= 2 * 64 + 2);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, 4000, PEEK), OK);
	lmfs_put_block(bp);
}

/*
 * The bound the disk benchmark checks (tests/bench/disk): a file system
 * that hands the next 64 blocks to lmfs_prefetch() on every miss, as MFS
 * does on a sequential read, makes at most one device request per 32
 * blocks, each a whole gather of LMFS_MAX_IOV blocks, in the smallest
 * automatic pool (LMFS_MIN_BUFS, 128 buffers: the run cap at half the
 * pool is then 64) as in a big one, with 4 KiB blocks; and the stream
 * stays within the pool.  Only a pool pinned below 128 buffers caps the
 * run lower (test_caps).
 */
static void stream_bound(int pool, uint64_t nblocks)
{
	block64_t set[64], b;
	struct buf *bp;
	unsigned int i;
	struct lmfs_stats st;

	t_open(4096, (nblocks + 64) * 4096, pool);
	for (b = 0; b < nblocks; b++) {
		/* MFS's read: a miss hands the next 64 blocks over */
		if (lmfs_get_block(&bp, TDEV, b, PEEK) == -ENOENT) {
			for (i = 0; i < 64; i++)
				set[i] = b + i;
			lmfs_prefetch(TDEV, set, 64);
			CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, TDEV, b,
			    NORMAL), OK);
		}
		CU_ASSERT(t_is_pattern(bp));
		lmfs_put_block(bp);
	}
	st = t_stats();
	CU_ASSERT(st.read_reqs * 32 <= nblocks);
	CU_ASSERT_EQUAL(st.read_reqs, nblocks / 64);
	CU_ASSERT_EQUAL(st.ra_reqs, st.read_reqs);
	CU_ASSERT_EQUAL(st.ra_blocks, nblocks);
	for (i = 0; i < tfd->nlog && i < FD_LOG; i++)
		CU_ASSERT_EQUAL(tfd->log[i].iovcnt, LMFS_MAX_IOV);
	CU_ASSERT(st.nbufs <= (pool ? (unsigned int)pool : 2u * 64 + 2));
}

static void test_stream_bound(void)
{
	stream_bound(0, 8192);		/* automatic: 32 MiB streamed */
	stream_bound(128, 4096);	/* pinned at LMFS_MIN_BUFS */
}

int suite_prefetch(void)
{
	static const struct t_case cases[] = {
		{ "one request per run", test_one_request },
		{ "sequential stream: <= 1 request per 32 blocks",
		    test_stream_bound },
		{ "cached blocks left alone", test_cached_left_alone },
		{ "no stale data after free", test_no_stale_after_free },
		{ "readahead limit and pool caps", test_caps },
		{ "device end", test_device_end },
		{ "read errors and short reads", test_prefetch_errors },
		{ "readahead stretches", test_readahead_stretches },
		{ "sequential stream is use-once", test_stream_use_once },
		{ "stream recycles below the pool target",
		    test_stream_recycles_below_target },
		{ "unused readahead evicted first",
		    test_readahead_evicted_first },
		{ NULL, NULL }
	};

	return t_add_suite("prefetch", cases);
}
