/*
 * open.c - making descriptors and nodes: open (O_CREAT, O_EXCL, O_TRUNC,
 * O_DIRECTORY, O_NOFOLLOW, O_APPEND, O_NONBLOCK, O_CLOEXEC), close, mkdir,
 * mknod.  New nodes get mode & ~umask and the caller's effective ids.
 */
#include "vfs.h"

#define OPEN_FLAGS (MICA_O_ACCMODE | MICA_O_APPEND | MICA_O_CREAT | \
	MICA_O_TRUNC | MICA_O_EXCL | MICA_O_NONBLOCK | MICA_O_NOCTTY | \
	MICA_O_CLOEXEC | MICA_O_NOFOLLOW | MICA_O_DIRECTORY)

/* May fp make a new entry in dir? */
static int may_enter(struct fproc *fp, struct vnode *dir)
{
	if (!S_ISTYPE(dir->mode, MICA_S_IFDIR))
		return -ENOTDIR;
	return perm_check(fp, dir, MICA_W_OK | MICA_X_OK);
}

/*
 * O_CREAT: the existing node, or a new regular file (*created).  A final
 * symbolic link is followed, also when it dangles: then its target is
 * created (as POSIX has it), at most VFS_SYMLOOP_MAX links deep.
 */
static int open_create(struct vfs_call *c, struct vnode *start,
	const char *path, int flags, u32_t mode, struct vnode **out,
	int *created, int depth)
{
	char link[VFS_PATH_MAX];
	struct lookup l;
	mess_fs_vfs_node res;
	struct vnode *dir;
	int r;

	if ((r = path_walk_at(c->fp, start, path, PATH_PARENT, &l)) != OK)
		return r;
	dir = l.dir;
	if (!strcmp(l.name, ".") || !strcmp(l.name, "..")) {
		r = (flags & MICA_O_EXCL) ? -EEXIST : -EISDIR;
		goto out;
	}
	r = path_step(c->fp, &dir, l.name, out);
	l.dir = dir;
	if (r == OK) {
		if (flags & MICA_O_EXCL) {
			vnode_put(*out);
			r = -EEXIST;
		} else if (S_ISTYPE((*out)->mode, MICA_S_IFLNK) &&
		    !(flags & MICA_O_NOFOLLOW)) {
			r = req_rdlink_local(*out, link, sizeof(link));
			vnode_put(*out);
			if (r >= 0 && ++depth > VFS_SYMLOOP_MAX)
				r = -ELOOP;
			else if (r == 0)
				r = -ENOENT;
			else if (r > 0)
				r = open_create(c, dir, link, flags, mode, out,
					created, depth);
		}
		goto out;
	}
	if (r != -ENOENT || (r = may_enter(c->fp, dir)) != OK)
		goto out;
	r = req_create(dir, l.name, MICA_S_IFREG | (mode & ~c->fp->umask & 07777),
		c->fp->uid, c->fp->gid, &res);
	if (r == OK) {
		if (!(*out = vnode_get(dir->vmnt, &res)))
			r = -ENFILE;
		*created = 1;
	}
out:
	lookup_put(&l);
	return r;
}

static int open_check(struct fproc *fp, struct vnode *vp, int flags, int created)
{
	int acc = flags & MICA_O_ACCMODE, want = 0;

	if (S_ISTYPE(vp->mode, MICA_S_IFLNK))
		return -ELOOP;		/* O_NOFOLLOW on a link */
	if ((flags & MICA_O_DIRECTORY) && !S_ISTYPE(vp->mode, MICA_S_IFDIR))
		return -ENOTDIR;
	if (S_ISTYPE(vp->mode, MICA_S_IFDIR) && acc != MICA_O_RDONLY)
		return -EISDIR;
	if (created)
		return OK;
	if (acc != MICA_O_WRONLY)
		want |= MICA_R_OK;
	if (acc != MICA_O_RDONLY || (flags & MICA_O_TRUNC))
		want |= MICA_W_OK;
	return perm_check(fp, vp, want);
}

int do_open(struct vfs_call *c)
{
	const mess_lc_vfs_path *q = &c->m->m_lc_vfs_path;
	int flags = q->flags, created = 0, fd, r;
	struct vnode *vp = NULL;
	struct lookup l;
	struct filp *f;

	if ((flags & ~OPEN_FLAGS) || (flags & MICA_O_ACCMODE) == MICA_O_ACCMODE)
		return -EINVAL;
	if ((r = fd_alloc(c->fp, 0, &fd)) != OK)
		return r;
	if (flags & MICA_O_CREAT) {
		char path[VFS_PATH_MAX];
		if ((r = path_copyin(c->who, q->path, q->path_len, path)) == OK)
			r = open_create(c, NULL, path, flags, q->mode, &vp,
				&created, 0);
	} else {
		r = path_user(c, q->path, q->path_len,
			(flags & MICA_O_NOFOLLOW) ? PATH_NOFOLLOW : 0, &l);
		vp = l.vp;
	}
	if (r != OK)
		return r;
	if ((r = open_check(c->fp, vp, flags, created)) != OK)
		goto fail;
	if ((flags & MICA_O_TRUNC) && S_ISTYPE(vp->mode, MICA_S_IFREG) &&
	    (flags & MICA_O_ACCMODE) != MICA_O_RDONLY && vp->size != 0 &&
	    (r = req_trunc(vp, 0)) != OK)
		goto fail;
	if (S_ISTYPE(vp->mode, MICA_S_IFREG))
		vp->size = (flags & MICA_O_TRUNC) ? 0 : vp->size;
	if (S_ISTYPE(vp->mode, MICA_S_IFIFO)) {
		r = fifo_open(c, vp, flags, fd);
		vnode_put(vp);
		return r;
	}
	r = -ENFILE;
	if (!(f = filp_alloc(vp, flags & ~(MICA_O_CREAT | MICA_O_EXCL |
	    MICA_O_TRUNC | MICA_O_CLOEXEC | MICA_O_NOFOLLOW))))
		goto fail;
	vnode_put(vp);			/* the filp has its own reference */
	if (S_ISTYPE(f->vp->mode, MICA_S_IFCHR) && (r = dev_open(c->fp, f)) != OK) {
		filp_put(f);
		return r;
	}
	if (S_ISTYPE(f->vp->mode, MICA_S_IFBLK) && (r = blk_open(f)) != OK) {
		filp_put(f);
		return r;
	}
	c->fp->fd[fd] = f;
	if (flags & MICA_O_CLOEXEC)
		c->fp->cloexec |= 1ull << fd;
	return fd;
fail:
	vnode_put(vp);
	return r;
}

int do_close(struct vfs_call *c)
{
	struct filp *f;
	int r;

	if ((r = fd_get(c->fp, c->m->m_lc_vfs_fd.fd, &f)) != OK)
		return r;
	fd_close(c->fp, c->m->m_lc_vfs_fd.fd);
	return OK;
}

/* mkdir and mknod: a new node named by the last component. */
static int make_node(struct vfs_call *c, u32_t mode, u32_t rdev)
{
	const mess_lc_vfs_path *q = &c->m->m_lc_vfs_path;
	struct lookup l;
	int r;

	if ((r = path_user(c, q->path, q->path_len, PATH_PARENT, &l)) != OK)
		return r;
	if (!strcmp(l.name, ".") || !strcmp(l.name, ".."))
		r = -EEXIST;
	else if ((r = may_enter(c->fp, l.dir)) == OK) {
		mode = (mode & MICA_S_IFMT) | (mode & ~c->fp->umask & 07777);
		if (S_ISTYPE(mode, MICA_S_IFDIR))
			r = req_mkdir(l.dir, l.name, mode, c->fp->uid, c->fp->gid);
		else
			r = req_mknod(l.dir, l.name, mode, c->fp->uid, c->fp->gid,
				rdev);
	}
	lookup_put(&l);
	return r;
}

int do_mkdir(struct vfs_call *c)
{
	return make_node(c, MICA_S_IFDIR | (c->m->m_lc_vfs_path.mode & 07777), 0);
}

/* mknod: regular files and FIFOs for anyone, device nodes for root. */
int do_mknod(struct vfs_call *c)
{
	const mess_lc_vfs_path *q = &c->m->m_lc_vfs_path;
	u32_t type = q->mode & MICA_S_IFMT;

	if (type == 0)
		type = MICA_S_IFREG;
	if (type != MICA_S_IFREG && type != MICA_S_IFIFO &&
	    type != MICA_S_IFCHR && type != MICA_S_IFBLK)
		return -EINVAL;
	if ((type == MICA_S_IFCHR || type == MICA_S_IFBLK) && c->fp->uid != 0)
		return -EPERM;
	if (q->length > 0xffffffffull)
		return -EINVAL;
	return make_node(c, type | (q->mode & 07777), (u32_t)q->length);
}
