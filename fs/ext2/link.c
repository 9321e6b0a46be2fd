/*
 * link.c - link, unlink, rmdir.
 *
 * Link counts: a file has one link per name; a directory has one for its
 * name, one for its own "." and one for each subdirectory's "..".  An inode
 * whose count drops to zero is destroyed when its last reference goes (see
 * inode.c), so open files survive their unlinking.
 */
#include <string.h>

#include "ext2.h"

int ext2_link(ino_t dir, const char *name, ino_t ino)
{
	struct ext2_inode *dp, *ip;
	int err;

	if ((err = ext2_check_rw()) != OK)
		return err;
	if ((err = ext2_get_dir(dir, &dp)) != OK)
		return err;
	if ((err = ext2_iget(ino, &ip)) != OK)
		goto out_dp;
	if (S_ISDIR(ip->i_d->i_mode))
		err = -EPERM;
	else if (ip->i_d->i_links_count >= EXT2_LINK_MAX)
		err = -EMLINK;
	else if (dp->i_d->i_links_count == 0)
		err = -ENOENT;
	else if ((err = ext2_dir_enter(dp, name, ino, ip->i_d->i_mode)) == OK) {
		ip->i_d->i_links_count++;
		ext2_touch(ip, EXT2_CTIME);
	}
	ext2_iput(ip);
out_dp:
	ext2_iput(dp);
	return err;
}

/* Look 'name' up in dp and get its inode. */
static int ext2_get_entry(struct ext2_inode *dp, const char *name,
    struct ext2_inode **ipp)
{
	ino_t ino;
	int err;

	if ((err = ext2_dir_lookup(dp, name, &ino)) != OK)
		return err;
	return ext2_iget(ino, ipp);
}

int ext2_unlink(ino_t dir, const char *name)
{
	struct ext2_inode *dp, *ip;
	int err;

	if ((err = ext2_check_rw()) != OK)
		return err;
	if ((err = ext2_get_dir(dir, &dp)) != OK)
		return err;
	if ((err = ext2_get_entry(dp, name, &ip)) != OK)
		goto out_dp;
	if (S_ISDIR(ip->i_d->i_mode))
		err = -EISDIR;
	else if ((err = ext2_dir_remove(dp, name, NULL)) == OK) {
		if (ip->i_d->i_links_count > 0)
			ip->i_d->i_links_count--;
		ext2_touch(ip, EXT2_CTIME);
	}
	ext2_iput(ip);
out_dp:
	ext2_iput(dp);
	return err;
}

int ext2_rmdir(ino_t dir, const char *name)
{
	struct ext2_inode *dp, *ip;
	int err;

	if ((err = ext2_check_rw()) != OK)
		return err;
	if (strcmp(name, ".") == 0)
		return -EINVAL;
	if (strcmp(name, "..") == 0)
		return -ENOTEMPTY;
	if ((err = ext2_get_dir(dir, &dp)) != OK)
		return err;
	if ((err = ext2_get_entry(dp, name, &ip)) != OK)
		goto out_dp;
	if (!S_ISDIR(ip->i_d->i_mode))
		err = -ENOTDIR;
	else if (ip->i_num == EXT2_ROOT_INO)
		err = -EBUSY;
	else if ((err = ext2_dir_empty(ip)) == OK &&
	    (err = ext2_dir_remove(dp, name, NULL)) == OK) {
		ip->i_d->i_links_count = 0;
		ext2_touch(ip, EXT2_CTIME);
		if (dp->i_d->i_links_count > 1)
			dp->i_d->i_links_count--;
	}
	ext2_iput(ip);
out_dp:
	ext2_iput(dp);
	return err;
}
