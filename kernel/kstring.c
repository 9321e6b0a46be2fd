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

/* Word-at-a-time when both are aligned: cheap under QEMU's TCG too, where
 * each iteration of a rep-prefixed string instruction is a separate step. */
void *kmemcpy(void *d, const void *s, u32_t n)
{
	u8_t *dp = d;
	const u8_t *sp = s;

	if (!(((u32_t)dp | (u32_t)sp) & 3)) {
		for (; n >= 32; n -= 32, dp += 32, sp += 32) {	/* frame copies */
			u32_t *q = (u32_t *)dp;
			const u32_t *r = (const u32_t *)sp;

			q[0] = r[0]; q[1] = r[1]; q[2] = r[2]; q[3] = r[3];
			q[4] = r[4]; q[5] = r[5]; q[6] = r[6]; q[7] = r[7];
		}
		for (; n >= 4; n -= 4, dp += 4, sp += 4)
			*(u32_t *)dp = *(const u32_t *)sp;
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

/* Copy at most n-1 characters and always terminate. */
void kstrlcpy(char *d, const char *s, u32_t n)
{
	if (!n)
		return;
	while (--n && *s)
		*d++ = *s++;
	*d = 0;
}

void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memcpy(void *d, const void *s, size_t n) { return kmemcpy(d, s, n); }
void *memset(void *d, int c, size_t n) { return kmemset(d, c, n); }
void *memmove(void *d, const void *s, size_t n) { return kmemmove(d, s, n); }
