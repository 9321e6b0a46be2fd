/*
 * bio.c - byte-range access to the mounted volume, through libminixfs.
 *
 * Metadata (records, continuation areas, descriptors) is not block-aligned:
 * it is read with lmfs_bio(), the cache's byte-range access, in the 2 KiB
 * blocks the volume is cached in.  Every range is checked against the
 * device size first, so a hostile offset or length never reaches the
 * cache; lmfs_bio() then only comes back short on an I/O error.
 */
#include <errno.h>
#include "iso.h"

bool iso_range_ok(uint64_t pos, uint64_t len)
{
	return pos <= iso_vol.dev_size && len <= iso_vol.dev_size - pos;
}

int iso_read_bytes(uint64_t pos, void *buf, size_t len)
{
	ssize_t n;

	if (!iso_range_ok(pos, len))
		return -EIO;
	if (len == 0)
		return OK;
	n = lmfs_bio(iso_vol.dev, 0, pos, buf, len);
	if (n < 0)
		return (int)n;
	return (size_t)n == len ? OK : -EIO;
}

/* The mounted device opened as a block special file (fsdriver.h's block
 * entries, OS only): reads through the cache (lib/libfsdriver/bio.c);
 * writes are EROFS, the volume is read-only. */
ssize_t isofs_bread(dev_t dev, struct fsdriver_data *data, size_t bytes,
    off_t pos)
{
	return fsdriver_bio(dev, data, bytes, pos, 0);
}

ssize_t isofs_bwrite(dev_t dev, struct fsdriver_data *data, size_t bytes,
    off_t pos)
{
	(void)dev, (void)data, (void)bytes, (void)pos;
	return -EROFS;
}

int isofs_bflush(dev_t dev)
{
	return fsdriver_bflush(dev);
}
