/*
 * buffer.c - the bytes of a pipe: a ring of FS_PIPE_SIZE bytes per
 * non-empty pipe, taken from a budget of PFS_NR_BUFS when the first byte
 * arrives and given back when the last one is read, so idle pipes cost an
 * inode slot only.
 *
 * Writes append, reads consume from the front; 'pos' is ignored (vfsif.h).
 * A write of at most FS_PIPE_BUF bytes goes in whole or not at all; a
 * larger one takes what fits.  No room, or no data: -EAGAIN (would block;
 * VFS, which knows the readers and writers, turns an empty pipe without
 * writers into end of file and a pipe without readers into EPIPE).
 * A copy that faults (-EFAULT) changes nothing: bytes count as written or
 * read only once they all moved.
 */
#include <stdlib.h>

#include "pfs.h"

static unsigned int bufs_used;

unsigned int pfs_bufs_used(void)
{
	return bufs_used;
}

void pfs_buf_release(struct pfs_inode *ip)
{
	if (!ip->buf)
		return;
	free(ip->buf);
	ip->buf = NULL;
	ip->head = ip->count = 0;
	bufs_used--;
}

/* The pipe 'ino' names: -EINVAL if none, -EISDIR for the root. */
static int pipe_of(ino_t ino, struct pfs_inode **ipp)
{
	if (ino == PFS_ROOT_INO)
		return -EISDIR;
	return (*ipp = pfs_find(ino)) ? OK : -EINVAL;
}

/* Copy n bytes between the ring at offset 'at' (from head) and data at
 * 'off', in at most two pieces. */
static int ring_copy(struct pfs_inode *ip, size_t at, size_t n,
    struct fsdriver_data *data, size_t off, int to_ring)
{
	size_t start = (ip->head + at) % FS_PIPE_SIZE;
	size_t first = n < FS_PIPE_SIZE - start ? n : FS_PIPE_SIZE - start;
	int r;

	r = to_ring ? fsdriver_copyin(data, off, ip->buf + start, first) :
	    fsdriver_copyout(data, off, ip->buf + start, first);
	if (r != OK || first == n)
		return r;
	return to_ring ? fsdriver_copyin(data, off + first, ip->buf, n - first) :
	    fsdriver_copyout(data, off + first, ip->buf, n - first);
}

ssize_t pfs_read(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t pos)
{
	struct pfs_inode *ip;
	size_t n;
	int r;

	(void)pos;
	if ((r = pipe_of(ino, &ip)) != OK)
		return r;
	if (bytes == 0)
		return 0;
	if (ip->count == 0)
		return -EAGAIN;
	n = bytes < ip->count ? bytes : ip->count;
	if ((r = ring_copy(ip, 0, n, data, 0, 0)) != OK)
		return r;
	ip->head = (ip->head + n) % FS_PIPE_SIZE;
	ip->count -= n;
	ip->marks |= PFS_ATIME;
	if (ip->count == 0)
		pfs_buf_release(ip);
	return (ssize_t)n;
}

ssize_t pfs_write(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t pos)
{
	struct pfs_inode *ip;
	size_t room, n;
	int r;

	(void)pos;
	if ((r = pipe_of(ino, &ip)) != OK)
		return r;
	if (bytes == 0)
		return 0;
	room = FS_PIPE_SIZE - ip->count;
	if (room == 0 || (bytes <= FS_PIPE_BUF && bytes > room))
		return -EAGAIN;
	n = bytes < room ? bytes : room;
	if (!ip->buf) {
		if (bufs_used >= PFS_NR_BUFS ||
		    !(ip->buf = malloc(FS_PIPE_SIZE)))
			return -ENOSPC;
		bufs_used++;
		ip->head = 0;
	}
	if ((r = ring_copy(ip, ip->count, n, data, 0, 1)) != OK) {
		if (ip->count == 0)
			pfs_buf_release(ip);
		return r;
	}
	ip->count += n;
	ip->marks |= PFS_MTIME | PFS_CTIME;
	return (ssize_t)n;
}
