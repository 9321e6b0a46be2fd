/*
 * table.c - the ISO 9660 fsdriver table and its fstype entry.
 *
 * The volume is read-only: mount always answers FSDRIVER_RES_RDONLY, and
 * every entry that would change it answers -EROFS (entries that make no
 * sense here, like newnode or the block-special ones, stay NULL, which the
 * front ends answer with ENOSYS).
 */
#include <errno.h>
#include <mica/fstype.h>
#include "iso.h"

static ssize_t isofs_write(ino_t ino, struct fsdriver_data *data,
    size_t bytes, off_t pos)
{
	(void)ino, (void)data, (void)bytes, (void)pos;
	return -EROFS;
}

static int isofs_trunc(ino_t ino, off_t start, off_t end)
{
	(void)ino, (void)start, (void)end;
	return -EROFS;
}

static int isofs_create(ino_t dir, const char *name, mode_t mode, uid_t uid,
    gid_t gid, struct fsdriver_node *node)
{
	(void)dir, (void)name, (void)mode, (void)uid, (void)gid, (void)node;
	return -EROFS;
}

static int isofs_mkdir(ino_t dir, const char *name, mode_t mode, uid_t uid,
    gid_t gid)
{
	(void)dir, (void)name, (void)mode, (void)uid, (void)gid;
	return -EROFS;
}

static int isofs_mknod(ino_t dir, const char *name, mode_t mode, uid_t uid,
    gid_t gid, dev_t rdev)
{
	(void)dir, (void)name, (void)mode, (void)uid, (void)gid, (void)rdev;
	return -EROFS;
}

static int isofs_link(ino_t dir, const char *name, ino_t ino)
{
	(void)dir, (void)name, (void)ino;
	return -EROFS;
}

static int isofs_unlink(ino_t dir, const char *name)
{
	(void)dir, (void)name;
	return -EROFS;
}

static int isofs_rename(ino_t odir, const char *oname, ino_t ndir,
    const char *nname)
{
	(void)odir, (void)oname, (void)ndir, (void)nname;
	return -EROFS;
}

static int isofs_slink(ino_t dir, const char *name, uid_t uid, gid_t gid,
    struct fsdriver_data *data, size_t bytes)
{
	(void)dir, (void)name, (void)uid, (void)gid, (void)data, (void)bytes;
	return -EROFS;
}

static int isofs_chown(ino_t ino, uid_t uid, gid_t gid, mode_t *mode)
{
	(void)ino, (void)uid, (void)gid, (void)mode;
	return -EROFS;
}

static int isofs_chmod(ino_t ino, mode_t *mode)
{
	(void)ino, (void)mode;
	return -EROFS;
}

static int isofs_utime(ino_t ino, struct timespec *atime,
    struct timespec *mtime)
{
	(void)ino, (void)atime, (void)mtime;
	return -EROFS;
}

static int isofs_setxattr(ino_t ino, const char *name,
    struct fsdriver_data *data, size_t bytes, int flags)
{
	(void)ino, (void)name, (void)data, (void)bytes, (void)flags;
	return -EROFS;
}

static int isofs_removexattr(ino_t ino, const char *name)
{
	(void)ino, (void)name;
	return -EROFS;
}

const struct fsdriver isofs_table = {
	.fdr_mount	= isofs_mount,
	.fdr_unmount	= isofs_unmount,
	.fdr_lookup	= isofs_lookup,
	.fdr_putnode	= isofs_putnode,
	.fdr_read	= isofs_read,
	.fdr_write	= isofs_write,
	.fdr_peek	= isofs_peek,
	.fdr_getdents	= isofs_getdents,
	.fdr_trunc	= isofs_trunc,
	.fdr_create	= isofs_create,
	.fdr_mkdir	= isofs_mkdir,
	.fdr_mknod	= isofs_mknod,
	.fdr_link	= isofs_link,
	.fdr_unlink	= isofs_unlink,
	.fdr_rmdir	= isofs_unlink,
	.fdr_rename	= isofs_rename,
	.fdr_slink	= isofs_slink,
	.fdr_rdlink	= isofs_rdlink,
	.fdr_stat	= isofs_stat,
	.fdr_chown	= isofs_chown,
	.fdr_chmod	= isofs_chmod,
	.fdr_utime	= isofs_utime,
	.fdr_statvfs	= isofs_statvfs,
	.fdr_setxattr	= isofs_setxattr,
	.fdr_removexattr = isofs_removexattr,
};

const struct fsdriver_fstype isofs_fstype = {
	"iso9660", isofs_probe, &isofs_table
};
