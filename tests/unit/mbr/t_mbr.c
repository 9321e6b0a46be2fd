/*
 * t_mbr.c - CUnit tests of the virtio-blk driver's MBR parser
 * (bdev/virtio_blk/mbr.c): good tables give their entries, no signature
 * gives none, and every corrupt table (an entry at sector 0, without
 * sectors, past the disk's end, at the 32-bit limits, overlapping another)
 * is refused whole.
 */
#include <CUnit/Basic.h>
#include "../lib/cu_main.h"
#include <string.h>
#include "mbr.h"

static u8_t sec[MBR_SECTOR];

static void put32(u8_t *p, u32_t v)
{
	p[0] = (u8_t)v, p[1] = (u8_t)(v >> 8), p[2] = (u8_t)(v >> 16);
	p[3] = (u8_t)(v >> 24);
}

static void table(void)
{
	memset(sec, 0xa5, sizeof(sec));	/* boot code: anything */
	memset(sec + MBR_TABLE, 0, MBR_PARTS * MBR_ENTRY);
	sec[MBR_SIG_OFF] = 0x55;
	sec[MBR_SIG_OFF + 1] = 0xaa;
}

static void entry(int i, u8_t type, u32_t start, u32_t count)
{
	u8_t *e = sec + MBR_TABLE + i * MBR_ENTRY;

	e[MBR_E_TYPE] = type;
	put32(e + MBR_E_START, start);
	put32(e + MBR_E_COUNT, count);
}

static int all_empty(const struct mbr_part *p)
{
	int i;

	for (i = 0; i < MBR_PARTS; i++)
		if (p[i].type || p[i].start || p[i].count)
			return 0;
	return 1;
}

static void test_good(void)
{
	struct mbr_part p[MBR_PARTS];

	table();
	entry(0, 0x83, 2048, 2048);
	entry(1, 0x0c, 4096, 1024);
	entry(3, 0x05, 5120, 3072);	/* the last sector of the disk */
	CU_ASSERT_EQUAL(mbr_parse(sec, 8192, p), 0);
	CU_ASSERT(p[0].type == 0x83 && p[0].start == 2048 && p[0].count == 2048);
	CU_ASSERT(p[1].type == 0x0c && p[1].start == 4096 && p[1].count == 1024);
	CU_ASSERT(p[2].type == 0);
	CU_ASSERT(p[3].type == 0x05 && p[3].start == 5120 && p[3].count == 3072);
}

static void test_no_signature(void)
{
	struct mbr_part p[MBR_PARTS];

	table();
	entry(0, 0x83, 1, 10);
	sec[MBR_SIG_OFF + 1] = 0xab;
	CU_ASSERT_EQUAL(mbr_parse(sec, 8192, p), 0);
	CU_ASSERT(all_empty(p));
	memset(sec, 0, sizeof(sec));	/* an MFS image's boot block */
	CU_ASSERT_EQUAL(mbr_parse(sec, 8192, p), 0);
	CU_ASSERT(all_empty(p));
}

/* One bad entry (entry 2, beside a good entry 0) refuses the table. */
static void refused(u32_t start, u32_t count, u64_t disk)
{
	struct mbr_part p[MBR_PARTS];

	table();
	entry(0, 0x83, 1, 7);
	entry(2, 0x83, start, count);
	CU_ASSERT(mbr_parse(sec, disk, p) < 0);
	CU_ASSERT(all_empty(p));
}

static void test_corrupt(void)
{
	refused(0, 100, 8192);			/* over the table itself */
	refused(100, 0, 8192);			/* no sectors */
	refused(8000, 193, 8192);		/* one past the end */
	refused(8192, 1, 8192);			/* starts at the end */
	refused(9000, 1, 8192);			/* starts past it */
	refused(0xffffffffu, 0xffffffffu, 8192);	/* 32-bit sum wraps */
	refused(100, 0xffffffffu, 0xffffffffu);	/* > disk by 99 */
	refused(5, 10, 8192);			/* overlaps entry 0 (1..7) */
	refused(7, 1, 8192);			/* shares its last sector */
}

static void test_limits(void)
{
	struct mbr_part p[MBR_PARTS];

	table();
	entry(0, 0x83, 1, 0xfffffffeu);	/* to the end of a 2^32 - 1 disk */
	CU_ASSERT_EQUAL(mbr_parse(sec, 0xffffffffu, p), 0);
	CU_ASSERT(p[0].count == 0xfffffffeu);
	CU_ASSERT(mbr_parse(sec, 0xfffffffeu, p) < 0);	/* one short */
	table();
	entry(1, 0x83, 8, 8);		/* touching, not overlapping */
	entry(2, 0x83, 16, 8);
	CU_ASSERT_EQUAL(mbr_parse(sec, 24, p), 0);
	CU_ASSERT(mbr_parse(sec, 0, p) < 0);	/* an empty disk */
}

static const struct cu_case cases[] = {
	{ "a good table", test_good },
	{ "no signature: no table", test_no_signature },
	{ "corrupt entries refuse the table", test_corrupt },
	{ "32-bit limits, touching entries", test_limits },
};

int main(void)
{
	return cu_main("mbr", cases, CU_CASES(cases));
}
