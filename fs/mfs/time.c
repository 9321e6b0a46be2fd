/*
 * time.c - inode timestamps.
 *
 * The disk holds seconds only.  V1 keeps the modification time alone (it
 * stands for all three when read, as in Linux), so there only mtime
 * changes survive a remount.  Requests stamp the inodes they change as POSIX says: create
 * sets a/m/ctime of the new inode and m/ctime of the directory, write sets
 * m/ctime, read atime, and attribute changes ctime.
 */
#include "mfs.h"

/* Set the times named in 'what' (MFS_ATIME|MFS_MTIME|MFS_CTIME) to now. */
void mfs_touch(struct mfs_inode *ip, int what)
{
	struct timespec now;

	fsdriver_gettime(&now);
	if (what & MFS_ATIME)
		ip->i_atime = (uint32_t)now.tv_sec;
	if (what & MFS_MTIME)
		ip->i_mtime = (uint32_t)now.tv_sec;
	if (what & MFS_CTIME)
		ip->i_ctime = (uint32_t)now.tv_sec;
	ip->i_dirty = 1;
}

/* One utimensat(2) time: UTIME_OMIT keeps *t, UTIME_NOW takes 'now'. */
static void mfs_set_time(uint32_t *t, const struct timespec *ts,
    const struct timespec *now)
{
	if (ts->tv_nsec == UTIME_OMIT)
		return;
	*t = (uint32_t)(ts->tv_nsec == UTIME_NOW ? now->tv_sec : ts->tv_sec);
}

/* fdr_utime: set atime and mtime; ctime becomes now. */
int mfs_utime(ino_t ino_nr, struct timespec *atime, struct timespec *mtime)
{
	struct mfs_inode *ip;
	struct timespec now;
	int r;

	if ((r = mfs_check_rw()) != OK)
		return r;
	if ((r = mfs_get_inode(ino_nr, &ip)) != OK)
		return r;
	fsdriver_gettime(&now);
	mfs_set_time(&ip->i_atime, atime, &now);
	mfs_set_time(&ip->i_mtime, mtime, &now);
	ip->i_ctime = (uint32_t)now.tv_sec;
	ip->i_dirty = 1;
	return mfs_put_inode(ip);
}
