/*
 * memops.h - memory fill and copy by words: the one implementation of
 * memset and memcpy for the kernel (kernel/kstring.c) and every boot
 * service (lib/libsys/string.c).  `rep stosl` / `rep movsl` move four
 * bytes per step, then `rep stosb` / `rep movsb` the last 0-3 (i386 takes
 * unaligned words, so no alignment prologue).  Under QEMU's TCG with
 * -icount each step of a rep-prefixed instruction counts as one guest
 * instruction, so clearing PM's 2 KB process entry is ~500 steps instead
 * of a byte loop's ~5,000 instructions.  Forward copy only: overlapping
 * moves are memmove's.
 */
#ifndef MICA_MEMOPS_H
#define MICA_MEMOPS_H

#include <mica/type.h>

static inline void *mica_memset(void *d, int c, u32_t n)
{
	void *p = d;
	u32_t words = n >> 2, rest = n & 3, w = (u8_t)c * 0x01010101u;

	__asm__ volatile("cld; rep stosl; movl %3, %%ecx; rep stosb"
		: "+D"(p), "+c"(words) : "a"(w), "r"(rest) : "memory");
	return d;
}

static inline void *mica_memcpy(void *d, const void *s, u32_t n)
{
	void *dp = d;
	const void *sp = s;
	u32_t words = n >> 2, rest = n & 3;

	__asm__ volatile("cld; rep movsl; movl %3, %%ecx; rep movsb"
		: "+D"(dp), "+S"(sp), "+c"(words) : "r"(rest) : "memory");
	return d;
}

#endif /* MICA_MEMOPS_H */
