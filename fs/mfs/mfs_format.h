/*
 * mfs_format.h - the MINIX file system on disk (V1, V2, V3), little-endian.
 *
 * The one definition of the format, shared by the MFS server, mkfs.mfs,
 * fsck.mfs and the tests.  Fixed-width types only; every layout is checked
 * at compile time.
 *
 * Layout of an image, in blocks of s_block_size (1 KiB for V1/V2):
 *   block 0            boot block; the superblock is at byte 1024 whatever
 *                      the block size (inside block 0 when blocks > 1 KiB)
 *   block 2 ...        inode bitmap (s_imap_blocks), then zone bitmap
 *                      (s_zmap_blocks), then the inode table, then data
 *                      zones from s_firstdatazone on.
 * Bit 0 of each bitmap is reserved (always set): inode bit n is inode n,
 * zone bit n is zone s_firstdatazone - 1 + n.  Inodes are numbered from 1
 * (the root directory); zone numbers are absolute block numbers (zone size
 * equals block size: s_log_zone_size must be 0).
 *
 * Clean state: V1/V2 keep it in s_state (Linux does too).  For V3, MINIX
 * keeps MFSFLAG_CLEAN in s_flags, but Linux's mkfs.minix and kernel write
 * s_flags as 0 and never maintain it.  So Mica reads a V3 s_flags of exactly
 * 0 as "made by Linux, state not kept" and treats it as clean; a read-write
 * mount clears CLEAN and sets MFSFLAG_MICA_DIRTY, a clean unmount does the
 * reverse, so an image that Mica left mounted is still caught.
 */
#ifndef MFS_FORMAT_H
#define MFS_FORMAT_H

#include <stdint.h>
#include <stddef.h>

#define MFS_SUPER_OFFSET	1024	/* byte offset of the superblock */
#define MFS_SUPER_SIZE		1024	/* bytes reserved for it */
#define MFS_IMAP_START		2	/* first inode-bitmap block */
#define MFS_ROOT_INO		1

#define MFS_MAGIC_V1		0x137F	/* V1, 14-character names */
#define MFS_MAGIC_V1_30		0x138F	/* V1, 30-character names */
#define MFS_MAGIC_V2		0x2468	/* V2, 14-character names */
#define MFS_MAGIC_V2_30		0x2478	/* V2, 30-character names */
#define MFS_MAGIC_V3		0x4d5a	/* V3, 60-character names */

/* V1/V2 superblock (s_state at offset 18). */
struct mfs_super_v12 {
	uint16_t s_ninodes;
	uint16_t s_nzones;		/* V1 zone count */
	uint16_t s_imap_blocks;
	uint16_t s_zmap_blocks;
	uint16_t s_firstdatazone;
	uint16_t s_log_zone_size;
	uint32_t s_max_size;
	uint16_t s_magic;
	uint16_t s_state;		/* MFS_STATE_* */
	uint32_t s_zones;		/* V2 zone count */
} __attribute__((packed));

#define MFS_STATE_VALID		0x0001	/* cleanly unmounted */
#define MFS_STATE_ERROR		0x0002	/* errors detected */

/* V3 superblock. */
struct mfs_super_v3 {
	uint32_t s_ninodes;
	uint16_t s_pad0;
	uint16_t s_imap_blocks;
	uint16_t s_zmap_blocks;
	uint16_t s_firstdatazone;	/* 16 bits; MINIX calls it _old */
	uint16_t s_log_zone_size;
	uint16_t s_flags;		/* MFSFLAG_*; Linux: s_pad1, always 0 */
	uint32_t s_max_size;
	uint32_t s_zones;
	uint16_t s_magic;
	uint16_t s_pad2;
	uint16_t s_block_size;
	uint8_t s_disk_version;
	uint8_t s_pad3;
} __attribute__((packed));

#define MFSFLAG_CLEAN		0x0001	/* cleanly unmounted (MINIX 3) */
#define MFSFLAG_MICA_DIRTY	0x0002	/* mounted read-write by Mica and not
					 * yet cleanly unmounted; optional bit,
					 * ignored by MINIX and Linux */
#define MFSFLAG_MANDATORY_MASK	0xff00	/* unknown bits here: refuse */

_Static_assert(sizeof(struct mfs_super_v12) == 24, "V1/V2 superblock");
_Static_assert(offsetof(struct mfs_super_v12, s_magic) == 16, "v12 magic");
_Static_assert(offsetof(struct mfs_super_v12, s_zones) == 20, "v12 zones");
_Static_assert(sizeof(struct mfs_super_v3) == 32, "V3 superblock");
_Static_assert(offsetof(struct mfs_super_v3, s_magic) == 24, "v3 magic");
_Static_assert(offsetof(struct mfs_super_v3, s_block_size) == 28, "v3 bs");

#define MFS_MIN_BLOCK_SIZE	1024
#define MFS_MAX_BLOCK_SIZE	65536
#define MFS_V12_BLOCK_SIZE	1024

/* Zones in an inode. */
#define MFS_NR_DZONES		7	/* direct zones */
#define MFS_V1_NR_TZONES	9	/* V1: 7 direct, indirect, double */
#define MFS_V2_NR_TZONES	10	/* V2/V3: + zone[9] triple (Linux) */
#define MFS_ZONE_IND		7
#define MFS_ZONE_DIND		8
#define MFS_ZONE_TIND		9
#define MFS_NO_ZONE		0

/* V1 inode: 32 bytes. */
struct mfs_inode_v1 {
	uint16_t i_mode;
	uint16_t i_uid;
	uint32_t i_size;
	uint32_t i_mtime;
	uint8_t i_gid;
	uint8_t i_nlinks;
	uint16_t i_zone[MFS_V1_NR_TZONES];
} __attribute__((packed));

/* V2/V3 inode: 64 bytes. */
struct mfs_inode_v2 {
	uint16_t i_mode;
	uint16_t i_nlinks;
	uint16_t i_uid;
	uint16_t i_gid;
	uint32_t i_size;
	uint32_t i_atime;
	uint32_t i_mtime;
	uint32_t i_ctime;
	uint32_t i_zone[MFS_V2_NR_TZONES];
} __attribute__((packed));

_Static_assert(sizeof(struct mfs_inode_v1) == 32, "V1 inode");
_Static_assert(sizeof(struct mfs_inode_v2) == 64, "V2/V3 inode");

#define MFS_V1_LINK_MAX		250	/* i_nlinks is 8 bits (Linux: 250) */
#define MFS_V2_LINK_MAX		65530	/* Linux minix: 65530 */

/* Directory entries: V1/V2 have 16-bit inode numbers, V3 32-bit. */
#define MFS_NAME_V1		14
#define MFS_NAME_V1_30		30
#define MFS_NAME_V3		60

struct mfs_dirent_v3 {
	uint32_t d_ino;
	char d_name[MFS_NAME_V3];	/* NUL-padded, not terminated if full */
} __attribute__((packed));

struct mfs_dirent_v12 {
	uint16_t d_ino;
	char d_name[];			/* 14 or 30 bytes */
} __attribute__((packed));

_Static_assert(sizeof(struct mfs_dirent_v3) == 64, "V3 dirent");

#endif /* MFS_FORMAT_H */
