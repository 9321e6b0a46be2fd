/*
 * walk.h - the i386 page-table bits and the software walk of a user
 * address, shared by the copy functions (usercopy.c), the IPC fast path
 * (through arch_msg_ptr) and paging.c's bit names.
 *
 * Physical memory is identity mapped, so a walk that succeeds gives a
 * kernel pointer to the user's byte: two loads and a few tests, inlined
 * wherever it is used (a call around it would cost as much again).
 */
#ifndef KERNEL_ARCH_WALK_H
#define KERNEL_ARCH_WALK_H

#include <mica/type.h>
#include <mica/const.h>
#include <mica/ipc.h>
#include "arch.h"

#define PG_P   0x001
#define PG_W   0x002
#define PG_U   0x004
#define PG_PS  0x080

/* Where a walk found its page: enough to tell later, in a few loads, that
 * the translation still holds (a kernel call may change the page table of
 * its caller, whose message it answers). */
struct arch_walk_ref {
	const u32_t *pdep, *ptep;
	u32_t pde, pte;
};

/* Kernel pointer to the byte at user address va in as, or NULL if it is
 * outside user space, not present, not a user page, or read-only when
 * 'write'.  Only 4 KiB user pages exist (a PS directory entry fails).
 * 'ref', when not NULL, is filled for arch_walk_same. */
static inline __attribute__((always_inline)) u8_t *
arch_walk_at(const struct addrspace *as, vir_bytes va, int write,
	struct arch_walk_ref *ref)
{
	const u32_t *pdep, *ptep;
	u32_t pde, pte;

	if (!as->pd || va < USER_BASE || va >= USER_TOP)
		return NULL;
	pdep = (const u32_t *)as->pd + (va >> 22);
	pde = *pdep;
	if ((pde & (PG_P | PG_U | PG_PS)) != (PG_P | PG_U))
		return NULL;
	ptep = (const u32_t *)(pde & ~0xfffu) + ((va >> 12) & 1023);
	pte = *ptep;
	if ((pte & (PG_P | PG_U)) != (PG_P | PG_U) || (write && !(pte & PG_W)))
		return NULL;
	if (ref) {
		ref->pdep = pdep, ref->pde = pde;
		ref->ptep = ptep, ref->pte = pte;
	}
	return (u8_t *)((pte & ~0xfffu) + (va & 0xfff));
}

static inline __attribute__((always_inline)) u8_t *
arch_walk(const struct addrspace *as, vir_bytes va, int write)
{
	return arch_walk_at(as, va, write, NULL);
}

/* Does the walk 'ref' describes still hold in as?  The same directory
 * (as->pd), the same entry in it (so the same page table, whose entry is
 * then read live) and the same page-table entry: the same frame with the
 * same access, so the pointer the walk gave is still the user's page. */
static inline __attribute__((always_inline)) int
arch_walk_same(const struct addrspace *as, const struct arch_walk_ref *ref)
{
	return ((u32_t)ref->pdep & ~0xfffu) == as->pd &&
		*ref->pdep == ref->pde && *ref->ptep == ref->pte;
}

/* Kernel pointer to a whole message at va, or NULL unless it lies in one
 * page that arch_walk accepts.  Records no fault: the IPC fast path that
 * asks falls back to the slow path, which does. */
static inline __attribute__((always_inline)) void *
arch_msg_ptr_at(const struct addrspace *as, vir_bytes va, int write,
	struct arch_walk_ref *ref)
{
	if ((va & (PAGE_SIZE - 1)) > PAGE_SIZE - sizeof(message))
		return NULL;
	return arch_walk_at(as, va, write, ref);
}

static inline __attribute__((always_inline)) void *
arch_msg_ptr(const struct addrspace *as, vir_bytes va, int write)
{
	return arch_msg_ptr_at(as, va, write, NULL);
}

/* Copy one message between two such pointers: 16 rep steps; cld because
 * the user's direction flag is still set on entry. */
static inline __attribute__((always_inline)) void
arch_copy_msg(void *d, const void *s)
{
	u32_t w = sizeof(message) / 4;

	__asm__ volatile("cld; rep movsl" : "+D"(d), "+S"(s), "+c"(w)
		: : "memory");
}

#endif /* KERNEL_ARCH_WALK_H */
