/*
 * fakedev.c - the fake device: memory, faults, counters.
 *
 * Requests are logged (direction, position, iovec count, bytes) so tests
 * can check how libminixfs talks to a device.  A request that reaches past
 * the device end fails with -EINVAL: the library must never ask for one.
 * Faults: requests touching chosen blocks fail with -EIO (reads, writes or
 * both); request number N fails; the next transfer comes back short.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fakedev.h"

uint8_t fd_pattern(uint64_t pos)
{
	return (uint8_t)(pos * 7 + (pos >> 8) * 13 + (pos >> 16) * 101 + 1);
}

struct fakedev *fakedev_new(uint64_t size)
{
	struct fakedev *f = calloc(1, sizeof *f);
	uint64_t i;

	if (f == NULL || (f->mem = malloc(size ? size : 1)) == NULL) {
		free(f);
		return NULL;
	}
	f->size = size;
	f->fault_bs = 1024;
	for (i = 0; i < size; i++)
		f->mem[i] = fd_pattern(i);
	return f;
}

void fakedev_free(struct fakedev *f)
{
	if (f != NULL)
		free(f->mem);
	free(f);
}

void fakedev_fail_block(struct fakedev *f, uint64_t block, int mode)
{
	if (f->nbad < FD_MAX_FAULTS) {
		f->bad_block[f->nbad] = block;
		f->bad_mode[f->nbad++] = mode;
	}
}

void fakedev_clear_faults(struct fakedev *f)
{
	f->nbad = 0;
	f->fail_req = 0;
	f->short_by = 0;
	f->size_error = 0;
	f->flush_error = 0;
	f->fail_all = 0;
}

void fakedev_reset_counts(struct fakedev *f)
{
	f->nreq = f->reads = f->writes = f->flushes = f->nlog = 0;
}

/* Does [pos, pos+len) touch a faulty block for this direction? */
static int faulty(struct fakedev *f, int mode, uint64_t pos, size_t len)
{
	unsigned int i;
	uint64_t b;

	for (i = 0; i < f->nbad; i++) {
		b = f->bad_block[i];
		if ((f->bad_mode[i] & mode) && b * f->fault_bs < pos + len &&
		    (b + 1) * f->fault_bs > pos)
			return 1;
	}
	return 0;
}

static ssize_t xfer(struct fakedev *f, int write, uint64_t pos,
    const struct lmfs_iovec *iov, int cnt)
{
	size_t len = 0, done = 0, n;
	int i;

	for (i = 0; i < cnt; i++)
		len += iov[i].iov_len;
	f->nreq++;
	write ? f->writes++ : f->reads++;
	if (f->nlog < FD_LOG)
		f->log[f->nlog++] = (struct fd_req){ write, pos, cnt, len };
	if (cnt < 1 || cnt > LMFS_MAX_IOV || pos > f->size ||
	    len > f->size - pos)
		return -EINVAL;
	if (f->fail_req == f->nreq || (f->fail_all & (write ? FD_WRITE :
	    FD_READ)) || faulty(f, write ? FD_WRITE : FD_READ, pos, len))
		return -EIO;
	len -= f->short_by < len ? f->short_by : len;
	f->short_by = 0;
	for (i = 0; i < cnt && done < len; i++, done += n) {
		n = iov[i].iov_len < len - done ? iov[i].iov_len : len - done;
		if (write)
			memcpy(f->mem + pos + done, iov[i].iov_base, n);
		else
			memcpy(iov[i].iov_base, f->mem + pos + done, n);
	}
	return (ssize_t)done;
}

static ssize_t fake_readv(void *ctx, uint64_t pos,
    const struct lmfs_iovec *iov, int cnt)
{
	return xfer(ctx, 0, pos, iov, cnt);
}

static ssize_t fake_writev(void *ctx, uint64_t pos,
    const struct lmfs_iovec *iov, int cnt)
{
	return xfer(ctx, 1, pos, iov, cnt);
}

static int fake_size(void *ctx, uint64_t *bytes)
{
	struct fakedev *f = ctx;

	*bytes = f->size;
	return f->size_error;
}

static int fake_flush(void *ctx)
{
	struct fakedev *f = ctx;

	f->flushes++;
	return f->flush_error;
}

const struct lmfs_dev_ops fakedev_ops = {
	.readv = fake_readv,
	.writev = fake_writev,
	.size = fake_size,
	.flush = fake_flush,
};
