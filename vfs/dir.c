/*
 * dir.c - the process's directories: chdir, fchdir, chroot, getcwd.
 * getcwd climbs from the working directory with ".." lookups and finds
 * each name by reading the parent (getdents into VFS's memory), crossing
 * mounts the way path.c does; it never climbs above the process's root.
 */
#include "vfs.h"
#include <mica/dirent.h>

static int set_dir(struct fproc *fp, struct vnode *vp, struct vnode **slot)
{
	int r;

	if (!S_ISTYPE(vp->mode, MICA_S_IFDIR))
		return -ENOTDIR;
	if ((r = perm_check(fp, vp, MICA_X_OK)) != OK)
		return r;
	vnode_ref(vp);
	vnode_put(*slot);
	*slot = vp;
	return OK;
}

static int path_dir(struct vfs_call *c, struct vnode **slot)
{
	const mess_lc_vfs_path *q = &c->m->m_lc_vfs_path;
	struct lookup l;
	int r;

	if ((r = path_user(c, q->path, q->path_len, 0, &l)) != OK)
		return r;
	r = set_dir(c->fp, l.vp, slot);
	lookup_put(&l);
	return r;
}

int do_chdir(struct vfs_call *c) { return path_dir(c, &c->fp->cwd); }

int do_chroot(struct vfs_call *c)
{
	if (c->fp->uid != 0)
		return -EPERM;
	return path_dir(c, &c->fp->root);
}

int do_fchdir(struct vfs_call *c)
{
	struct filp *f;
	int r;

	if ((r = fd_get(c->fp, c->m->m_lc_vfs_fd.fd, &f)) != OK)
		return r;
	return set_dir(c->fp, f->vp, &c->fp->cwd);
}

/* The name of node ino in directory dir, into name. */
static int find_name(struct vnode *dir, u64_t ino, char *name)
{
	static char buf[4096];
	cp_grant_id_t g;
	u64_t pos = 0, next;
	int n, r = -ENOENT;

	g = cpf_grant_direct(dir->vmnt->fs, (vir_bytes)buf, sizeof(buf), CPF_WRITE);
	if (g < 0)
		return -ENOMEM;
	while ((n = req_io(FS_GETDENTS, dir, pos, SELF, g, sizeof(buf), &next)) > 0) {
		for (int off = 0; off + (int)sizeof(struct mica_dirent) <= n; ) {
			struct mica_dirent *d = (struct mica_dirent *)(buf + off);
			if (d->d_reclen == 0 || off + d->d_reclen > n)
				break;
			if (d->d_ino == ino && strcmp(d->d_name, ".") &&
			    strcmp(d->d_name, "..") && strlen(d->d_name) <= FS_NAME_MAX) {
				memcpy(name, d->d_name, strlen(d->d_name) + 1);
				r = OK;
				goto out;
			}
			off += d->d_reclen;
		}
		pos = next;
	}
	if (n < 0)
		r = n;
out:
	cpf_revoke(g);
	return r;
}

/* Prepend "/name" to the path being built backwards in buf[*at..]. */
static int prepend(char *buf, int *at, const char *name)
{
	int n = strlen(name);

	if (*at - n - 1 < 0)
		return -ERANGE;
	*at -= n;
	memcpy(buf + *at, name, n);
	buf[--*at] = '/';
	return OK;
}

/*
 * The path of directory vp as fp sees it (from fp's root, across mounts),
 * built backwards ending at buf[size - 1]; *start is where it begins.
 * getcwd and the mount table (mntinfo.c) use it.
 */
int dir_path(struct fproc *fp, struct vnode *vp, char *buf, int size,
	int *start)
{
	char name[FS_NAME_MAX + 1];
	struct vnode *cur = vp, *up;
	int at = size - 1, r = OK;

	buf[at] = '\0';
	vnode_ref(cur);
	while (cur != fp->root && r == OK) {
		while (cur == cur->vmnt->root && cur->vmnt->covered) {
			up = cur->vmnt->covered;
			vnode_ref(up);
			vnode_put(cur);
			cur = up;
		}
		if (cur == fp->root || cur == cur->vmnt->root)
			break;
		if ((r = path_step(fp, &cur, "..", &up)) != OK)
			break;
		if ((r = find_name(up, cur->ino, name)) == OK)
			r = prepend(buf, &at, name);
		vnode_put(cur);
		cur = up;
	}
	vnode_put(cur);
	if (r != OK)
		return r;
	if (buf[at] == '\0')
		buf[--at] = '/';
	*start = at;
	return OK;
}

int do_getcwd(struct vfs_call *c)
{
	const mess_lc_vfs_io *q = &c->m->m_lc_vfs_io;
	static char buf[VFS_PATH_MAX];
	int at, r, len;

	if ((r = dir_path(c->fp, c->fp->cwd, buf, sizeof(buf), &at)) != OK)
		return r;
	len = sizeof(buf) - at;		/* with the NUL */
	if ((u32_t)len > q->count)
		return -ERANGE;
	if ((r = sys_safecopyto(c->who, q->grant, 0, buf + at, len)) != OK)
		return -EFAULT;
	return len - 1;
}
