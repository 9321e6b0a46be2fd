/*
 * t_bio.c - lmfs_bio: byte-granular access through the cache, at every
 * position relative to the device end (before, up to, across, at, past),
 * on devices of n*bs, n*bs + 512 and n*bs - 512 bytes.
 */
#include <errno.h>
#include <stdlib.h>

#include "lmfs_test.h"

#define BS	4096
#define NFULL	6

struct span {
	int64_t from_end;	/* pos relative to the device end */
	size_t len;
};

static const struct span spans[] = {
	{ -3 * BS - 100, 2 * BS },	/* before the end */
	{ -BS - 700, BS + 700 },	/* up to the end exactly */
	{ -300, 1000 },			/* across the end */
	{ -1, 2 },
	{ 0, 100 },			/* at the end */
	{ 1, 10 },			/* past it */
	{ 5 * BS, 10 },
};

static void check_span(uint8_t *ref, uint64_t size, const struct span *s)
{
	uint64_t pos = (uint64_t)((int64_t)size + s->from_end);
	size_t want = pos >= size ? 0 :
	    (s->len < size - pos ? s->len : (size_t)(size - pos));
	uint8_t in[3 * BS], out[3 * BS];
	size_t i;

	for (i = 0; i < s->len; i++)
		in[i] = (uint8_t)(i * 3 + pos);
	CU_ASSERT_EQUAL(lmfs_bio(TDEV, 1, pos, in, s->len), (ssize_t)want);
	if (want > 0)
		memcpy(ref + pos, in, want);
	memset(out, 0, sizeof out);
	CU_ASSERT_EQUAL(lmfs_bio(TDEV, 0, pos, out, s->len), (ssize_t)want);
	CU_ASSERT(memcmp(out, ref + (pos < size ? pos : 0), want) == 0);
}

static void test_positions(void)
{
	static const int64_t deltas[] = { 0, 512, -512 };
	unsigned int d, i;
	uint64_t size;
	uint8_t *ref;

	for (d = 0; d < 3; d++) {
		size = (uint64_t)(NFULL * BS + deltas[d]);
		t_open(BS, size, 0);
		ref = malloc(size);
		CU_ASSERT_FATAL(ref != NULL);
		memcpy(ref, tfd->mem, size);
		for (i = 0; i < sizeof spans / sizeof spans[0]; i++)
			check_span(ref, size, &spans[i]);
		CU_ASSERT_EQUAL(lmfs_flushall(), OK);
		CU_ASSERT(memcmp(tfd->mem, ref, size) == 0);
		free(ref);
	}
}

static void test_bio_errors(void)
{
	char b[2 * BS];

	t_open(BS, NFULL * BS, 0);
	CU_ASSERT_EQUAL(lmfs_bio(55, 0, 0, b, 10), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_bio(TDEV, 0, 0, NULL, 10), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_bio(TDEV, 0, 0, b, 0), 0);
	fakedev_fail_block(tfd, 2, FD_READ);
	CU_ASSERT_EQUAL(lmfs_bio(TDEV, 0, 2 * BS + 5, b, 10), -EIO);
	/* progress before the bad block is reported as a short count */
	CU_ASSERT_EQUAL(lmfs_bio(TDEV, 0, BS + 10, b, BS), BS - 10);
	CU_ASSERT_EQUAL((uint8_t)b[0], fd_pattern(BS + 10));
	/* whole-block writes need no read: they succeed */
	memset(b, 0x61, sizeof b);
	CU_ASSERT_EQUAL(lmfs_bio(TDEV, 1, 2 * BS, b, BS), BS);
	CU_ASSERT_EQUAL(lmfs_bio(TDEV, 0, 2 * BS + 5, b + BS, 10), 10);
	CU_ASSERT_EQUAL(b[BS], 0x61);
}

static void test_bio_readahead(void)
{
	uint8_t *b = malloc(40 * 1024);

	CU_ASSERT_FATAL(b != NULL);
	t_open(1024, 256 * 1024, 0);
	CU_ASSERT_EQUAL(lmfs_bio(TDEV, 0, 100, b, 40 * 1024),
	    40 * 1024);
	CU_ASSERT_EQUAL(tfd->reads, 1);
	CU_ASSERT_EQUAL(b[0], fd_pattern(100));
	CU_ASSERT_EQUAL(b[40 * 1024 - 1], fd_pattern(100 + 40 * 1024 - 1));
	free(b);
}

int suite_bio(void)
{
	static const struct t_case cases[] = {
		{ "positions around the device end", test_positions },
		{ "errors", test_bio_errors },
		{ "a long read is one request", test_bio_readahead },
		{ NULL, NULL }
	};

	return t_add_suite("bio", cases);
}
