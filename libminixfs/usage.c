/*
 * usage.c - usage accounting, and the pool size derived from it.
 *
 * The file system reports its total and used block counts; the cache aims
 * to hold half of the used blocks, never fewer than LMFS_MIN_BUFS buffers
 * and never more than an eighth of the memory available (at most 1 GiB).
 * Before any report it aims at 16 MiB.  With hysteresis: the target moves
 * only when the wanted size differs from it by more than an eighth, so a
 * file system allocating block after block does not resize the pool on
 * every call.  lmfs_buf_pool(n) pins the size instead: a pinned pool never
 * holds more than n buffers (pool.c then answers -ENOSPC).
 *
 * Reported values are clamped (used <= total, never below zero) with a
 * warning: a confused file system gets a warning, never a crash.
 */
#include "lmfs_priv.h"

#define DEFAULT_BYTES	(16ull << 20)
#define MAX_BYTES	(1ull << 30)
#define FALLBACK_MEM	(512ull << 20)

static uint64_t use_total, use_used;
static unsigned int pinned;		/* lmfs_buf_pool() size, or 0 */

static uint64_t block_size_or_default(void)
{
	return lmfs_bs() ? lmfs_bs() : 4096;
}

/* The largest automatic pool, in buffers. */
unsigned int lmfs_pool_max(void)
{
	uint64_t mem = lmfs_mem_available(), bytes, n;

	bytes = (mem ? mem : FALLBACK_MEM) / 8;
	if (bytes > MAX_BYTES)
		bytes = MAX_BYTES;
	n = bytes / block_size_or_default();
	return n < LMFS_MIN_BUFS ? LMFS_MIN_BUFS : (unsigned int)n;
}

/* The most buffers the pool may have: a pinned pool exactly its size; an
 * automatic one grows past its target (while every buffer is held) up to
 * lmfs_pool_max(), and at least to twice the target. */
unsigned int lmfs_pool_hard(void)
{
	unsigned int max = lmfs_pool_max(), target = lmfs_pool_target();

	if (pinned)
		return pinned;
	return max < 2 * target ? 2 * target : max;
}

static unsigned int auto_target(void)
{
	uint64_t want, max = lmfs_pool_max();

	if (use_total == 0)
		want = DEFAULT_BYTES / block_size_or_default();
	else
		want = use_used / 2;
	if (want < LMFS_MIN_BUFS)
		want = LMFS_MIN_BUFS;
	if (want > max)
		want = max;
	return (unsigned int)want;
}

/* Recompute the pool target; 'force' skips the hysteresis. */
void lmfs_usage_retarget(int force)
{
	unsigned int cur = lmfs_pool_target(), want;
	uint64_t diff;

	want = pinned ? pinned : auto_target();
	diff = want > cur ? want - cur : cur - want;
	if (!force && !pinned && cur != 0 && diff * 8 <= cur)
		return;
	if (want != cur)
		lmfs_pool_set_target(want);
}

/* Pin the pool at 'nbufs' buffers, or 0 for automatic sizing. */
void lmfs_buf_pool(int nbufs)
{
	unsigned int max = lmfs_pool_max();

	if (nbufs < 0) {
		lmfs_warn("buf_pool: negative size %d, using automatic",
		    nbufs);
		nbufs = 0;
	}
	if (nbufs > 0 && (unsigned int)nbufs < LMFS_PIN_MIN) {
		lmfs_warn("buf_pool: %d buffers too few, using %u", nbufs,
		    LMFS_PIN_MIN);
		nbufs = LMFS_PIN_MIN;
	}
	if ((unsigned int)nbufs > max) {
		lmfs_warn("buf_pool: %d buffers too many, using %u", nbufs,
		    max);
		nbufs = (int)max;
	}
	pinned = (unsigned int)nbufs;
	lmfs_usage_retarget(1);
}

/* The file system's total and used blocks (at mount). */
void lmfs_set_blockusage(uint64_t total, uint64_t used)
{
	if (used > total) {
		lmfs_warn("set_blockusage: used %llu > total %llu, clamped",
		    (unsigned long long)used, (unsigned long long)total);
		used = total;
	}
	use_total = total;
	use_used = used;
	lmfs_usage_retarget(0);
}

/* 'delta' more (or fewer) blocks are in use. */
void lmfs_change_blockusage(int64_t delta)
{
	uint64_t dec, inc;

	if (delta < 0) {
		dec = (uint64_t)(-(delta + 1)) + 1;	/* safe for INT64_MIN */
		if (dec > use_used) {
			lmfs_warn("change_blockusage: %lld below zero, "
			    "clamped", (long long)delta);
			dec = use_used;
		}
		use_used -= dec;
	} else {
		inc = (uint64_t)delta;
		if (inc > use_total - use_used) {
			lmfs_warn("change_blockusage: +%lld past total %llu, "
			    "clamped", (long long)delta,
			    (unsigned long long)use_total);
			inc = use_total - use_used;
		}
		use_used += inc;
	}
	lmfs_usage_retarget(0);
}

/* The last total and used counts (either pointer may be NULL). */
void lmfs_get_blockusage(uint64_t *total, uint64_t *used)
{
	if (total != NULL)
		*total = use_total;
	if (used != NULL)
		*used = use_used;
}
