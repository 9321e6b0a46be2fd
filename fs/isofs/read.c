/*
 * read.c - file contents and symlink targets.
 *
 * A file is a list of extents (one, or several for ISO level 3 multi-extent
 * files); a byte offset is mapped to (extent, block, offset in block) and
 * copied out block by block through the cache, each block tagged with the
 * inode and file offset (lmfs_get_block_ino).  When a block a request
 * needs from an extent is not cached, the run from there to the end of the
 * request is handed to lmfs_prefetch() so the cache reads it in one gather
 * request; when the read continues where the previous one stopped,
 * ISO_READAHEAD more blocks are added.
 * Extents were checked against the image size when the node was made, so
 * only a short partial last block can still fail here (-EIO).
 */
#include <errno.h>
#include "iso.h"

#define ISO_READAHEAD	32	/* extra blocks on a sequential read */
#define ISO_PREFETCH_MAX 64	/* blocks in one prefetch set */

/* Find the extent holding file offset 'pos'; *off gets the offset in it. */
static const struct iso_extent *read_map(const struct iso_node *n,
    uint64_t pos, uint64_t *off)
{
	unsigned int i;

	for (i = 0; i < n->nextents; i++) {
		if (pos < n->extents[i].len) {
			*off = pos;
			return &n->extents[i];
		}
		pos -= n->extents[i].len;
	}
	return NULL;
}

/* Is the block cached? */
static bool read_cached(block64_t blk)
{
	struct buf *bp;

	if (lmfs_get_block(&bp, iso_vol.dev, blk, PEEK) != OK)
		return false;
	lmfs_put_block(bp);
	return true;
}

/* Prefetch for a read of 'want' bytes at offset 'off' of extent 'x': if a
 * block the request needs is not cached, hand the cache the run from the
 * first such block to the end of the request (plus ISO_READAHEAD blocks
 * for a sequential read), so each window is read once, in one request. */
static void read_prefetch(const struct iso_extent *x, uint64_t off,
    uint64_t want, bool sequential)
{
	block64_t set[ISO_PREFETCH_MAX];
	uint64_t first = off / ISO_BLOCK_SIZE;
	uint64_t last = (x->len - 1) / ISO_BLOCK_SIZE;
	uint64_t need = (off % ISO_BLOCK_SIZE + want + ISO_BLOCK_SIZE - 1) /
	    ISO_BLOCK_SIZE;
	uint64_t count, i;

	if (need > ISO_PREFETCH_MAX)
		need = ISO_PREFETCH_MAX;
	for (i = 0; i < need && first + i <= last; i++)
		if (!read_cached(x->lba + first + i))
			break;
	if (i == need || first + i > last)
		return;
	first += i;
	count = need - i + (sequential ? ISO_READAHEAD : 0);
	if (count > last - first + 1)
		count = last - first + 1;
	if (count > ISO_PREFETCH_MAX)
		count = ISO_PREFETCH_MAX;
	if (count < 2)
		return;
	for (i = 0; i < count; i++)
		set[i] = x->lba + first + i;
	lmfs_prefetch(iso_vol.dev, set, (unsigned int)count);
}

/* Copy 'chunk' bytes at offset 'in' of block 'blk' to the caller. */
static int read_block(const struct iso_node *n, block64_t blk, size_t in,
    size_t chunk, uint64_t fpos, const struct fsdriver_data *data,
    size_t done, int peek)
{
	struct buf *bp;
	int r;

	r = lmfs_get_block_ino(&bp, iso_vol.dev, blk, NORMAL, n->ino,
	    fpos - in);
	if (r != OK)
		return r;
	if (b_bytes(bp) < in + chunk)
		r = -EIO;
	else if (!peek)
		r = fsdriver_copyout(data, done, b_data(bp) + in, chunk);
	lmfs_put_block(bp);
	return r;
}

/* Read a file, or only bring its blocks into the cache ('peek'). */
static ssize_t iso_read(ino_t ino_nr, struct fsdriver_data *data,
    size_t bytes, off_t pos, int peek)
{
	const struct iso_extent *x, *prev = NULL;
	struct iso_node *n;
	uint64_t off, fpos;
	size_t done = 0;
	int r;

	r = iso_node_get(ino_nr, &n);
	if (r != OK)
		return r;
	if (S_ISDIR(n->attr.mode))
		return -EISDIR;
	if (!S_ISREG(n->attr.mode) || pos < 0)
		return -EINVAL;
	if ((uint64_t)pos >= n->attr.size)
		return 0;
	if (bytes > n->attr.size - (uint64_t)pos)
		bytes = (size_t)(n->attr.size - (uint64_t)pos);
	while (done < bytes) {
		size_t in, chunk;

		fpos = (uint64_t)pos + done;
		x = read_map(n, fpos, &off);
		if (x == NULL)
			return -EIO;
		if (x != prev)
			read_prefetch(x, off, bytes - done,
			    (uint64_t)pos == n->seq_pos);
		prev = x;
		in = off % ISO_BLOCK_SIZE;
		chunk = ISO_BLOCK_SIZE - in;
		if (chunk > x->len - off)
			chunk = (size_t)(x->len - off);
		if (chunk > bytes - done)
			chunk = bytes - done;
		r = read_block(n, x->lba + off / ISO_BLOCK_SIZE, in, chunk,
		    fpos, data, done, peek);
		if (r != OK)
			return done > 0 ? (ssize_t)done : r;
		done += chunk;
	}
	n->seq_pos = (uint64_t)pos + done;
	return (ssize_t)done;
}

/* fdr_read */
ssize_t isofs_read(ino_t ino_nr, struct fsdriver_data *data, size_t bytes,
    off_t pos)
{
	return iso_read(ino_nr, data, bytes, pos, 0);
}

/* fdr_peek */
ssize_t isofs_peek(ino_t ino_nr, size_t bytes, off_t pos)
{
	return iso_read(ino_nr, NULL, bytes, pos, 1);
}

ssize_t isofs_rdlink(ino_t ino_nr, struct fsdriver_data *data, size_t bytes)
{
	struct iso_node *n;
	int r;

	r = iso_node_get(ino_nr, &n);
	if (r != OK)
		return r;
	if (!S_ISLNK(n->attr.mode))
		return -EINVAL;
	if (bytes > n->linklen)
		bytes = n->linklen;
	if (bytes > 0) {
		r = fsdriver_copyout(data, 0, n->link, bytes);
		if (r != OK)
			return r;
	}
	return (ssize_t)bytes;
}
