/*
 * vfs_time.c - setting file times, to VFS (VFS_UTIMENS): utimensat,
 * futimens, utimes, utime.  UTIME_NOW/UTIME_OMIT travel as the protocol's
 * FS_UTIME_NOW/OMIT (mica/vfsif.h); a NULL times array means both "now".
 */
#include <limits.h>
#include <string.h>
#include <fcntl.h>
#include <utime.h>
#include <sys/time.h>
#include <sys/stat.h>
#include <mica/vfsif.h>
#include "posix.h"

static int wire_nsec(long nsec, i32_t *out)
{
	if (nsec == UTIME_NOW)
		*out = FS_UTIME_NOW;
	else if (nsec == UTIME_OMIT)
		*out = FS_UTIME_OMIT;
	else if (nsec < 0 || nsec > 999999999L)
		return -EINVAL;
	else
		*out = nsec;
	return 0;
}

static int utimens_call(int fd, const char *path, const struct timespec ut[2],
	int flags)
{
	struct timespec lt[2], *t = NULL;
	mess_lc_vfs_utimens *u;
	message m;
	size_t n;
	int r;

	if (ut) {
		if (lc_copyin(lt, ut, sizeof(lt)) < 0)
			return -1;
		t = lt;
	}

	memset(&m, 0, sizeof(m));
	u = &m.m_lc_vfs_utimens;
	u->fd = fd;
	u->path = -1;
	u->flags = flags;
	if (!t) {
		u->atime_nsec = u->mtime_nsec = FS_UTIME_NOW;
	} else {
		if ((r = wire_nsec(t[0].tv_nsec, &u->atime_nsec)) < 0 ||
		    (r = wire_nsec(t[1].tv_nsec, &u->mtime_nsec)) < 0)
			return lc_err(r);
		u->atime_sec = t[0].tv_sec;
		u->mtime_sec = t[1].tv_sec;
	}
	if (!path)
		return lc_call(VFS_PROC_NR, VFS_UTIMENS, &m) < 0 ? -1 : 0;
	if (lc_strlen_user(path, PATH_MAX, &n) < 0)
		return -1;
	if (!n)
		return lc_err(-ENOENT);
	u->path_len = n;
	return lc_call_buf(VFS_PROC_NR, VFS_UTIMENS, &m, &u->path, path,
		u->path_len, CPF_READ) < 0 ? -1 : 0;
}

int utimensat(int dirfd, const char *path, const struct timespec *t, int flags)
{
	if (!path)
		return lc_err(-EFAULT);
	if (dirfd != AT_FDCWD && path[0] != '/')
		return lc_err(-ENOSYS);
	if (flags & ~AT_SYMLINK_NOFOLLOW)
		return lc_err(-EINVAL);
	return utimens_call(-1, path, t, flags ? MICA_AT_SYMLINK_NOFOLLOW : 0);
}

int futimens(int fd, const struct timespec *t)
{
	return utimens_call(fd, NULL, t, 0);
}

int utimes(const char *path, const struct timeval *tv)
{
	struct timespec t[2];

	if (!tv)
		return utimensat(AT_FDCWD, path, NULL, 0);
	for (int i = 0; i < 2; i++) {
		if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
			return lc_err(-EINVAL);
		t[i].tv_sec = tv[i].tv_sec;
		t[i].tv_nsec = tv[i].tv_usec * 1000;
	}
	return utimensat(AT_FDCWD, path, t, 0);
}

int utime(const char *path, const struct utimbuf *times)
{
	struct timespec t[2];

	if (!times)
		return utimensat(AT_FDCWD, path, NULL, 0);
	t[0].tv_sec = times->actime;
	t[1].tv_sec = times->modtime;
	t[0].tv_nsec = t[1].tv_nsec = 0;
	return utimensat(AT_FDCWD, path, t, 0);
}
