/*
 * fd.c - descriptor calls: dup, dup2, fcntl (F_DUPFD, F_DUPFD_CLOEXEC,
 * F_GETFD, F_SETFD, F_GETFL, F_SETFL).  A duplicate shares the filp
 * (position and status flags); close-on-exec is per descriptor.
 */
#include "vfs.h"

#define SETFL_FLAGS (MICA_O_APPEND | MICA_O_NONBLOCK)

static int dup_to(struct fproc *fp, struct filp *f, int fd, int cloexec)
{
	f->count++;
	fp->fd[fd] = f;
	if (cloexec)
		fp->cloexec |= 1ull << fd;
	else
		fp->cloexec &= ~(1ull << fd);
	return fd;
}

int do_dup(struct vfs_call *c)
{
	struct filp *f;
	int r, fd;

	if ((r = fd_get(c->fp, c->m->m_lc_vfs_fd.fd, &f)) != OK)
		return r;
	if ((r = fd_alloc(c->fp, 0, &fd)) != OK)
		return r;
	return dup_to(c->fp, f, fd, 0);
}

int do_dup2(struct vfs_call *c)
{
	const mess_lc_vfs_fd *q = &c->m->m_lc_vfs_fd;
	struct filp *f;
	int r;

	if ((r = fd_get(c->fp, q->fd, &f)) != OK)
		return r;
	if (q->fd2 < 0 || q->fd2 >= VFS_OPEN_MAX)
		return -EBADF;
	if (q->fd2 == q->fd)
		return q->fd2;
	if (c->fp->fd[q->fd2])
		fd_close(c->fp, q->fd2);
	return dup_to(c->fp, f, q->fd2, 0);
}

int do_fcntl(struct vfs_call *c)
{
	const mess_lc_vfs_fd *q = &c->m->m_lc_vfs_fd;
	struct filp *f;
	int r, fd;

	if ((r = fd_get(c->fp, q->fd, &f)) != OK)
		return r;
	switch (q->cmd) {
	case MICA_F_DUPFD:
	case MICA_F_DUPFD_CLOEXEC:
		if (q->arg < 0 || q->arg >= VFS_OPEN_MAX)
			return -EINVAL;
		if ((r = fd_alloc(c->fp, q->arg, &fd)) != OK)
			return r;
		return dup_to(c->fp, f, fd, q->cmd == MICA_F_DUPFD_CLOEXEC);
	case MICA_F_GETFD:
		return (c->fp->cloexec >> q->fd) & 1 ? MICA_FD_CLOEXEC : 0;
	case MICA_F_SETFD:
		if (q->arg & MICA_FD_CLOEXEC)
			c->fp->cloexec |= 1ull << q->fd;
		else
			c->fp->cloexec &= ~(1ull << q->fd);
		return OK;
	case MICA_F_GETFL:
		return f->flags;
	case MICA_F_SETFL:
		f->flags = (f->flags & ~SETFL_FLAGS) | (q->arg & SETFL_FLAGS);
		return OK;
	default:
		return -EINVAL;
	}
}
