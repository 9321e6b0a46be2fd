/*
 * fake_fs.c - a struct fsdriver whose entries record what they were given
 * ("entry arg arg;" in ffake.trace) and return ffake.result, moving data with
 * the front end's copy functions so grants are exercised for real.
 */
#include <stdarg.h>
#include <stdio.h>

#include "fsdos.h"

struct ffake_state ffake;

void ffake_reset(void)
{
	memset(&ffake, 0, sizeof ffake);
	ffake.data = "hello";
}

static void tr(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void tr(const char *fmt, ...)
{
	size_t n = strlen(ffake.trace);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ffake.trace + n, sizeof ffake.trace - n, fmt, ap);
	va_end(ap);
}

static void node(struct fsdriver_node *nd, ino_t ino, mode_t mode)
{
	nd->fn_ino_nr = ino;
	nd->fn_mode = mode;
	nd->fn_size = 77;
	nd->fn_uid = 5;
	nd->fn_gid = 6;
}

static int f_mount(dev_t dev, unsigned int flags, struct fsdriver_node *root,
    unsigned int *res)
{
	tr("mount %#lx %u;", (unsigned long)dev, flags);
	node(root, 1, S_IFDIR | 0755);
	*res = ffake.mount_res;
	return ffake.result;
}

static int f_unmount(void) { tr("unmount;"); return ffake.result; }

static int f_statvfs(struct statvfs *sv)
{
	tr("statvfs;");
	sv->f_bsize = 4096;
	sv->f_frsize = 1024;
	sv->f_blocks = 5000000000ull;
	return ffake.result;
}

static int f_sync(void) { tr("sync;"); return ffake.result; }

static int f_lookup(ino_t dir, const char *name, struct fsdriver_node *nd)
{
	tr("lookup %lu %s;", (unsigned long)dir, name);
	node(nd, 42, S_IFREG | 0644);
	return ffake.result;
}

static int f_putnode(ino_t ino, unsigned int count)
{
	tr("putnode %lu %u;", (unsigned long)ino, count);
	return ffake.result;
}

static int f_newnode(mode_t mode, uid_t uid, gid_t gid, dev_t dev,
    struct fsdriver_node *nd)
{
	tr("newnode %o %u %u %lu;", (unsigned)mode, (unsigned)uid,
	    (unsigned)gid, (unsigned long)dev);
	node(nd, 43, mode);
	return ffake.result;
}

static int f_stat(ino_t ino, struct stat *st)
{
	tr("stat %lu;", (unsigned long)ino);
	st->st_mode = S_IFREG | 0600;
	st->st_size = 12345;
	st->st_ino = 999;		/* the front end overrides it */
	st->st_mtim.tv_sec = 99;
	st->st_mtim.tv_nsec = 5;
	st->st_nlink = 3;
	return ffake.result;
}

static int f_chown(ino_t ino, uid_t uid, gid_t gid, mode_t *mode)
{
	tr("chown %lu %d %d;", (unsigned long)ino, (int)uid, (int)gid);
	*mode = 0644;
	return ffake.result;
}

static int f_chmod(ino_t ino, mode_t *mode)
{
	tr("chmod %lu %o;", (unsigned long)ino, (unsigned)*mode);
	*mode |= S_IFREG;
	return ffake.result;
}

static int f_utime(ino_t ino, struct timespec *a, struct timespec *m)
{
	tr("utime %lu %lld.%ld %lld.%s;", (unsigned long)ino,
	    (long long)a->tv_sec, a->tv_nsec, (long long)m->tv_sec,
	    m->tv_nsec == UTIME_OMIT ? "omit" : m->tv_nsec == UTIME_NOW ?
	    "now" : "other");
	return ffake.result;
}

static int f_trunc(ino_t ino, off_t start, off_t end)
{
	tr("trunc %lu %lld %lld;", (unsigned long)ino, (long long)start,
	    (long long)end);
	return ffake.result;
}

static ssize_t f_read(ino_t ino, struct fsdriver_data *d, size_t bytes,
    off_t pos)
{
	size_t n = strlen(ffake.data);
	int r;

	tr("read %lu %zu %lld;", (unsigned long)ino, bytes, (long long)pos);
	if (ffake.result != OK)
		return ffake.result;
	if (n > bytes)
		n = bytes;
	return (r = fsdriver_copyout(d, 0, ffake.data, n)) != OK ? r : (ssize_t)n;
}

static ssize_t f_write(ino_t ino, struct fsdriver_data *d, size_t bytes,
    off_t pos)
{
	int r;

	tr("write %lu %zu %lld;", (unsigned long)ino, bytes, (long long)pos);
	if (ffake.result != OK)
		return ffake.result;
	if (bytes >= sizeof ffake.written)
		bytes = sizeof ffake.written - 1;
	memset(ffake.written, 0, sizeof ffake.written);
	return (r = fsdriver_copyin(d, 0, ffake.written, bytes)) != OK ? r :
	    (ssize_t)bytes;
}

static ssize_t f_peek(ino_t ino, size_t bytes, off_t pos)
{
	tr("peek %lu %zu %lld;", (unsigned long)ino, bytes, (long long)pos);
	return ffake.result != OK ? ffake.result : (ssize_t)bytes;
}

static ssize_t f_getdents(ino_t ino, struct fsdriver_data *d, size_t bytes,
    off_t *pos)
{
	ssize_t r = f_read(ino, d, bytes, *pos);

	if (r >= 0)
		*pos += 3;
	return r;
}

static int f_create(ino_t dir, const char *name, mode_t mode, uid_t uid,
    gid_t gid, struct fsdriver_node *nd)
{
	tr("create %lu %s %o %u %u;", (unsigned long)dir, name,
	    (unsigned)mode, (unsigned)uid, (unsigned)gid);
	node(nd, 44, mode);
	return ffake.result;
}

static int f_mkdir(ino_t dir, const char *name, mode_t mode, uid_t uid,
    gid_t gid)
{
	tr("mkdir %lu %s %o %u %u;", (unsigned long)dir, name,
	    (unsigned)mode, (unsigned)uid, (unsigned)gid);
	return ffake.result;
}

static int f_mknod(ino_t dir, const char *name, mode_t mode, uid_t uid,
    gid_t gid, dev_t rdev)
{
	tr("mknod %lu %s %o %u %u %#lx;", (unsigned long)dir, name,
	    (unsigned)mode, (unsigned)uid, (unsigned)gid, (unsigned long)rdev);
	return ffake.result;
}

static int f_link(ino_t dir, const char *name, ino_t ino)
{
	tr("link %lu %s %lu;", (unsigned long)dir, name, (unsigned long)ino);
	return ffake.result;
}

static int f_unlink(ino_t dir, const char *name)
{
	tr("unlink %lu %s;", (unsigned long)dir, name);
	return ffake.result;
}

static int f_rmdir(ino_t dir, const char *name)
{
	tr("rmdir %lu %s;", (unsigned long)dir, name);
	return ffake.result;
}

static int f_rename(ino_t od, const char *on, ino_t nd, const char *nn)
{
	tr("rename %lu %s %lu %s;", (unsigned long)od, on, (unsigned long)nd,
	    nn);
	return ffake.result;
}

static int f_slink(ino_t dir, const char *name, uid_t uid, gid_t gid,
    struct fsdriver_data *d, size_t bytes)
{
	tr("slink %lu %s %u %u %zu;", (unsigned long)dir, name,
	    (unsigned)uid, (unsigned)gid, bytes);
	if (bytes >= sizeof ffake.written)
		return -ENAMETOOLONG;
	memset(ffake.written, 0, sizeof ffake.written);
	return ffake.result != OK ? ffake.result :
	    fsdriver_copyin(d, 0, ffake.written, bytes);
}

static ssize_t f_rdlink(ino_t ino, struct fsdriver_data *d, size_t bytes)
{
	return f_read(ino, d, bytes, 0);
}

static ssize_t f_bread(dev_t dev, struct fsdriver_data *d, size_t bytes,
    off_t pos)
{
	tr("bread %#lx;", (unsigned long)dev);
	return f_read(0, d, bytes, pos);
}

static ssize_t f_bwrite(dev_t dev, struct fsdriver_data *d, size_t bytes,
    off_t pos)
{
	tr("bwrite %#lx;", (unsigned long)dev);
	return f_write(0, d, bytes, pos);
}

static int f_bflush(dev_t dev) { tr("bflush %#lx;", (unsigned long)dev); return 0; }
static void f_postcall(void) { ffake.postcalls++; }

struct fsdriver fake_fs = {
	.fdr_mount = f_mount, .fdr_unmount = f_unmount,
	.fdr_statvfs = f_statvfs, .fdr_sync = f_sync,
	.fdr_lookup = f_lookup, .fdr_putnode = f_putnode,
	.fdr_newnode = f_newnode, .fdr_stat = f_stat, .fdr_chown = f_chown,
	.fdr_chmod = f_chmod, .fdr_utime = f_utime, .fdr_trunc = f_trunc,
	.fdr_read = f_read, .fdr_write = f_write, .fdr_peek = f_peek,
	.fdr_getdents = f_getdents, .fdr_create = f_create,
	.fdr_mkdir = f_mkdir, .fdr_mknod = f_mknod, .fdr_link = f_link,
	.fdr_unlink = f_unlink, .fdr_rmdir = f_rmdir, .fdr_rename = f_rename,
	.fdr_slink = f_slink, .fdr_rdlink = f_rdlink, .fdr_bread = f_bread,
	.fdr_bwrite = f_bwrite, .fdr_bflush = f_bflush,
	.fdr_postcall = f_postcall,
};
