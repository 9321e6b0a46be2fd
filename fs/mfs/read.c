/*
 * read.c - moving file data: read, write, peek, readlink.
 *
 * mfs_rdwt() walks the request block by block.  Data blocks are fetched
 * with lmfs_get_block_ino() tagged with (inode, offset).  A write that
 * covers a whole block, or lands in a freshly allocated zone, does not read
 * the block first (NO_READ; a fresh zone is zeroed around the new bytes).
 * Holes read as zeros and are filled on write.
 *
 * Read-ahead: when a block to be read is not cached, the blocks that follow
 * it are mapped to zone numbers and handed to lmfs_prefetch(), which reads a
 * contiguous run of them in one request: up to MFS_RA_MAX blocks when the
 * read continues the previous one (MINIX's sequential heuristic); otherwise
 * the rest of the request, but at least MFS_RA_MIN_BYTES of the file (like
 * MINIX's BLOCKS_MINIMUM: a device request costs far more than the extra
 * blocks, and random readers of one file often come back nearby).
 */
#include <string.h>
#include "mfs.h"

#define MFS_RA_MAX	64	/* blocks prefetched at most */
#define MFS_RA_MIN_BYTES 65536	/* prefetched at least on a random miss */

/* Move 'len' bytes between the block and the request, at request offset
 * 'done'. */
static int mfs_move(const struct mfs_io *io, char *blk, size_t done,
    size_t len, int write)
{
	if (io->peek)
		return OK;
	if (io->local != NULL) {
		if (write)
			memcpy(blk, io->local + done, len);
		else
			memcpy(io->local + done, blk, len);
		return OK;
	}
	if (write)
		return fsdriver_copyin(io->data, done, blk, len);
	return fsdriver_copyout(io->data, done, blk, len);
}

/*
 * A read's zone numbers come from a run: the zones of up to MFS_RA_MAX
 * file blocks from one mfs_read_map_run() (each indirect block walked
 * once per run, not once per block: with 1 KiB blocks the per-block walks
 * were a fifth of a sequential read).  A run lives for one request only:
 * a read changes no map, so it cannot go stale.
 */
struct mfs_run {
	uint64_t first;
	unsigned int n;
	uint32_t z[MFS_RA_MAX];
};

/* Fill the run from file block 'blk' up to 'limit' (exclusive) and the
 * end of the file, MFS_RA_MAX at most (at least blk itself). */
static int mfs_run_fill(struct mfs_run *run, struct mfs_inode *ip,
    uint64_t blk, uint64_t limit)
{
	uint64_t bs = mfs_m.sb.block_size;
	uint64_t end = (ip->i_size + bs - 1) / bs;
	int r;

	if (end > limit)
		end = limit;
	if (end > blk + MFS_RA_MAX)
		end = blk + MFS_RA_MAX;
	if (end <= blk)
		end = blk + 1;
	r = mfs_read_map_run(ip, blk, run->z, (unsigned int)(end - blk));
	run->n = r > 0 ? (unsigned int)r : 0;
	run->first = blk;
	return r > 0 ? OK : r;
}

/* The zone of file block 'blk' of a read (0: a hole). */
static int mfs_run_zone(struct mfs_run *run, struct mfs_inode *ip,
    uint64_t blk, uint64_t limit, uint32_t *zp)
{
	int r;

	if ((run->n == 0 || blk < run->first || blk - run->first >= run->n) &&
	    (r = mfs_run_fill(run, ip, blk, limit)) != OK)
		return r;
	*zp = run->z[blk - run->first];
	return OK;
}

/* Prefetch the zones of file blocks from 'blk' (zone z, needed now) up to
 * 'limit' (exclusive) and the end of the file, MFS_RA_MAX at most: the
 * run refilled from blk, holes left out. */
static void mfs_prefetch(struct mfs_run *run, struct mfs_inode *ip,
    uint64_t blk, uint32_t z, uint64_t limit)
{
	block64_t set[MFS_RA_MAX];
	unsigned int i, n = 0;

	set[n++] = z;
	if (run->first != blk && mfs_run_fill(run, ip, blk, limit) != OK)
		run->n = 0;
	for (i = 1; run->first == blk && i < run->n; i++)
		if (run->z[i] != 0)
			set[n++] = run->z[i];
	lmfs_prefetch(mfs_m.dev, set, n);
}

/* Get the data block of a read, prefetching when it is not cached. */
static int mfs_read_block(struct mfs_run *run, struct mfs_inode *ip,
    uint64_t blk, uint32_t z, uint64_t limit, struct buf **bpp)
{
	uint64_t off = blk * mfs_m.sb.block_size;
	int r;

	r = lmfs_get_block_ino(bpp, mfs_m.dev, z, PEEK, ip->i_num, off);
	if (r != -ENOENT)
		return r;
	mfs_prefetch(run, ip, blk, z, limit);
	return lmfs_get_block_ino(bpp, mfs_m.dev, z, NORMAL, ip->i_num, off);
}

/* Get the data block of a write at [off, off+len) of the block, allocating
 * its zone if the file has a hole there (*freshp: it did). */
static int mfs_write_block(struct mfs_inode *ip, uint64_t blk, size_t off,
    size_t len, struct buf **bpp, int *freshp)
{
	size_t bs = mfs_m.sb.block_size;
	uint32_t z;
	int r, fresh = 0;

	if ((r = mfs_read_map(ip, blk, &z)) != OK)
		return r;
	if (z == 0) {
		if ((r = mfs_alloc_zone(ip, &z)) != OK)
			return r;
		if ((r = mfs_write_map(ip, blk, z)) != OK) {
			mfs_free_zone(ip, z);
			return r;
		}
		fresh = 1;
	}
	r = lmfs_get_block_ino(bpp, mfs_m.dev, z, fresh || len == bs ?
	    NO_READ : NORMAL, ip->i_num, blk * bs);
	if (r != OK)
		return r;
	if (fresh && len != bs) {
		memset(b_data(*bpp), 0, off);
		memset(b_data(*bpp) + off + len, 0, bs - off - len);
	}
	*freshp = fresh;
	return OK;
}

/* The file block holding byte 'pos', and the offset in it: the block size
 * is a power of two (mfs_sb_geometry), and a 64-bit division is a libgcc
 * call on i386, paid per block. */
static inline uint64_t mfs_blk_of(uint64_t pos)
{
	return pos >> __builtin_ctz(mfs_m.sb.block_size);
}

static inline size_t mfs_off_in(uint64_t pos)
{
	return (size_t)(pos & (mfs_m.sb.block_size - 1));
}

/* One block's part of a request; returns bytes moved or an error. */
static ssize_t mfs_rdwt_block(struct mfs_run *run, struct mfs_inode *ip,
    const struct mfs_io *io, uint64_t pos, size_t len, size_t done,
    int write, uint64_t limit)
{
	size_t off = mfs_off_in(pos);
	uint64_t blk = mfs_blk_of(pos);
	struct buf *bp;
	uint32_t z;
	int r, fresh = 0;

	if (write) {
		r = mfs_write_block(ip, blk, off, len, &bp, &fresh);
	} else {
		if ((r = mfs_run_zone(run, ip, blk, limit, &z)) != OK)
			return r;
		if (z == 0) {
			if (io->peek)
				return (ssize_t)len;
			if (io->local != NULL) {
				memset(io->local + done, 0, len);
				return (ssize_t)len;
			}
			r = fsdriver_zero(io->data, done, len);
			return r != OK ? r : (ssize_t)len;
		}
		r = mfs_read_block(run, ip, blk, z, limit, &bp);
	}
	if (r != OK)
		return r;
	r = mfs_move(io, b_data(bp) + off, done, len, write);
	if (write)
		lmfs_markdirty(bp);
	/* A directory's new zone goes to the device at once, before the
	 * inode that covers it (alloc.c, bmap.c: a crash must not show an
	 * old file's bytes as entries).  Files' data need no such order. */
	if (write && fresh && r == OK && S_ISDIR(ip->i_mode))
		r = lmfs_write_block(bp);
	lmfs_put_block(bp);
	return r != OK ? r : (ssize_t)len;
}

/* Clip a request to the file (reads) or the format (writes).  A write at
 * or past the format's limit was refused before. */
static int mfs_clip(struct mfs_inode *ip, size_t *bytes, uint64_t pos,
    int write)
{
	uint64_t limit = write ? mfs_m.sb.max_size : ip->i_size;

	if (pos >= limit) {
		*bytes = 0;
		return OK;
	}
	if (*bytes > limit - pos)
		*bytes = (size_t)(limit - pos);
	return OK;
}

/* Read or write 'bytes' of ip at 'pos'; returns bytes moved or an error
 * (a partial transfer returns what was moved). */
static ssize_t mfs_rdwt_blocks(struct mfs_inode *ip, const struct mfs_io *io,
    size_t bytes, uint64_t pos, int write)
{
	size_t bs = mfs_m.sb.block_size, done = 0, len;
	struct mfs_run run;
	uint64_t limit;
	ssize_t n = 0;
	int r;

	run.n = 0;

	if (write && pos >= mfs_m.sb.max_size && bytes > 0)
		return -EFBIG;
	if ((r = mfs_clip(ip, &bytes, pos, write)) != OK)
		return r;
	if (write && pos > ip->i_size && ip->i_size % bs != 0 &&
	    (r = mfs_zero_range(ip, ip->i_size, pos < (ip->i_size / bs + 1) *
	    bs ? pos : (ip->i_size / bs + 1) * bs)) != OK)
		return r;
	limit = (pos + bytes + bs - 1) / bs;
	if (limit < (pos + MFS_RA_MIN_BYTES) / bs)
		limit = (pos + MFS_RA_MIN_BYTES) / bs;
	if (pos == ip->i_ra_pos)
		limit = UINT64_MAX;
	while (done < bytes) {
		len = bs - mfs_off_in(pos + done);
		if (len > bytes - done)
			len = bytes - done;
		n = mfs_rdwt_block(&run, ip, io, pos + done, len, done, write,
		    limit);
		if (n < 0)
			break;
		done += len;
		if (write && pos + done > ip->i_size) {
			ip->i_size = (uint32_t)(pos + done);
			ip->i_dirty = 1;
		}
	}
	if (!write)
		ip->i_ra_pos = pos + done;
	if (done == 0 && n < 0)
		return n;
	return (ssize_t)done;
}

/*
 * A caller's buffer that is memory of this process (the host:
 * fsdriver_direct) is used as it is.  Otherwise it moves in windows of
 * MFS_GATHER bytes through one bounce buffer: one fsdriver_copyin/copyout
 * per window instead of one per block.  In the OS each is a kernel copy between address spaces
 * (~1,000 instructions beyond the bytes); with 1 KiB blocks that was a
 * third of a cold sequential read (tests/bench/image: 64 MiB, 5.4M
 * instructions per MiB against 3.6M for the raw device).  The file
 * system is single-threaded (micafuse serves one request at a time), so
 * one static buffer serves.  Windows continue each other, so the
 * read-ahead sees one sequential stream (i_ra_pos).
 */
#define MFS_GATHER	(32 * 1024)

ssize_t mfs_rdwt(struct mfs_inode *ip, const struct mfs_io *io,
    size_t bytes, uint64_t pos, int write)
{
	static char bounce[MFS_GATHER];
	struct mfs_io win = { NULL, bounce, 0 };
	size_t done = 0, len;
	ssize_t n;
	int r;

	if (io->local != NULL || io->peek || bytes <= mfs_m.sb.block_size)
		return mfs_rdwt_blocks(ip, io, bytes, pos, write);
	if ((win.local = fsdriver_direct(io->data, 0, bytes)) != NULL)
		return mfs_rdwt_blocks(ip, &win, bytes, pos, write);
	win.local = bounce;
	while (done < bytes) {
		len = bytes - done < MFS_GATHER ? bytes - done : MFS_GATHER;
		if (write && (r = fsdriver_copyin(io->data, done, bounce, len)) != OK)
			return done > 0 ? (ssize_t)done : r;
		n = mfs_rdwt_blocks(ip, &win, len, pos + done, write);
		if (n <= 0)
			return done > 0 ? (ssize_t)done : n;
		if (!write && (r = fsdriver_copyout(io->data, done, bounce, (size_t)n)) != OK)
			return done > 0 ? (ssize_t)done : r;
		done += (size_t)n;
		if ((size_t)n < len)
			break;
	}
	return (ssize_t)done;
}

/* Get a regular file for a data request: -EISDIR for directories,
 * -EINVAL for the rest (whose zone slots may hold a device number). */
static int mfs_get_file(ino_t ino_nr, struct mfs_inode **ipp)
{
	int r;

	if ((r = mfs_get_inode(ino_nr, ipp)) != OK)
		return r;
	if (!S_ISREG((*ipp)->i_mode)) {
		r = S_ISDIR((*ipp)->i_mode) ? -EISDIR : -EINVAL;
		mfs_put_inode(*ipp);
		return r;
	}
	return OK;
}

/* Read from a file, or only bring its blocks into the cache ('peek'). */
static ssize_t mfs_read_or_peek(ino_t ino_nr, struct fsdriver_data *data,
    size_t bytes, off_t pos, int peek)
{
	struct mfs_io io = { data, NULL, peek };
	struct mfs_inode *ip;
	ssize_t r;

	if (pos < 0)
		return -EINVAL;
	if ((r = mfs_get_file(ino_nr, &ip)) != OK)
		return r;
	r = mfs_rdwt(ip, &io, bytes, (uint64_t)pos, 0);
	if (r > 0 && !io.peek && !mfs_m.rdonly)
		mfs_touch(ip, MFS_ATIME);
	mfs_put_inode(ip);
	return r;
}

/* fdr_read: read from a file; sets its atime. */
ssize_t mfs_read(ino_t ino_nr, struct fsdriver_data *data, size_t bytes,
    off_t pos)
{
	return mfs_read_or_peek(ino_nr, data, bytes, pos, 0);
}

/* fdr_write: write to a file, extending it; sets its mtime and ctime. */
ssize_t mfs_write(ino_t ino_nr, struct fsdriver_data *data, size_t bytes,
    off_t pos)
{
	struct mfs_io io = { data, NULL, 0 };
	struct mfs_inode *ip;
	ssize_t r;

	if (pos < 0)
		return -EINVAL;
	if ((r = mfs_check_rw()) != OK)
		return r;
	if ((r = mfs_get_file(ino_nr, &ip)) != OK)
		return r;
	r = mfs_rdwt(ip, &io, bytes, (uint64_t)pos, 1);
	if (r > 0)
		mfs_touch(ip, MFS_MTIME | MFS_CTIME);
	mfs_put_inode(ip);
	return r;
}

/* fdr_peek: bring a range of a file into the cache. */
ssize_t mfs_peek(ino_t ino_nr, size_t bytes, off_t pos)
{
	return mfs_read_or_peek(ino_nr, NULL, bytes, pos, 1);
}

/* fdr_rdlink: copy out a symbolic link's target (not NUL-terminated). */
ssize_t mfs_rdlink(ino_t ino_nr, struct fsdriver_data *data, size_t bytes)
{
	struct mfs_io io = { data, NULL, 0 };
	struct mfs_inode *ip;
	ssize_t r;

	if ((r = mfs_get_inode(ino_nr, &ip)) != OK)
		return r;
	if (!S_ISLNK(ip->i_mode))
		r = -EINVAL;
	else if (ip->i_size >= mfs_m.sb.block_size)
		r = mfs_corrupt("symbolic link longer than a block:",
		    ip->i_size, ip->i_num);
	else
		r = mfs_rdwt(ip, &io, bytes, 0, 0);
	mfs_put_inode(ip);
	return r;
}
