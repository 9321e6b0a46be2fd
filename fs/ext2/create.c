/*
 * create.c - new inodes: create, mkdir, mknod, newnode.
 *
 * ext2_make() is the one path that gives a name to a new inode: it checks
 * the name and the parent (a live directory, room for one more link when
 * the child is a directory), allocates and fills the inode (the caller's
 * init function writes the contents, e.g. "." and ".." or a symlink
 * target) and only then enters the name, in one directory scan that also
 * refuses an existing name (EEXIST).  A failure leaves nothing half-made:
 * the inode is dropped with no links and destroyed.
 * A setgid parent passes its group on, and its setgid bit to directories.
 */
#include <string.h>

#include "ext2.h"

static int ext2_make_check(struct ext2_inode *dp, const char *name,
    mode_t mode)
{
	if (!S_ISDIR(dp->i_d->i_mode))
		return -ENOTDIR;
	if (dp->i_d->i_links_count == 0)
		return -ENOENT;		/* removed while in use */
	if (strlen(name) > EXT2_NAME_LEN)
		return -ENAMETOOLONG;
	if (S_ISDIR(mode) && dp->i_d->i_links_count >= EXT2_LINK_MAX)
		return -EMLINK;
	return OK;
}

static int ext2_dir_init_fn(struct ext2_inode *ip, void *arg)
{
	return ext2_dir_init(ip, *(ino_t *)arg);
}

int ext2_make(struct ext2_inode *dp, const char *name, mode_t mode,
    uid_t uid, gid_t gid, ext2_init_fn init, void *arg,
    struct ext2_inode **ipp)
{
	struct ext2_inode *ip;
	ino_t ino, parent = dp->i_num;
	int err, is_dir = S_ISDIR(mode);

	if ((err = ext2_check_rw()) != OK)
		return err;
	if ((err = ext2_make_check(dp, name, mode)) != OK)
		return err;
	if (dp->i_d->i_mode & S_ISGID) {
		gid = ext2_igid(dp);
		if (is_dir)
			mode |= S_ISGID;
	}
	if ((err = ext2_ialloc(dp->i_num, is_dir, &ino)) != OK)
		return err;
	if ((err = ext2_inew(ino, mode, uid, gid, &ip)) != OK) {
		ext2_ifree(ino, is_dir);
		return err;
	}
	if (is_dir) {
		init = ext2_dir_init_fn;
		arg = &parent;
	}
	if ((init == NULL || (err = init(ip, arg)) == OK) &&
	    (err = ext2_dir_enter(dp, name, ino, mode)) == OK) {
		ip->i_d->i_links_count = is_dir ? 2 : 1;
		if (is_dir) {
			dp->i_d->i_links_count++;
			ext2_idirty(dp);
		}
		*ipp = ip;
		return OK;
	}
	ext2_iput(ip);			/* no links: destroyed */
	return err;
}

int ext2_create(ino_t dir, const char *name, mode_t mode, uid_t uid,
    gid_t gid, struct fsdriver_node *node)
{
	struct ext2_inode *dp, *ip;
	int err;

	if (!S_ISREG(mode))
		mode = (mode & 07777) | S_IFREG;
	if ((err = ext2_iget(dir, &dp)) != OK)
		return err;
	err = ext2_make(dp, name, mode, uid, gid, NULL, NULL, &ip);
	ext2_iput(dp);
	if (err == OK)
		ext2_fill_node(ip, node);	/* the caller keeps the reference */
	return err;
}

int ext2_mkdir(ino_t dir, const char *name, mode_t mode, uid_t uid,
    gid_t gid)
{
	struct ext2_inode *dp, *ip;
	int err;

	if ((err = ext2_iget(dir, &dp)) != OK)
		return err;
	err = ext2_make(dp, name, (mode & 07777) | S_IFDIR, uid, gid, NULL,
	    NULL, &ip);
	ext2_iput(dp);
	if (err == OK)
		ext2_iput(ip);
	return err;
}

static int ext2_rdev_init_fn(struct ext2_inode *ip, void *arg)
{
	ext2_set_irdev(ip, *(dev_t *)arg);
	return OK;
}

int ext2_mknod(ino_t dir, const char *name, mode_t mode, uid_t uid,
    gid_t gid, dev_t rdev)
{
	struct ext2_inode *dp, *ip;
	int err;

	switch (mode & S_IFMT) {
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		break;
	default:
		return -EINVAL;
	}
	if ((err = ext2_iget(dir, &dp)) != OK)
		return err;
	err = ext2_make(dp, name, mode, uid, gid,
	    (S_ISCHR(mode) || S_ISBLK(mode)) ? ext2_rdev_init_fn : NULL, &rdev,
	    &ip);
	ext2_iput(dp);
	if (err == OK)
		ext2_iput(ip);
	return err;
}

int ext2_newnode(mode_t mode, uid_t uid, gid_t gid, dev_t rdev,
    struct fsdriver_node *node)
{
	struct ext2_inode *ip;
	ino_t ino;
	int err;

	if ((err = ext2_check_rw()) != OK)
		return err;
	if (S_ISDIR(mode) || S_ISLNK(mode))
		return -EINVAL;
	if ((err = ext2_ialloc(EXT2_ROOT_INO, 0, &ino)) != OK)
		return err;
	if ((err = ext2_inew(ino, mode, uid, gid, &ip)) != OK) {
		ext2_ifree(ino, 0);
		return err;
	}
	if (S_ISCHR(mode) || S_ISBLK(mode))
		ext2_set_irdev(ip, rdev);
	ext2_fill_node(ip, node);	/* no links: gone at the last putnode */
	return OK;
}
