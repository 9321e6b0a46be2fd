/*
 * fproc.c - per-process state and the open-file table.  A process's record
 * is made on its first call (boot modules and, until PM tells VFS about
 * forks, every process); it is indexed by endpoint slot and checked
 * against the full endpoint, so a new process in a reused slot starts
 * clean.  Descriptors point at filps; a filp counts the descriptors using
 * it and holds one vnode reference.
 */
#include "vfs.h"

struct fproc vfs_procs[NR_PROCS];
static struct filp filps[VFS_NR_FILPS];

static void fproc_init(struct fproc *fp, endpoint_t ep)
{
	memset(fp, 0, sizeof(*fp));
	fp->ep = ep;
	fp->umask = 022;
	fp->root = vmnt_root() ? vmnt_root()->root : NULL;
	fp->cwd = fp->root;
	if (fp->root) {
		vnode_ref(fp->root);
		vnode_ref(fp->cwd);
	}
}

/*
 * The root has just been mounted: a record made before it (a boot process
 * PM told VFS about, or one whose first call found no root) gets it as
 * its root and working directory.
 */
void fproc_root_mounted(struct vnode *root)
{
	for (struct fproc *fp = vfs_procs; fp < vfs_procs + NR_PROCS; fp++) {
		if (fp->ep == NONE || fp->root)
			continue;
		fp->root = fp->cwd = root;
		vnode_ref(fp->root);
		vnode_ref(fp->cwd);
	}
}

struct fproc *fproc_find(endpoint_t ep)
{
	int slot = ENDPOINT_SLOT(ep);

	if (ep < 0 || slot >= NR_PROCS || vfs_procs[slot].ep != ep)
		return NULL;
	return &vfs_procs[slot];
}

struct fproc *fproc_get(endpoint_t ep)
{
	int slot = ENDPOINT_SLOT(ep);
	struct fproc *fp;

	if (ep < 0 || slot >= NR_PROCS)
		return NULL;
	fp = &vfs_procs[slot];
	if (fp->ep != ep) {
		if (fp->ep != NONE)
			fproc_exit(fp);
		fproc_init(fp, ep);
	}
	return fp;
}

int fd_get(struct fproc *fp, int fd, struct filp **fil)
{
	if (fd < 0 || fd >= VFS_OPEN_MAX || !fp->fd[fd])
		return -EBADF;
	*fil = fp->fd[fd];
	return OK;
}

int fd_alloc(struct fproc *fp, int from, int *fd)
{
	if (from < 0 || from >= VFS_OPEN_MAX)
		return -EINVAL;
	for (int i = from; i < VFS_OPEN_MAX; i++)
		if (!fp->fd[i]) {
			*fd = i;
			return OK;
		}
	return -EMFILE;
}

struct filp *filp_alloc(struct vnode *vp, int flags)
{
	for (int i = 0; i < VFS_NR_FILPS; i++)
		if (filps[i].count == 0) {
			memset(&filps[i], 0, sizeof(filps[i]));
			filps[i].count = 1;
			filps[i].vp = vp;
			filps[i].flags = flags;
			vnode_ref(vp);
			if ((flags & MICA_O_ACCMODE) != MICA_O_WRONLY)
				vp->opens_r++;
			if ((flags & MICA_O_ACCMODE) != MICA_O_RDONLY)
				vp->opens_w++;
			return &filps[i];
		}
	return NULL;
}

/* Drop one descriptor's use of f; the last one closes the file. */
void filp_put(struct filp *f)
{
	struct vnode *vp = f->vp;

	if (--f->count > 0)
		return;
	if (f->dev_open)
		dev_close(f);
	if (S_ISTYPE(vp->mode, MICA_S_IFBLK))
		blk_close(f);
	if ((f->flags & MICA_O_ACCMODE) != MICA_O_WRONLY)
		vp->opens_r--;
	if ((f->flags & MICA_O_ACCMODE) != MICA_O_RDONLY)
		vp->opens_w--;
	if (S_ISTYPE(vp->mode, MICA_S_IFIFO)) {
		pipe_changed();
		if (vp->opens_r == 0 && vp->opens_w == 0)
			fifo_release(vp);
	}
	poll_wakeup_all();
	vnode_put(vp);
	f->vp = NULL;
}

void fd_close(struct fproc *fp, int fd)
{
	struct filp *f = fp->fd[fd];

	fp->fd[fd] = NULL;
	fp->cloexec &= ~(1ull << fd);
	filp_put(f);
}

/* The process is gone: its suspended call, descriptors and directories. */
void fproc_exit(struct fproc *fp)
{
	if (fp->blocked) {
		dev_cancel(fp);
		poll_cancel(fp);
		fp->blocked = 0;
		fp->pipe_vp = NULL;
	}
	fp->restart = 0;
	for (int i = 0; i < VFS_OPEN_MAX; i++)
		if (fp->fd[i])
			fd_close(fp, i);
	if (fp->cwd)
		vnode_put(fp->cwd);
	if (fp->root)
		vnode_put(fp->root);
	fp->cwd = fp->root = NULL;
	fp->ep = NONE;
}

/* PM's fork: the child shares the parent's open files (POSIX fork). */
int fproc_fork(endpoint_t parent, endpoint_t child)
{
	struct fproc *pp = fproc_find(parent), *cp;
	int slot = ENDPOINT_SLOT(child);

	if (!pp || child < 0 || slot >= NR_PROCS)
		return -EINVAL;
	cp = &vfs_procs[slot];
	if (cp->ep != NONE)
		fproc_exit(cp);
	*cp = *pp;
	cp->ep = child;
	cp->blocked = 0;
	cp->restart = 0;
	cp->pipe_vp = NULL;
	cp->pipe_done = 0;
	for (int i = 0; i < VFS_OPEN_MAX; i++)
		if (cp->fd[i])
			cp->fd[i]->count++;
	vnode_ref(cp->cwd);
	vnode_ref(cp->root);
	return OK;
}
