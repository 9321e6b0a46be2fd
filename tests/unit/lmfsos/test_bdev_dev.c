/*
 * test_bdev_dev.c - test_lmfsos: libminixfs's OS device (bdev_dev.c) on
 * the host over a fake libbdev whose "driver" is a byte array: a vectored
 * transfer is one request (iovecs that touch in memory joined into one
 * piece), split into requests of at most 16 pieces only when libbdev
 * cannot make the grants (a table that cannot grow: -ENOMEM, then split
 * for good), short and failed requests, read-only devices, the size from
 * the ioctl, open errors.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/Basic.h>

#include <mica/libbdev.h>
#include <mica/libminixfs_os.h>

#define DEV_BYTES (64 * 1024)

static struct {
	unsigned char disk[DEV_BYTES];
	int requests, max_pieces, open_err, fail_at, short_at, closed;
	int access;
	int max_grants, enomem;	/* libbdev's grant limit (0: none), refusals */
} fb;

int bdev_open_label(struct bdev_dev *dev, const char *label, int minor,
    int access)
{
	if (fb.open_err)
		return fb.open_err;
	CU_ASSERT_STRING_EQUAL(label, "memory");
	CU_ASSERT_EQUAL(minor, 3);
	dev->minor = minor;
	dev->access = access;
	fb.access = access;
	return OK;
}

int bdev_close(struct bdev_dev *dev)
{
	(void)dev;
	fb.closed++;
	return OK;
}

int bdev_size(struct bdev_dev *dev, u64_t *size)
{
	(void)dev;
	*size = DEV_BYTES;
	return OK;
}

/* The fake driver: fails request fail_at, moves half of request short_at. */
static int fb_xfer(u64_t pos, const struct bdev_buf *v, int n, int write)
{
	int i, done = 0, req;

	if (fb.max_grants && n + 1 > fb.max_grants) {
		fb.enomem++;			/* refused before sending */
		return -ENOMEM;
	}
	req = ++fb.requests;
	if (n > fb.max_pieces)
		fb.max_pieces = n;
	if (req == fb.fail_at)
		return -EIO;
	for (i = 0; i < n; i++) {
		u32_t len = v[i].len;

		if (req == fb.short_at)
			len /= 2;
		if (pos + done + len > DEV_BYTES)
			len = pos + done >= DEV_BYTES ? 0 :
			    (u32_t)(DEV_BYTES - pos - done);
		if (write)
			memcpy(fb.disk + pos + done, v[i].addr, len);
		else
			memcpy(v[i].addr, fb.disk + pos + done, len);
		done += (int)len;
		if (len < v[i].len)
			break;
	}
	return done;
}

int bdev_readv(struct bdev_dev *dev, u64_t pos, const struct bdev_buf *v,
    int n)
{
	(void)dev;
	return fb_xfer(pos, v, n, 0);
}

int bdev_writev(struct bdev_dev *dev, u64_t pos, const struct bdev_buf *v,
    int n)
{
	(void)dev;
	return fb_xfer(pos, v, n, 1);
}

static const struct lmfs_dev_ops *ops;
static void *ctx;
static unsigned char bufs[128][512];
static struct lmfs_iovec iov[65];

/* Open the fake device; the 64 iovecs are every 'stride'th buffer (1:
 * they touch in memory and join into one piece; 2: 64 pieces). */
static void open_dev(int writable, int stride)
{
	int i;

	memset(&fb, 0, sizeof fb);
	for (i = 0; i < DEV_BYTES; i++)
		fb.disk[i] = (unsigned char)(i * 7);
	for (i = 0; i < 65; i++)
		iov[i] = (struct lmfs_iovec){ bufs[(i * stride) % 128], 512 };
	CU_ASSERT_EQUAL_FATAL(lmfs_bdev_open("memory", 3, writable, &ops,
	    &ctx), OK);
}

static void t_size_and_access(void)
{
	uint64_t size = 0;

	open_dev(0, 2);
	CU_ASSERT_EQUAL(ops->size(ctx, &size), OK);
	CU_ASSERT_EQUAL(size, DEV_BYTES);
	CU_ASSERT_EQUAL(fb.access, BDEV_R_BIT);
	CU_ASSERT_EQUAL(ops->writev(ctx, 0, iov, 1), -EROFS);
	CU_ASSERT_EQUAL(fb.requests, 0);
	CU_ASSERT_PTR_NULL(ops->flush);
	lmfs_bdev_close(ctx);
	CU_ASSERT_EQUAL(fb.closed, 1);
}

/* Read 64 blocks at 1024 and check them; write them back with one
 * changed. */
static void read_write_64(void)
{
	int i;

	CU_ASSERT_EQUAL(ops->readv(ctx, 1024, iov, 64), 64 * 512);
	for (i = 0; i < 64; i++)
		CU_ASSERT_EQUAL(((unsigned char *)iov[i].iov_base)[5],
		    (unsigned char)((1024 + i * 512 + 5) * 7));
	memset(iov[40].iov_base, 0xab, 512);
	CU_ASSERT_EQUAL(ops->writev(ctx, 0, iov, 64), 64 * 512);
	CU_ASSERT_EQUAL(fb.disk[40 * 512 + 100], 0xab);
	CU_ASSERT_EQUAL(fb.disk[41 * 512 + 100], (unsigned char)((1024 + 41 * 512 + 100) * 7));
}

static void t_one_request(void)
{
	open_dev(1, 2);				/* 64 separate buffers */
	CU_ASSERT_EQUAL(fb.access, BDEV_R_BIT | BDEV_W_BIT);
	read_write_64();
	CU_ASSERT_EQUAL(fb.requests, 2);	/* one each way */
	CU_ASSERT_EQUAL(fb.max_pieces, 64);
	lmfs_bdev_close(ctx);
}

static void t_join(void)
{
	open_dev(1, 1);				/* 64 adjacent buffers */
	read_write_64();
	CU_ASSERT_EQUAL(fb.requests, 2);
	CU_ASSERT_EQUAL(fb.max_pieces, 1);	/* one grant each */
	iov[10].iov_base = bufs[100];		/* a gap: three pieces */
	CU_ASSERT_EQUAL(ops->readv(ctx, 0, iov, 64), 64 * 512);
	CU_ASSERT_EQUAL(fb.max_pieces, 3);
	CU_ASSERT_EQUAL(bufs[100][7], (unsigned char)((10 * 512 + 7) * 7));
	CU_ASSERT_EQUAL(bufs[11][7], (unsigned char)((11 * 512 + 7) * 7));
	lmfs_bdev_close(ctx);
}

static void t_split(void)
{
	open_dev(1, 2);
	fb.max_grants = 32;			/* GRANT_INITIAL, no growth */
	read_write_64();
	CU_ASSERT_EQUAL(fb.enomem, 1);		/* asked once, then split */
	CU_ASSERT_EQUAL(fb.requests, 8);
	CU_ASSERT_EQUAL(fb.max_pieces, 16);
	fb.requests = 0;
	CU_ASSERT_EQUAL(ops->readv(ctx, 0, iov, 17), 17 * 512);
	CU_ASSERT_EQUAL(fb.requests, 2);
	CU_ASSERT_EQUAL(fb.enomem, 1);
	lmfs_bdev_close(ctx);
	open_dev(1, 2);				/* 16 pieces fit: no retry */
	fb.max_grants = 10;
	CU_ASSERT_EQUAL(ops->readv(ctx, 0, iov, 16), -ENOMEM);
	CU_ASSERT_EQUAL(fb.enomem, 1);
	CU_ASSERT_EQUAL(fb.requests, 0);
	lmfs_bdev_close(ctx);
}

static void t_short_and_errors(void)
{
	open_dev(1, 2);
	fb.max_grants = 32;			/* split in requests of 16 */
	fb.short_at = 2;			/* second request moves half */
	CU_ASSERT_EQUAL(ops->readv(ctx, 0, iov, 64), 16 * 512 + 256);
	CU_ASSERT_EQUAL(fb.requests, 2);	/* and nothing after it */
	fb.requests = 0;
	fb.short_at = 0;
	fb.fail_at = 3;				/* fails after progress */
	CU_ASSERT_EQUAL(ops->readv(ctx, 0, iov, 64), 32 * 512);
	fb.requests = 0;
	fb.fail_at = 1;				/* fails at once */
	CU_ASSERT_EQUAL(ops->writev(ctx, 0, iov, 2), -EIO);
	fb.fail_at = 0;
	CU_ASSERT_EQUAL(ops->readv(ctx, DEV_BYTES - 512, iov, 4), 512);
	CU_ASSERT_EQUAL(ops->readv(ctx, 0, iov, 65), -EINVAL);
	lmfs_bdev_close(ctx);
	open_dev(1, 2);				/* unsplit: one request */
	fb.short_at = 1;			/* moves half its first piece */
	CU_ASSERT_EQUAL(ops->readv(ctx, 0, iov, 64), 256);
	fb.fail_at = 2;
	CU_ASSERT_EQUAL(ops->readv(ctx, 0, iov, 64), -EIO);
	CU_ASSERT_EQUAL(ops->readv(ctx, 0, iov, -1), -EINVAL);
	iov[0].iov_len = 0;
	CU_ASSERT_EQUAL(ops->readv(ctx, 0, iov, 1), -EINVAL);
	lmfs_bdev_close(ctx);
}

static void t_open_fails(void)
{
	memset(&fb, 0, sizeof fb);
	fb.open_err = -ENXIO;
	CU_ASSERT_EQUAL(lmfs_bdev_open("memory", 3, 1, &ops, &ctx), -ENXIO);
	CU_ASSERT_EQUAL(lmfs_bdev_open(NULL, 3, 1, &ops, &ctx), -EINVAL);
	CU_ASSERT_EQUAL(lmfs_bdev_open("memory", -1, 1, &ops, &ctx), -EINVAL);
	CU_ASSERT_EQUAL(fb.closed, 0);
}

int main(void)
{
	unsigned int failed;
	CU_pSuite s;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	s = CU_add_suite("lmfs_bdev_dev", NULL, NULL);
	CU_add_test(s, "size and access", t_size_and_access);
	CU_add_test(s, "one request per gather", t_one_request);
	CU_add_test(s, "adjacent buffers joined", t_join);
	CU_add_test(s, "split without grants", t_split);
	CU_add_test(s, "short and failed requests", t_short_and_errors);
	CU_add_test(s, "open failures", t_open_fails);
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	CU_cleanup_registry();
	return failed ? 1 : 0;
}
