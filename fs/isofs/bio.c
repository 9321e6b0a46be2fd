/*
 * bio.c - byte-range access to the mounted volume through libminixfs.
 *
 * Metadata (records, continuation areas, descriptors) is read through the
 * cache in 2 KiB blocks.  Every range is checked against the device size
 * first, so a hostile offset or length never reaches the cache; the last
 * block of an image whose size is not a multiple of 2048 is partial, and a
 * block that came back shorter than the range needs is an I/O error.
 */
#include <errno.h>
#include <string.h>
#include "iso.h"

bool iso_range_ok(uint64_t pos, uint64_t len)
{
	return pos <= iso_vol.dev_size && len <= iso_vol.dev_size - pos;
}

int iso_read_bytes(uint64_t pos, void *buf, size_t len)
{
	char *out = buf;
	struct buf *bp;
	int r;

	if (!iso_range_ok(pos, len))
		return -EIO;
	while (len > 0) {
		uint64_t blk = pos / ISO_BLOCK_SIZE;
		size_t off = pos % ISO_BLOCK_SIZE;
		size_t chunk = ISO_BLOCK_SIZE - off;

		if (chunk > len)
			chunk = len;
		r = lmfs_get_block(&bp, iso_vol.dev, blk, NORMAL);
		if (r != OK)
			return r;
		if (b_bytes(bp) < off + chunk) {
			lmfs_put_block(bp);
			return -EIO;
		}
		memcpy(out, b_data(bp) + off, chunk);
		lmfs_put_block(bp);
		out += chunk;
		pos += chunk;
		len -= chunk;
	}
	return OK;
}
