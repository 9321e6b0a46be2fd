/*
 * bio.c - byte-granular whole-device access through the cache (MINIX's
 * lmfs_bio), for tools and servers that treat a device as a byte array.
 *
 * The range is clipped at the device end (0 bytes at or past it) and split
 * at block boundaries; each piece goes through lmfs_get_block(), so it
 * shares the cache (and dirty state) with block users.  A write covering
 * all valid bytes of a block does not read it first.  A read that misses
 * starts readahead of the blocks it still needs.  On an error after some
 * progress the byte count so far is returned; the error shows next call.
 */
#include <errno.h>
#include <limits.h>
#include <string.h>

#include "lmfs_priv.h"

/* Move 'chunk' bytes at offset 'off' of 'block' to or from 'buf'. */
static int bio_block(struct lmfs_device *d, int write, block64_t block,
    size_t off, char *buf, size_t chunk, unsigned int ahead)
{
	struct buf *bp;
	size_t bytes;
	int r, how = NORMAL;

	if ((r = lmfs_block_bytes(d, block, &bytes)) != OK)
		return r;
	if (write && off == 0 && chunk == bytes)
		how = NO_READ;
	else if (!write && ahead > 1 && lmfs_lookup(d->dev, block) == NULL)
		lmfs_readahead(d->dev, block, ahead);
	if ((r = lmfs_get_block(&bp, d->dev, block, how)) != OK)
		return r;
	if (write) {
		memcpy(b_data(bp) + off, buf, chunk);
		lmfs_markdirty(bp);
	} else {
		memcpy(buf, b_data(bp) + off, chunk);
	}
	lmfs_put_block(bp);
	return OK;
}

/* Read or write 'len' bytes at byte 'pos' of 'dev' through the cache. */
ssize_t lmfs_bio(dev_t dev, int write, uint64_t pos, void *buf, size_t len)
{
	struct lmfs_device *d = lmfs_dev_find(dev);
	size_t bs = lmfs_bs(), done = 0, off, chunk;
	uint64_t ahead;
	int r;

	if (d == NULL || bs == 0 || (buf == NULL && len != 0))
		return -EINVAL;
	if (pos >= d->size)
		return 0;
	if (len > d->size - pos)
		len = (size_t)(d->size - pos);
	if (len > SSIZE_MAX)
		len = SSIZE_MAX;
	while (done < len) {
		/* bs is a power of two: no 64-bit division (a libgcc call on
		 * i386) per block */
		off = (size_t)((pos + done) & (bs - 1));
		chunk = bs - off < len - done ? bs - off : len - done;
		ahead = (off + (len - done) + bs - 1) / bs;
		r = bio_block(d, write, (pos + done) >> __builtin_ctz(bs), off,
		    (char *)buf + done, chunk,
		    ahead > LMFS_MAX_IOV ? LMFS_MAX_IOV : (unsigned int)ahead);
		if (r != OK)
			return done > 0 ? (ssize_t)done : r;
		done += chunk;
	}
	return (ssize_t)done;
}
