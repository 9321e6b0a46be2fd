/*
 * vfs_fs.c - calls about whole file systems, to VFS: mount, umount,
 * statvfs, fstatvfs, chroot.  statvfs arrives in VFS's fixed wire form
 * (struct mica_statvfs, mica/vfsif.h) and is converted here.
 */
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <mica/vfsif.h>
#include "posix.h"

int lc_path_out(int callnr, const char *path, void *buf, size_t size);

static int grant_str(const char *s, cp_grant_id_t *g, u32_t *len)
{
	size_t n;

	*g = -1;
	*len = 0;
	if (!s)
		return 0;
	if (lc_strlen_user(s, PATH_MAX, &n) < 0)
		return -1;
	if (!n)
		return 0;
	*len = n;
	*g = lc_grant(VFS_PROC_NR, s, *len, CPF_READ);
	return *g < 0 ? -1 : 0;
}

int mount(const char *source, const char *target, const char *type,
	unsigned long flags, const void *data)
{
	mess_lc_vfs_mount *mm;
	message m;
	int r = -1;

	(void)data;
	if (!target || !type)
		return lc_err(-EFAULT);
	memset(&m, 0, sizeof(m));
	mm = &m.m_lc_vfs_mount;
	mm->flags = flags;
	if (source && !strcmp(source, "none"))
		source = NULL;
	if (grant_str(source, &mm->source, &mm->source_len) < 0)
		return -1;
	if (grant_str(target, &mm->target, &mm->target_len) < 0)
		goto out;
	if (!mm->target_len) {
		r = lc_err(-ENOENT);
		goto out;
	}
	if (grant_str(type, &mm->type, &mm->type_len) < 0)
		goto out;
	if (!mm->type_len) {
		r = lc_err(-EINVAL);
		goto out;
	}
	r = lc_call(VFS_PROC_NR, VFS_MOUNT, &m) < 0 ? -1 : 0;
out:
	lc_ungrant(mm->source);
	lc_ungrant(mm->target);
	lc_ungrant(mm->type);
	return r;
}

int umount(const char *target)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_path.buf = -1;
	return lc_path_call(VFS_UMOUNT, target, &m) < 0 ? -1 : 0;
}

int bdattach(const char *dev, int fd, unsigned long flags)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_path.buf = -1;
	m.m_lc_vfs_path.flags = fd;
	m.m_lc_vfs_path.mode = (u32_t)flags;
	return lc_path_call(VFS_BDATTACH, dev, &m) < 0 ? -1 : 0;
}

int chroot(const char *path)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_path.buf = -1;
	return lc_path_call(VFS_CHROOT, path, &m) < 0 ? -1 : 0;
}

/* newlib's fsfilcnt_t is 32 bits: a larger count reads as the most it holds. */
static fsfilcnt_t clamp_files(u64_t n)
{
	return n > (fsfilcnt_t)-1 ? (fsfilcnt_t)-1 : (fsfilcnt_t)n;
}

static void statvfs_from_wire(struct statvfs *st, const struct mica_statvfs *w)
{
	memset(st, 0, sizeof(*st));
	st->f_bsize = w->f_bsize;
	st->f_frsize = w->f_frsize;
	st->f_blocks = w->f_blocks;
	st->f_bfree = w->f_bfree;
	st->f_bavail = w->f_bavail;
	st->f_files = clamp_files(w->f_files);
	st->f_ffree = clamp_files(w->f_ffree);
	st->f_favail = clamp_files(w->f_favail);
	st->f_fsid = w->f_fsid;
	st->f_flag = (w->f_flag & FS_ST_RDONLY) ? ST_RDONLY : 0;
	st->f_namemax = w->f_namemax;
}

/* The converted form into the caller's buffer, which may be bogus. */
static int statvfs_out(struct statvfs *buf, const struct mica_statvfs *w)
{
	struct statvfs st;

	statvfs_from_wire(&st, w);
	return lc_copyout(buf, &st, sizeof(st));
}

int statvfs(const char *path, struct statvfs *buf)
{
	struct mica_statvfs w;

	if (!buf)
		return lc_err(-EFAULT);
	if (lc_path_out(VFS_STATVFS, path, &w, sizeof(w)) < 0)
		return -1;
	return statvfs_out(buf, &w);
}

int fstatvfs(int fd, struct statvfs *buf)
{
	struct mica_statvfs w;
	message m;

	if (!buf)
		return lc_err(-EFAULT);
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_io.fd = fd;
	m.m_lc_vfs_io.count = sizeof(w);
	if (lc_call_buf(VFS_PROC_NR, VFS_FSTATVFS, &m, &m.m_lc_vfs_io.grant, &w,
	    sizeof(w), CPF_WRITE) < 0)
		return -1;
	return statvfs_out(buf, &w);
}
