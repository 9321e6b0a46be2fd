/*
 * attr.c - how the file system's inodes appear to the kernel.
 *
 * Inode numbers: FUSE calls the root FUSE_ROOT_ID (1), while a file system
 * numbers its root as it likes (MFS 1, ext2 2, ISO 9660 an offset).  The
 * two numbers swap places: FUSE 1 <-> the fs root, and the fs's inode 1 (if
 * it is not the root) <-> the root's fs number.  All others are identical,
 * so the mapping is its own inverse.
 *
 * Attributes: -o uid=, gid= and umask= override what the image says, for
 * every file, like vfat and fuse2fs do; the image is not changed.
 */
#include <errno.h>
#include <string.h>

#include "micafuse.h"

/* fs number -> FUSE number. */
fuse_ino_t mf_to_fuse_ino(const struct micafuse *mf, ino_t ino)
{
	if (ino == mf->root_ino)
		return FUSE_ROOT_ID;
	if (ino == FUSE_ROOT_ID)
		return (fuse_ino_t)mf->root_ino;
	return (fuse_ino_t)ino;
}

/* FUSE number -> fs number. */
ino_t mf_to_fs_ino(const struct micafuse *mf, fuse_ino_t ino)
{
	if (ino == FUSE_ROOT_ID)
		return mf->root_ino;
	if (ino == (fuse_ino_t)mf->root_ino)
		return FUSE_ROOT_ID;
	return (ino_t)ino;
}

/* The fs's stat as the kernel should see it. */
void mf_present_stat(const struct micafuse *mf, struct stat *st)
{
	st->st_ino = mf_to_fuse_ino(mf, st->st_ino);
	if (mf->opts.set_uid)
		st->st_uid = mf->opts.uid;
	if (mf->opts.set_gid)
		st->st_gid = mf->opts.gid;
	if (mf->opts.set_umask)
		st->st_mode &= ~mf->opts.umask;
}

/* stat fs inode 'ino', presented; 0 or -errno. */
int mf_stat(struct micafuse *mf, ino_t ino, struct stat *st)
{
	int r;

	if (mf->fs->fdr_stat == NULL)
		return -ENOSYS;
	memset(st, 0, sizeof(*st));
	r = mf->fs->fdr_stat(ino, st);
	if (r != OK)
		return r;
	st->st_ino = ino;
	mf_present_stat(mf, st);
	return OK;
}
