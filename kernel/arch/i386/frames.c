/*
 * frames.c - physical page frames and their reference counts.
 *
 * Every frame of the pool (above the kernel and the boot modules, below
 * mem_top) has a 16-bit count: the number of page-table entries that map
 * it as user memory, or 1 for a frame the kernel keeps (a page table or
 * directory).  Zero means free.  A frame shared between address spaces
 * (copy-on-write, shared memory) is freed when its last mapping goes, so
 * fork/exit rounds give every frame back.
 *
 * Allocation is next-fit over the count array: no list threaded through
 * free memory, so a run of free frames for DMA (frame_alloc_contig) is
 * found the same way as a single one.  Frames outside the pool (MMIO, the
 * boot-module ramdisk) are never counted; frame_in_pool() tells them apart.
 */
#include "arch.h"
#include <mica/const.h>
#include <mica/errno.h>
#include "../../kernel.h"

#define MAX_FRAMES (USER_BASE / PAGE_SIZE)	/* identity map ends at USER_BASE */
#define REF_MAX 0xffffu

static u16_t frame_ref[MAX_FRAMES];
static u32_t pool_lo, pool_hi;		/* frame numbers [lo, hi) */
static u32_t cursor;
struct frame_counts frame_counts;	/* arch.h reads them inline */

void frames_init(phys_bytes lo, phys_bytes hi)
{
	pool_lo = (lo + PAGE_SIZE - 1) / PAGE_SIZE;
	pool_hi = hi / PAGE_SIZE;
	if (pool_hi > MAX_FRAMES)
		pool_hi = MAX_FRAMES;
	if (pool_lo > pool_hi)
		pool_lo = pool_hi;
	frame_counts.total = pool_hi - pool_lo;
	frame_counts.free = frame_counts.total;
	cursor = pool_lo;
}

int frame_in_pool(phys_bytes f)
{
	return f / PAGE_SIZE >= pool_lo && f / PAGE_SIZE < pool_hi;
}


static void take(u32_t n, int zero)
{
	frame_ref[n] = 1;
	frame_counts.free--;
	if (zero)
		kmemset((void *)(n * PAGE_SIZE), 0, PAGE_SIZE);
}

static phys_bytes alloc_one(int zero)
{
	u32_t i, n;

	if (!frame_counts.free)
		return 0;
	for (i = 0, n = cursor; i < pool_hi - pool_lo; i++) {
		if (n >= pool_hi)
			n = pool_lo;
		if (!frame_ref[n]) {
			take(n, zero);
			cursor = n + 1;
			return n * PAGE_SIZE;
		}
		n++;
	}
	return 0;
}

/* A zeroed frame with count 1, or 0 when memory is full. */
phys_bytes frame_alloc(void)
{
	return alloc_one(1);
}

/* The same, not zeroed: for a caller that overwrites all of it at once
 * (a fork copy, a copy-on-write break), nothing old can leak. */
phys_bytes frame_alloc_raw(void)
{
	return alloc_one(0);
}

/* count physically contiguous zeroed frames, first-fit; 0 if no run. */
phys_bytes frame_alloc_contig(u32_t count)
{
	u32_t n, run = 0, i;

	if (!count || count > frame_counts.free)
		return 0;
	for (n = pool_lo; n < pool_hi; n++) {
		run = frame_ref[n] ? 0 : run + 1;
		if (run == count) {
			for (i = n + 1 - count; i <= n; i++)
				take(i, 1);
			return (n + 1 - count) * PAGE_SIZE;
		}
	}
	return 0;
}

/* One more mapping of pool frame f; -ENOMEM if its count is full. */
int frame_get(phys_bytes f)
{
	u32_t n = f / PAGE_SIZE;

	if (!frame_in_pool(f))
		return OK;
	if (frame_ref[n] >= REF_MAX)
		return -ENOMEM;
	frame_ref[n]++;
	return OK;
}

/* One mapping fewer; the frame is free when none is left. */
void frame_put(phys_bytes f)
{
	u32_t n = f / PAGE_SIZE;

	if (!frame_in_pool(f) || !frame_ref[n])
		return;
	if (--frame_ref[n] == 0)
		frame_counts.free++;
}

u32_t frame_refs(phys_bytes f)
{
	return frame_in_pool(f) ? frame_ref[f / PAGE_SIZE] : 0;
}
