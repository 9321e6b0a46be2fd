/*
 * os_io.c - requests that move data: read, write, peek, getdents, rdlink,
 * statvfs, sync and the block-special reads and writes.  A transfer's
 * count is the reply's m_type (FS_MAX_BYTES keeps it an int).
 */
#include <errno.h>
#include <string.h>
#include <sys/statvfs.h>

#include "os_priv.h"
#include "os_calls.h"

/* Decode the inode, position and buffer of a file transfer. */
static int os_file_io(const struct os_req *rq, ino_t *ino, off_t *pos,
    struct fsdriver_data *data)
{
	mess_vfs_fs_io *q = &rq->m->m_fs_io;
	int r;

	if ((r = os_ino(q->ino, ino)) != OK ||
	    (r = os_off(q->pos, q->bytes, pos)) != OK)
		return r;
	return os_data(rq, q->grant, q->bytes, data);
}

int os_read(const struct os_req *rq)
{
	struct fsdriver_data data;
	ino_t ino;
	off_t pos;
	int r;

	if ((r = os_file_io(rq, &ino, &pos, &data)) != OK)
		return r;
	return (int)rq->fdp->fdr_read(ino, &data, data.fd_size, pos);
}

int os_write(const struct os_req *rq)
{
	struct fsdriver_data data;
	ino_t ino;
	off_t pos;
	int r;

	if ((r = os_file_io(rq, &ino, &pos, &data)) != OK)
		return r;
	return (int)rq->fdp->fdr_write(ino, &data, data.fd_size, pos);
}

/* No buffer: the grant field is ignored. */
int os_peek(const struct os_req *rq)
{
	mess_vfs_fs_io q = rq->m->m_fs_io;
	ino_t ino;
	off_t pos;
	int r;

	if ((r = os_ino(q.ino, &ino)) != OK ||
	    (r = os_off(q.pos, q.bytes, &pos)) != OK)
		return r;
	if (q.bytes > FS_MAX_BYTES)
		return -EINVAL;
	return (int)rq->fdp->fdr_peek(ino, q.bytes, pos);
}

int os_getdents(const struct os_req *rq)
{
	struct fsdriver_data data;
	ino_t ino;
	off_t pos;
	ssize_t r;

	if ((r = os_file_io(rq, &ino, &pos, &data)) != OK)
		return (int)r;
	r = rq->fdp->fdr_getdents(ino, &data, data.fd_size, &pos);
	if (r >= 0) {
		memset(&rq->m->m_fs_pos, 0, sizeof rq->m->m_fs_pos);
		rq->m->m_fs_pos.pos = (u64_t)pos;
	}
	return (int)r;
}

int os_rdlink(const struct os_req *rq)
{
	struct fsdriver_data data;
	ino_t ino;
	off_t pos;
	int r;

	if ((r = os_file_io(rq, &ino, &pos, &data)) != OK)
		return r;
	return (int)rq->fdp->fdr_rdlink(ino, &data, data.fd_size);
}

/* The C library's statvfs, from the file system, in the wire form. */
static void os_statvfs_wire(const struct statvfs *sv, struct mica_statvfs *w)
{
	memset(w, 0, sizeof *w);
	w->f_blocks = (u64_t)sv->f_blocks;
	w->f_bfree = (u64_t)sv->f_bfree;
	w->f_bavail = (u64_t)sv->f_bavail;
	w->f_files = (u64_t)sv->f_files;
	w->f_ffree = (u64_t)sv->f_ffree;
	w->f_favail = (u64_t)sv->f_favail;
	w->f_bsize = (u32_t)sv->f_bsize;
	w->f_frsize = (u32_t)sv->f_frsize;
	w->f_fsid = (u32_t)sv->f_fsid;
	w->f_flag = (sv->f_flag & ST_RDONLY) || fsdriver_os_mnt.rdonly ?
	    FS_ST_RDONLY : 0;
	w->f_namemax = (u32_t)sv->f_namemax;
}

int os_statvfs(const struct os_req *rq)
{
	mess_vfs_fs_io q = rq->m->m_fs_io;
	struct fsdriver_data data;
	struct mica_statvfs w;
	struct statvfs sv;
	int r;

	if (q.bytes != sizeof w)
		return -EINVAL;
	if ((r = os_data(rq, q.grant, q.bytes, &data)) != OK)
		return r;
	memset(&sv, 0, sizeof sv);
	if ((r = rq->fdp->fdr_statvfs(&sv)) != OK)
		return r;
	os_statvfs_wire(&sv, &w);
	return fsdriver_copyout(&data, 0, &w, sizeof w);
}

int os_sync(const struct os_req *rq)
{
	return rq->fdp->fdr_sync();
}

/* Decode the device, position and buffer of a block-special transfer. */
static int os_block_io(const struct os_req *rq, dev_t *dev, off_t *pos,
    struct fsdriver_data *data)
{
	mess_vfs_fs_io *q = &rq->m->m_fs_io;
	int r;

	if ((r = os_dev(q->ino, dev)) != OK ||
	    (r = os_off(q->pos, q->bytes, pos)) != OK)
		return r;
	return os_data(rq, q->grant, q->bytes, data);
}

int os_bread(const struct os_req *rq)
{
	struct fsdriver_data data;
	dev_t dev;
	off_t pos;
	int r;

	if ((r = os_block_io(rq, &dev, &pos, &data)) != OK)
		return r;
	return (int)rq->fdp->fdr_bread(dev, &data, data.fd_size, pos);
}

int os_bwrite(const struct os_req *rq)
{
	struct fsdriver_data data;
	dev_t dev;
	off_t pos;
	int r;

	if ((r = os_block_io(rq, &dev, &pos, &data)) != OK)
		return r;
	return (int)rq->fdp->fdr_bwrite(dev, &data, data.fd_size, pos);
}

int os_bflush(const struct os_req *rq)
{
	dev_t dev;
	int r;

	if ((r = os_dev(rq->m->m_fs_io.ino, &dev)) != OK)
		return r;
	return rq->fdp->fdr_bflush(dev);
}

/* FS_CACHESTAT, from anyone, mounted or not (os_task.c): the cache's
 * statistics into the caller's grant of exactly the wire struct's size. */
int os_cachestat(const struct os_req *rq)
{
	mess_vfs_fs_io q = rq->m->m_fs_io;
	struct fsdriver_data data;
	struct mica_fs_cachestat st;
	int r;

	if (q.bytes != sizeof st)
		return -EINVAL;
	if ((r = os_data(rq, q.grant, q.bytes, &data)) != OK)
		return r;
	if ((r = fsdriver_dev_cachestat(&st)) != OK)
		return r;
	return fsdriver_copyout(&data, 0, &st, sizeof st);
}
