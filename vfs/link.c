/*
 * link.c - calls that change names: unlink, rmdir, rename, link, symlink,
 * and readlink.  VFS checks what it can know (types, permissions on the
 * directories, the sticky bit, mount points, EXDEV across mounts); the
 * server checks what needs its directory contents (ENOTEMPTY, a directory
 * moved into itself).
 */
#include "vfs.h"

static int is_dots(const char *name)
{
	return !strcmp(name, ".") || !strcmp(name, "..");
}

/* Parent and node of a name to remove or rename (references in l, *vp). */
static int remove_target(struct vfs_call *c, struct lookup *l, struct vnode **vp)
{
	int r;

	if ((r = perm_check(c->fp, l->dir, MICA_W_OK | MICA_X_OK)) != OK)
		return r;
	if ((r = path_step(c->fp, &l->dir, l->name, vp)) != OK)
		return r;
	if ((r = perm_sticky(c->fp, l->dir, *vp)) != OK ||
	    (*vp == (*vp)->vmnt->root && (r = -EBUSY))) {
		vnode_put(*vp);
		*vp = NULL;
	}
	return r;
}

static int remove_name(struct vfs_call *c, int dir)
{
	const mess_lc_vfs_path *q = &c->m->m_lc_vfs_path;
	struct vnode *vp = NULL;
	struct lookup l;
	int r;

	if ((r = path_user(c, q->path, q->path_len, PATH_PARENT, &l)) != OK)
		return r;
	if (is_dots(l.name))
		r = !dir ? -EPERM : !strcmp(l.name, ".") ? -EINVAL : -ENOTEMPTY;
	else if ((r = remove_target(c, &l, &vp)) != OK)
		;
	else if (dir && !S_ISTYPE(vp->mode, MICA_S_IFDIR))
		r = -ENOTDIR;
	else if (!dir && S_ISTYPE(vp->mode, MICA_S_IFDIR))
		r = -EPERM;
	else if ((r = req_name(dir ? FS_RMDIR : FS_UNLINK, l.dir, l.name, 0)) == OK)
		vp->gone = 1;		/* let the server free it when unused */
	vnode_put(vp);
	lookup_put(&l);
	return r;
}

int do_unlink(struct vfs_call *c) { return remove_name(c, 0); }
int do_rmdir(struct vfs_call *c) { return remove_name(c, 1); }

/* The two paths of a path2 call (old one first), as parent lookups. */
static int two_parents(struct vfs_call *c, struct lookup *a, struct lookup *b)
{
	const mess_lc_vfs_path2 *q = &c->m->m_lc_vfs_path2;
	int r;

	if ((r = path_user(c, q->path1, q->len1, PATH_PARENT, a)) != OK)
		return r;
	if ((r = path_user(c, q->path2, q->len2, PATH_PARENT, b)) != OK)
		lookup_put(a);
	return r;
}

int do_rename(struct vfs_call *c)
{
	struct lookup a, b;
	struct vnode *old = NULL, *tgt = NULL;
	int r;

	if ((r = two_parents(c, &a, &b)) != OK)
		return r;
	if (is_dots(a.name) || is_dots(b.name))
		r = -EINVAL;
	else if (a.dir->vmnt != b.dir->vmnt)
		r = -EXDEV;
	else if ((r = remove_target(c, &a, &old)) != OK)
		;
	else if ((r = perm_check(c->fp, b.dir, MICA_W_OK | MICA_X_OK)) != OK)
		;
	else {
		r = path_step(c->fp, &b.dir, b.name, &tgt);
		if (r == OK && tgt == tgt->vmnt->root)
			r = -EBUSY;
		else if (r == OK && (r = perm_sticky(c->fp, b.dir, tgt)) != OK)
			;
		else if (r == OK && S_ISTYPE(old->mode, MICA_S_IFDIR) &&
		    !S_ISTYPE(tgt->mode, MICA_S_IFDIR))
			r = -ENOTDIR;
		else if (r == OK && !S_ISTYPE(old->mode, MICA_S_IFDIR) &&
		    S_ISTYPE(tgt->mode, MICA_S_IFDIR))
			r = -EISDIR;
		else if (r == OK || r == -ENOENT) {
			int over = r == OK;
			if ((r = req_rename(a.dir, a.name, b.dir, b.name)) == OK && over)
				tgt->gone = 1;
		}
	}
	vnode_put(old);
	vnode_put(tgt);
	lookup_put(&a);
	lookup_put(&b);
	return r;
}

int do_link(struct vfs_call *c)
{
	const mess_lc_vfs_path2 *q = &c->m->m_lc_vfs_path2;
	struct lookup a, b;
	struct vnode *tgt = NULL;
	int r;

	if ((r = path_user(c, q->path1, q->len1, PATH_NOFOLLOW, &a)) != OK)
		return r;
	if ((r = path_user(c, q->path2, q->len2, PATH_PARENT, &b)) != OK) {
		lookup_put(&a);
		return r;
	}
	if (S_ISTYPE(a.vp->mode, MICA_S_IFDIR))
		r = -EPERM;
	else if (is_dots(b.name))
		r = -EEXIST;
	else if (a.vp->vmnt != b.dir->vmnt)
		r = -EXDEV;
	else if ((r = perm_check(c->fp, b.dir, MICA_W_OK | MICA_X_OK)) != OK)
		;
	else if ((r = path_step(c->fp, &b.dir, b.name, &tgt)) == OK)
		r = -EEXIST;
	else if (r == -ENOENT)
		r = req_name(FS_LINK, b.dir, b.name, a.vp->ino);
	vnode_put(tgt);
	lookup_put(&a);
	lookup_put(&b);
	return r;
}

int do_symlink(struct vfs_call *c)
{
	const mess_lc_vfs_path2 *q = &c->m->m_lc_vfs_path2;
	struct vnode *tgt = NULL;
	struct lookup l;
	int r;

	if (q->len1 == 0)
		return -ENOENT;
	if (q->len1 >= VFS_PATH_MAX)
		return -ENAMETOOLONG;
	if ((r = path_user(c, q->path2, q->len2, PATH_PARENT, &l)) != OK)
		return r;
	if (is_dots(l.name))
		r = -EEXIST;
	else if ((r = perm_check(c->fp, l.dir, MICA_W_OK | MICA_X_OK)) != OK)
		;
	else if ((r = path_step(c->fp, &l.dir, l.name, &tgt)) == OK)
		r = -EEXIST;
	else if (r == -ENOENT)
		r = req_slink(l.dir, l.name, c->who, q->path1, q->len1,
			c->fp->uid, c->fp->gid);
	vnode_put(tgt);
	lookup_put(&l);
	return r;
}

int do_readlink(struct vfs_call *c)
{
	const mess_lc_vfs_path *q = &c->m->m_lc_vfs_path;
	struct lookup l;
	int r;

	if ((r = path_user(c, q->path, q->path_len, PATH_NOFOLLOW, &l)) != OK)
		return r;
	if (!S_ISTYPE(l.vp->mode, MICA_S_IFLNK))
		r = -EINVAL;
	else if (q->size == 0 || q->size > FS_MAX_BYTES)
		r = -EINVAL;
	else
		r = req_io(FS_RDLINK, l.vp, 0, c->who, q->buf, q->size, NULL);
	lookup_put(&l);
	return r;
}
