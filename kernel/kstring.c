/*
 * kstring.c - memory and string helpers.  The compiler may also emit calls
 * to memcpy/memset/memmove for structure copies, so those names exist too.
 */
#include "kernel.h"
#include <mica/memops.h>

/* By words (mica/memops.h, shared with libsys): a fresh frame is 1,024
 * steps of rep stosl. */
void *kmemset(void *d, int c, u32_t n)
{
	return mica_memset(d, c, n);
}

void *kmemcpy(void *d, const void *s, u32_t n)
{
	return mica_memcpy(d, s, n);
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
