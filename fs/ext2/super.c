/*
 * super.c - mounting, unmounting, statvfs and sync.
 *
 * Mount validates the superblock (magic, revision, geometry against the
 * device size, features, state) before anything is cached, then loads the
 * group descriptors and the root inode.  A read-write mount clears
 * EXT2_VALID_FS on disk at once and restores the state found at mount on a
 * clean unmount, like Linux.  An image that records errors is refused; one
 * not cleanly unmounted is mounted read-only unless the caller forces it.
 *
 * ext2_fs, the one mounted file system of this process, lives here.  The
 * free counts in its superblock copy are the truth while mounted (they are
 * recomputed from the descriptors at mount); ext2_super_write() stores
 * them.
 */
#include <stdlib.h>
#include <string.h>

#include "ext2.h"

struct ext2_fs ext2_fs;

/* Check the geometry fields of *sb against each other and the device. */
static int ext2_super_geometry(const struct ext2_super *sb, uint64_t devsize)
{
	uint64_t bs, groups;

	if (sb->s_log_block_size > EXT2_MAX_BLOCK_LOG - EXT2_MIN_BLOCK_LOG)
		return fsdriver_log("ext2: bad block size"), -EINVAL;
	bs = 1024u << sb->s_log_block_size;
	if (sb->s_blocks_per_group == 0 || sb->s_blocks_per_group > 8 * bs ||
	    sb->s_inodes_per_group == 0 || sb->s_inodes_per_group > 8 * bs)
		return fsdriver_log("ext2: bad group geometry"), -EINVAL;
	if (sb->s_first_data_block != (bs == 1024 ? 1u : 0u) ||
	    sb->s_blocks_count <= sb->s_first_data_block + 1)
		return fsdriver_log("ext2: bad block count or first data "
		    "block"), -EINVAL;
	groups = (sb->s_blocks_count - sb->s_first_data_block +
	    sb->s_blocks_per_group - 1) / sb->s_blocks_per_group;
	if ((uint64_t)sb->s_inodes_count != groups * sb->s_inodes_per_group)
		return fsdriver_log("ext2: inode count does not match the "
		    "groups"), -EINVAL;
	if ((uint64_t)sb->s_blocks_count * bs > devsize)
		return fsdriver_log("ext2: the file system (%u blocks) is "
		    "larger than the device (%llu bytes)", sb->s_blocks_count,
		    (unsigned long long)devsize), -EINVAL;
	return OK;
}

/* Check revision-dependent fields and fill the derived ones of ext2_fs. */
static int ext2_super_revision(const struct ext2_super *sb)
{
	struct ext2_fs *fs = &ext2_fs;

	fs->block_size = 1024u << sb->s_log_block_size;
	if (sb->s_rev_level == EXT2_GOOD_OLD_REV) {
		fs->inode_size = EXT2_GOOD_OLD_INODE_SIZE;
		fs->first_ino = EXT2_GOOD_OLD_FIRST_INO;
	} else if (sb->s_rev_level == EXT2_DYNAMIC_REV) {
		fs->inode_size = sb->s_inode_size;
		fs->first_ino = sb->s_first_ino;
	} else {
		fsdriver_log("ext2: unknown revision %u", sb->s_rev_level);
		return -EINVAL;
	}
	if (fs->inode_size < EXT2_GOOD_OLD_INODE_SIZE ||
	    fs->inode_size > fs->block_size ||
	    (fs->inode_size & (fs->inode_size - 1)) != 0 ||
	    fs->first_ino <= EXT2_ROOT_INO || fs->first_ino > sb->s_inodes_count)
		return fsdriver_log("ext2: bad inode size or first inode"),
		    -EINVAL;
	fs->addr_per_block = fs->block_size / 4;
	fs->inodes_per_block = fs->block_size / fs->inode_size;
	fs->itable_blocks = (sb->s_inodes_per_group + fs->inodes_per_block - 1)
	    / fs->inodes_per_block;
	fs->ngroups = (sb->s_blocks_count - sb->s_first_data_block +
	    sb->s_blocks_per_group - 1) / sb->s_blocks_per_group;
	fs->filetype = sb->s_rev_level > EXT2_GOOD_OLD_REV &&
	    (sb->s_feature_incompat & EXT2_FEATURE_INCOMPAT_FILETYPE);
	return OK;
}

/* Indirect blocks a dense file of n data blocks needs. */
static uint64_t ext2_meta_blocks(uint64_t n)
{
	uint64_t a = ext2_fs.addr_per_block, m = 0, part;

	if (n <= EXT2_NDIR_BLOCKS)
		return 0;
	n -= EXT2_NDIR_BLOCKS;
	part = n < a ? n : a;			/* single indirect */
	m += 1;
	n -= part;
	if (n == 0)
		return m;
	part = n < a * a ? n : a * a;		/* double indirect */
	m += 1 + (part + a - 1) / a;
	n -= part;
	if (n == 0)
		return m;
	return m + 1 + (n + a * a - 1) / (a * a) + (n + a - 1) / a;
}

/* The largest file size, as Linux's ext2 computes it: what i_block[]
 * addresses, and no more blocks than i_blocks (32 bits of 512-byte
 * sectors) can count for a dense file, indirect blocks included; 2 GiB - 1
 * on revision 0 (no large_file). */
static void ext2_super_maxsize(void)
{
	struct ext2_fs *fs = &ext2_fs;
	uint64_t sectors_per_block = fs->block_size / 512;
	uint64_t room = UINT32_MAX / sectors_per_block, n, over;

	n = ext2_bmap_limit();
	if (n > room)
		n = room;
	while (n + ext2_meta_blocks(n) > room) {
		over = n + ext2_meta_blocks(n) - room;
		n -= over;
	}
	fs->max_size = n * fs->block_size;
	if (fs->sb.s_rev_level == EXT2_GOOD_OLD_REV &&
	    fs->max_size > 0x7fffffffull)
		fs->max_size = 0x7fffffffull;
}

/* Read and validate the superblock of 'dev' into ext2_fs. */
static int ext2_super_read(dev_t dev, unsigned int flags, int *force_ro)
{
	struct ext2_super *sb = &ext2_fs.sb;
	ssize_t r;
	int err;

	r = lmfs_dev_read(dev, EXT2_SUPER_OFFSET, sb, sizeof(*sb));
	if (r < 0)
		return (int)r;
	if (r != sizeof(*sb) || sb->s_magic != EXT2_SUPER_MAGIC)
		return fsdriver_log("ext2: no ext2 superblock"), -EINVAL;
	if ((err = ext2_super_geometry(sb, lmfs_dev_size(dev))) != OK ||
	    (err = ext2_super_revision(sb)) != OK ||
	    (err = ext2_features_check(sb, force_ro)) != OK)
		return err;
	if (sb->s_state & EXT2_ERROR_FS) {
		fsdriver_log("ext2: the file system has errors: run e2fsck");
		return -EINVAL;
	}
	if (!(sb->s_state & EXT2_VALID_FS) && !(flags & FSDRIVER_MOUNT_FORCE)) {
		fsdriver_log("ext2: not cleanly unmounted (run e2fsck): "
		    "mounting read-only");
		*force_ro = 1;
	}
	return OK;
}

static int ext2_super_write(void)
{
	struct ext2_fs *fs = &ext2_fs;
	struct buf *bp;
	int err;

	err = lmfs_get_block(&bp, fs->dev, EXT2_SUPER_OFFSET / fs->block_size,
	    NORMAL);
	if (err != OK)
		return err;
	memcpy(b_data(bp) + EXT2_SUPER_OFFSET % fs->block_size, &fs->sb,
	    sizeof(fs->sb));
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	fs->sb_dirty = 0;
	return OK;
}

/* Mark a read-write mount on disk: not clean, one more mount. */
static int ext2_super_mark_mounted(void)
{
	struct ext2_super *sb = &ext2_fs.sb;
	struct timespec now;

	fsdriver_gettime(&now);
	sb->s_state &= ~EXT2_VALID_FS;
	sb->s_mnt_count++;
	sb->s_mtime = (uint32_t)now.tv_sec;
	sb->s_wtime = (uint32_t)now.tv_sec;
	if (ext2_super_write() != OK)
		return -EIO;
	return lmfs_flushall();
}

int ext2_mount(dev_t dev, unsigned int flags, struct fsdriver_node *root,
    unsigned int *res_flags)
{
	struct ext2_fs *fs = &ext2_fs;
	struct ext2_inode *rip;
	int force_ro = 0, err;

	if (fs->mounted)
		return -EBUSY;
	memset(fs, 0, sizeof(*fs));
	fs->dev = dev;
	if ((err = ext2_super_read(dev, flags, &force_ro)) != OK)
		return err;
	fs->rdonly = (flags & FSDRIVER_MOUNT_RDONLY) || force_ro;
	fs->orig_state = fs->sb.s_state;
	ext2_super_maxsize();
	if ((err = lmfs_set_blocksize(fs->block_size)) != OK ||
	    (err = ext2_groups_load()) != OK)
		goto fail;
	lmfs_set_blockusage(fs->sb.s_blocks_count,
	    fs->sb.s_blocks_count - fs->sb.s_free_blocks_count);
	fs->mounted = 1;
	if ((err = ext2_iget(EXT2_ROOT_INO, &rip)) != OK)
		goto fail_mounted;
	if (!S_ISDIR(rip->i_d->i_mode)) {
		fsdriver_log("ext2: the root inode is not a directory");
		ext2_iput(rip);
		err = -EIO;
		goto fail_mounted;
	}
	if (!fs->rdonly && (err = ext2_super_mark_mounted()) != OK) {
		ext2_iput(rip);
		goto fail_mounted;
	}
	ext2_fill_node(rip, root);
	*res_flags = force_ro ? FSDRIVER_RES_RDONLY : 0;
	return OK;

fail_mounted:
	fs->mounted = 0;
	ext2_iclose_all();
	ext2_forget_blocks();
fail:
	lmfs_invalidate(dev);
	ext2_groups_free();
	return err;
}

/* fdr_unmount: write everything back with the state the image had at
 * mount, make it durable; OK or the first error (logged). */
int ext2_unmount(void)
{
	struct ext2_fs *fs = &ext2_fs;
	struct timespec now;
	int err = OK, r;

	if (!fs->mounted)
		return OK;
	ext2_iclose_all();
	ext2_release_blocks(0);		/* written by the flush below */
	ext2_forget_blocks();
	if (!fs->rdonly) {
		fsdriver_gettime(&now);
		fs->sb.s_state = fs->orig_state;
		fs->sb.s_wtime = (uint32_t)now.tv_sec;
		if ((err = ext2_super_write()) != OK)
			fsdriver_log("ext2: cannot write the superblock");
	}
	if ((r = lmfs_flushall()) != OK) {
		fsdriver_log("ext2: write-back failed at unmount");
		if (err == OK)
			err = r;
	}
	lmfs_invalidate(fs->dev);
	ext2_groups_free();
	fs->mounted = 0;
	return err;
}

/* OK, or -EROFS on a read-only mount. */
int ext2_check_rw(void)
{
	return ext2_fs.rdonly ? -EROFS : OK;
}

/* fdr_sync: inodes and superblock into the cache, then write back and make
 * durable; OK or the first error (logged). */
int ext2_sync(void)
{
	struct ext2_fs *fs = &ext2_fs;
	int err = OK, r;

	if (!fs->mounted || fs->rdonly)
		return OK;
	if ((r = ext2_iflush_all()) != OK)
		err = r;
	ext2_release_blocks(0);		/* the flush writes the frees too */
	if (fs->sb_dirty && (r = ext2_super_write()) != OK && err == OK)
		err = r;
	if ((r = lmfs_flushall()) != OK && err == OK)
		err = r;
	if (err != OK)
		fsdriver_log("ext2: sync: write-back failed");
	return err;
}

int ext2_statvfs(struct statvfs *st)
{
	struct ext2_fs *fs = &ext2_fs;
	uint64_t total, used, avail;

	lmfs_get_blockusage(&total, &used);
	memset(st, 0, sizeof(*st));
	st->f_bsize = fs->block_size;
	st->f_frsize = fs->block_size;
	st->f_blocks = total;
	st->f_bfree = total - used;
	avail = total - used;
	st->f_bavail = avail > fs->sb.s_r_blocks_count ?
	    avail - fs->sb.s_r_blocks_count : 0;
	st->f_files = fs->sb.s_inodes_count;
	st->f_ffree = fs->sb.s_free_inodes_count;
	st->f_favail = fs->sb.s_free_inodes_count;
	memcpy(&st->f_fsid, fs->sb.s_uuid, sizeof(st->f_fsid) < 16 ?
	    sizeof(st->f_fsid) : 16);
	st->f_namemax = EXT2_NAME_LEN;
	st->f_flag = fs->rdonly ? ST_RDONLY : 0;
	return OK;
}
