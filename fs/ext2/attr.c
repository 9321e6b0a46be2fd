/*
 * attr.c - stat, chmod, chown, utime.
 *
 * Every attribute change sets ctime; chmod keeps an access ACL in step.  chown clears the setuid bit, and the
 * setgid bit of group-executable files, as POSIX asks (a setgid directory
 * keeps its bit).  Times carry nanoseconds when the inode has room.
 */
#include "ext2.h"

int ext2_stat(ino_t ino, struct stat *st)
{
	struct ext2_inode *ip;
	mode_t mode;
	int err;

	if ((err = ext2_iget(ino, &ip)) != OK)
		return err;
	mode = ip->i_d->i_mode;
	st->st_dev = ext2_fs.dev;
	st->st_ino = ino;
	st->st_mode = mode;
	st->st_nlink = ip->i_d->i_links_count;
	st->st_uid = ext2_iuid(ip);
	st->st_gid = ext2_igid(ip);
	st->st_rdev = (S_ISCHR(mode) || S_ISBLK(mode)) ? ext2_irdev(ip) : 0;
	st->st_size = (off_t)ext2_isize(ip);
	st->st_blksize = (blksize_t)ext2_fs.block_size;
	st->st_blocks = ip->i_d->i_blocks;
	ext2_itime_get(ip, EXT2_ATIME, &st->st_atim);
	ext2_itime_get(ip, EXT2_MTIME, &st->st_mtim);
	ext2_itime_get(ip, EXT2_CTIME, &st->st_ctim);
	ext2_iput(ip);
	return OK;
}

int ext2_chmod(ino_t ino, mode_t *mode)
{
	struct ext2_inode *ip;
	int err;

	if ((err = ext2_check_rw()) != OK)
		return err;
	if ((err = ext2_iget(ino, &ip)) != OK)
		return err;
	ip->i_d->i_mode = (uint16_t)((ip->i_d->i_mode & S_IFMT) |
	    (*mode & 07777));
	err = ext2_acl_chmod(ip);
	ext2_touch(ip, EXT2_CTIME);
	*mode = ip->i_d->i_mode;
	ext2_iput(ip);
	return err;
}

int ext2_chown(ino_t ino, uid_t uid, gid_t gid, mode_t *mode)
{
	struct ext2_inode *ip;
	uint16_t m;
	int err;

	if ((err = ext2_check_rw()) != OK)
		return err;
	if ((err = ext2_iget(ino, &ip)) != OK)
		return err;
	if (uid != (uid_t)-1)
		ext2_set_iuid(ip, uid);
	if (gid != (gid_t)-1)
		ext2_set_igid(ip, gid);
	m = ip->i_d->i_mode;
	if (!S_ISDIR(m)) {
		m &= (uint16_t)~S_ISUID;
		if (m & S_IXGRP)
			m &= (uint16_t)~S_ISGID;
	}
	ip->i_d->i_mode = m;
	ext2_touch(ip, EXT2_CTIME);
	*mode = m;
	ext2_iput(ip);
	return OK;
}

/* Resolve UTIME_NOW and store one timestamp unless UTIME_OMIT. */
static void ext2_utime_one(struct ext2_inode *ip, int which,
    const struct timespec *ts, const struct timespec *now)
{
	if (ts->tv_nsec == UTIME_OMIT)
		return;
	ext2_itime_set(ip, which, ts->tv_nsec == UTIME_NOW ? now : ts);
}

int ext2_utime(ino_t ino, struct timespec *atime, struct timespec *mtime)
{
	struct ext2_inode *ip;
	struct timespec now;
	int err;

	if ((err = ext2_check_rw()) != OK)
		return err;
	if ((atime->tv_nsec != UTIME_NOW && atime->tv_nsec != UTIME_OMIT &&
	    (atime->tv_nsec < 0 || atime->tv_nsec > 999999999)) ||
	    (mtime->tv_nsec != UTIME_NOW && mtime->tv_nsec != UTIME_OMIT &&
	    (mtime->tv_nsec < 0 || mtime->tv_nsec > 999999999)))
		return -EINVAL;
	if ((err = ext2_iget(ino, &ip)) != OK)
		return err;
	fsdriver_gettime(&now);
	ext2_utime_one(ip, EXT2_ATIME, atime, &now);
	ext2_utime_one(ip, EXT2_MTIME, mtime, &now);
	ext2_itime_set(ip, EXT2_CTIME, &now);
	ext2_iput(ip);
	return OK;
}
