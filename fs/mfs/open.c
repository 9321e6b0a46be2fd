/*
 * open.c - making new inodes: create, mkdir, mknod, symlink, newnode.
 *
 * All named creations go through mfs_make(): validate (name length,
 * directory alive, name not taken, link limit), allocate the inode, let
 * the caller's init step give it contents (a directory's "." and "..", a
 * link target, a device number), and only then enter the name, so a failure
 * part-way leaves nothing behind: the half-made inode has no links and is
 * destroyed when its reference is dropped.
 *
 * A set-group-ID directory passes its group to what is created in it, and
 * the set-group-ID bit to new subdirectories.
 */
#include <stdlib.h>
#include <string.h>
#include "mfs.h"

/* Fill a new inode before it gets its name.  'dp' is the parent. */
typedef int (*mfs_init_fn)(struct mfs_inode *dp, struct mfs_inode *ip,
    const void *arg);

/* Check that 'name' can be created in dp. */
static int mfs_can_make(struct mfs_inode *dp, const char *name, mode_t mode)
{
	uint32_t ino;
	int r;

	if (!S_ISDIR(dp->i_mode))
		return -ENOTDIR;
	if (dp->i_nlinks == 0)
		return -ENOENT;
	r = mfs_search_dir(dp, name, &ino, MFS_LOOKUP);
	if (r == OK)
		return -EEXIST;
	if (r != -ENOENT)
		return r;
	if (S_ISDIR(mode) && dp->i_nlinks >= mfs_m.sb.link_max)
		return -EMLINK;
	return OK;
}

/* Create 'name' in directory dir_nr; on success *ipp holds a reference. */
static int mfs_make(ino_t dir_nr, const char *name, mode_t mode, uid_t uid,
    gid_t gid, mfs_init_fn init, const void *arg, struct mfs_inode **ipp)
{
	struct mfs_inode *dp, *ip = NULL;
	uint32_t ino;
	int r;

	if ((r = mfs_check_rw()) != OK || (r = mfs_check_name(name)) != OK)
		return r;
	if ((r = mfs_get_inode(dir_nr, &dp)) != OK)
		return r;
	if ((r = mfs_can_make(dp, name, mode)) != OK)
		goto out;
	if (dp->i_mode & S_ISGID) {
		gid = dp->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	}
	if ((r = mfs_new_inode(mode, uid, gid, &ip)) != OK)
		goto out;
	ip->i_nlinks = 1;
	ino = (uint32_t)ip->i_num;
	if ((init != NULL && (r = init(dp, ip, arg)) != OK) ||
	    (r = mfs_search_dir(dp, name, &ino, MFS_ENTER)) != OK) {
		ip->i_nlinks = 0;
		mfs_put_inode(ip);
		goto out;
	}
	*ipp = ip;
out:
	mfs_put_inode(dp);
	return r;
}

/* fdr_create: a regular file; the caller gets a reference to it. */
int mfs_create(ino_t dir_nr, const char *name, mode_t mode, uid_t uid,
    gid_t gid, struct fsdriver_node *node)
{
	struct mfs_inode *ip;
	int r;

	mode = S_IFREG | (mode & ALLPERMS);
	if ((r = mfs_make(dir_nr, name, mode, uid, gid, NULL, NULL, &ip))
	    != OK)
		return r;
	mfs_fill_node(ip, node);
	return OK;
}

/* A new directory's body: "." and "..". */
static int mfs_init_dir(struct mfs_inode *dp, struct mfs_inode *ip,
    const void *arg)
{
	uint32_t self = (uint32_t)ip->i_num, parent = (uint32_t)dp->i_num;
	int r;

	(void)arg;
	if ((r = mfs_search_dir(ip, ".", &self, MFS_ENTER)) != OK ||
	    (r = mfs_search_dir(ip, "..", &parent, MFS_ENTER)) != OK)
		return r;
	ip->i_nlinks = 2;
	return OK;
}

/* fdr_mkdir: a directory; its parent gains a link (from ".."). */
int mfs_mkdir(ino_t dir_nr, const char *name, mode_t mode, uid_t uid,
    gid_t gid)
{
	struct mfs_inode *ip, *dp;
	int r;

	mode = S_IFDIR | (mode & ALLPERMS);
	if ((r = mfs_make(dir_nr, name, mode, uid, gid, mfs_init_dir, NULL,
	    &ip)) != OK)
		return r;
	if ((r = mfs_get_inode(dir_nr, &dp)) == OK) {
		dp->i_nlinks++;
		dp->i_dirty = 1;
		r = mfs_put_inode(dp);
	}
	mfs_put_inode(ip);
	return r;
}

static int mfs_init_rdev(struct mfs_inode *dp, struct mfs_inode *ip,
    const void *arg)
{
	(void)dp;
	if (S_ISCHR(ip->i_mode) || S_ISBLK(ip->i_mode))
		mfs_set_rdev(ip, *(const dev_t *)arg);
	return OK;
}

/* Device nodes, FIFOs, sockets (and plain files) only. */
static int mfs_mknod_type_ok(mode_t mode)
{
	return S_ISCHR(mode) || S_ISBLK(mode) || S_ISFIFO(mode) ||
	    S_ISSOCK(mode) || S_ISREG(mode);
}

/* fdr_mknod: a special file; device numbers are kept in zone[0]. */
int mfs_mknod(ino_t dir_nr, const char *name, mode_t mode, uid_t uid,
    gid_t gid, dev_t rdev)
{
	struct mfs_inode *ip;
	int r;

	if ((mode & S_IFMT) == 0)
		mode |= S_IFREG;
	if (!mfs_mknod_type_ok(mode))
		return -EINVAL;
	mode = (mode & S_IFMT) | (mode & ALLPERMS);
	if ((r = mfs_make(dir_nr, name, mode, uid, gid, mfs_init_rdev, &rdev,
	    &ip)) != OK)
		return r;
	return mfs_put_inode(ip);
}

/* A symbolic link's target. */
struct mfs_target {
	char *buf;
	size_t len;
};

static int mfs_init_link(struct mfs_inode *dp, struct mfs_inode *ip,
    const void *arg)
{
	const struct mfs_target *t = arg;
	struct mfs_io io = { NULL, t->buf, 0 };
	ssize_t n;

	(void)dp;
	if ((n = mfs_rdwt(ip, &io, t->len, 0, 1)) < 0)
		return (int)n;
	return n == (ssize_t)t->len ? OK : -ENOSPC;
}

/* fdr_slink: a symbolic link; the target is kept in its first zone. */
int mfs_slink(ino_t dir_nr, const char *name, uid_t uid, gid_t gid,
    struct fsdriver_data *data, size_t bytes)
{
	struct mfs_target t = { NULL, bytes };
	struct mfs_inode *ip;
	int r;

	if (bytes == 0)
		return -ENOENT;
	if (bytes >= mfs_m.sb.block_size)
		return -ENAMETOOLONG;
	if ((t.buf = malloc(bytes)) == NULL)
		return -ENOMEM;
	if ((r = fsdriver_copyin(data, 0, t.buf, bytes)) == OK &&
	    (r = mfs_make(dir_nr, name, S_IFLNK | 0777, uid, gid,
	    mfs_init_link, &t, &ip)) == OK)
		r = mfs_put_inode(ip);
	free(t.buf);
	return r;
}

/* fdr_newnode: an inode with no name (a pipe); it goes with its last
 * reference. */
int mfs_newnode(mode_t mode, uid_t uid, gid_t gid, dev_t dev,
    struct fsdriver_node *node)
{
	struct mfs_inode *ip;
	int r;

	if (!mfs_mknod_type_ok(mode))
		return -EINVAL;
	if ((r = mfs_check_rw()) != OK)
		return r;
	if ((r = mfs_new_inode(mode, uid, gid, &ip)) != OK)
		return r;
	mfs_init_rdev(NULL, ip, &dev);
	mfs_fill_node(ip, node);
	return OK;
}
