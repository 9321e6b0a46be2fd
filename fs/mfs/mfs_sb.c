/*
 * mfs_sb.c - decoding and validating MINIX superblocks (V1, V2, V3).
 *
 * Validate first, then use: every count is checked against the format and
 * the device size before any caller sees it, with the reason for a refusal
 * spelled out ("zone size differs from block size", ...), in the manner of
 * Linux's fs/minix.  The on-disk format is little-endian, as is every host
 * and target Mica builds for.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "mfs_sb.h"

#ifndef OK
#define OK 0
#endif

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
    "mfs: on-disk format is read in place on little-endian machines");

struct mfs_magic {
	uint16_t magic;
	int version;
	unsigned int name_max;
};

static const struct mfs_magic mfs_magics[] = {
	{ MFS_MAGIC_V1, 1, MFS_NAME_V1 },
	{ MFS_MAGIC_V1_30, 1, MFS_NAME_V1_30 },
	{ MFS_MAGIC_V2, 2, MFS_NAME_V1 },
	{ MFS_MAGIC_V2_30, 2, MFS_NAME_V1_30 },
	{ MFS_MAGIC_V3, 3, MFS_NAME_V3 },
};

int mfs_sb_geometry(struct mfs_sb *sb, int version, unsigned int block_size,
    unsigned int name_max)
{
	if (version < 1 || version > 3)
		return -EINVAL;
	if (block_size < MFS_MIN_BLOCK_SIZE || block_size > MFS_MAX_BLOCK_SIZE ||
	    (block_size & (block_size - 1)) != 0)
		return -EINVAL;
	if (version < 3 && block_size != MFS_V12_BLOCK_SIZE)
		return -EINVAL;
	sb->version = version;
	sb->block_size = block_size;
	sb->name_max = name_max;
	sb->inode_size = version == 1 ? sizeof(struct mfs_inode_v1) :
	    sizeof(struct mfs_inode_v2);
	sb->dirent_size = version == 3 ? sizeof(struct mfs_dirent_v3) :
	    2 + name_max;
	sb->inodes_per_block = block_size / sb->inode_size;
	sb->zone_ptr_size = version == 1 ? 2 : 4;
	sb->ptrs_per_block = block_size / sb->zone_ptr_size;
	sb->nr_tzones = version == 1 ? MFS_V1_NR_TZONES : MFS_V2_NR_TZONES;
	sb->link_max = version == 1 ? MFS_V1_LINK_MAX : MFS_V2_LINK_MAX;
	return OK;
}

uint64_t mfs_format_max_size(const struct mfs_sb *sb)
{
	uint64_t n = sb->ptrs_per_block, blocks;

	blocks = MFS_NR_DZONES + n + n * n;
	if (sb->nr_tzones > MFS_ZONE_TIND)
		blocks += n * n * n;
	/* i_size is 32 bits and MINIX reads it as a signed off_t: like
	 * Linux's mkfs.minix (s_max_size 0x7fffffff), stop at 2 GiB - 1. */
	if (blocks > (uint64_t)INT32_MAX / sb->block_size)
		return INT32_MAX;
	return blocks * sb->block_size;
}

static const struct mfs_magic *mfs_find_magic(uint16_t magic)
{
	size_t i;

	for (i = 0; i < sizeof(mfs_magics) / sizeof(mfs_magics[0]); i++)
		if (mfs_magics[i].magic == magic)
			return &mfs_magics[i];
	return NULL;
}

/* Copy the version-specific fields into sb; V1/V2 and V3 differ here only. */
static int mfs_sb_fields(const void *raw, struct mfs_sb *sb, char *why,
    size_t whylen)
{
	const struct mfs_super_v12 *o = raw;
	const struct mfs_super_v3 *n = raw;
	uint16_t log_zone;

	if (sb->version == 3) {
		sb->ninodes = n->s_ninodes;
		sb->imap_blocks = n->s_imap_blocks;
		sb->zmap_blocks = n->s_zmap_blocks;
		sb->firstdatazone = n->s_firstdatazone;
		sb->zones = n->s_zones;
		sb->flags = n->s_flags;
		sb->clean = (n->s_flags & MFSFLAG_MICA_DIRTY) == 0 &&
		    ((n->s_flags & MFSFLAG_CLEAN) != 0 || n->s_flags == 0);
		sb->errors = 0;
		sb->max_size = n->s_max_size;
		log_zone = n->s_log_zone_size;
		if (n->s_flags & MFSFLAG_MANDATORY_MASK) {
			snprintf(why, whylen, "unknown mandatory feature flags "
			    "0x%04x", n->s_flags & MFSFLAG_MANDATORY_MASK);
			return -EINVAL;
		}
	} else {
		sb->ninodes = o->s_ninodes;
		sb->imap_blocks = o->s_imap_blocks;
		sb->zmap_blocks = o->s_zmap_blocks;
		sb->firstdatazone = o->s_firstdatazone;
		sb->zones = sb->version == 1 ? o->s_nzones : o->s_zones;
		sb->flags = o->s_state;
		sb->clean = (o->s_state & MFS_STATE_VALID) != 0 &&
		    (o->s_state & MFS_STATE_ERROR) == 0;
		sb->errors = (o->s_state & MFS_STATE_ERROR) != 0;
		sb->max_size = o->s_max_size;
		log_zone = o->s_log_zone_size;
	}
	if (log_zone != 0) {
		snprintf(why, whylen, "zone size differs from block size "
		    "(s_log_zone_size %u); not supported", log_zone);
		return -EINVAL;
	}
	return OK;
}

/* Check that the counts describe a layout that fits the format and device. */
static int mfs_sb_check_counts(struct mfs_sb *sb, uint64_t dev_bytes,
    char *why, size_t whylen)
{
	uint64_t bits = (uint64_t)sb->block_size * 8, need;

	if (sb->ninodes < 1 || sb->zones < 1) {
		snprintf(why, whylen, "no inodes or no zones");
		return -EINVAL;
	}
	need = ((uint64_t)sb->ninodes + 1 + bits - 1) / bits;
	if (sb->imap_blocks < need) {
		snprintf(why, whylen, "%u inodes need %llu inode-map blocks, "
		    "only %u allocated", sb->ninodes,
		    (unsigned long long)need, sb->imap_blocks);
		return -EINVAL;
	}
	sb->inode_blocks = (uint32_t)(((uint64_t)sb->ninodes +
	    sb->inodes_per_block - 1) / sb->inodes_per_block);
	if (sb->firstdatazone < (uint64_t)mfs_itable_start(sb) +
	    sb->inode_blocks || sb->firstdatazone >= sb->zones) {
		snprintf(why, whylen, "first data zone %u outside [%llu, %u)",
		    sb->firstdatazone, (unsigned long long)mfs_itable_start(sb)
		    + sb->inode_blocks, sb->zones);
		return -EINVAL;
	}
	need = ((uint64_t)sb->zones - sb->firstdatazone + 1 + bits - 1) / bits;
	if (sb->zmap_blocks < need) {
		snprintf(why, whylen, "%u zones need %llu zone-map blocks, "
		    "only %u allocated", sb->zones, (unsigned long long)need,
		    sb->zmap_blocks);
		return -EINVAL;
	}
	if ((uint64_t)sb->zones * sb->block_size > dev_bytes) {
		snprintf(why, whylen, "file system of %u blocks of %u bytes "
		    "does not fit the %llu-byte device", sb->zones,
		    sb->block_size, (unsigned long long)dev_bytes);
		return -EINVAL;
	}
	return OK;
}

int mfs_sb_magic_version(const void *raw)
{
	const struct mfs_super_v12 *o = raw;
	const struct mfs_super_v3 *n = raw;
	const struct mfs_magic *m;

	if ((m = mfs_find_magic(n->s_magic)) != NULL && m->version == 3)
		return 3;
	if ((m = mfs_find_magic(o->s_magic)) != NULL && m->version < 3)
		return m->version;
	return 0;
}

int mfs_sb_decode(const void *raw, uint64_t dev_bytes, struct mfs_sb *sb,
    char *why, size_t whylen)
{
	const struct mfs_super_v12 *o = raw;
	const struct mfs_super_v3 *n = raw;
	const struct mfs_magic *m;
	unsigned int bs;
	uint64_t fmt_max;
	int r;

	memset(sb, 0, sizeof(*sb));
	if ((m = mfs_find_magic(n->s_magic)) != NULL && m->version == 3) {
		/* s_block_size is 16 bits: 64 KiB blocks can only be
		 * written as 0, so 0 stands for 65536. */
		bs = n->s_block_size != 0 ? n->s_block_size :
		    MFS_MAX_BLOCK_SIZE;
	} else if ((m = mfs_find_magic(o->s_magic)) != NULL &&
	    m->version < 3) {
		bs = MFS_V12_BLOCK_SIZE;
	} else {
		snprintf(why, whylen, "bad magic number: not a MINIX file "
		    "system");
		return -EINVAL;
	}
	if (mfs_sb_geometry(sb, m->version, bs, m->name_max) != OK) {
		snprintf(why, whylen, "unsupported block size %u", bs);
		return -EINVAL;
	}
	sb->magic = m->magic;
	if ((r = mfs_sb_fields(raw, sb, why, whylen)) != OK)
		return r;
	if ((r = mfs_sb_check_counts(sb, dev_bytes, why, whylen)) != OK)
		return r;
	fmt_max = mfs_format_max_size(sb);
	if (sb->max_size == 0 || sb->max_size > fmt_max)
		sb->max_size = fmt_max;
	return OK;
}

void mfs_sb_set_clean(void *raw, const struct mfs_sb *sb, int clean)
{
	struct mfs_super_v12 *o = raw;
	struct mfs_super_v3 *n = raw;

	if (sb->version == 3) {
		if (clean)
			n->s_flags = (n->s_flags | MFSFLAG_CLEAN) &
			    ~MFSFLAG_MICA_DIRTY;
		else
			n->s_flags = (n->s_flags & ~MFSFLAG_CLEAN) |
			    MFSFLAG_MICA_DIRTY;
	} else {
		if (clean)
			o->s_state = (o->s_state | MFS_STATE_VALID) &
			    ~MFS_STATE_ERROR;
		else
			o->s_state &= ~MFS_STATE_VALID;
	}
}
