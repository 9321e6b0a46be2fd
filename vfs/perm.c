/*
 * perm.c - POSIX permission rules, decided by VFS from the attributes the
 * server reported (vnode mode/uid/gid) and the caller's effective ids.
 * Root (uid 0) passes read and write checks, and execute checks when at
 * least one x bit is set or the node is a directory.
 */
#include "vfs.h"

static int in_groups(struct fproc *fp, u32_t gid)
{
	for (u32_t i = 0; i < fp->ngroups; i++)
		if (fp->groups[i] == gid)
			return 1;
	return 0;
}

int perm_check(struct fproc *fp, struct vnode *vp, int access)
{
	u32_t bits, mode = vp->mode;

	if ((access & MICA_W_OK) && perm_rdonly(vp))
		return -EROFS;
	if (fp->uid == 0) {
		if (!(access & MICA_X_OK) || S_ISTYPE(mode, MICA_S_IFDIR) ||
		    (mode & 0111))
			return OK;
		return -EACCES;
	}
	if (fp->uid == vp->uid)
		bits = (mode >> 6) & 7;
	else if (fp->gid == vp->gid || in_groups(fp, vp->gid))
		bits = (mode >> 3) & 7;
	else
		bits = mode & 7;
	return (bits & access) == (u32_t)access ? OK : -EACCES;
}

/* A write to a read-only mount (device nodes excepted: they are not the FS). */
int perm_rdonly(struct vnode *vp)
{
	if (S_ISTYPE(vp->mode, MICA_S_IFCHR) || S_ISTYPE(vp->mode, MICA_S_IFBLK) ||
	    S_ISTYPE(vp->mode, MICA_S_IFIFO))
		return 0;
	return vp->vmnt->rdonly;
}

/* chmod, utimens with times: the owner or root. */
int perm_owner(struct fproc *fp, struct vnode *vp)
{
	return fp->uid == 0 || fp->uid == vp->uid ? OK : -EPERM;
}

/* Removing vp from a sticky dir: owner of either, or root. */
int perm_sticky(struct fproc *fp, struct vnode *dir, struct vnode *vp)
{
	if (!(dir->mode & 01000) || fp->uid == 0 || fp->uid == dir->uid ||
	    fp->uid == vp->uid)
		return OK;
	return -EPERM;
}
