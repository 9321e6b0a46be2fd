/*
 * usercopy.c - the only way the kernel touches user memory.
 *
 * Addresses are translated by walking the target's page table in software;
 * a page that is outside user space, not present, not a user page, or (for
 * writes) read-only makes the copy fail with EFAULT.  Nothing is touched
 * through the MMU with a user address, so a bogus pointer is an error
 * return, never a kernel page fault.  The first failing address since
 * arch_fault_reset() is remembered, so that the generic kernel can ask VM
 * to map it and retry the call once (kernel/vmfault.c).
 */
#include "arch.h"
#include <mica/const.h>
#include <mica/errno.h>
#include "../../kernel.h"
#include "walk.h"

struct usercopy_fault usercopy_fault;

/* The first user address that failed since the reset; 0 if none. */
int arch_fault_last(const struct addrspace **as, vir_bytes *addr, int *write)
{
	if (!usercopy_fault.as)
		return 0;
	*as = usercopy_fault.as;
	*addr = usercopy_fault.addr;
	*write = usercopy_fault.write;
	return 1;
}

static u8_t *fault(const struct addrspace *as, vir_bytes va, int write)
{
	if (!usercopy_fault.as) {
		usercopy_fault.as = as;
		usercopy_fault.addr = va;
		usercopy_fault.write = write;
	}
	return NULL;
}

/* Kernel pointer to the byte at user address va, or NULL; a failure on a
 * user address is recorded for VM. */
static inline __attribute__((always_inline)) u8_t *user_byte(const struct addrspace *as, vir_bytes va, int write)
{
	u8_t *b = arch_walk(as, va, write);

	if (!b && as->pd && va >= USER_BASE && va < USER_TOP)
		return fault(as, va, write);
	return b;
}

/* Copy a chunk that lies in one page: inline word moves when it is all
 * aligned (a message: 16 rep steps instead of a kmemcpy call around them;
 * cld because the user's direction flag is still set on entry). */
static inline void chunk_copy(void *d, const void *s, u32_t n)
{
	u32_t w = n / 4;

	if ((((u32_t)d | (u32_t)s | n) & 3) == 0)
		__asm__ volatile("cld; rep movsl" : "+D"(d), "+S"(s), "+c"(w)
			: : "memory");
	else
		kmemcpy(d, s, n);
}

static u32_t page_left(vir_bytes va)
{
	return PAGE_SIZE - (va & (PAGE_SIZE - 1));
}

/* OK if [va, va+n) is mapped for user access (writable when 'write'). */
int arch_check_user(const struct addrspace *as, vir_bytes va, u32_t n,
	int write)
{
	u32_t chunk;

	if (n > USER_TOP - USER_BASE)
		return -EFAULT;
	while (n) {
		if (!user_byte(as, va, write))
			return -EFAULT;
		chunk = page_left(va) < n ? page_left(va) : n;
		va += chunk;
		n -= chunk;
	}
	return OK;
}

/* Copy n bytes from user src in as to kernel dst; the pages must also be
 * writable when 'write' (one walk instead of a check and a copy). */
static int copy_in(const struct addrspace *as, vir_bytes src, void *dst,
	u32_t n, int write)
{
	u8_t *d = dst, *s;
	u32_t chunk;

	while (n) {
		if (!(s = user_byte(as, src, write)))
			return -EFAULT;
		chunk = page_left(src) < n ? page_left(src) : n;
		chunk_copy(d, s, chunk);
		d += chunk;
		src += chunk;
		n -= chunk;
	}
	return OK;
}

/* Copy n bytes from user src in as to kernel dst. */
int arch_copy_from_user(const struct addrspace *as, vir_bytes src, void *dst,
	u32_t n)
{
	return copy_in(as, src, dst, n, 0);
}

/* The same, for memory the kernel will write back (a message to answer):
 * EFAULT unless it is writable too. */
int arch_copy_from_user_rw(const struct addrspace *as, vir_bytes src,
	void *dst, u32_t n)
{
	return copy_in(as, src, dst, n, 1);
}

/* Copy n bytes from kernel src to user dst in as. */
int arch_copy_to_user(const struct addrspace *as, vir_bytes dst,
	const void *src, u32_t n)
{
	const u8_t *s = src;
	u8_t *d;
	u32_t chunk;

	while (n) {
		if (!(d = user_byte(as, dst, 1)))
			return -EFAULT;
		chunk = page_left(dst) < n ? page_left(dst) : n;
		chunk_copy(d, s, chunk);
		s += chunk;
		dst += chunk;
		n -= chunk;
	}
	return OK;
}

/* Copy n bytes between two user address spaces. */
int arch_copy_user(const struct addrspace *from, vir_bytes src,
	const struct addrspace *to, vir_bytes dst, u32_t n)
{
	u8_t *s, *d;
	u32_t chunk;

	while (n) {
		if (!(s = user_byte(from, src, 0)) || !(d = user_byte(to, dst, 1)))
			return -EFAULT;
		chunk = page_left(src) < page_left(dst) ? page_left(src) :
			page_left(dst);
		if (chunk > n)
			chunk = n;
		kmemmove(d, s, chunk);
		src += chunk;
		dst += chunk;
		n -= chunk;
	}
	return OK;
}
