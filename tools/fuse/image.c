/*
 * image.c - the image file under the mount: open, choose the file system,
 * mount it; and the way back: unmount, close.
 *
 * The image becomes libminixfs device MF_DEV through the host device seam
 * (lmfs_file_dev_open).  An image that cannot be opened for writing
 * (EACCES, EROFS, EPERM) is mounted read-only, and the user is told.  The
 * file system may also decide by itself to mount read-only (an image not
 * cleanly unmounted); micafuse then tells the kernel so.
 *
 * Durability has one path: the file system's fdr_sync (fsync) and
 * fdr_unmount end in lmfs_flushall(), which writes back and syncs the
 * device through libminixfs's bookkeeping (only when something was written
 * since the last sync).  micafuse never flushes the device itself.
 *
 * Everything is reported on stderr here, before micafuse becomes a daemon.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "micafuse.h"

#define MF_MIN_CACHE	16	/* smallest -o cache_size, in blocks */

/* Open the image as a device, read-write if wanted and possible. */
static int image_open(struct micafuse *mf)
{
	const char *img = mf->opts.image;
	int r;

	r = lmfs_file_dev_open(img, !mf->rdonly, mf->opts.offset,
	    &mf->dev_ops, &mf->dev_ctx);
	if (!mf->rdonly && (r == -EACCES || r == -EROFS || r == -EPERM)) {
		fprintf(stderr, "micafuse: %s: not writable (%s): mounting "
		    "read-only\n", img, strerror(-r));
		mf->rdonly = 1;
		r = lmfs_file_dev_open(img, 0, mf->opts.offset, &mf->dev_ops,
		    &mf->dev_ctx);
	}
	if (r != OK) {
		fprintf(stderr, "micafuse: %s: %s\n", img, strerror(-r));
		return -1;
	}
	r = lmfs_dev_register(MF_DEV, mf->dev_ops, mf->dev_ctx);
	if (r != OK) {
		fprintf(stderr, "micafuse: %s: cannot attach to the cache: "
		    "%s\n", img, strerror(-r));
		lmfs_file_dev_close(mf->dev_ctx);
		return -1;
	}
	mf->dev_registered = 1;
	return 0;
}

/* -o type= or probing. */
static int image_fstype(struct micafuse *mf)
{
	if (mf->opts.type != NULL) {
		mf->fstype = mf_fstype_by_name(mf->opts.type);
		if (mf->fstype == NULL) {
			fprintf(stderr, "micafuse: unknown file-system type "
			    "'%s' (known: %s)\n", mf->opts.type,
			    mf_fstype_names());
			return -1;
		}
	} else {
		mf->fstype = mf_fstype_probe(MF_DEV, mf->opts.image);
		if (mf->fstype == NULL)
			return -1;
	}
	mf->fs = mf->fstype->table;
	if (mf->fs == NULL || mf->fs->fdr_mount == NULL) {
		fprintf(stderr, "micafuse: %s: type %s cannot be mounted\n",
		    mf->opts.image, mf->fstype->name);
		return -1;
	}
	return 0;
}

/* -o cache_size=, once the block size is known. */
static void image_cache_size(struct micafuse *mf)
{
	uint64_t n = mf->opts.cache_size;

	if (n == 0)
		return;
	if (mf->opts.cache_in_bytes)
		n /= lmfs_fs_block_size();
	if (n < MF_MIN_CACHE) {
		fprintf(stderr, "micafuse: cache_size raised to %d blocks\n",
		    MF_MIN_CACHE);
		n = MF_MIN_CACHE;
	}
	if (n > INT_MAX)
		n = INT_MAX;
	lmfs_buf_pool((int)n);
}

/* Open the image, pick the fs type, mount it. */
int mf_image_mount(struct micafuse *mf)
{
	struct fsdriver_node root;
	unsigned int flags = 0, res = 0;
	int r;

	mf->rdonly = mf->opts.rdonly;
	if (image_open(mf) != 0)
		return -1;
	if (image_fstype(mf) != 0)
		goto fail_dev;
	if (mf->rdonly)
		flags |= FSDRIVER_MOUNT_RDONLY;
	if (mf->opts.force)
		flags |= FSDRIVER_MOUNT_FORCE;
	r = mf->fs->fdr_mount(MF_DEV, flags, &root, &res);
	if (r != OK) {
		fprintf(stderr, "micafuse: %s: cannot mount as %s: %s\n",
		    mf->opts.image, mf->fstype->name, strerror(-r));
		goto fail_dev;
	}
	if ((res & FSDRIVER_RES_RDONLY) && !mf->rdonly) {
		fprintf(stderr, "micafuse: %s: the %s file system mounted "
		    "itself read-only\n", mf->opts.image, mf->fstype->name);
		mf->rdonly = 1;
	}
	mf->root_ino = root.fn_ino_nr;
	mf->mounted = 1;
	image_cache_size(mf);
	return 0;

fail_dev:
	lmfs_dev_unregister(MF_DEV);
	lmfs_file_dev_close(mf->dev_ctx);
	mf->dev_registered = 0;
	return -1;
}

/* fsync: fdr_sync writes back and syncs the device, once; OK or -errno. */
int mf_image_sync(struct micafuse *mf)
{
	return mf->fs->fdr_sync != NULL ? mf->fs->fdr_sync() : OK;
}

/* fdr_unmount (which writes back and syncs), then detach and close the
 * device; idempotent.  0, or -1 if data may be lost. */
int mf_image_unmount(struct micafuse *mf)
{
	int r = OK;

	if (mf->mounted) {
		mf->mounted = 0;
		if (mf->fs->fdr_unmount != NULL)
			r = mf->fs->fdr_unmount();
	}
	if (!mf->dev_registered)
		return r == OK ? 0 : -1;
	mf->dev_registered = 0;
	if (r != OK)
		fsdriver_log("%s: writing back failed: %s", mf->opts.image,
		    strerror(-r));
	lmfs_dev_unregister(MF_DEV);
	lmfs_file_dev_close(mf->dev_ctx);
	return r == OK ? 0 : -1;
}
