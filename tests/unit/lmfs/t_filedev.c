/*
 * t_filedev.c - the host device seam on a real temporary file: size and
 * offset, reads and writes through the cache land at offset + pos, the
 * partial last block, read-only devices, open errors.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lmfs_test.h"
#include <mica/libminixfs_host.h>

#define BS	1024
#define OFF	4096
#define DEVSZ	(20 * BS + 200)
#define FDEV	((dev_t)0x0700)

static char path[64];

static int make_file(void)
{
	uint8_t *b = malloc(OFF + DEVSZ);
	int fd;
	size_t i;

	if (b == NULL)
		return -1;
	snprintf(path, sizeof path, "/tmp/lmfs_test.XXXXXX");
	if ((fd = mkstemp(path)) < 0) {
		free(b);
		return -1;
	}
	for (i = 0; i < OFF + DEVSZ; i++)
		b[i] = i < OFF ? 0xff : fd_pattern(i - OFF);
	if (write(fd, b, OFF + DEVSZ) != OFF + DEVSZ) {
		close(fd);
		free(b);
		return -1;
	}
	free(b);
	close(fd);
	return 0;
}

static void test_file_dev(void)
{
	const struct lmfs_dev_ops *ops;
	struct buf *bp;
	void *ctx;
	uint8_t c;
	int fd;

	t_open(BS, BS, 0);
	CU_ASSERT_FATAL(make_file() == 0);
	CU_ASSERT_EQUAL_FATAL(lmfs_file_dev_open(path, 1, OFF, &ops, &ctx),
	    OK);
	CU_ASSERT_EQUAL_FATAL(lmfs_dev_register(FDEV, ops, ctx), OK);
	CU_ASSERT_EQUAL(lmfs_dev_size(FDEV), DEVSZ);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, FDEV, 20, NORMAL), OK);
	CU_ASSERT_EQUAL(b_bytes(bp), 200);
	CU_ASSERT(t_is_pattern(bp));
	b_data(bp)[199] = 0x11;
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	lmfs_prefetch(FDEV, (block64_t[]){ 0, 1, 2, 3 }, 4);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, FDEV, 2, PEEK), OK);
	CU_ASSERT(t_is_pattern(bp));
	b_data(bp)[0] = 0x22;
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(lmfs_flushdev(FDEV), OK);
	CU_ASSERT_EQUAL(lmfs_dev_unregister(FDEV), OK);
	lmfs_file_dev_close(ctx);
	fd = open(path, O_RDONLY);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT(pread(fd, &c, 1, OFF + 20 * BS + 199) == 1 && c == 0x11);
	CU_ASSERT(pread(fd, &c, 1, OFF + 2 * BS) == 1 && c == 0x22);
	CU_ASSERT(pread(fd, &c, 1, OFF - 1) == 1 && c == 0xff);
	CU_ASSERT_EQUAL(lseek(fd, 0, SEEK_END), OFF + DEVSZ);
	close(fd);
	unlink(path);
}

static void test_read_only(void)
{
	const struct lmfs_dev_ops *ops;
	struct buf *bp;
	void *ctx;

	t_open(BS, BS, 0);
	CU_ASSERT_FATAL(make_file() == 0);
	CU_ASSERT_EQUAL_FATAL(lmfs_file_dev_open(path, 0, 0, &ops, &ctx), OK);
	CU_ASSERT_EQUAL_FATAL(lmfs_dev_register(FDEV, ops, ctx), OK);
	CU_ASSERT_EQUAL(lmfs_dev_size(FDEV), OFF + DEVSZ);
	CU_ASSERT_EQUAL_FATAL(lmfs_get_block(&bp, FDEV, 5, NORMAL), OK);
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	CU_ASSERT_EQUAL(lmfs_flushdev(FDEV), -EROFS);
	CU_ASSERT_EQUAL(lmfs_dev_unregister(FDEV), OK);
	lmfs_file_dev_close(ctx);
	unlink(path);
}

static void test_open_errors(void)
{
	const struct lmfs_dev_ops *ops;
	void *ctx;

	CU_ASSERT_EQUAL(lmfs_file_dev_open("/nonexistent/x", 0, 0, &ops,
	    &ctx), -ENOENT);
	CU_ASSERT_EQUAL(lmfs_file_dev_open("/tmp", 0, 0, &ops, &ctx),
	    -EISDIR);
	CU_ASSERT_EQUAL(lmfs_file_dev_open(NULL, 0, 0, &ops, &ctx), -EINVAL);
	CU_ASSERT_FATAL(make_file() == 0);
	CU_ASSERT_EQUAL(lmfs_file_dev_open(path, 0, OFF + DEVSZ + 1, &ops,
	    &ctx), -EINVAL);
	CU_ASSERT_EQUAL_FATAL(lmfs_file_dev_open(path, 0, OFF + DEVSZ, &ops,
	    &ctx), OK);
	CU_ASSERT_EQUAL(lmfs_dev_register(FDEV, ops, ctx), OK);
	CU_ASSERT_EQUAL(lmfs_dev_size(FDEV), 0);
	CU_ASSERT_EQUAL(lmfs_dev_unregister(FDEV), OK);
	lmfs_file_dev_close(ctx);
	lmfs_file_dev_close(NULL);
	unlink(path);
}

int suite_filedev(void)
{
	static const struct t_case cases[] = {
		{ "image file with an offset", test_file_dev },
		{ "read-only device", test_read_only },
		{ "open errors", test_open_errors },
		{ NULL, NULL }
	};

	return t_add_suite("filedev", cases);
}
