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
 * Frames come from a free list threaded through the free frames themselves,
 * starting above the kernel and the boot modules.  Page tables are freed
 * with their address space.
 */
#include "arch.h"
#include <mica/const.h>
#include <mica/errno.h>
#include "../../kernel.h"

#define PG_P   0x001
#define PG_W   0x002
#define PG_U   0x004
#define PG_PS  0x080
#define PDE_SHIFT 22
#define FRAME(e) ((e) & ~0xfffu)

static phys_bytes free_list;		/* first free frame, 0 = none */
static u32_t free_count;
static u32_t kernel_pdes;		/* PDEs of the identity map */
static u32_t kernel_pd[1024] __attribute__((aligned(4096)));

static phys_bytes frame_alloc(void)
{
	phys_bytes f = free_list;

	if (!f)
		return 0;
	free_list = *(phys_bytes *)f;
	free_count--;
	kmemset((void *)f, 0, PAGE_SIZE);
	return f;
}

static void frame_free(phys_bytes f)
{
	*(phys_bytes *)f = free_list;
	free_list = f;
	free_count++;
}

u32_t arch_free_frames(void)
{
	return free_count;
}

/* Identity-map [0, mem_top), turn paging on, free frames above free_start. */
void arch_paging_init(phys_bytes mem_top, phys_bytes free_start)
{
	phys_bytes f;
	u32_t i, cr0, cr4;

	if (mem_top > USER_BASE)
		mem_top = USER_BASE;
	kernel_pdes = (mem_top + (1u << PDE_SHIFT) - 1) >> PDE_SHIFT;
	for (i = 0; i < kernel_pdes; i++)
		kernel_pd[i] = (i << PDE_SHIFT) | PG_PS | PG_W | PG_P;
	for (f = (free_start + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	     f + PAGE_SIZE <= mem_top; f += PAGE_SIZE)
		frame_free(f);
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

	if (!(*pde & PG_P)) {
		phys_bytes pt;

		if (!alloc || !(pt = frame_alloc()))
			return NULL;
		*pde = pt | PG_U | PG_W | PG_P;
	}
	return (u32_t *)FRAME(*pde) + ((va >> 12) & 1023);
}

static int user_range(vir_bytes va, u32_t len)
{
	return va >= USER_BASE && va < USER_TOP && len <= USER_TOP - va &&
		!(va & (PAGE_SIZE - 1)) && !(len & (PAGE_SIZE - 1));
}

/* Map zeroed pages over [va, va+len); pages already there are kept. */
int arch_map(struct addrspace *as, vir_bytes va, u32_t len, int writable)
{
	u32_t *pte;
	phys_bytes f;

	if (!user_range(va, len))
		return -EINVAL;
	for (; len; va += PAGE_SIZE, len -= PAGE_SIZE) {
		if (!(pte = pte_of(as, va, 1)))
			return -ENOMEM;
		if (*pte & PG_P) {
			*pte |= writable ? PG_W : 0;
			continue;
		}
		if (!(f = frame_alloc()))
			return -ENOMEM;
		*pte = f | PG_U | PG_P | (writable ? PG_W : 0);
	}
	arch_as_switch(NULL);
	return OK;
}

/* Unmap and free the pages present in [va, va+len). */
int arch_unmap(struct addrspace *as, vir_bytes va, u32_t len)
{
	u32_t *pte;

	if (!user_range(va, len))
		return -EINVAL;
	for (; len; va += PAGE_SIZE, len -= PAGE_SIZE) {
		if (!(pte = pte_of(as, va, 0)) || !(*pte & PG_P))
			continue;
		frame_free(FRAME(*pte));
		*pte = 0;
	}
	arch_as_switch(NULL);
	return OK;
}

/* Free every user page, page table and the directory.  If it is the one
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
			if (pt[j] & PG_P)
				frame_free(FRAME(pt[j]));
		frame_free((phys_bytes)pt);
	}
	frame_free(as->pd);
	as->pd = 0;
}

/* Copy every user page of src into dst (an eager fork, until VM). */
int arch_as_copy(struct addrspace *dst, const struct addrspace *src)
{
	u32_t *pd = (u32_t *)src->pd;
	u32_t i, j, *pte;
	phys_bytes f;

	for (i = USER_BASE >> PDE_SHIFT; i < 1024; i++) {
		u32_t *pt = (u32_t *)FRAME(pd[i]);

		if (!(pd[i] & PG_P))
			continue;
		for (j = 0; j < 1024; j++) {
			if (!(pt[j] & PG_P))
				continue;
			pte = pte_of(dst, (i << PDE_SHIFT) | (j << 12), 1);
			if (!pte || !(f = frame_alloc()))
				return -ENOMEM;
			kmemcpy((void *)f, (void *)FRAME(pt[j]), PAGE_SIZE);
			*pte = f | (pt[j] & 0xfff);
		}
	}
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
