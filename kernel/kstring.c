/*
 * kstring.c - memory and string helpers.  The compiler may also emit calls
 * to memcpy/memset/memmove for structure copies, so those names exist too.
 */
#include "kernel.h"

/* Word-at-a-time when aligned: zeroing frames is most of a big map. */
void *kmemset(void *d, int c, u32_t n)
{
	u8_t *p = d;
	u32_t w = (u8_t)c * 0x01010101u;

	if (!((u32_t)p & 3)) {
		for (; n >= 32; n -= 32, p += 32) {	/* a fresh frame: 128 passes */
			u32_t *q = (u32_t *)p;

			q[0] = w; q[1] = w; q[2] = w; q[3] = w;
			q[4] = w; q[5] = w; q[6] = w; q[7] = w;
		}
		for (; n >= 4; n -= 4, p += 4)
			*(u32_t *)p = w;
	}
	while (n--)
		*p++ = (u8_t)c;
	return d;
}

/* Word-at-a-time (rep movsl) when both are aligned: one step per word
 * under QEMU's TCG too, where each iteration of a rep-prefixed string
 * instruction counts as one instruction. */
void *kmemcpy(void *d, const void *s, u32_t n)
{
	u8_t *dp = d;
	const u8_t *sp = s;

	if (!(((u32_t)dp | (u32_t)sp) & 3) && n >= 4) {
		u32_t words = n / 4;

		__asm__ volatile("cld; rep movsl" : "+D"(dp), "+S"(sp), "+c"(words)
			: : "memory");
		n &= 3;
	}
	while (n--)
		*dp++ = *sp++;
	return d;
}

void *kmemmove(void *d, const void *s, u32_t n)
{
	u8_t *dp = d;
	const u8_t *sp = s;

	if (dp <= sp || dp >= sp + n)
		return kmemcpy(d, s, n);
	while (n--)
		dp[n] = sp[n];
	return d;
}

int kmemcmp(const void *a, const void *b, u32_t n)
{
	const u8_t *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

/* Copy at most n-1 characters, always terminate, and zero the rest of the
 * n bytes (so a fixed-size name can later be copied whole). */
void kstrlcpy(char *d, const char *s, u32_t n)
{
	if (!n)
		return;
	while (--n && *s)
		*d++ = *s++;
	do
		*d++ = 0;
	while (n && n--);
}

void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memcpy(void *d, const void *s, size_t n) { return kmemcpy(d, s, n); }
void *memset(void *d, int c, size_t n) { return kmemset(d, c, n); }
void *memmove(void *d, const void *s, size_t n) { return kmemmove(d, s, n); }
