/*
 * super.c - mounting, unmounting, statvfs and sync.
 *
 * Mount decodes and validates the superblock (mfs_sb.c says why it refuses),
 * sets the cache's block size, counts the bitmaps for the usage accounting
 * and checks the root directory.  An image that was not cleanly unmounted
 * mounts read-only with a warning unless the caller forces it.  A
 * read-write mount marks the superblock not clean at once and marks it
 * clean again only after everything else of a clean unmount is on the
 * device.
 *
 * The superblock lives at byte 1024: block 1 with 1 KiB blocks, inside
 * block 0 with larger ones; after mount it is read and written through the
 * cache like everything else.
 */
#include <string.h>
#include "mfs.h"

struct mfs_mount mfs_m;

/* -EROFS on a read-only mount. */
int mfs_check_rw(void)
{
	if (!mfs_m.mounted)
		return -EINVAL;
	return mfs_m.rdonly ? -EROFS : OK;
}

/* Write the in-memory superblock copy, with the given clean state. */
static int mfs_write_super(int clean)
{
	unsigned int bs = mfs_m.sb.block_size;
	struct buf *bp;
	int r;

	mfs_sb_set_clean(mfs_m.raw_sb, &mfs_m.sb, clean);
	r = lmfs_get_block(&bp, mfs_m.dev, MFS_SUPER_OFFSET / bs, NORMAL);
	if (r != OK)
		return r;
	memcpy(b_data(bp) + MFS_SUPER_OFFSET % bs, mfs_m.raw_sb,
	    MFS_SUPER_SIZE);
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	return lmfs_flushdev(mfs_m.dev);
}

/* Read and decode the superblock of 'dev' into mfs_m. */
static int mfs_read_super(dev_t dev)
{
	char why[200];
	ssize_t n;
	int r;

	n = lmfs_dev_read(dev, MFS_SUPER_OFFSET, mfs_m.raw_sb, MFS_SUPER_SIZE);
	if (n < 0)
		return (int)n;
	if (n != MFS_SUPER_SIZE) {
		fsdriver_log("mfs: mount refused: device too small for a "
		    "superblock");
		return -EINVAL;
	}
	r = mfs_sb_decode(mfs_m.raw_sb, lmfs_dev_size(dev), &mfs_m.sb, why,
	    sizeof(why));
	if (r != OK)
		fsdriver_log("mfs: mount refused: %s", why);
	return r;
}

/* Check the root inode; give the caller a reference to it. */
static int mfs_mount_root(struct fsdriver_node *root)
{
	struct mfs_inode *ip;
	int r;

	if ((r = mfs_get_inode(MFS_ROOT_INO, &ip)) != OK)
		return r;
	if (!S_ISDIR(ip->i_mode) || ip->i_nlinks == 0 ||
	    ip->i_size % mfs_m.sb.dirent_size != 0) {
		fsdriver_log("mfs: mount refused: the root inode is not a "
		    "valid directory (mode 0%o, %u links, size %u)",
		    (unsigned int)ip->i_mode, ip->i_nlinks, ip->i_size);
		mfs_put_inode(ip);
		return -EINVAL;
	}
	mfs_fill_node(ip, root);
	return OK;
}

/* fdr_mount: mount 'dev'; the root node comes with one reference. */
int mfs_mount(dev_t dev, unsigned int flags, struct fsdriver_node *root,
    unsigned int *res_flags)
{
	int r;

	if (mfs_m.mounted)
		return -EBUSY;
	memset(&mfs_m, 0, sizeof(mfs_m));
	mfs_forget_pending();
	mfs_m.dev = dev;
	*res_flags = 0;
	if ((r = mfs_read_super(dev)) != OK)
		return r;
	mfs_m.rdonly = (flags & FSDRIVER_MOUNT_RDONLY) != 0;
	if (!mfs_m.sb.clean && !mfs_m.rdonly &&
	    !(flags & FSDRIVER_MOUNT_FORCE)) {
		fsdriver_log("mfs: warning: file system not cleanly unmounted%s;"
		    " mounting read-only (check it with fsck.mfs)",
		    mfs_m.sb.errors ? " and marked with errors" : "");
		mfs_m.rdonly = 1;
		*res_flags |= FSDRIVER_RES_RDONLY;
	}
	if ((r = lmfs_set_blocksize(mfs_m.sb.block_size)) != OK)
		return r;
	mfs_m.mounted = 1;
	if ((r = mfs_count_maps()) != OK || (r = mfs_mount_root(root)) != OK)
		goto fail;
	if (!mfs_m.rdonly && (r = mfs_write_super(0)) != OK)
		goto fail;
	return OK;
fail:
	mfs_m.rdonly = 1;
	mfs_inode_table_clear();
	mfs_forget_pending();
	mfs_m.mounted = 0;
	return r;
}

/* fdr_unmount: write everything back, then mark the file system clean
 * (two device syncs: the data is durable before the clean flag is). */
int mfs_unmount(void)
{
	int r, f;

	if (!mfs_m.mounted)
		return OK;
	r = mfs_inode_table_clear();
	mfs_release_zones(0);		/* written by the flush below */
	mfs_forget_pending();
	f = lmfs_flushall();
	if (r == OK)
		r = f;
	if (!mfs_m.rdonly) {
		if (r == OK)
			r = mfs_write_super(1);
		if (r != OK)
			fsdriver_log("mfs: write-back failed; file system "
			    "left marked not clean");
	}
	mfs_m.mounted = 0;
	return r;
}

/* fdr_statvfs: sizes and counts from the usage accounting. */
int mfs_statvfs(struct statvfs *st)
{
	uint64_t total, used;

	if (!mfs_m.mounted)
		return -EINVAL;
	lmfs_get_blockusage(&total, &used);
	memset(st, 0, sizeof(*st));
	st->f_bsize = st->f_frsize = mfs_m.sb.block_size;
	st->f_blocks = total;
	st->f_bfree = st->f_bavail = total > used ? total - used : 0;
	st->f_files = mfs_m.sb.ninodes;
	st->f_ffree = st->f_favail = mfs_m.free_inodes;
	st->f_fsid = (unsigned long)mfs_m.dev;
	st->f_flag = mfs_m.rdonly ? ST_RDONLY : 0;
	st->f_namemax = mfs_m.sb.name_max;
	return OK;
}

/* fdr_sync: write every dirty inode and block to the device and make
 * them durable; OK or the first error (logged). */
int mfs_sync(void)
{
	int r, f;

	if (!mfs_m.mounted)
		return OK;
	r = mfs_flush_inodes();
	mfs_release_zones(0);		/* the flush writes the frees too */
	f = lmfs_flushall();
	if (r == OK)
		r = f;
	if (r != OK)
		fsdriver_log("mfs: sync: write-back failed");
	return r;
}
