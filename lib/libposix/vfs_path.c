/*
 * vfs_path.c - calls that name a file by path, to VFS: open, mkdir,
 * unlink, rmdir, chdir, chmod, chown, access, truncate, readlink, mknod,
 * mkfifo,
 * rename, link, symlink, getcwd, sync.
 */
#include <string.h>
#include <stdarg.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <limits.h>
#include "posix.h"

static message path_msg(int flags, u32_t mode)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_path.flags = flags;
	m.m_lc_vfs_path.mode = mode;
	m.m_lc_vfs_path.buf = -1;
	return m;
}

int open(const char *path, int flags, ...)
{
	message m;
	va_list ap;
	u32_t mode = 0;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	m = path_msg(flags, mode & 07777);
	return lc_path_call(VFS_OPEN, path, &m);
}
int _open(const char *path, int flags, int mode) { return open(path, flags, mode); }
int creat(const char *path, mode_t mode) { return open(path, O_CREAT | O_WRONLY | O_TRUNC, mode); }

#define PATH_OP(name, callnr, mode) \
	int name(const char *path) \
	{ \
		message m = path_msg(0, mode); \
		return lc_path_call(callnr, path, &m) < 0 ? -1 : 0; \
	}
PATH_OP(unlink, VFS_UNLINK, 0)
PATH_OP(rmdir, VFS_RMDIR, 0)
PATH_OP(chdir, VFS_CHDIR, 0)
int _unlink(const char *path) { return unlink(path); }

int mkdir(const char *path, mode_t mode)
{
	message m = path_msg(0, mode & 07777);

	return lc_path_call(VFS_MKDIR, path, &m) < 0 ? -1 : 0;
}

int chmod(const char *path, mode_t mode)
{
	message m = path_msg(0, mode & 07777);

	return lc_path_call(VFS_CHMOD, path, &m) < 0 ? -1 : 0;
}

int access(const char *path, int amode)
{
	message m = path_msg(0, amode);

	if (amode & ~(R_OK | W_OK | X_OK))
		return lc_err(-EINVAL);
	return lc_path_call(VFS_ACCESS, path, &m) < 0 ? -1 : 0;
}

static int chown_call(const char *path, uid_t uid, gid_t gid, int flags)
{
	message m = path_msg(flags, 0);

	m.m_lc_vfs_path.uid = uid == (uid_t)-1 ? (u32_t)-1 : uid;
	m.m_lc_vfs_path.gid = gid == (gid_t)-1 ? (u32_t)-1 : gid;
	return lc_path_call(VFS_CHOWN, path, &m) < 0 ? -1 : 0;
}
int chown(const char *path, uid_t uid, gid_t gid) { return chown_call(path, uid, gid, 0); }
int lchown(const char *path, uid_t uid, gid_t gid) { return chown_call(path, uid, gid, MICA_AT_SYMLINK_NOFOLLOW); }

int truncate(const char *path, off_t len)
{
	message m = path_msg(0, 0);

	if (len < 0)
		return lc_err(-EINVAL);
	m.m_lc_vfs_path.length = (u64_t)len;
	return lc_path_call(VFS_TRUNCATE, path, &m) < 0 ? -1 : 0;
}

int mknod(const char *path, mode_t mode, dev_t dev)
{
	message m = path_msg(0, mode);

	m.m_lc_vfs_path.length = (u16_t)dev;
	return lc_path_call(VFS_MKNOD, path, &m) < 0 ? -1 : 0;
}

int mkfifo(const char *path, mode_t mode)
{
	return mknod(path, S_IFIFO | (mode & 07777), 0);
}

/* A path call with an output buffer granted to VFS (stat, readlink). */
int lc_path_out(int callnr, const char *path, void *buf, size_t size)
{
	message m = path_msg(0, 0);
	cp_grant_id_t g;
	int r;

	if (!buf)
		return lc_err(-EFAULT);
	if ((g = lc_grant(VFS_PROC_NR, buf, size, CPF_WRITE)) < 0)
		return -1;
	m.m_lc_vfs_path.buf = g;
	m.m_lc_vfs_path.size = size;
	r = lc_path_call(callnr, path, &m);
	lc_ungrant(g);
	return r;
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
	int r = lc_path_out(VFS_READLINK, path, buf, size);

	return r > (int)size ? lc_err(-EIO) : r;
}

static int path2_call(int callnr, const char *p1, const char *p2)
{
	message m;
	cp_grant_id_t g1, g2;
	int r;

	size_t n;

	if (lc_strlen_user(p1, PATH_MAX, &n) < 0 || lc_strlen_user(p2, PATH_MAX, &n) < 0)
		return -1;
	if (!*p1 || !*p2)
		return lc_err(-ENOENT);
	memset(&m, 0, sizeof(m));
	if ((g1 = lc_grant(VFS_PROC_NR, p1, strlen(p1), CPF_READ)) < 0)
		return -1;
	if ((g2 = lc_grant(VFS_PROC_NR, p2, strlen(p2), CPF_READ)) < 0) {
		lc_ungrant(g1);
		return -1;
	}
	m.m_lc_vfs_path2.path1 = g1;
	m.m_lc_vfs_path2.len1 = strlen(p1);
	m.m_lc_vfs_path2.path2 = g2;
	m.m_lc_vfs_path2.len2 = strlen(p2);
	r = lc_call(VFS_PROC_NR, callnr, &m);
	lc_ungrant(g1);
	lc_ungrant(g2);
	return r < 0 ? -1 : 0;
}
int rename(const char *from, const char *to) { return path2_call(VFS_RENAME, from, to); }
int link(const char *from, const char *to) { return path2_call(VFS_LINK, from, to); }
int symlink(const char *target, const char *name) { return path2_call(VFS_SYMLINK, target, name); }
int _link(const char *from, const char *to) { return link(from, to); }

char *getcwd(char *buf, size_t size)
{
	message m;

	if (!buf || size == 0) {
		errno = EINVAL;
		return NULL;
	}
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_io.count = size;
	if (lc_call_buf(VFS_PROC_NR, VFS_GETCWD, &m, &m.m_lc_vfs_io.grant, buf,
	    size, CPF_WRITE) < 0)
		return NULL;
	if (!memchr(buf, '\0', size)) {
		errno = ERANGE;
		return NULL;
	}
	return buf;
}

void sync(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	lc_call(VFS_PROC_NR, VFS_SYNC, &m);
}
