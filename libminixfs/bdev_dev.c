/*
 * bdev_dev.c - the OS side of the device seam: a minor of a block driver,
 * reached with libbdev (include/mica/libbdev.h) over the block protocol.
 *
 * A vectored transfer goes out as one BDEV_GATHER/SCATTER request: first
 * the iovecs that touch in memory are joined (the cache's block areas are
 * dense, slab.c, so a run of fresh buffers is often one piece: one grant
 * for many blocks), then the pieces, at most LMFS_MAX_IOV ==
 * BDEV_MAX_IOV, are sent at once, so the driver sees the cache's whole
 * gather (a 64-block read-ahead is one device request, not four).  A
 * request needs a grant per piece plus one for the table; a server whose
 * grant table cannot grow past GRANT_INITIAL gets -ENOMEM from libbdev
 * before anything is sent, and from then on its transfers go out in
 * requests of at most BDEVD_PIECES pieces, one after the other, until
 * all is moved or a request comes back short or failed (then: the bytes
 * moved so far, or the error if none).  The size is asked once, at open
 * (BDEV_IOC_GETSIZE).  There is no flush: the block protocol has no
 * cache-flush request yet (a driver answers a write when it is done), so
 * flush is NULL.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <mica/libbdev.h>
#include <mica/libminixfs_os.h>

#define BDEVD_PIECES	16	/* pieces per request without grant growth */

STATIC_ASSERT(LMFS_MAX_IOV <= BDEV_MAX_IOV, bdevd_gather_fits);

struct bdevd {
	struct bdev_dev bd;
	uint64_t size;
	int pieces;		/* per request: BDEV_MAX_IOV or BDEVD_PIECES */
};

/* Join the iovecs that touch in memory into v; the number of pieces, or
 * -EINVAL for an empty or oversized one.  *want gets the total. */
static int bdevd_join(const struct lmfs_iovec *iov, int cnt,
    struct bdev_buf *v, size_t *want)
{
	int i, n = 0;

	*want = 0;
	for (i = 0; i < cnt; i++) {
		if (iov[i].iov_len == 0 || iov[i].iov_len > BDEV_MAX_BYTES ||
		    *want + iov[i].iov_len > BDEV_MAX_BYTES)
			return -EINVAL;
		*want += iov[i].iov_len;
		if (n > 0 && (char *)v[n - 1].addr + v[n - 1].len ==
		    (char *)iov[i].iov_base) {
			v[n - 1].len += (u32_t)iov[i].iov_len;
			continue;
		}
		v[n].addr = iov[i].iov_base;
		v[n++].len = (u32_t)iov[i].iov_len;
	}
	return n;
}

/* One block request over n pieces. */
static int bdevd_xfer1(struct bdevd *d, int write, uint64_t pos,
    const struct bdev_buf *v, int n)
{
	return write ? bdev_writev(&d->bd, pos, v, n) :
	    bdev_readv(&d->bd, pos, v, n);
}

static ssize_t bdevd_xfer(struct bdevd *d, int write, uint64_t pos,
    const struct lmfs_iovec *iov, int cnt)
{
	struct bdev_buf v[LMFS_MAX_IOV];
	ssize_t done = 0;
	size_t want, part;
	int n, k, i, r;

	if (cnt < 0 || cnt > LMFS_MAX_IOV)
		return -EINVAL;
	if ((n = bdevd_join(iov, cnt, v, &want)) <= 0)
		return n;
	if (n <= d->pieces) {
		r = bdevd_xfer1(d, write, pos, v, n);
		if (r != -ENOMEM || n <= BDEVD_PIECES)
			return r;
		d->pieces = BDEVD_PIECES;	/* no grants for it: split */
	}
	for (i = 0; i < n; i += k) {
		k = n - i < d->pieces ? n - i : d->pieces;
		for (part = 0, r = 0; r < k; r++)
			part += v[i + r].len;
		r = bdevd_xfer1(d, write, pos + (uint64_t)done, v + i, k);
		if (r < 0)
			return done > 0 ? done : r;
		done += r;
		if ((size_t)r < part)
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
	d->pieces = BDEV_MAX_IOV;
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
