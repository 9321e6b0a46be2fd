/*
 * dev.c - the device registry and every call through the device seam.
 *
 * Up to LMFS_MAX_DEVS devices are attached at once, each under the dev_t
 * the file system uses.  The size is asked once, at registration; it bounds
 * every block number (the last block may be partial).  All cache I/O goes
 * through lmfs_io_read/lmfs_io_write, which count requests and blocks for
 * the statistics and note that the device has unsynced writes.
 */
#include <errno.h>
#include <limits.h>
#include <string.h>

#include "lmfs_priv.h"

static struct lmfs_device devs[LMFS_MAX_DEVS];

/* The registered device 'dev', or NULL. */
struct lmfs_device *lmfs_dev_find(dev_t dev)
{
	unsigned int i;

	for (i = 0; i < LMFS_MAX_DEVS; i++)
		if (devs[i].used && devs[i].dev == dev)
			return &devs[i];
	return NULL;
}

/* Attach a device under 'dev'.  -EINVAL for a bad argument, -EBUSY if
 * 'dev' is taken, -ENOSPC if the table is full, or the size() error. */
int lmfs_dev_register(dev_t dev, const struct lmfs_dev_ops *ops, void *ctx)
{
	struct lmfs_device *d = NULL;
	uint64_t size;
	unsigned int i;
	int r;

	if (dev == NO_DEV || ops == NULL || ops->readv == NULL ||
	    ops->writev == NULL || ops->size == NULL)
		return -EINVAL;
	if (lmfs_dev_find(dev) != NULL)
		return -EBUSY;
	for (i = 0; i < LMFS_MAX_DEVS && d == NULL; i++)
		if (!devs[i].used)
			d = &devs[i];
	if (d == NULL)
		return -ENOSPC;
	if ((r = ops->size(ctx, &size)) != OK)
		return r < 0 ? r : -EIO;
	*d = (struct lmfs_device){ .used = 1, .dev = dev, .ops = ops,
	    .ctx = ctx, .size = size };
	return OK;
}

/* Detach 'dev', dropping its cached blocks (dirty ones too). */
int lmfs_dev_unregister(dev_t dev)
{
	struct lmfs_device *d = lmfs_dev_find(dev);

	if (d == NULL)
		return -EINVAL;
	lmfs_invalidate(dev);
	memset(d, 0, sizeof *d);
	return OK;
}

/* Size in bytes of 'dev', 0 if it is not registered. */
uint64_t lmfs_dev_size(dev_t dev)
{
	struct lmfs_device *d = lmfs_dev_find(dev);

	return d ? d->size : 0;
}

/* Valid bytes of 'block' on d: OK, or -EINVAL past the end / no size. */
int lmfs_block_bytes(const struct lmfs_device *d, block64_t block,
    size_t *bytes)
{
	size_t bs = lmfs_bs();
	uint64_t full;

	if (bs == 0)
		return -EINVAL;
	full = d->size / bs;
	if (block < full)
		*bytes = bs;
	else if (block == full && d->size % bs != 0)
		*bytes = (size_t)(d->size % bs);
	else
		return -EINVAL;
	return OK;
}

/* One counted read request of 'cnt' blocks starting at 'block'. */
ssize_t lmfs_io_read(struct lmfs_device *d, block64_t block,
    const struct lmfs_iovec *iov, int cnt)
{
	lmfs_st.read_reqs++;
	lmfs_st.read_blocks += (uint64_t)cnt;
	return d->ops->readv(d->ctx, block * lmfs_bs(), iov, cnt);
}

/* One counted write request of 'cnt' blocks starting at 'block'. */
ssize_t lmfs_io_write(struct lmfs_device *d, block64_t block,
    const struct lmfs_iovec *iov, int cnt)
{
	lmfs_st.write_reqs++;
	lmfs_st.write_blocks += (uint64_t)cnt;
	d->unsynced = 1;
	return d->ops->writev(d->ctx, block * lmfs_bs(), iov, cnt);
}

/* Make d's writes durable (ops->flush) if any happened since last time. */
int lmfs_dev_sync(struct lmfs_device *d)
{
	int r;

	if (!d->unsynced || d->ops->flush == NULL)
		return OK;
	if ((r = d->ops->flush(d->ctx)) != OK)
		return r < 0 ? r : -EIO;
	d->unsynced = 0;
	return OK;
}

/* lmfs_dev_sync() on every device; the first error. */
int lmfs_dev_sync_all(void)
{
	unsigned int i;
	int r, first = OK;

	for (i = 0; i < LMFS_MAX_DEVS; i++)
		if (devs[i].used && (r = lmfs_dev_sync(&devs[i])) != OK &&
		    first == OK)
			first = r;
	return first;
}

/* Clip [pos, pos+len) to the device; 0 if nothing is left. */
static size_t clip(const struct lmfs_device *d, uint64_t pos, size_t len)
{
	if (pos >= d->size)
		return 0;
	if (len > d->size - pos)
		len = (size_t)(d->size - pos);
	return len > SSIZE_MAX ? SSIZE_MAX : len;
}

/* Raw read bypassing the cache; bytes read or a negative errno. */
ssize_t lmfs_dev_read(dev_t dev, uint64_t pos, void *buf, size_t len)
{
	struct lmfs_device *d = lmfs_dev_find(dev);
	struct lmfs_iovec iov;

	if (d == NULL || (buf == NULL && len != 0))
		return -EINVAL;
	iov = (struct lmfs_iovec){ buf, clip(d, pos, len) };
	if (iov.iov_len == 0)
		return 0;
	return d->ops->readv(d->ctx, pos, &iov, 1);
}

/* Raw write bypassing the cache; bytes written or a negative errno. */
ssize_t lmfs_dev_write(dev_t dev, uint64_t pos, const void *buf, size_t len)
{
	struct lmfs_device *d = lmfs_dev_find(dev);
	struct lmfs_iovec iov;

	if (d == NULL || (buf == NULL && len != 0))
		return -EINVAL;
	iov = (struct lmfs_iovec){ (void *)buf, clip(d, pos, len) };
	if (iov.iov_len == 0)
		return 0;
	d->unsynced = 1;
	return d->ops->writev(d->ctx, pos, &iov, 1);
}
