/*
 * mfs_sb.h - the MINIX superblock, decoded.
 *
 * The three on-disk versions differ in field widths and limits but not in
 * layout logic.  mfs_sb_decode() turns the raw superblock into one
 * version-independent description (struct mfs_sb) after validating every
 * count against the format and the device; everything else - the MFS server,
 * mkfs.mfs, fsck.mfs - works from that description, so the version appears
 * in exactly one place.
 */
#ifndef MFS_SB_H
#define MFS_SB_H

#include <stddef.h>
#include <stdint.h>
#include "mfs_format.h"

struct mfs_sb {
	int version;			/* 1, 2 or 3 */
	uint16_t magic;
	unsigned int block_size;	/* bytes */
	unsigned int name_max;		/* 14, 30 or 60 */
	unsigned int dirent_size;	/* 16, 32 or 64 */
	unsigned int inode_size;	/* 32 or 64 */
	unsigned int inodes_per_block;
	unsigned int zone_ptr_size;	/* 2 (V1) or 4 */
	unsigned int ptrs_per_block;	/* zone pointers per indirect block */
	unsigned int nr_tzones;		/* zone slots in an inode: 9 or 10 */
	unsigned int link_max;
	uint32_t ninodes;
	uint32_t zones;			/* total blocks on the device */
	uint32_t imap_blocks, zmap_blocks, inode_blocks;
	uint32_t firstdatazone;
	uint64_t max_size;		/* largest file: format and s_max_size */
	int clean;			/* cleanly unmounted */
	int errors;			/* V1/V2 error flag set */
	uint16_t flags;			/* V3 s_flags / V1-V2 s_state, raw */
};

/* Where the parts of the image start, in blocks. */
static inline uint32_t mfs_imap_start(const struct mfs_sb *sb)
{
	(void)sb;
	return MFS_IMAP_START;
}
static inline uint32_t mfs_zmap_start(const struct mfs_sb *sb)
{
	return MFS_IMAP_START + sb->imap_blocks;
}
static inline uint32_t mfs_itable_start(const struct mfs_sb *sb)
{
	return MFS_IMAP_START + sb->imap_blocks + sb->zmap_blocks;
}

/* Zone bit n stands for block firstdatazone - 1 + n. */
static inline uint32_t mfs_zone_to_bit(const struct mfs_sb *sb, uint32_t z)
{
	return z - (sb->firstdatazone - 1);
}
static inline uint32_t mfs_bit_to_zone(const struct mfs_sb *sb, uint32_t b)
{
	return b + (sb->firstdatazone - 1);
}

/* Decode and validate the 1024 raw superblock bytes of a device of
 * 'dev_bytes' bytes.  Returns OK, or -EINVAL with a reason in 'why' (a
 * sentence fit for a log line) when the image is not a MINIX file system
 * this code can use. */
int mfs_sb_decode(const void *raw, uint64_t dev_bytes, struct mfs_sb *sb,
    char *why, size_t whylen);

/* The version (1, 2 or 3) whose magic number the raw superblock carries,
 * or 0: a quick "looks like MINIX" test, before any validation. */
int mfs_sb_magic_version(const void *raw);

/* Write sb's clean state back into the raw superblock (V1/V2 s_state,
 * V3 s_flags), leaving every other byte as it was. */
void mfs_sb_set_clean(void *raw, const struct mfs_sb *sb, int clean);

/* The format's largest file for this geometry (direct, single, double and,
 * for V2/V3, triple indirect zones; i_size is 32 bits). */
uint64_t mfs_format_max_size(const struct mfs_sb *sb);

/* Fill the geometry fields (everything but counts and state) of a
 * version/block size/name length combination.  Returns OK or -EINVAL. */
int mfs_sb_geometry(struct mfs_sb *sb, int version, unsigned int block_size,
    unsigned int name_max);

#endif /* MFS_SB_H */
