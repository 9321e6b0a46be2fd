/*
 * lmfs_priv.h - what the files of libminixfs share with each other.
 * Not for file systems: they see only <mica/libminixfs.h>.
 *
 * The library is split by concern:
 *   cache.c     hash table on (dev, block), the LRU of unheld buffers,
 *               get/put, dirty marking
 *   admin.c     block size, free/invalidate, statistics
 *   pool.c      buffer allocation, finding a free buffer (eviction),
 *               growing and shrinking the pool, dropping everything
 *   slab.c      memory for block contents (slabs of aligned areas)
 *   usage.c     usage accounting and the pool target computed from it
 *   dev.c       device registry, raw access, the counted I/O wrappers
 *   flush.c     sorted, coalesced, vectored writeback
 *   prefetch.c  prefetch and readahead (vectored reads of runs)
 *   bio.c       byte-granular whole-device access (lmfs_bio)
 *   host.c      host specifics: warnings to stderr, memory size
 *   file_dev.c  host device seam: an image file or a Linux block device
 *
 * Buffer states (flags and list membership):
 *   free      !VALID, unheld, in the LRU (at its eviction end)
 *   cached    VALID, in the hash; in the LRU exactly when unheld
 *   orphan    !VALID, held: dropped (free/invalidate/blocksize change)
 *             while somebody held it; freed when its last holder puts it
 *   transient taken by pool.c for a read in progress: in no list
 * Only cached buffers may be DIRTY.
 */
#ifndef LMFS_PRIV_H
#define LMFS_PRIV_H

#include <mica/libminixfs.h>

#define LMFS_VALID	0x1u	/* hashed; data holds the block */
#define LMFS_DIRTY	0x2u	/* data differs from the device */
#define LMFS_INLRU	0x4u	/* linked in the LRU list */
#define LMFS_RAHEAD	0x8u	/* read ahead, not yet released after use */
#define LMFS_ONCE	0x10u	/* streamed: used once, back at the evict end */

#define LMFS_MIN_BUFS	128u	/* automatic pool never smaller */
#define LMFS_PIN_MIN	4u	/* lmfs_buf_pool() never smaller */
#define LMFS_RA_DEFAULT	64u	/* readahead run, blocks */

/* ---- cache.c ---- */
extern struct lmfs_stats lmfs_st;
size_t lmfs_bs(void);
void lmfs_bs_set(size_t bs);
struct buf *lmfs_lookup(dev_t dev, block64_t block);
void lmfs_hash_insert(struct buf *bp);
void lmfs_hash_remove(struct buf *bp);
int lmfs_hash_reserve(unsigned int nbufs);
void lmfs_hash_release(void);
void lmfs_lru_unlink(struct buf *bp);
void lmfs_lru_push_evict(struct buf *bp);
struct buf *lmfs_lru_first(void);
struct buf *lmfs_lru_next_of(struct buf *bp);
unsigned int lmfs_collect(struct buf **v, unsigned int cap, dev_t dev,
    unsigned int flag);
void lmfs_drop(struct buf *bp);

/* ---- pool.c ---- */
int lmfs_take_free(struct buf **bpp);
void lmfs_release_free(struct buf *bp);
void lmfs_pool_set_target(unsigned int nbufs);
unsigned int lmfs_pool_target(void);
unsigned int lmfs_pool_nbufs(void);
struct buf **lmfs_pool_scratch(unsigned int *cap);
void lmfs_pool_drop_all(void);
void lmfs_buf_destroy(struct buf *bp);

/* ---- slab.c ---- */
void *lmfs_area_alloc(size_t bytes);
void lmfs_area_free(void *p);

/* ---- usage.c ---- */
void lmfs_usage_retarget(int force);
unsigned int lmfs_pool_max(void);
unsigned int lmfs_pool_hard(void);

/* ---- dev.c ---- */
struct lmfs_device {
	int used;
	dev_t dev;
	const struct lmfs_dev_ops *ops;
	void *ctx;
	uint64_t size;
	int unsynced;		/* written since the last ops->flush */
};
struct lmfs_device *lmfs_dev_find(dev_t dev);
int lmfs_block_bytes(const struct lmfs_device *d, block64_t block,
    size_t *bytes);
ssize_t lmfs_io_read(struct lmfs_device *d, block64_t block,
    const struct lmfs_iovec *iov, int cnt);
ssize_t lmfs_io_write(struct lmfs_device *d, block64_t block,
    const struct lmfs_iovec *iov, int cnt);
int lmfs_dev_sync(struct lmfs_device *d);
int lmfs_dev_sync_all(void);

/* ---- flush.c ---- */
int lmfs_writeback(dev_t dev);
int lmfs_writeback_evict(dev_t dev);
void lmfs_writeback_reset(void);

/* ---- host.c ---- */
void lmfs_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
uint64_t lmfs_mem_available(void);

#endif /* LMFS_PRIV_H */
