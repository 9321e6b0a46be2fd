/*
 * bdev_dev.c - the OS side of the device seam: a minor of a block driver,
 * reached with libbdev (include/mica/libbdev.h) over the block protocol.
 *
 * Vectored transfers go out as BDEV_GATHER/SCATTER requests of at most
 * BDEVD_PIECES buffers each, one after the other, until all is moved or a
 * request comes back short or failed (then: the bytes moved so far, or the
 * error if none).  The bound keeps a request's grants (one per piece plus
 * the table) inside the grant table a server starts with (GRANT_INITIAL),
 * so a server that may not grow it still works; a 64-block gather is four
 * requests.  The size is asked once, at open (BDEV_IOC_GETSIZE).  There is
 * no flush: the block protocol has no cache-flush request yet (a driver
 * answers a write when it is done), so flush is NULL.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <mica/libbdev.h>
#include <mica/libminixfs_os.h>

#define BDEVD_PIECES	16	/* buffers per block request */

struct bdevd {
	struct bdev_dev bd;
	uint64_t size;
};

/* One block request over up to BDEVD_PIECES iovecs. */
static int bdevd_xfer1(struct bdevd *d, int write, uint64_t pos,
    const struct lmfs_iovec *iov, int cnt, size_t *want)
{
	struct bdev_buf v[BDEVD_PIECES];
	int i;

	*want = 0;
	for (i = 0; i < cnt; i++) {
		if (iov[i].iov_len == 0 || iov[i].iov_len > BDEV_MAX_BYTES)
			return -EINVAL;
		v[i].addr = iov[i].iov_base;
		v[i].len = (u32_t)iov[i].iov_len;
		*want += iov[i].iov_len;
	}
	return write ? bdev_writev(&d->bd, pos, v, cnt) :
	    bdev_readv(&d->bd, pos, v, cnt);
}

static ssize_t bdevd_xfer(struct bdevd *d, int write, uint64_t pos,
    const struct lmfs_iovec *iov, int cnt)
{
	ssize_t done = 0;
	size_t want;
	int n, r;

	if (cnt < 0 || cnt > LMFS_MAX_IOV)
		return -EINVAL;
	for (; cnt > 0; iov += n, cnt -= n) {
		n = cnt < BDEVD_PIECES ? cnt : BDEVD_PIECES;
		r = bdevd_xfer1(d, write, pos + (uint64_t)done, iov, n, &want);
		if (r < 0)
			return done > 0 ? done : r;
		done += r;
		if ((size_t)r < want)
			break;
	}
	return done;
}

static ssize_t bdevd_readv(void *ctx, uint64_t pos,
    const struct lmfs_iovec *iov, int iovcnt)
{
	return bdevd_xfer(ctx, 0, pos, iov, iovcnt);
}

static ssize_t bdevd_writev(void *ctx, uint64_t pos,
    const struct lmfs_iovec *iov, int iovcnt)
{
	struct bdevd *d = ctx;

	if (!(d->bd.access & BDEV_W_BIT))
		return -EROFS;
	return bdevd_xfer(d, 1, pos, iov, iovcnt);
}

static int bdevd_size(void *ctx, uint64_t *bytes)
{
	*bytes = ((struct bdevd *)ctx)->size;
	return OK;
}

static const struct lmfs_dev_ops bdevd_ops = {
	.readv = bdevd_readv,
	.writev = bdevd_writev,
	.size = bdevd_size,
	.flush = NULL,
};

int lmfs_bdev_open(const char *label, int minor, int writable,
    const struct lmfs_dev_ops **opsp, void **ctxp)
{
	struct bdevd *d;
	u64_t size;
	int r;

	if (label == NULL || opsp == NULL || ctxp == NULL || minor < 0)
		return -EINVAL;
	if ((d = calloc(1, sizeof *d)) == NULL)
		return -ENOMEM;
	r = bdev_open_label(&d->bd, label, minor,
	    BDEV_R_BIT | (writable ? BDEV_W_BIT : 0));
	if (r != OK)
		goto fail_free;
	if ((r = bdev_size(&d->bd, &size)) != OK)
		goto fail_close;
	d->size = size;
	*opsp = &bdevd_ops;
	*ctxp = d;
	return OK;

fail_close:
	(void)bdev_close(&d->bd);
fail_free:
	free(d);
	return r;
}

void lmfs_bdev_close(void *ctx)
{
	struct bdevd *d = ctx;

	if (d == NULL)
		return;
	(void)bdev_close(&d->bd);
	free(d);
}
