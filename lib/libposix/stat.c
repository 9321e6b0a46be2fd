/*
 * stat.c - stat, lstat, fstat: VFS fills a struct mica_stat (the wire
 * layout, mica/ipc_lc.h) and this converts it to newlib's struct stat,
 * whose fields are narrower (16-bit dev_t/ino_t/uid_t, 32-bit off_t):
 * a value that does not fit is EOVERFLOW, never silently cut.  isatty is
 * here too: a terminal is what answers TCGETS.
 */
#include <string.h>
#include <sys/stat.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "posix.h"

#define FITS(field, v) ((long long)(__typeof__(field))(v) == (long long)(v))

static int convert(const struct mica_stat *ms, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = ms->st_dev;
	st->st_ino = ms->st_ino;
	st->st_mode = ms->st_mode;
	st->st_nlink = ms->st_nlink;
	st->st_uid = ms->st_uid;
	st->st_gid = ms->st_gid;
	st->st_rdev = ms->st_rdev;
	st->st_size = ms->st_size;
	st->st_blksize = ms->st_blksize;
	st->st_blocks = ms->st_blocks;
	st->st_atim.tv_sec = ms->st_atime_sec;
	st->st_atim.tv_nsec = ms->st_atime_nsec;
	st->st_mtim.tv_sec = ms->st_mtime_sec;
	st->st_mtim.tv_nsec = ms->st_mtime_nsec;
	st->st_ctim.tv_sec = ms->st_ctime_sec;
	st->st_ctim.tv_nsec = ms->st_ctime_nsec;
	if (!FITS(st->st_dev, ms->st_dev) || !FITS(st->st_ino, ms->st_ino) ||
	    !FITS(st->st_nlink, ms->st_nlink) || !FITS(st->st_uid, ms->st_uid) ||
	    !FITS(st->st_gid, ms->st_gid) || !FITS(st->st_rdev, ms->st_rdev) ||
	    !FITS(st->st_size, ms->st_size) || !FITS(st->st_blocks, ms->st_blocks))
		return lc_err(-EOVERFLOW);
	return 0;
}

/* Converted into a local, then copied to the caller's buffer through the
 * kernel: a bogus st is EFAULT, not a fault in here. */
static int stat_out(const struct mica_stat *ms, struct stat *st)
{
	struct stat l;

	if (convert(ms, &l) < 0)
		return -1;
	return lc_copyout(st, &l, sizeof(l));
}

int stat(const char *path, struct stat *st)
{
	struct mica_stat ms;

	if (!st)
		return lc_err(-EFAULT);
	if (lc_path_out(VFS_STAT, path, &ms, sizeof(ms)) < 0)
		return -1;
	return stat_out(&ms, st);
}

int lstat(const char *path, struct stat *st)
{
	struct mica_stat ms;

	if (!st)
		return lc_err(-EFAULT);
	if (lc_path_out(VFS_LSTAT, path, &ms, sizeof(ms)) < 0)
		return -1;
	return stat_out(&ms, st);
}

int fstat(int fd, struct stat *st)
{
	struct mica_stat ms;

	if (!st)
		return lc_err(-EFAULT);
	if (lc_fstat_raw(fd, &ms, sizeof(ms)) < 0)
		return -1;
	return stat_out(&ms, st);
}
int _fstat(int fd, struct stat *st) { return fstat(fd, st); }
int _stat(const char *path, struct stat *st) { return stat(path, st); }

int isatty(int fd)
{
	struct termios t;

	return ioctl(fd, TCGETS, &t) == 0;
}
int _isatty(int fd) { return isatty(fd); }
