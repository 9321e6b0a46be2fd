/*
 * mkfs_layout.c - how many blocks each part of a new file system gets.
 *
 * Layout: boot block 0, superblock at byte 1024, inode bitmap from block 2,
 * zone bitmap, inode table, data zones.  The inode count is rounded up to
 * fill the last inode-table block (as util-linux mkfs.minix does), capped
 * at the format's limit.  The default is one inode per 4 KiB of device,
 * which for 1 KiB blocks is one per 4 blocks (mkfs.minix uses one per 3).
 * Every field is checked against its on-disk width: V1/V2 inode counts and
 * V1 zone counts are 16 bits, bitmap sizes and the first data zone 16 bits.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "mkfs.h"

#define MKFS_U16_MAX	65535u

static uint64_t mkfs_div_up(uint64_t a, uint64_t b)
{
	return (a + b - 1) / b;
}

uint64_t mkfs_default_inodes(uint64_t bytes)
{
	uint64_t n = bytes / 4096;

	return n < 16 ? 16 : n;
}

uint64_t mkfs_file_blocks(const struct mfs_sb *sb, uint64_t nblocks)
{
	uint64_t n = sb->ptrs_per_block, total = nblocks, rest;

	if (nblocks <= MFS_NR_DZONES)
		return total;
	rest = nblocks - MFS_NR_DZONES;
	total += 1;				/* single indirect */
	if (rest <= n)
		return total;
	rest -= n;
	total += 1 + mkfs_div_up(rest < n * n ? rest : n * n, n);
	if (rest <= n * n)
		return total;
	rest -= n * n;
	return total + 1 + mkfs_div_up(rest, n * n) + mkfs_div_up(rest, n);
}

/* Inode count: rounded up to whole inode blocks, capped by the format. */
static int mkfs_inode_count(struct mfs_sb *sb, uint64_t want, int explicit,
    char *why, size_t whylen)
{
	uint64_t max = sb->version < 3 ? MKFS_U16_MAX :
	    (uint64_t)MKFS_U16_MAX * sb->block_size * 8 - 1;
	uint64_t n = mkfs_div_up(want, sb->inodes_per_block) *
	    sb->inodes_per_block;

	if (explicit && want > max) {
		snprintf(why, whylen, "%llu inodes: a V%d file system holds "
		    "at most %llu", (unsigned long long)want, sb->version,
		    (unsigned long long)max);
		return -EINVAL;
	}
	sb->ninodes = (uint32_t)(n > max ? max : n);
	return OK;
}

static int mkfs_check_fields(const struct mfs_sb *sb, uint64_t blocks,
    char *why, size_t whylen)
{
	uint64_t zmax = sb->version == 1 ? MKFS_U16_MAX : UINT32_MAX;

	if (blocks > zmax) {
		snprintf(why, whylen, "%llu blocks: a V%d file system holds "
		    "at most %llu", (unsigned long long)blocks, sb->version,
		    (unsigned long long)zmax);
		return -EINVAL;
	}
	if (sb->imap_blocks > MKFS_U16_MAX || sb->zmap_blocks > MKFS_U16_MAX
	    || sb->firstdatazone > MKFS_U16_MAX) {
		snprintf(why, whylen, "too many inodes for this block size "
		    "(the inode table would end past block 65535)");
		return -EINVAL;
	}
	if ((uint64_t)sb->firstdatazone + 1 > blocks) {
		snprintf(why, whylen, "%llu blocks are too few: metadata "
		    "alone takes %u blocks", (unsigned long long)blocks,
		    sb->firstdatazone);
		return -EINVAL;
	}
	return OK;
}

/* Place the maps, inode table and data zones for sb->ninodes inodes. */
static int mkfs_place(struct mfs_sb *sb, uint64_t blocks, char *why,
    size_t whylen)
{
	uint64_t bits = (uint64_t)sb->block_size * 8, imap, iblocks, zmap, meta;

	imap = mkfs_div_up((uint64_t)sb->ninodes + 1, bits);
	iblocks = mkfs_div_up(sb->ninodes, sb->inodes_per_block);
	meta = MFS_IMAP_START + imap + iblocks;
	zmap = blocks > meta ? mkfs_div_up(blocks - meta + 1, bits) : 1;
	sb->imap_blocks = (uint32_t)(imap > UINT32_MAX ? UINT32_MAX : imap);
	sb->zmap_blocks = (uint32_t)(zmap > UINT32_MAX ? UINT32_MAX : zmap);
	sb->inode_blocks = (uint32_t)iblocks;
	meta += zmap;
	sb->firstdatazone = (uint32_t)(meta > UINT32_MAX ? UINT32_MAX : meta);
	return mkfs_check_fields(sb, blocks, why, whylen);
}

int mkfs_layout(struct mfs_sb *sb, int version, unsigned int block_size,
    unsigned int name_max, uint64_t blocks, uint64_t inodes, char *why,
    size_t whylen)
{
	int r, explicit = inodes != 0, tries = 0;

	memset(sb, 0, sizeof(*sb));
	if (mfs_sb_geometry(sb, version, block_size, name_max) != OK) {
		snprintf(why, whylen, "block size %u is not valid for V%d",
		    block_size, version);
		return -EINVAL;
	}
	sb->magic = version == 3 ? MFS_MAGIC_V3 : version == 2 ?
	    (name_max == MFS_NAME_V1 ? MFS_MAGIC_V2 : MFS_MAGIC_V2_30) :
	    (name_max == MFS_NAME_V1 ? MFS_MAGIC_V1 : MFS_MAGIC_V1_30);
	if (!explicit)
		inodes = mkfs_default_inodes(blocks > UINT64_MAX / block_size ?
		    UINT64_MAX : blocks * block_size);
	if ((r = mkfs_inode_count(sb, inodes, explicit, why, whylen)) != OK)
		return r;
	/* A default count that does not fit shrinks; an explicit one fails. */
	while ((r = mkfs_place(sb, blocks, why, whylen)) != OK && !explicit &&
	    sb->ninodes > sb->inodes_per_block && ++tries < 40)
		mkfs_inode_count(sb, sb->ninodes / 2, 0, why, whylen);
	if (r != OK)
		return r;
	sb->zones = (uint32_t)blocks;
	sb->max_size = mfs_format_max_size(sb);
	sb->clean = 1;
	return OK;
}

void mkfs_super_encode(const struct mfs_sb *sb, void *raw)
{
	struct mfs_super_v12 *o = raw;
	struct mfs_super_v3 *n = raw;

	memset(raw, 0, MFS_SUPER_SIZE);
	if (sb->version == 3) {
		n->s_ninodes = sb->ninodes;
		n->s_imap_blocks = (uint16_t)sb->imap_blocks;
		n->s_zmap_blocks = (uint16_t)sb->zmap_blocks;
		n->s_firstdatazone = (uint16_t)sb->firstdatazone;
		n->s_flags = MFSFLAG_CLEAN;
		n->s_max_size = (uint32_t)sb->max_size;
		n->s_zones = sb->zones;
		n->s_magic = sb->magic;
		n->s_block_size = (uint16_t)sb->block_size;
		return;
	}
	o->s_ninodes = (uint16_t)sb->ninodes;
	o->s_imap_blocks = (uint16_t)sb->imap_blocks;
	o->s_zmap_blocks = (uint16_t)sb->zmap_blocks;
	o->s_firstdatazone = (uint16_t)sb->firstdatazone;
	o->s_max_size = (uint32_t)sb->max_size;
	o->s_magic = sb->magic;
	o->s_state = MFS_STATE_VALID;
	if (sb->version == 1)
		o->s_nzones = (uint16_t)sb->zones;
	else
		o->s_zones = sb->zones;
}
