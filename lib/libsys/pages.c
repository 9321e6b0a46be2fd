/*
 * pages.c - page-granular, zeroed memory for libsys's own needs (grown
 * grant tables, DS values), from a fixed window of the address space that
 * nothing else uses: [PAGES_BASE, PAGES_BASE + PAGES_NR pages).  A bitmap
 * marks used pages; allocation is first fit over runs of free pages and
 * maps them with SYS_MEMMAP, freeing unmaps them.  Only processes allowed
 * SYS_MEMMAP (priv=sys today) get memory.  Once VM exists this becomes an
 * anonymous mmap through VM and the window goes away.
 */
#include <mica/kipc.h>

#define PAGES_BASE 0xA0000000u
#define PAGES_NR   4096			/* 16 MiB */

static u32_t page_used[PAGES_NR / 32];

static int page_isused(u32_t i)
{
	return (page_used[i / 32] >> (i % 32)) & 1;
}

static void page_mark(u32_t first, u32_t n, int used)
{
	for (; n; n--, first++) {
		if (used)
			page_used[first / 32] |= 1u << (first % 32);
		else
			page_used[first / 32] &= ~(1u << (first % 32));
	}
}

/* First index of a run of n free pages, or -1. */
static int page_find(u32_t n)
{
	u32_t i, run = 0;

	for (i = 0; i < PAGES_NR; i++) {
		run = page_isused(i) ? 0 : run + 1;
		if (run == n)
			return (int)(i + 1 - n);
	}
	return -1;
}

void *sys_pages_alloc(u32_t bytes)
{
	u32_t n = (bytes + PAGE_SIZE - 1) / PAGE_SIZE;
	vir_bytes addr;
	int first;

	if (n == 0 || n > PAGES_NR || (first = page_find(n)) < 0)
		return NULL;
	addr = PAGES_BASE + (u32_t)first * PAGE_SIZE;
	if (sys_memmap(SELF, addr, n * PAGE_SIZE, MAP_WRITE) != OK)
		return NULL;
	page_mark((u32_t)first, n, 1);
	return (void *)addr;
}

void sys_pages_free(void *p, u32_t bytes)
{
	vir_bytes addr = (vir_bytes)p;
	u32_t n = (bytes + PAGE_SIZE - 1) / PAGE_SIZE;

	if (!p || addr < PAGES_BASE || (addr - PAGES_BASE) % PAGE_SIZE ||
	    (addr - PAGES_BASE) / PAGE_SIZE + n > PAGES_NR)
		return;
	sys_unmap(SELF, addr, n * PAGE_SIZE);
	page_mark((addr - PAGES_BASE) / PAGE_SIZE, n, 0);
}
