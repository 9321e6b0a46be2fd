/*
 * protect.c - permission bits and ownership.
 *
 * Permission checks are the caller's (VFS, or the kernel with FUSE's
 * default_permissions); here only the inode changes, as Linux does it:
 * chown clears set-user-ID, and set-group-ID when group execute is set,
 * on everything but directories.
 */
#include "mfs.h"

/* fdr_chmod: set the permission bits; *mode returns the new mode. */
int mfs_chmod(ino_t ino_nr, mode_t *mode)
{
	struct mfs_inode *ip;
	int r;

	if ((r = mfs_check_rw()) != OK)
		return r;
	if ((r = mfs_get_inode(ino_nr, &ip)) != OK)
		return r;
	ip->i_mode = (ip->i_mode & S_IFMT) | (*mode & ALLPERMS);
	mfs_touch(ip, MFS_CTIME);
	*mode = ip->i_mode;
	return mfs_put_inode(ip);
}

/* fdr_chown: set owner and/or group ((uid_t)-1, (gid_t)-1: unchanged). */
int mfs_chown(ino_t ino_nr, uid_t uid, gid_t gid, mode_t *mode)
{
	struct mfs_inode *ip;
	int r;

	if ((r = mfs_check_rw()) != OK)
		return r;
	if ((r = mfs_get_inode(ino_nr, &ip)) != OK)
		return r;
	mfs_set_owner(ip, uid, gid);
	if (!S_ISDIR(ip->i_mode)) {
		ip->i_mode &= ~(mode_t)S_ISUID;
		if (ip->i_mode & S_IXGRP)
			ip->i_mode &= ~(mode_t)S_ISGID;
	}
	mfs_touch(ip, MFS_CTIME);
	*mode = ip->i_mode;
	return mfs_put_inode(ip);
}
