/*
 * bdev.c - the mounted device opened as a block special file (fsdriver.h's
 * block entries, called by the OS front end only): reads and writes
 * through the cache, so they see and are seen by the file system's own
 * blocks (lib/libfsdriver/bio.c); writes to a read-only mount are EROFS.
 */
#include <errno.h>
#include "ext2.h"

ssize_t ext2_bread(dev_t dev, struct fsdriver_data *data, size_t bytes,
    off_t pos)
{
	return fsdriver_bio(dev, data, bytes, pos, 0);
}

ssize_t ext2_bwrite(dev_t dev, struct fsdriver_data *data, size_t bytes,
    off_t pos)
{
	if (ext2_fs.mounted && ext2_fs.rdonly && dev == ext2_fs.dev)
		return -EROFS;
	return fsdriver_bio(dev, data, bytes, pos, 1);
}

int ext2_bflush(dev_t dev)
{
	return fsdriver_bflush(dev);
}
