/*
 * attr.c - attributes: stat, lstat, fstat, chmod, fchmod, chown, lchown,
 * fchown, utimens (futimens), access, umask, with POSIX's rules on who may
 * change what.  The stat record is written by the server straight into
 * the caller's buffer (indirect grant); st_dev is the number VFS gave the
 * mount.
 */
#include "vfs.h"

static int stat_node(struct vfs_call *c, struct vnode *vp, cp_grant_id_t g,
	u32_t size)
{
	if (size != sizeof(struct mica_stat))
		return -EINVAL;
	return req_stat(vp, c->who, g);
}

static int stat_path(struct vfs_call *c, int flags)
{
	const mess_lc_vfs_path *q = &c->m->m_lc_vfs_path;
	struct lookup l;
	int r;

	if ((r = path_user(c, q->path, q->path_len, flags, &l)) != OK)
		return r;
	r = stat_node(c, l.vp, q->buf, q->size);
	lookup_put(&l);
	return r;
}

int do_stat(struct vfs_call *c)
{
	return stat_path(c, c->m->m_type == VFS_LSTAT ? PATH_NOFOLLOW : 0);
}

int do_fstat(struct vfs_call *c)
{
	const mess_lc_vfs_io *q = &c->m->m_lc_vfs_io;
	struct filp *f;
	int r;

	if ((r = fd_get(c->fp, q->fd, &f)) != OK)
		return r;
	return stat_node(c, f->vp, q->grant, q->count);
}

static int chmod_node(struct fproc *fp, struct vnode *vp, u32_t mode)
{
	int r;

	if ((r = perm_owner(fp, vp)) != OK)
		return r;
	if (perm_rdonly(vp) || vp->vmnt->rdonly)
		return -EROFS;
	mode &= 07777;
	if (fp->uid != 0 && fp->gid != vp->gid)
		mode &= ~02000;		/* not a member of the file's group */
	if (fp->uid != 0 && !S_ISTYPE(vp->mode, MICA_S_IFDIR))
		mode &= ~01000;
	if ((r = req_attr(FS_CHMOD, vp, mode, 0, 0, &vp->mode)) != OK)
		return r;
	return OK;
}

int do_chmod(struct vfs_call *c)
{
	const mess_lc_vfs_path *q = &c->m->m_lc_vfs_path;
	struct lookup l;
	int r;

	if ((r = path_user(c, q->path, q->path_len, 0, &l)) != OK)
		return r;
	r = chmod_node(c->fp, l.vp, q->mode);
	lookup_put(&l);
	return r;
}

int do_fchmod(struct vfs_call *c)
{
	struct filp *f;
	int r;

	if ((r = fd_get(c->fp, c->m->m_lc_vfs_fd.fd, &f)) != OK)
		return r;
	return chmod_node(c->fp, f->vp, (u32_t)c->m->m_lc_vfs_fd.arg);
}

/* Root changes anything; the owner only the group, to its own group. */
static int chown_node(struct fproc *fp, struct vnode *vp, u32_t uid, u32_t gid)
{
	if (vp->vmnt->rdonly)
		return -EROFS;
	if (fp->uid != 0) {
		if (fp->uid != vp->uid)
			return -EPERM;
		if (uid != (u32_t)-1 && uid != vp->uid)
			return -EPERM;
		if (gid != (u32_t)-1 && gid != vp->gid && gid != fp->gid)
			return -EPERM;
	}
	return req_attr(FS_CHOWN, vp, 0, uid, gid, &vp->mode);
}

int do_chown(struct vfs_call *c)
{
	const mess_lc_vfs_path *q = &c->m->m_lc_vfs_path;
	struct lookup l;
	int r;

	if (q->flags & ~MICA_AT_SYMLINK_NOFOLLOW)
		return -EINVAL;
	if ((r = path_user(c, q->path, q->path_len,
	    (q->flags & MICA_AT_SYMLINK_NOFOLLOW) ? PATH_NOFOLLOW : 0, &l)) != OK)
		return r;
	r = chown_node(c->fp, l.vp, q->uid, q->gid);
	if (r == OK) {
		if (q->uid != (u32_t)-1) l.vp->uid = q->uid;
		if (q->gid != (u32_t)-1) l.vp->gid = q->gid;
	}
	lookup_put(&l);
	return r;
}

int do_fchown(struct vfs_call *c)
{
	const mess_lc_vfs_fd *q = &c->m->m_lc_vfs_fd;
	struct filp *f;
	int r;

	if ((r = fd_get(c->fp, q->fd, &f)) != OK)
		return r;
	if ((r = chown_node(c->fp, f->vp, q->uid, q->gid)) == OK) {
		if (q->uid != (u32_t)-1) f->vp->uid = q->uid;
		if (q->gid != (u32_t)-1) f->vp->gid = q->gid;
	}
	return r;
}

static int nsec_ok(i32_t ns)
{
	return (ns >= 0 && ns <= 999999999) || ns == FS_UTIME_NOW ||
		ns == FS_UTIME_OMIT;
}

/* utimensat's rules: "now" needs ownership or write access, a time ownership. */
static int utimens_node(struct fproc *fp, struct vnode *vp,
	const mess_lc_vfs_utimens *u)
{
	int only_now = (u->atime_nsec == FS_UTIME_NOW || u->atime_nsec == FS_UTIME_OMIT) &&
		(u->mtime_nsec == FS_UTIME_NOW || u->mtime_nsec == FS_UTIME_OMIT);
	int r;

	if (u->atime_nsec == FS_UTIME_OMIT && u->mtime_nsec == FS_UTIME_OMIT)
		return OK;
	if (vp->vmnt->rdonly)
		return -EROFS;
	if (perm_owner(fp, vp) != OK) {
		if (!only_now)
			return -EPERM;
		if ((r = perm_check(fp, vp, MICA_W_OK)) != OK)
			return r;
	}
	return req_utime(vp, u);
}

int do_utimens(struct vfs_call *c)
{
	const mess_lc_vfs_utimens *u = &c->m->m_lc_vfs_utimens;
	struct lookup l;
	struct filp *f;
	int r;

	if (!nsec_ok(u->atime_nsec) || !nsec_ok(u->mtime_nsec) ||
	    (u->flags & ~MICA_AT_SYMLINK_NOFOLLOW))
		return -EINVAL;
	if (u->path_len == 0) {
		if ((r = fd_get(c->fp, u->fd, &f)) != OK)
			return r;
		return utimens_node(c->fp, f->vp, u);
	}
	if ((r = path_user(c, u->path, u->path_len,
	    (u->flags & MICA_AT_SYMLINK_NOFOLLOW) ? PATH_NOFOLLOW : 0, &l)) != OK)
		return r;
	r = utimens_node(c->fp, l.vp, u);
	lookup_put(&l);
	return r;
}

/* access: with the real ids, as POSIX says. */
int do_access(struct vfs_call *c)
{
	const mess_lc_vfs_path *q = &c->m->m_lc_vfs_path;
	u32_t euid = c->fp->uid, egid = c->fp->gid;
	struct lookup l;
	int r;

	if (q->mode & ~(u32_t)(MICA_R_OK | MICA_W_OK | MICA_X_OK))
		return -EINVAL;
	c->fp->uid = c->fp->ruid;
	c->fp->gid = c->fp->rgid;
	r = path_user(c, q->path, q->path_len, 0, &l);
	if (r == OK) {
		if (q->mode)
			r = perm_check(c->fp, l.vp, q->mode);
		lookup_put(&l);
	}
	c->fp->uid = euid;
	c->fp->gid = egid;
	return r;
}

int do_umask(struct vfs_call *c)
{
	u32_t old = c->fp->umask;

	c->fp->umask = (u32_t)c->m->m_lc_vfs_fd.arg & 0777;
	return old;
}
