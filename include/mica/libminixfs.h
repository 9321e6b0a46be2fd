/*
 * libminixfs - the block cache under every Mica disk file system.
 *
 * One cache per process (a file-system server, or a host tool such as
 * micafuse, mkfs.mfs, fsck.mfs).  Blocks are addressed by (dev, block number)
 * in units of the file system's block size, set with lmfs_set_blocksize().
 * The library talks to devices only through the small ops table below (the
 * "device seam"): on the host an image file, in the OS a block driver over
 * IPC (the host's image-file device is in libminixfs_host.h).  Nothing
 * above the seam may assume a file.
 *
 * Rules of the interface:
 *  - Every function that can fail returns OK (0) or a negative errno.  The
 *    library never panics on I/O errors, and a block whose read failed is
 *    never later handed out as valid.
 *  - A buffer obtained with lmfs_get_block*() is held until lmfs_put_block();
 *    do not touch it after that.  Blocks may be held several times (counted).
 *  - lmfs_markdirty() may be called at any time while a block is held,
 *    before or after its contents change.
 *  - The last block of a device whose size is not a multiple of the block
 *    size is a partial block: bp->lmfs_bytes tells how many bytes of it are
 *    valid; only those are read and written.  Bytes past them are zero.
 *  - The library never calls back into the file system.
 *  - Not thread-safe: one thread per cache, as in MINIX.
 */
#ifndef MICA_LIBMINIXFS_H
#define MICA_LIBMINIXFS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#ifndef OK
#define OK 0
#endif

typedef uint64_t block64_t;

/* How lmfs_get_block() obtains the block. */
#define NORMAL   0	/* read from the device if not cached */
#define NO_READ  1	/* caller overwrites the whole block: do not read it */
#define PEEK     2	/* return only a cached block; -ENOENT if not cached */

#define NO_DEV   ((dev_t)-1)

/* A cached block.  Fields marked public may be read by the file system;
 * everything else belongs to the library. */
struct buf {
	void *data;			/* public: block contents (block size) */
	size_t lmfs_bytes;		/* public: valid bytes (partial last block) */
	dev_t lmfs_dev;			/* public */
	block64_t lmfs_blocknr;		/* public */
	ino_t lmfs_inode;		/* public: tag set by lmfs_get_block_ino */
	uint64_t lmfs_inode_offset;	/* public: idem */

	/* private */
	struct buf *lmfs_hash_next;
	struct buf *lmfs_lru_prev, *lmfs_lru_next;
	unsigned int lmfs_count;	/* holders */
	unsigned int lmfs_flags;
};

#define b_data(bp)	((char *)(bp)->data)
#define b_bytes(bp)	((bp)->lmfs_bytes)

/* ---- the device seam -------------------------------------------------- */

struct lmfs_iovec {
	void *iov_base;
	size_t iov_len;
};

/*
 * A block device as libminixfs sees it.  Called only by the library (and by
 * lmfs_dev_read/lmfs_dev_write below).  'pos' is a byte offset from the
 * start of the device; the iovecs are filled or drained in order, as one
 * contiguous range.  readv/writev return the number of bytes moved (which may
 * be short: the library treats a short transfer of a block it asked for as
 * -EIO) or a negative errno.  size returns the device size in bytes.  flush
 * makes earlier writes durable.  'ctx' is the pointer given at registration.
 */
struct lmfs_dev_ops {
	ssize_t (*readv)(void *ctx, uint64_t pos, const struct lmfs_iovec *iov,
	    int iovcnt);
	ssize_t (*writev)(void *ctx, uint64_t pos, const struct lmfs_iovec *iov,
	    int iovcnt);
	int (*size)(void *ctx, uint64_t *bytes);
	int (*flush)(void *ctx);
};

#define LMFS_MAX_DEVS	8	/* devices registered at once */
#define LMFS_MAX_IOV	64	/* iovecs in one device request */

/* Attach a device to the cache under number 'dev'.  -EINVAL (NO_DEV, or
 * no readv/writev/size), -EBUSY (dev taken), -ENOSPC (table full), or the
 * error of ops->size.  flush may be NULL. */
int lmfs_dev_register(dev_t dev, const struct lmfs_dev_ops *ops, void *ctx);
/* Detach it: invalidates (drops) all its cached blocks, dirty or not; flush
 * first if they matter.  The ops' owner then closes the device.  -EINVAL if
 * 'dev' is not registered. */
int lmfs_dev_unregister(dev_t dev);
/* Device size in bytes (from ops->size, cached at registration). */
uint64_t lmfs_dev_size(dev_t dev);
/* Raw device access that bypasses the cache, for what must be read before
 * the block size is known (superblock probing).  The range is clipped at
 * the device end: the return is the bytes moved (fewer than 'len' when the
 * range crosses the end, 0 at or past it) or a negative errno (-EINVAL for
 * an unknown dev or a NULL buf).  One device request, not counted in the
 * statistics.  Do not use on ranges that are also cached. */
ssize_t lmfs_dev_read(dev_t dev, uint64_t pos, void *buf, size_t len);
ssize_t lmfs_dev_write(dev_t dev, uint64_t pos, const void *buf, size_t len);

/* ---- the cache -------------------------------------------------------- */

/* Set the block size (bytes, a power of two from 512 to 65536).  Must be
 * called before the first lmfs_get_block().  When the size changes, every
 * dirty block is written back, then every block is dropped.  Errors change
 * nothing (the size stays, no block is dropped): -EINVAL for a bad size,
 * -EBUSY while any block is held, or the writeback's error. */
int lmfs_set_blocksize(size_t blocksize);
size_t lmfs_fs_block_size(void);
/* Fix the pool at 'nbufs' buffers (0: back to automatic sizing; below 4
 * or above the memory limit: clamped, with a warning).  A fixed pool never
 * has more buffers: with all of them held, a miss fails with -ENOSPC.
 * Automatic sizing aims at half the used blocks (see lmfs_set_blockusage),
 * at least 128 buffers, at most 1/8 of the memory available (<= 1 GiB),
 * 16 MiB before any usage report; while every buffer is held it grows past
 * that target, up to the memory limit (or twice the target), then -ENOSPC.
 * Dirty blocks never make the pool grow past its size or target: see
 * lmfs_get_block() for what happens when they cannot be written. */
void lmfs_buf_pool(int nbufs);

/*
 * Get (dev, block) held.  Errors: -EINVAL for a bad argument, an unknown
 * dev, no block size set, or a block past the device end; -ENOENT for a
 * PEEK miss; -EIO (or the device's own negative errno) when the read fails
 * or comes back short (the buffer is not kept: a later call reads again);
 * -ENOSPC when every buffer is held and the pool cannot grow further (see
 * lmfs_buf_pool); a writeback error (-EIO, or the device's) when the pool
 * is at its size and every unheld buffer is dirty and could not be
 * written: a failing disk fills the cache with unwritable data only up to
 * the pool's size, then misses fail and the file system can report it.
 * After a failed writeback, misses back off: the next 1, 2, 4 ... (at most
 * 128) misses that would need one return its error without a request; a
 * writeback that succeeds (lmfs_flushall/lmfs_flushdev always try) ends
 * the backoff.  Dirty blocks are never dropped for it.  NO_READ returns a
 * zeroed buffer (b_bytes set) on a miss.
 */
int lmfs_get_block(struct buf **bpp, dev_t dev, block64_t block, int how);
int lmfs_get_block_ino(struct buf **bpp, dev_t dev, block64_t block, int how,
    ino_t ino, uint64_t ino_off);
void lmfs_put_block(struct buf *bp);

void lmfs_markdirty(struct buf *bp);
void lmfs_markclean(struct buf *bp);
int lmfs_isclean(struct buf *bp);

/* The file system freed this block: drop it from the cache without writing
 * it back, so its stale contents never land on a reused block.  The block
 * must not be held.  (If it is, it is dropped all the same: the holder's
 * buffer stays readable until its lmfs_put_block(), but nothing written
 * into it reaches the device, and the next get reads the device again.) */
void lmfs_free_block(dev_t dev, block64_t block);
/* Drop every block of 'dev' without writing it back, dirty or not.  Held
 * blocks are dropped too: as for lmfs_free_block, each holder keeps a
 * readable buffer until its lmfs_put_block() frees it, its changes are
 * lost, and a later get reads the device. */
void lmfs_invalidate(dev_t dev);

/* Write dirty blocks back, sorted, each contiguous run in one vectored
 * request (at most LMFS_MAX_IOV blocks).  A failed write leaves its blocks
 * dirty and the first error is returned (-EIO for a short write); the other
 * runs are still written.  Then ops->flush is called on each device written
 * to since its last flush.  Held blocks are written but stay dirty.  These
 * always try, whatever the eviction backoff (see lmfs_get_block).
 * lmfs_flushdev(): -EINVAL for an unknown dev. */
int lmfs_flushall(void);
int lmfs_flushdev(dev_t dev);
/* Write the held block bp to its device now, in one request, and mark it
 * clean (the caller vouches that no change to it is in progress); not
 * durable (no ops->flush).  For ordering: a block that others will point
 * at (a fresh indirect block) reaches the device before they can.  OK, or
 * the write's error (-EIO if short) with the block left dirty. */
int lmfs_write_block(struct buf *bp);

/* Prefetch: set[0] is the block needed next, the rest follow in decreasing
 * likelihood (duplicates allowed).  When set[0] is not cached, reads one
 * contiguous run from set[0] (set members in sequence, up to the next cached
 * block) in a single vectored request; when set[0] is cached it does
 * nothing, so it is cheap to call on every read.  Errors are
 * not reported here: a later lmfs_get_block() of a block that failed reads
 * it again and reports.  lmfs_readahead() is the layer below: read 'nblocks'
 * blocks from 'base' (those not cached) in as few requests as possible. */
void lmfs_prefetch(dev_t dev, const block64_t *set, unsigned int n);
void lmfs_readahead(dev_t dev, block64_t base, unsigned int nblocks);
/* Upper bound for one readahead run (blocks; default and maximum 64; also
 * never more than half the pool).  Readahead blocks wait at the evict end of
 * the LRU; one used once in a sequential stream goes back there (use-once),
 * so streaming does not flush the cache. */
void lmfs_set_readahead(unsigned int nblocks);

/* Usage accounting, in file-system blocks: the FS reports the total and the
 * used count at mount and each change after.  The cache sizes itself from
 * these and available memory.  Out-of-range values are clamped, with a
 * warning. */
void lmfs_set_blockusage(uint64_t total, uint64_t used);
void lmfs_change_blockusage(int64_t delta);
void lmfs_get_blockusage(uint64_t *total, uint64_t *used);

/* Whole-device access through the cache (MINIX's lmfs_bio): read or write
 * 'len' bytes at byte 'pos' of 'dev'.  Clipped at the device end; returns
 * the bytes moved (0 at or past the end) or a negative errno: -EINVAL for
 * an unknown dev, no block size, or a NULL buf; an I/O error after some
 * bytes moved returns the short count instead. */
ssize_t lmfs_bio(dev_t dev, int write, uint64_t pos, void *buf, size_t len);

/* Counters, for tests and benchmarks. */
struct lmfs_stats {
	uint64_t hits, misses;		/* lmfs_get_block lookups */
	uint64_t read_reqs, read_blocks;	/* device read requests/blocks */
	uint64_t ra_reqs, ra_blocks;	/* of those, readahead's (prefetch.c) */
	uint64_t write_reqs, write_blocks;	/* device write requests/blocks */
	uint64_t evictions;
	unsigned int nbufs;		/* buffers in the pool now */
};
void lmfs_get_stats(struct lmfs_stats *st);
void lmfs_reset_stats(void);

/* Warnings go through this hook (default: stderr on the host, the console
 * in the OS); tests may replace it. */
extern void (*lmfs_warn_hook)(const char *msg);

#endif /* MICA_LIBMINIXFS_H */
