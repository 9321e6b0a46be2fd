/*
 * pipe.c - pipes: the VFS side.  The bytes live on PFS (an unnamed
 * S_IFIFO node made by FS_NEWNODE; FS_WRITE appends, FS_READ consumes,
 * vfsif.h); everything about waiting is decided here, where the readers
 * and writers are known:
 *
 *   read   data: take it.  Empty and no writer left: 0 (end of file).
 *          Empty with a writer: EAGAIN with O_NONBLOCK, else suspend.
 *   write  no reader left: SIGPIPE to the writer (through its signal
 *          manager, PM) and EPIPE.  Writes of at most FS_PIPE_BUF bytes go
 *          in whole or not at all (POSIX atomicity); larger ones go in as
 *          space allows, the writer suspended in between (with O_NONBLOCK
 *          it gets what was written, or EAGAIN).
 *
 * VFS counts the bytes in each pipe itself (vnode size: it sees every
 * transfer), so it never asks PFS to hold more than FS_PIPE_SIZE.  A
 * suspended call keeps its request in its fproc; after every message
 * main.c calls pipe_revive(), which retries each suspended pipe call once
 * if anything happened to a pipe meanwhile (a transfer, an open, a close).
 *
 * A named FIFO (a node on any file system) gets a pipe on PFS at its first
 * open, kept in the FIFO's vnode while it is open; the descriptors point
 * at that pipe (so fstat reports PFS's node).  Open follows POSIX: a
 * reader waits for a writer and a writer for a reader, unless O_NONBLOCK
 * (a reader then opens at once, a writer fails with ENXIO).
 */
#include "vfs.h"
#include <mica/ds.h>

static struct vmnt *pfs_vmnt;
static endpoint_t pfs_ep = NONE;
static int pipes_changed;

void pipe_setup(const char *args)
{
	pfs_ep = arg_int(args, "pfs", NONE);
}

static int pfs_get(struct vmnt **vm)
{
	int r;

	if (pfs_vmnt && !pfs_vmnt->dead) {
		*vm = pfs_vmnt;
		return OK;
	}
	if (pfs_ep == NONE && ds_retrieve_label_endpt("pfs", &pfs_ep) != OK) {
		pfs_ep = NONE;
		return -ENFILE;
	}
	if (pfs_vmnt) {			/* the dead one: forget it */
		vnode_drop_mount(pfs_vmnt);
		pfs_vmnt->fs = NONE;
	}
	if ((r = vmnt_mount_hidden(pfs_ep, "pfs", &pfs_vmnt)) != OK) {
		pfs_vmnt = NULL;
		return r;
	}
	*vm = pfs_vmnt;
	return OK;
}

/* A new pipe node on PFS (a reference). */
static int pipe_node(struct fproc *fp, struct vnode **out)
{
	mess_fs_vfs_node res;
	struct vmnt *vm;
	int r;

	if ((r = pfs_get(&vm)) != OK ||
	    (r = req_newnode(vm, MICA_S_IFIFO | 0600, fp->uid, fp->gid,
	    &res)) != OK)
		return r;
	if (!(*out = vnode_get(vm, &res)))
		return -ENFILE;
	(*out)->size = 0;
	return OK;
}

int do_pipe(struct vfs_call *c)
{
	int flags = c->m->m_lc_vfs_fd.arg, fd0, fd1, r;
	struct filp *f0, *f1;
	struct vnode *vp;

	if (flags & ~(MICA_O_CLOEXEC | MICA_O_NONBLOCK))
		return -EINVAL;
	if ((r = fd_alloc(c->fp, 0, &fd0)) != OK)
		return r;
	if ((r = fd_alloc(c->fp, fd0 + 1, &fd1)) != OK)
		return r;
	if ((r = pipe_node(c->fp, &vp)) != OK)
		return r;
	f0 = filp_alloc(vp, MICA_O_RDONLY | (flags & MICA_O_NONBLOCK));
	f1 = f0 ? filp_alloc(vp, MICA_O_WRONLY | (flags & MICA_O_NONBLOCK)) : NULL;
	vnode_put(vp);			/* the filps hold it */
	if (!f1) {
		if (f0)
			filp_put(f0);
		return -ENFILE;
	}
	c->fp->fd[fd0] = f0;
	c->fp->fd[fd1] = f1;
	if (flags & MICA_O_CLOEXEC)
		c->fp->cloexec |= (1ull << fd0) | (1ull << fd1);
	c->m->m_vfs_lc_pipe.fd0 = fd0;
	c->m->m_vfs_lc_pipe.fd1 = fd1;
	return OK;
}

static int pipe_suspend(struct vfs_call *c, struct vnode *vp, u32_t done)
{
	c->fp->blocked = c->m->m_type;
	c->fp->req = *c->m;
	c->fp->pipe_vp = vp;
	c->fp->pipe_done = done;
	return VFS_SUSPEND;
}

static int pipe_read(struct vfs_call *c, struct filp *f, cp_grant_id_t g,
	u32_t count)
{
	struct vnode *vp = f->vp;
	int r;

	if (vp->size == 0) {
		if (vp->opens_w == 0)
			return 0;
		if (f->flags & MICA_O_NONBLOCK)
			return -EAGAIN;
		return pipe_suspend(c, vp, 0);
	}
	if ((r = req_io_off(FS_READ, vp, c->who, g, 0, count)) > 0) {
		vp->size -= (u32_t)r > vp->size ? vp->size : (u32_t)r;
		pipes_changed = 1;
	}
	return r;
}

static int pipe_write(struct vfs_call *c, struct filp *f, cp_grant_id_t g,
	u32_t count, u32_t done)
{
	struct vnode *vp = f->vp;
	u32_t space, n;
	int r;

	for (;;) {
		if (vp->opens_r == 0) {
			sys_kill(c->fp->ep, MICA_SIGPIPE);
			return done ? (int)done : -EPIPE;
		}
		if (done == count)
			return done;
		space = FS_PIPE_SIZE - (u32_t)vp->size;
		if (space == 0 || (count <= FS_PIPE_BUF && space < count)) {
			if (f->flags & MICA_O_NONBLOCK)
				return done ? (int)done : -EAGAIN;
			return pipe_suspend(c, vp, done);
		}
		n = count - done < space ? count - done : space;
		if ((r = req_io_off(FS_WRITE, vp, c->who, g, done, n)) < 0)
			return done ? (int)done : r;
		vp->size += r;
		done += r;
		pipes_changed = 1;
		if (r == 0)
			return done ? (int)done : -EIO;
	}
}

int pipe_io(struct vfs_call *c, struct filp *f, int write, cp_grant_id_t g,
	u32_t count)
{
	if (count == 0)
		return 0;
	if (count > FS_MAX_BYTES)
		return -EINVAL;
	if (!write)
		return pipe_read(c, f, g, count);
	return pipe_write(c, f, g, count,
		c->fp->pipe_vp == f->vp ? c->fp->pipe_done : 0);
}

/* Is the other side of a FIFO open? */
static int fifo_peer(struct filp *f)
{
	return (f->flags & MICA_O_ACCMODE) == MICA_O_RDONLY ?
		f->vp->opens_w > 0 : f->vp->opens_r > 0;
}

/*
 * Open a named FIFO vp (the caller's lookup reference) as descriptor fd:
 * the fd, VFS_SUSPEND until the other side opens, or an error.
 */
int fifo_open(struct vfs_call *c, struct vnode *vp, int flags, int fd)
{
	int acc = flags & MICA_O_ACCMODE, r;
	struct filp *f;

	if (acc == MICA_O_RDWR)
		return -EINVAL;		/* POSIX leaves it undefined */
	if (!vp->fifo) {
		if ((r = pipe_node(c->fp, &vp->fifo)) != OK) {
			vp->fifo = NULL;
			return r;
		}
		vnode_ref(vp);		/* the FIFO stays while its pipe does */
	}
	if (acc == MICA_O_WRONLY && (flags & MICA_O_NONBLOCK) &&
	    vp->fifo->opens_r == 0)
		return -ENXIO;
	if (!(f = filp_alloc(vp->fifo, flags & (MICA_O_ACCMODE |
	    MICA_O_NONBLOCK | MICA_O_APPEND))))
		return -ENFILE;
	c->fp->fd[fd] = f;
	if (flags & MICA_O_CLOEXEC)
		c->fp->cloexec |= 1ull << fd;
	pipes_changed = 1;		/* a waiting peer may go on */
	if (fifo_peer(f) || (flags & MICA_O_NONBLOCK))
		return fd;
	c->fp->blocked = VFS_OPEN;
	c->fp->req = *c->m;		/* for a restart (pmvfs.h) */
	c->fp->pipe_vp = f->vp;
	c->fp->pipe_done = fd;
	return VFS_SUSPEND;
}

/* The last filp of a FIFO's pipe went: the FIFO lets go of it. */
void fifo_release(struct vnode *pipe)
{
	for (int i = 0; i < VFS_NR_VNODES; i++) {
		struct vnode *vp = &vfs_vnodes[i];
		if (vp->refs > 0 && vp->fifo == pipe) {
			vp->fifo = NULL;
			vnode_put(pipe);
			vnode_put(vp);
			return;
		}
	}
}

/* poll: readable with data or no writer, writable with room for PIPE_BUF. */
int pipe_poll(struct filp *f, int events)
{
	struct vnode *vp = f->vp;
	int re = 0;

	if ((f->flags & MICA_O_ACCMODE) != MICA_O_WRONLY) {
		if (vp->size > 0)
			re |= events & (MICA_POLLIN | MICA_POLLRDNORM);
		if (vp->opens_w == 0)
			re |= MICA_POLLHUP;
	}
	if ((f->flags & MICA_O_ACCMODE) != MICA_O_RDONLY) {
		if (vp->opens_r == 0)
			re |= MICA_POLLERR;
		else if (FS_PIPE_SIZE - vp->size >= FS_PIPE_BUF)
			re |= events & (MICA_POLLOUT | MICA_POLLWRNORM);
	}
	return re;
}

void pipe_changed(void)
{
	pipes_changed = 1;
}

/* Retry every call suspended on a pipe once, if a pipe changed. */
void pipe_revive(void)
{
	if (!pipes_changed)
		return;
	pipes_changed = 0;
	for (int i = 0; i < NR_PROCS; i++) {
		struct fproc *fp = &vfs_procs[i];
		struct vfs_call c = { .fp = fp, .who = fp->ep, .m = &fp->req };
		int r;

		if (fp->ep == NONE || !fp->pipe_vp)
			continue;
		if (fp->blocked == VFS_OPEN) {
			if (fp->fd[fp->pipe_done] && !fifo_peer(fp->fd[fp->pipe_done]))
				continue;
			fp->blocked = 0;
			fp->pipe_vp = NULL;
			vfs_reply(fp->ep, fp->pipe_done, NULL);
			continue;
		}
		if (fp->blocked != VFS_READ && fp->blocked != VFS_WRITE)
			continue;
		fp->blocked = 0;
		r = fp->req.m_type == VFS_READ ? do_read(&c) : do_write(&c);
		if (r == VFS_SUSPEND)
			continue;
		fp->pipe_vp = NULL;
		fp->pipe_done = 0;
		vfs_reply(fp->ep, r, NULL);
	}
	poll_wakeup_all();
}

/* A signal for a process suspended on a pipe: EINTR, or what was written. */
void pipe_interrupt(struct fproc *fp)
{
	int r = fp->pipe_done ? (int)fp->pipe_done : -EINTR;

	if (fp->blocked == VFS_OPEN) {		/* the open did not happen */
		fd_close(fp, fp->pipe_done);
		r = -EINTR;
	}
	fp->blocked = 0;
	fp->pipe_vp = NULL;
	fp->pipe_done = 0;
	suspended_reply(fp, r);
}
