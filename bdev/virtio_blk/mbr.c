/*
 * mbr.c - the MBR partition table parser (mbr.h).  Every value is checked
 * in 64-bit arithmetic (start and count are 32-bit on disk, so their sum
 * cannot wrap); the table is taken whole or not at all.
 */
#include <mica/errno.h>
#include "mbr.h"

static u32_t le32(const u8_t *p)
{
	return (u32_t)p[0] | (u32_t)p[1] << 8 | (u32_t)p[2] << 16 |
	    (u32_t)p[3] << 24;
}

static void mbr_clear(struct mbr_part parts[MBR_PARTS])
{
	int i;

	for (i = 0; i < MBR_PARTS; i++) {
		parts[i].type = 0;
		parts[i].start = 0;
		parts[i].count = 0;
	}
}

static int mbr_overlap(const struct mbr_part *a, const struct mbr_part *b)
{
	return a->start < b->start + b->count && b->start < a->start + a->count;
}

int mbr_parse(const u8_t sector[MBR_SECTOR], u64_t disk_sectors,
    struct mbr_part parts[MBR_PARTS])
{
	const u8_t *e;
	int i, j;

	mbr_clear(parts);
	if (sector[MBR_SIG_OFF] != 0x55 || sector[MBR_SIG_OFF + 1] != 0xaa)
		return OK;
	for (i = 0; i < MBR_PARTS; i++) {
		e = sector + MBR_TABLE + (u32_t)i * MBR_ENTRY;
		parts[i].type = e[MBR_E_TYPE];
		if (parts[i].type == 0)
			continue;
		parts[i].start = le32(e + MBR_E_START);
		parts[i].count = le32(e + MBR_E_COUNT);
		if (parts[i].start == 0 || parts[i].count == 0 ||
		    parts[i].start > disk_sectors ||
		    parts[i].count > disk_sectors - parts[i].start)
			goto corrupt;
		for (j = 0; j < i; j++)
			if (parts[j].type && mbr_overlap(&parts[i], &parts[j]))
				goto corrupt;
	}
	return OK;
corrupt:
	mbr_clear(parts);
	return -EINVAL;
}
