/*
 * posix_dev.c - the device seam for programs on a plain POSIX system:
 * Mica's own mkfs.mfs and fsck.mfs (libminixfs/module.mk).  The same
 * contract as file_dev.c (libminixfs_host.h: lmfs_file_dev_open) with
 * nothing Linux-only: each vector element is one pread/pwrite, repeated
 * on short transfers and EINTR until done or end of file; the size is
 * fixed at open, st_size for a regular file, the end found by lseek for
 * a block special file (so the VFS has to know the device's size); flush
 * is fsync.  No write-behind hint: durability comes from flush alone.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <mica/libminixfs_host.h>
#include "lmfs_priv.h"

struct posix_dev {
	int fd;
	int writable;
	uint64_t offset;	/* device byte 0 in the file */
	uint64_t size;		/* bytes from offset to the end */
};

/* Move the iovecs to or from the file; bytes moved or a negative errno. */
static ssize_t pd_xfer(struct posix_dev *d, int write, uint64_t pos,
    const struct lmfs_iovec *iov, int cnt)
{
	ssize_t r, done = 0;
	size_t got;
	int i;

	if (cnt < 0 || cnt > LMFS_MAX_IOV)
		return -EINVAL;
	for (i = 0; i < cnt; i++) {
		for (got = 0; got < iov[i].iov_len; got += (size_t)r) {
			char *p = (char *)iov[i].iov_base + got;
			size_t n = iov[i].iov_len - got;
			off_t at = (off_t)(d->offset + pos + (uint64_t)done +
			    got);

			r = write ? pwrite(d->fd, p, n, at) :
			    pread(d->fd, p, n, at);
			if (r < 0 && errno == EINTR) {
				r = 0;
				continue;
			}
			if (r < 0)
				return -errno;
			if (r == 0)
				return done + (ssize_t)got;
		}
		done += (ssize_t)got;
	}
	return done;
}

static ssize_t pd_readv(void *ctx, uint64_t pos, const struct lmfs_iovec *iov,
    int iovcnt)
{
	return pd_xfer(ctx, 0, pos, iov, iovcnt);
}

static ssize_t pd_writev(void *ctx, uint64_t pos,
    const struct lmfs_iovec *iov, int iovcnt)
{
	struct posix_dev *d = ctx;

	if (!d->writable)
		return -EROFS;
	return pd_xfer(d, 1, pos, iov, iovcnt);
}

static int pd_size(void *ctx, uint64_t *bytes)
{
	*bytes = ((struct posix_dev *)ctx)->size;
	return OK;
}

static int pd_flush(void *ctx)
{
	struct posix_dev *d = ctx;

	if (d->writable && fsync(d->fd) != 0)
		return -errno;
	return OK;
}

static const struct lmfs_dev_ops posix_dev_ops = {
	.readv = pd_readv,
	.writev = pd_writev,
	.size = pd_size,
	.flush = pd_flush,
};

/* Total size of the open file or block device behind fd. */
static int pd_total(int fd, uint64_t *total)
{
	struct stat st;
	off_t end;

	if (fstat(fd, &st) != 0)
		return -errno;
	if (S_ISREG(st.st_mode)) {
		*total = (uint64_t)st.st_size;
		return OK;
	}
	if (!S_ISBLK(st.st_mode))
		return S_ISDIR(st.st_mode) ? -EISDIR : -EINVAL;
	if ((end = lseek(fd, 0, SEEK_END)) < 0)
		return -errno;
	if (end == 0)
		return -EINVAL;		/* the size is not known */
	*total = (uint64_t)end;
	return OK;
}

int lmfs_file_dev_open(const char *path, int writable, uint64_t offset,
    const struct lmfs_dev_ops **opsp, void **ctxp)
{
	struct posix_dev *d;
	uint64_t total = 0;
	int r;

	if (path == NULL || opsp == NULL || ctxp == NULL)
		return -EINVAL;
	if ((d = calloc(1, sizeof *d)) == NULL)
		return -ENOMEM;
	d->fd = open(path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC);
	if (d->fd < 0) {
		r = -errno;
		goto fail_free;
	}
	if ((r = pd_total(d->fd, &total)) != OK)
		goto fail_close;
	if (offset > total) {
		r = -EINVAL;
		goto fail_close;
	}
	d->writable = writable != 0;
	d->offset = offset;
	d->size = total - offset;
	*opsp = &posix_dev_ops;
	*ctxp = d;
	return OK;

fail_close:
	close(d->fd);
fail_free:
	free(d);
	return r;
}

void lmfs_file_dev_close(void *ctx)
{
	struct posix_dev *d = ctx;

	if (d == NULL)
		return;
	close(d->fd);
	free(d);
}
