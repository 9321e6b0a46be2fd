/*
 * bio.c - block-special access to the mounted device, through the cache.
 *
 * When the device MFS has mounted is also opened as a block device (VFS
 * forwards such requests to the file system that owns the device, as in
 * MINIX), reads and writes go through libminixfs's lmfs_bio() so that they
 * see, and are seen by, the file system's cached blocks
 * (lib/libfsdriver/bio.c).
 */
#include "mfs.h"

/* Writes to a read-only mount of the device are EROFS. */
static ssize_t mfs_bio(dev_t dev, struct fsdriver_data *data, size_t bytes,
    off_t pos, int write)
{
	if (write && mfs_m.mounted && mfs_m.rdonly && dev == mfs_m.dev)
		return -EROFS;
	return fsdriver_bio(dev, data, bytes, pos, write);
}

/* fdr_bread */
ssize_t mfs_bread(dev_t dev, struct fsdriver_data *data, size_t bytes,
    off_t pos)
{
	return mfs_bio(dev, data, bytes, pos, 0);
}

/* fdr_bwrite */
ssize_t mfs_bwrite(dev_t dev, struct fsdriver_data *data, size_t bytes,
    off_t pos)
{
	return mfs_bio(dev, data, bytes, pos, 1);
}

/* fdr_bflush: write the device's dirty blocks back; the first error. */
int mfs_bflush(dev_t dev)
{
	return fsdriver_bflush(dev);
}
