/*
 * file_dev.c - the host side of the device seam: an image file or a Linux
 * block device, optionally from byte 'offset' on (a file system inside a
 * partitioned image).  Vectored transfers are preadv/pwritev at
 * offset + pos, repeated on short transfers and EINTR until done or end of
 * file.  The size is fixed at open: st_size for a file, BLKGETSIZE64 for a
 * block device, minus the offset.  flush is fdatasync.
 *
 * Write-behind: once FD_KICK_BYTES have been written since the last time,
 * the range written is handed to the kernel's writeback at once
 * (sync_file_range, SYNC_FILE_RANGE_WRITE: start, do not wait), so the disk
 * works while the cache goes on serving requests and the fdatasync of the
 * next flush finds little left to do.  Durability still comes only from
 * flush; the hint is best effort and its errors are ignored (a real write
 * error is reported by that fdatasync).
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <mica/libminixfs_host.h>
#include "lmfs_priv.h"

#define FD_KICK_BYTES	((uint64_t)8 << 20)

struct file_dev {
	int fd;
	int writable;
	uint64_t offset;	/* device byte 0 in the file */
	uint64_t size;		/* bytes from offset to the end */
	uint64_t kick_lo, kick_hi;	/* file range written, not yet kicked */
	uint64_t kick_bytes;		/* bytes written into it */
};

/* Move the iovecs to or from the file; bytes moved or a negative errno. */
static ssize_t fd_xfer(struct file_dev *f, int write, uint64_t pos,
    const struct lmfs_iovec *iov, int cnt)
{
	struct iovec v[LMFS_MAX_IOV];
	int i, first = 0;
	ssize_t r, done = 0;

	if (cnt < 0 || cnt > LMFS_MAX_IOV)
		return -EINVAL;
	for (i = 0; i < cnt; i++)
		v[i] = (struct iovec){ iov[i].iov_base, iov[i].iov_len };
	while (first < cnt) {
		off_t at = (off_t)(f->offset + pos + (uint64_t)done);

		r = write ? pwritev(f->fd, v + first, cnt - first, at) :
		    preadv(f->fd, v + first, cnt - first, at);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -errno;
		if (r == 0)
			break;
		done += r;
		while (first < cnt && (size_t)r >= v[first].iov_len)
			r -= (ssize_t)v[first++].iov_len;
		if (first < cnt) {
			v[first].iov_base = (char *)v[first].iov_base + r;
			v[first].iov_len -= (size_t)r;
		}
	}
	return done;
}

static ssize_t fd_readv(void *ctx, uint64_t pos, const struct lmfs_iovec *iov,
    int iovcnt)
{
	return fd_xfer(ctx, 0, pos, iov, iovcnt);
}

/* Note 'len' bytes written at file offset 'at'; start writeback of the
 * range written so far once it holds FD_KICK_BYTES. */
static void fd_write_behind(struct file_dev *f, uint64_t at, uint64_t len)
{
	if (f->kick_bytes == 0 || at < f->kick_lo)
		f->kick_lo = at;
	if (f->kick_bytes == 0 || at + len > f->kick_hi)
		f->kick_hi = at + len;
	f->kick_bytes += len;
	if (f->kick_bytes < FD_KICK_BYTES)
		return;
	(void)sync_file_range(f->fd, (off_t)f->kick_lo,
	    (off_t)(f->kick_hi - f->kick_lo), SYNC_FILE_RANGE_WRITE);
	f->kick_bytes = 0;
}

static ssize_t fd_writev(void *ctx, uint64_t pos,
    const struct lmfs_iovec *iov, int iovcnt)
{
	struct file_dev *f = ctx;
	ssize_t r;

	if (!f->writable)
		return -EROFS;
	r = fd_xfer(f, 1, pos, iov, iovcnt);
	if (r > 0)
		fd_write_behind(f, f->offset + pos, (uint64_t)r);
	return r;
}

static int fd_size(void *ctx, uint64_t *bytes)
{
	*bytes = ((struct file_dev *)ctx)->size;
	return OK;
}

static int fd_flush(void *ctx)
{
	struct file_dev *f = ctx;

	if (f->writable && fdatasync(f->fd) != 0)
		return -errno;
	f->kick_bytes = 0;
	return OK;
}

static const struct lmfs_dev_ops file_dev_ops = {
	.readv = fd_readv,
	.writev = fd_writev,
	.size = fd_size,
	.flush = fd_flush,
};

/* Total size of the open file or block device behind fd. */
static int fd_total(int fd, uint64_t *total)
{
	struct stat st;

	if (fstat(fd, &st) != 0)
		return -errno;
	if (S_ISREG(st.st_mode)) {
		*total = (uint64_t)st.st_size;
		return OK;
	}
	if (S_ISBLK(st.st_mode))
		return ioctl(fd, BLKGETSIZE64, total) == 0 ? OK : -errno;
	return S_ISDIR(st.st_mode) ? -EISDIR : -EINVAL;
}

/* Open 'path' as a device starting at byte 'offset'; see the header. */
int lmfs_file_dev_open(const char *path, int writable, uint64_t offset,
    const struct lmfs_dev_ops **opsp, void **ctxp)
{
	struct file_dev *f;
	uint64_t total;
	int r;

	if (path == NULL || opsp == NULL || ctxp == NULL)
		return -EINVAL;
	if ((f = calloc(1, sizeof *f)) == NULL)
		return -ENOMEM;
	f->fd = open(path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC);
	if (f->fd < 0) {
		r = -errno;
		goto fail_free;
	}
	if ((r = fd_total(f->fd, &total)) != OK)
		goto fail_close;
	if (offset > total) {
		r = -EINVAL;
		goto fail_close;
	}
	f->writable = writable != 0;
	f->offset = offset;
	f->size = total - offset;
	*opsp = &file_dev_ops;
	*ctxp = f;
	return OK;

fail_close:
	close(f->fd);
fail_free:
	free(f);
	return r;
}

/* Close a device opened by lmfs_file_dev_open() (unregister it first). */
void lmfs_file_dev_close(void *ctx)
{
	struct file_dev *f = ctx;

	if (f == NULL)
		return;
	close(f->fd);
	free(f);
}
