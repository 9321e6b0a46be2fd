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

/* Kernel pointer to the byte at user address va in as, or NULL if it is
 * outside user space, not present, not a user page, or read-only when
 * 'write'.  Only 4 KiB user pages exist (a PS directory entry fails). */
static inline __attribute__((always_inline)) u8_t *
arch_walk(const struct addrspace *as, vir_bytes va, int write)
{
	u32_t pde, pte;

	if (!as->pd || va < USER_BASE || va >= USER_TOP)
		return NULL;
	pde = ((u32_t *)as->pd)[va >> 22];
	if ((pde & (PG_P | PG_U | PG_PS)) != (PG_P | PG_U))
		return NULL;
	pte = ((u32_t *)(pde & ~0xfffu))[(va >> 12) & 1023];
	if ((pte & (PG_P | PG_U)) != (PG_P | PG_U) || (write && !(pte & PG_W)))
		return NULL;
	return (u8_t *)((pte & ~0xfffu) + (va & 0xfff));
}

/* Kernel pointer to a whole message at va, or NULL unless it lies in one
 * page that arch_walk accepts.  Records no fault: the IPC fast path that
 * asks falls back to the slow path, which does. */
static inline __attribute__((always_inline)) void *
arch_msg_ptr(const struct addrspace *as, vir_bytes va, int write)
{
	if ((va & (PAGE_SIZE - 1)) > PAGE_SIZE - sizeof(message))
		return NULL;
	return arch_walk(as, va, write);
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
