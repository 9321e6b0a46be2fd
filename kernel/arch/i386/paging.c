/*
 * paging.c - physical frames and address spaces.
 *
 * Memory layout (the choice DESIGN.md leaves open): physical memory below
 * mem_top (at most 1 GiB) is identity mapped with 4 MiB supervisor pages in
 * every page directory, so the kernel reaches any frame, page table or user
 * page by its physical address, in whatever address space is loaded.  User
 * space is [USER_BASE, USER_TOP) = [1 GiB, 3.75 GiB), in 4 KiB user pages
 * from page tables private to each address space.
 *
 * Frames come from frames.c and are reference counted: a PTE that maps a
 * pool frame holds one reference, so frames shared by copy-on-write or
 * shared memory are freed by their last unmapping.  Besides present pages a
 * PTE may hold a frame with no access (PG_KEEP: protection "none", P clear)
 * or map physical memory outside the pool (PG_PHYS: MMIO, the boot ramdisk;
 * never counted).  Long operations (map, fork copy) do at most
 * ARCH_CHUNK_PAGES pages per pass and say where they stopped, so the
 * caller can let interrupts in and continue (kernel/restart.c).
 */
#include "arch.h"
#include <mica/const.h>
#include <mica/errno.h>
#include "../../kernel.h"
#include "walk.h"

#define PG_KEEP 0x200		/* AVL: frame held, no access (protection none) */
#define PG_PHYS 0x400		/* AVL: physical range outside the pool */
#define PDE_SHIFT 22
#define FRAME(e) ((e) & ~0xfffu)
#define HOLDS(e) ((e) & (PG_P | PG_KEEP))

static u32_t kernel_pdes;		/* PDEs of the identity map */
static u32_t kernel_pd[1024] __attribute__((aligned(4096)));

/* Identity-map [0, mem_top), turn paging on, pool frames above free_start. */
void arch_paging_init(phys_bytes mem_top, phys_bytes free_start)
{
	u32_t i, cr0, cr4;

	if (mem_top > USER_BASE)
		mem_top = USER_BASE;
	kernel_pdes = (mem_top + (1u << PDE_SHIFT) - 1) >> PDE_SHIFT;
	for (i = 0; i < kernel_pdes; i++)
		kernel_pd[i] = (i << PDE_SHIFT) | PG_PS | PG_W | PG_P;
	frames_init(free_start, mem_top);
	__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
	__asm__ volatile("mov %0, %%cr4" : : "r"(cr4 | 0x10));	/* PSE */
	__asm__ volatile("mov %0, %%cr3" : : "r"(kernel_pd));
	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0 | 0x80010000)); /* PG, WP */
}

/* A fresh address space: the kernel's identity map and no user pages. */
int arch_as_create(struct addrspace *as)
{
	u32_t *pd;
	u32_t i;

	as->pd = frame_alloc();
	if (!as->pd)
		return -ENOMEM;
	pd = (u32_t *)as->pd;
	for (i = 0; i < kernel_pdes; i++)
		pd[i] = kernel_pd[i];
	return OK;
}

/* The PTE for va, allocating its page table when 'alloc'; NULL if none. */
static u32_t *pte_of(const struct addrspace *as, vir_bytes va, int alloc)
{
	u32_t *pde = (u32_t *)as->pd + (va >> PDE_SHIFT);

	if (!as->pd)
		return NULL;
	if (!(*pde & PG_P)) {
		phys_bytes pt;

		if (!alloc || !(pt = frame_alloc()))
			return NULL;
		*pde = pt | PG_U | PG_W | PG_P;
	}
	return (u32_t *)FRAME(*pde) + ((va >> 12) & 1023);
}

int arch_user_range(vir_bytes va, u32_t len)
{
	return va >= USER_BASE && va < USER_TOP && len <= USER_TOP - va &&
		!(va & (PAGE_SIZE - 1)) && !(len & (PAGE_SIZE - 1));
}

/* PTE bits for a VMPROT_* protection. */
static u32_t prot_bits(u32_t prot)
{
	if (!(prot & (VMPROT_READ | VMPROT_WRITE)))
		return PG_KEEP;
	return PG_U | PG_P | ((prot & VMPROT_WRITE) ? PG_W : 0);
}

static u32_t pte_prot(u32_t e)
{
	if (!(e & PG_P))
		return VMPROT_NONE;
	return VMPROT_READ | ((e & PG_W) ? VMPROT_WRITE : 0);
}

/* Drop whatever *pte maps. */
static void pte_clear(u32_t *pte)
{
	if (HOLDS(*pte) && !(*pte & PG_PHYS))
		frame_put(FRAME(*pte));
	*pte = 0;
}

/* Is the chunk over?  *done counts pages finished across passes. */
static int chunk_end(u32_t *done, u32_t start)
{
	return *done - start >= ARCH_CHUNK_PAGES;
}

/* Map zeroed pages over [va, va+len) from page *done on; pages already
 * there are kept, and made writable when asked.  OK when finished,
 * ARCH_MORE when a chunk ended first. */
int arch_map_chunk(struct addrspace *as, vir_bytes va, u32_t len,
	int writable, u32_t *done)
{
	u32_t *pte, start = *done;
	phys_bytes f;

	if (!arch_user_range(va, len))
		return -EINVAL;
	for (; *done < len / PAGE_SIZE; (*done)++) {
		if (chunk_end(done, start))
			return ARCH_MORE;
		if (!(pte = pte_of(as, va + *done * PAGE_SIZE, 1)))
			return -ENOMEM;
		if (*pte & PG_P) {
			*pte |= writable ? PG_W : 0;
			continue;
		}
		if (*pte & PG_KEEP) {
			*pte = FRAME(*pte) | (*pte & PG_PHYS) | PG_U | PG_P |
				(writable ? PG_W : 0);
			continue;
		}
		if (!(f = frame_alloc()))
			return -ENOMEM;
		*pte = f | PG_U | PG_P | (writable ? PG_W : 0);
	}
	arch_as_switch(NULL);
	return OK;
}

/* The whole of arch_map_chunk in one go (boot, before anything runs). */
int arch_map(struct addrspace *as, vir_bytes va, u32_t len, int writable)
{
	u32_t done = 0;
	int r;

	while ((r = arch_map_chunk(as, va, len, writable, &done)) == ARCH_MORE)
		;
	return r;
}

/* This pass covers pages [*done, *end) of a len-byte range; ARCH_MORE if
 * pages are left after it, else OK. */
static int chunk_of(u32_t len, const u32_t *done, u32_t *end)
{
	u32_t pages = len / PAGE_SIZE;

	*end = pages - *done > ARCH_CHUNK_PAGES ? *done + ARCH_CHUNK_PAGES : pages;
	return *end < pages ? ARCH_MORE : OK;
}

/* Unmap [va, va+len), dropping each frame's reference; in passes. */
int arch_unmap(struct addrspace *as, vir_bytes va, u32_t len, u32_t *done)
{
	u32_t *pte, end;
	int more;

	if (!arch_user_range(va, len) || *done > len / PAGE_SIZE)
		return -EINVAL;
	more = chunk_of(len, done, &end);
	for (; *done < end; (*done)++)
		if ((pte = pte_of(as, va + *done * PAGE_SIZE, 0)))
			pte_clear(pte);
	arch_as_switch(NULL);
	return more;
}

/* Free every user mapping, page table and the directory.  If it is the one
 * loaded (a process ending itself), move to the kernel's directory first:
 * freed frames are reused at once, and the CPU must not walk them. */
void arch_as_destroy(struct addrspace *as)
{
	u32_t *pd = (u32_t *)as->pd;
	u32_t i, j, cr3;

	if (!pd)
		return;
	__asm__ volatile("mov %%cr3, %0" : "=r"(cr3));
	if (cr3 == as->pd)
		__asm__ volatile("mov %0, %%cr3" : : "r"(kernel_pd) : "memory");
	for (i = USER_BASE >> PDE_SHIFT; i < 1024; i++) {
		u32_t *pt = (u32_t *)FRAME(pd[i]);

		if (!(pd[i] & PG_P))
			continue;
		for (j = 0; j < 1024; j++)
			pte_clear(&pt[j]);
		frame_put((phys_bytes)pt);
	}
	frame_put(as->pd);
	as->pd = 0;
}

/* Copy src's user pages into dst (an eager fork), resuming at user page
 * *done; physical ranges are mapped again, not copied.  OK / ARCH_MORE. */
int arch_as_copy(struct addrspace *dst, const struct addrspace *src,
	u32_t *done)
{
	u32_t *pd = (u32_t *)src->pd, *pte, e, copied = 0;
	u32_t n = *done, total = (USER_TOP - USER_BASE) / PAGE_SIZE;
	phys_bytes f;

	while (n < total) {
		vir_bytes va = USER_BASE + n * PAGE_SIZE;
		u32_t pde = pd[va >> PDE_SHIFT];

		if (!(pde & PG_P)) {
			n = (n | 1023) + 1;
			continue;
		}
		if (copied >= ARCH_CHUNK_PAGES) {
			*done = n;
			return ARCH_MORE;
		}
		e = ((u32_t *)FRAME(pde))[(va >> 12) & 1023];
		n++;
		if (!HOLDS(e))
			continue;
		if (!(pte = pte_of(dst, va, 1)))
			return -ENOMEM;
		if (e & PG_PHYS) {
			*pte = e;
			continue;
		}
		if (!(f = frame_alloc_raw()))
			return -ENOMEM;
		kmemcpy((void *)f, (void *)FRAME(e), PAGE_SIZE);
		pte_clear(pte);
		*pte = f | (e & 0xfff);
		copied++;
	}
	*done = n;
	return OK;
}

/* Share src's frames over [sva, sva+len) into dst at dva with prot; what
 * dst had there is dropped.  Every source page of a pass must hold a
 * frame (checked before the pass acts).  In passes. */
int arch_share(struct addrspace *dst, vir_bytes dva,
	const struct addrspace *src, vir_bytes sva, u32_t len, u32_t prot,
	u32_t *done)
{
	u32_t i, *spte, *dpte, e, end;
	int more;

	if (!arch_user_range(dva, len) || !arch_user_range(sva, len) ||
	    *done > len / PAGE_SIZE)
		return -EINVAL;
	more = chunk_of(len, done, &end);
	for (i = *done; i < end; i++)
		if (!(spte = pte_of(src, sva + i * PAGE_SIZE, 0)) || !HOLDS(*spte))
			return -EFAULT;
	for (; *done < end; (*done)++) {
		vir_bytes off = *done * PAGE_SIZE;

		e = *pte_of(src, sva + off, 0);
		if (!(dpte = pte_of(dst, dva + off, 1)))
			return -ENOMEM;
		if (dpte == pte_of(src, sva + off, 0))
			continue;	/* the same page: nothing to share */
		if (frame_get(FRAME(e)) != OK)
			return -ENOMEM;
		pte_clear(dpte);
		*dpte = FRAME(e) | (e & PG_PHYS) | prot_bits(prot);
	}
	arch_as_switch(NULL);
	return more;
}

/* Set the protection of the pages holding a frame in [va, va+len). */
int arch_protect(struct addrspace *as, vir_bytes va, u32_t len, u32_t prot,
	u32_t *done)
{
	u32_t *pte, end;
	int more;

	if (!arch_user_range(va, len) || *done > len / PAGE_SIZE)
		return -EINVAL;
	more = chunk_of(len, done, &end);
	for (; *done < end; (*done)++)
		if ((pte = pte_of(as, va + *done * PAGE_SIZE, 0)) && HOLDS(*pte))
			*pte = FRAME(*pte) | (*pte & PG_PHYS) | prot_bits(prot);
	arch_as_switch(NULL);
	return more;
}

/* Give each page of [va, va+len) a frame of its own with prot: a copy of
 * the old contents (copy-on-write), or zeroed if there was none. */
int arch_replace(struct addrspace *as, vir_bytes va, u32_t len, u32_t prot,
	u32_t *done)
{
	u32_t *pte, end;
	phys_bytes f;
	int more;

	if (!arch_user_range(va, len) || *done > len / PAGE_SIZE)
		return -EINVAL;
	more = chunk_of(len, done, &end);
	for (; *done < end; (*done)++) {
		if (!(pte = pte_of(as, va + *done * PAGE_SIZE, 1)) ||
		    !(f = HOLDS(*pte) ? frame_alloc_raw() : frame_alloc()))
			return -ENOMEM;
		if (HOLDS(*pte))
			kmemcpy((void *)f, (void *)FRAME(*pte), PAGE_SIZE);
		pte_clear(pte);
		*pte = f | prot_bits(prot);
	}
	arch_as_switch(NULL);
	return more;
}

/* Map physical [pa, pa+len) at va (the caller checked it may). */
int arch_physmap(struct addrspace *as, vir_bytes va, phys_bytes pa, u32_t len,
	u32_t prot)
{
	u32_t off, *pte;

	if (!arch_user_range(va, len) || (pa & (PAGE_SIZE - 1)) ||
	    len > 0u - pa)
		return -EINVAL;
	for (off = 0; off < len; off += PAGE_SIZE) {
		if (!(pte = pte_of(as, va + off, 1)))
			return -ENOMEM;
		pte_clear(pte);
		*pte = (pa + off) | PG_PHYS | prot_bits(prot);
	}
	arch_as_switch(NULL);
	return OK;
}

/* Map len bytes of physically contiguous zeroed frames at va; *pa = start. */
int arch_map_contig(struct addrspace *as, vir_bytes va, u32_t len, u32_t prot,
	phys_bytes *pa)
{
	u32_t off, *pte;
	phys_bytes f;

	if (!arch_user_range(va, len) || !len)
		return -EINVAL;
	for (off = 0; off < len; off += PAGE_SIZE)	/* page tables first */
		if (!pte_of(as, va + off, 1))
			return -ENOMEM;
	if (!(f = frame_alloc_contig(len / PAGE_SIZE)))
		return -ENOMEM;
	for (off = 0; off < len; off += PAGE_SIZE) {
		pte = pte_of(as, va + off, 0);
		pte_clear(pte);
		*pte = (f + off) | prot_bits(prot);
	}
	*pa = f;
	arch_as_switch(NULL);
	return OK;
}

/* What va maps: frame, VMPROT_*, references; -EFAULT if nothing. */
int arch_query(const struct addrspace *as, vir_bytes va, phys_bytes *pa,
	u32_t *prot, u32_t *refs)
{
	u32_t *pte;

	if (va < USER_BASE || va >= USER_TOP ||
	    !(pte = pte_of(as, va, 0)) || !HOLDS(*pte))
		return -EFAULT;
	*pa = FRAME(*pte);
	*prot = pte_prot(*pte);
	*refs = (*pte & PG_PHYS) ? 0 : frame_refs(FRAME(*pte));
	return OK;
}

/* The first page of [va, va+len) that holds a frame, and how many pages
 * from there on hold one with the same protection (a run VM can share or
 * adopt in one call); -EFAULT if none.  Absent page tables are skipped
 * whole, so a scan of all of user space costs little. */
int arch_query_run(const struct addrspace *as, vir_bytes va, u32_t len,
	vir_bytes *first, u32_t *pages)
{
	const u32_t *pd = (const u32_t *)as->pd;
	vir_bytes end = va + len;
	u32_t *pte, prot = 0;

	if (!arch_user_range(va, len) || !pd)
		return -EINVAL;
	*pages = 0;
	while (va < end) {
		if (!(pd[va >> PDE_SHIFT] & PG_P)) {
			if (*pages)
				break;
			va = ((va >> PDE_SHIFT) + 1) << PDE_SHIFT;
			if (!va)
				break;
			continue;
		}
		pte = pte_of(as, va, 0);
		if (!HOLDS(*pte) || (*pages && pte_prot(*pte) != prot)) {
			if (*pages)
				break;
		} else {
			if (!*pages) {
				*first = va;
				prot = pte_prot(*pte);
			}
			(*pages)++;
		}
		va += PAGE_SIZE;
	}
	return *pages ? OK : -EFAULT;
}

/* Physical address of user [va, va+len), which must be present and
 * physically contiguous (a DMA buffer). */
int arch_umap(const struct addrspace *as, vir_bytes va, u32_t len,
	phys_bytes *pa)
{
	phys_bytes f, first = 0;
	u32_t prot, refs;
	vir_bytes p;

	if (!len || va < USER_BASE || va >= USER_TOP || len > USER_TOP - va)
		return -EINVAL;
	for (p = va & ~(PAGE_SIZE - 1); p < va + len; p += PAGE_SIZE) {
		if (arch_query(as, p, &f, &prot, &refs) != OK || !prot)
			return -EFAULT;
		if (p == (va & ~(PAGE_SIZE - 1)))
			first = f;
		else if (f != first + (p - (va & ~(PAGE_SIZE - 1))))
			return -EINVAL;
	}
	*pa = first + (va & (PAGE_SIZE - 1));
	return OK;
}

/* Load as (NULL: reload the current one, flushing the TLB). */
void arch_as_switch(const struct addrspace *as)
{
	u32_t cr3;

	__asm__ volatile("mov %%cr3, %0" : "=r"(cr3));
	if (!as || as->pd != cr3)
		__asm__ volatile("mov %0, %%cr3" : : "r"(as ? as->pd : cr3)
			: "memory");
}
