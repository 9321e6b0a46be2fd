/*
 * t_fsbio.c - block special reads through the cache (libfsdriver's
 * fsdriver_bio, over libminixfs): a read asks for its own range in one
 * request; reads that continue each other read ahead a whole gather, so
 * `dd bs=64k` of a 4 KiB-block device makes one 64-block request per four
 * reads (issue 12's bound: at most one request per 32 blocks); a read
 * elsewhere breaks the stream and asks for its range only.
 */
#include <stdlib.h>
#include <mica/fsdriver.h>

#include "lmfs_test.h"

#define BS	4096
#define CHUNK	(16 * BS)

/* Read CHUNK at pos into buf (a host caller's buffer). */
static ssize_t bio_read(uint8_t *buf, uint64_t pos, size_t len)
{
	struct fsdriver_data d = { (uintptr_t)buf, 0, len };

	return fsdriver_bio(TDEV, &d, len, (off_t)pos, 0);
}

static void test_dd_stream(void)
{
	uint8_t *b = malloc(CHUNK);
	unsigned int i, k;
	uint64_t pos;

	CU_ASSERT_FATAL(b != NULL);
	t_open(BS, 2048 * BS, 0);
	for (i = 0; i < 64; i++) {		/* 4 MiB, 1024 blocks */
		pos = (uint64_t)i * CHUNK;
		CU_ASSERT_EQUAL_FATAL(bio_read(b, pos, CHUNK), CHUNK);
		for (k = 0; k < CHUNK; k += 997)
			CU_ASSERT_EQUAL(b[k], fd_pattern(pos + k));
	}
	/* the first read: its 16 blocks; then a gather per 64 blocks */
	CU_ASSERT_EQUAL(tfd->reads, 1 + (1024 - 16 + 63) / 64);
	CU_ASSERT(tfd->reads * 32 <= 1024);
	CU_ASSERT_EQUAL(tfd->log[0].iovcnt, 16);
	CU_ASSERT_EQUAL(tfd->log[1].iovcnt, 64);
	/* a read elsewhere is not sequential: its own range only */
	fakedev_reset_counts(tfd);
	CU_ASSERT_EQUAL(bio_read(b, 1500 * (uint64_t)BS, BS), BS);
	CU_ASSERT_EQUAL(b[7], fd_pattern(1500 * (uint64_t)BS + 7));
	CU_ASSERT_EQUAL(tfd->reads, 1);
	CU_ASSERT_EQUAL(tfd->log[0].iovcnt, 1);
	/* the stream's read-ahead stops at the device end */
	fakedev_reset_counts(tfd);
	CU_ASSERT_EQUAL(bio_read(b, 2040 * (uint64_t)BS, BS), BS);
	CU_ASSERT_EQUAL(bio_read(b, 2041 * (uint64_t)BS, CHUNK), 7 * BS);
	CU_ASSERT_EQUAL(b[7 * BS - 1], fd_pattern(2048 * (uint64_t)BS - 1));
	CU_ASSERT_EQUAL(tfd->reads, 2);
	free(b);
}

int suite_fsbio(void)
{
	static const struct t_case cases[] = {
		{ "dd of a device: <= 1 request per 32 blocks", test_dd_stream },
		{ NULL, NULL }
	};

	return t_add_suite("fsdriver_bio", cases);
}
