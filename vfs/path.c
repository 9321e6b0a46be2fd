/*
 * path.c - path resolution.  VFS walks every path itself, one FS_LOOKUP
 * per component (vfsif.h, lib/libfsdriver/README.md): it checks search
 * permission on each directory, steps onto a mounted file system's root
 * when a component is a covered vnode, leaves a mount's root for the
 * covered directory on "..", never climbs above the process's root
 * (chroot), and follows symbolic links by splicing the link text in front
 * of the rest of the path, at most VFS_SYMLOOP_MAX times (ELOOP).
 *
 * The walk holds exactly one vnode reference (the current directory) and
 * gives the caller the result's reference (and the parent's for
 * PATH_PARENT); lookup_put() drops them.
 */
#include "vfs.h"

int path_copyin(endpoint_t who, cp_grant_id_t g, u32_t len, char *buf)
{
	int r;

	if (len == 0)
		return -ENOENT;
	if (len >= VFS_PATH_MAX)
		return -ENAMETOOLONG;
	if ((r = sys_safecopyfrom(who, g, 0, buf, len)) != OK)
		return r == -EPERM || r == -EINVAL ? -EFAULT : r;
	buf[len] = '\0';
	if (strlen(buf) != len)
		return -EINVAL;		/* a NUL inside the path */
	return OK;
}

void lookup_put(struct lookup *l)
{
	vnode_put(l->vp);
	vnode_put(l->dir);
	l->vp = l->dir = NULL;
}

/* Next component of *p into name; 0 at the end, 1 found, error. */
static int next_name(const char **p, char *name)
{
	const char *s = *p, *e;

	while (*s == '/')
		s++;
	if (!*s)
		return 0;
	for (e = s; *e && *e != '/'; e++)
		;
	if (e - s > FS_NAME_MAX)
		return -ENAMETOOLONG;
	memcpy(name, s, e - s);
	name[e - s] = '\0';
	*p = e;
	return 1;
}

static int last_name(const char *p)
{
	while (*p == '/')
		p++;
	return *p == '\0';
}

/* ".." from dir: the covered vnode when dir is a mount's root. */
static struct vnode *climb_mounts(struct fproc *fp, struct vnode *dir)
{
	while (dir != fp->root && dir->vmnt->root == dir && dir->vmnt->covered) {
		struct vnode *up = dir->vmnt->covered;
		vnode_ref(up);
		vnode_put(dir);
		dir = up;
	}
	return dir;
}

/* Splice a symlink's text in front of rest (in buf). */
static int splice_link(struct vnode *vp, const char *rest, char *buf)
{
	char link[VFS_PATH_MAX];
	int n = req_rdlink_local(vp, link, sizeof(link));

	if (n < 0)
		return n;
	if (n == 0)
		return -ENOENT;
	if ((size_t)n + strlen(rest) + 1 >= VFS_PATH_MAX)
		return -ENAMETOOLONG;
	memmove(buf + n, rest, strlen(rest) + 1);
	memcpy(buf, link, n);
	return OK;
}

/* One step: dir + name -> *out (a reference, mounts crossed). */
int path_step(struct fproc *fp, struct vnode **dir, const char *name,
	struct vnode **out)
{
	mess_fs_vfs_node res;
	struct vnode *vp;
	int r;

	if (!S_ISTYPE((*dir)->mode, MICA_S_IFDIR))
		return -ENOTDIR;
	if ((r = perm_check(fp, *dir, MICA_X_OK)) != OK)
		return r;
	if (!strcmp(name, ".")) {
		vnode_ref(*dir);
		*out = *dir;
		return OK;
	}
	if (!strcmp(name, "..")) {
		if (*dir == fp->root) {
			vnode_ref(*dir);
			*out = *dir;
			return OK;
		}
		*dir = climb_mounts(fp, *dir);
	}
	if ((r = req_lookup(*dir, name, &res)) != OK)
		return r;
	if (!(vp = vnode_get((*dir)->vmnt, &res)))
		return -ENFILE;
	while (vp->mounted) {
		struct vnode *root = vp->mounted->root;
		vnode_ref(root);
		vnode_put(vp);
		vp = root;
	}
	*out = vp;
	return OK;
}

int path_walk(struct fproc *fp, const char *path, int flags, struct lookup *l)
{
	return path_walk_at(fp, NULL, path, flags, l);
}

/* Walk path from start (NULL: the root or cwd, as the path says). */
int path_walk_at(struct fproc *fp, struct vnode *start, const char *path,
	int flags, struct lookup *l)
{
	char buf[VFS_PATH_MAX], name[FS_NAME_MAX + 1];
	const char *p = buf;
	struct vnode *dir, *vp;
	int r, links = 0, must_dir;

	memset(l, 0, sizeof(*l));
	if (strlen(path) >= sizeof(buf))
		return -ENAMETOOLONG;
	memcpy(buf, path, strlen(path) + 1);
	must_dir = strlen(buf) > 0 && buf[strlen(buf) - 1] == '/';
	dir = buf[0] == '/' ? fp->root : start ? start : fp->cwd;
	if (!dir)
		return -ENOENT;
	vnode_ref(dir);
	for (;;) {
		if ((r = next_name(&p, name)) <= 0) {
			if (r < 0)
				goto fail;
			if (flags & PATH_PARENT) {	/* "/" or "dir/." ends */
				memcpy(l->name, ".", 2);
				vnode_ref(dir);
				l->dir = dir;
			}
			vp = dir;
			break;
		}
		if ((flags & PATH_PARENT) && last_name(p)) {
			if (!S_ISTYPE(dir->mode, MICA_S_IFDIR)) {
				r = -ENOTDIR;
				goto fail;
			}
			memcpy(l->name, name, sizeof(name));
			l->dir = dir;
			return OK;
		}
		if ((r = path_step(fp, &dir, name, &vp)) != OK)
			goto fail;
		if (S_ISTYPE(vp->mode, MICA_S_IFLNK) &&
		    (!last_name(p) || must_dir || !(flags & PATH_NOFOLLOW))) {
			if (++links > VFS_SYMLOOP_MAX) {
				r = -ELOOP;
				vnode_put(vp);
				goto fail;
			}
			r = splice_link(vp, p, buf);
			vnode_put(vp);
			if (r != OK)
				goto fail;
			p = buf;
			if (buf[0] == '/') {
				vnode_put(dir);
				dir = fp->root;
				vnode_ref(dir);
			}
			continue;
		}
		vnode_put(dir);
		dir = vp;
	}
	if (must_dir && !S_ISTYPE(vp->mode, MICA_S_IFDIR) && !(flags & PATH_PARENT)) {
		vnode_put(vp);
		return -ENOTDIR;
	}
	l->vp = vp;
	return OK;
fail:
	vnode_put(dir);
	return r;
}

int path_user(struct vfs_call *c, cp_grant_id_t g, u32_t len, int flags,
	struct lookup *l)
{
	char path[VFS_PATH_MAX];
	int r;

	memset(l, 0, sizeof(*l));
	if ((r = path_copyin(c->who, g, len, path)) != OK)
		return r;
	return path_walk(c->fp, path, flags, l);
}
