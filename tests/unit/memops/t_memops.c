/*
 * t_memops.c - CUnit tests of mica/memops.h, the word-wise memset and
 * memcpy of the kernel and libsys (x86 string instructions, so the same
 * code runs on the host): every length 0..67 at every offset 0..7 of
 * destination and source, checked byte by byte against a plain loop,
 * with guard bytes on both sides untouched.
 */
#include <CUnit/Basic.h>
#include "../lib/cu_main.h"
#include <string.h>
#include <mica/memops.h>

#define SPAN 96
#define GUARD 0xcd

static u8_t dst[SPAN], src[SPAN], want[SPAN];

static void t_memset(void)
{
	int bad = 0;

	for (u32_t off = 0; off < 8; off++)
		for (u32_t n = 0; n < 68; n++) {
			for (int i = 0; i < SPAN; i++)
				dst[i] = want[i] = GUARD;
			for (u32_t i = 0; i < n; i++)
				want[off + i] = 0x5a;
			if (mica_memset(dst + off, 0x15a, n) != dst + off)
				bad++;
			bad += memcmp(dst, want, SPAN) != 0;
		}
	CU_ASSERT_EQUAL(bad, 0);
}

static void t_memcpy(void)
{
	int bad = 0;

	for (int i = 0; i < SPAN; i++)
		src[i] = (u8_t)(i * 7 + 3);
	for (u32_t doff = 0; doff < 8; doff++)
		for (u32_t soff = 0; soff < 8; soff++)
			for (u32_t n = 0; n < 68; n++) {
				for (int i = 0; i < SPAN; i++)
					dst[i] = want[i] = GUARD;
				for (u32_t i = 0; i < n; i++)
					want[doff + i] = src[soff + i];
				if (mica_memcpy(dst + doff, src + soff, n) != dst + doff)
					bad++;
				bad += memcmp(dst, want, SPAN) != 0;
			}
	CU_ASSERT_EQUAL(bad, 0);
}

static const struct cu_case cases[] = {
	{ "memset: lengths, offsets, guards", t_memset },
	{ "memcpy: lengths, both offsets, guards", t_memcpy },
};

int main(void)
{
	return cu_main("memops", cases, CU_CASES(cases));
}
