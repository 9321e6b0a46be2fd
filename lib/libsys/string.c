/*
 * string.c - the string and memory functions boot modules need (and the
 * compiler may call for structure copies).  memset and memcpy move words
 * (mica/memops.h); the rest are plain loops.
 */
#include <mica/syslib.h>
#include <mica/memops.h>

/* By words, as the kernel's (mica/memops.h). */
void *memset(void *d, int c, size_t n)
{
	return mica_memset(d, c, n);
}

void *memcpy(void *d, const void *s, size_t n)
{
	return mica_memcpy(d, s, n);
}

void *memmove(void *d, const void *s, size_t n)
{
	u8_t *dp = d;
	const u8_t *sp = s;

	if (dp <= sp || dp >= sp + n)
		return memcpy(d, s, n);
	while (n--)
		dp[n] = sp[n];
	return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const u8_t *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (u8_t)*a - (u8_t)*b;
}
