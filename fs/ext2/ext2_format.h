/*
 * ext2_format.h - the second extended file system on disk, little-endian.
 *
 * The one definition of the format for Mica's ext2 driver and its tests.
 * Fixed-width types only; every layout is checked at compile time.  Mica
 * runs on little-endian machines only (i386 and the x86-64 host), so the
 * structures are used in place, without byte swapping.
 *
 * Layout of an image, in blocks of 1024 << s_log_block_size bytes:
 *   byte 1024          the superblock (in block 1 with 1 KiB blocks, inside
 *                      block 0 otherwise); s_first_data_block is 1 or 0.
 *   next block         group descriptor table (32 bytes per group), then
 *                      s_reserved_gdt_blocks blocks kept for on-line resize
 *                      (owned by the resize inode, number 7).
 *   per group          block bitmap, inode bitmap, inode table (wherever
 *                      the group descriptor says: flex_bg moves them), data.
 * With sparse_super, superblock and descriptor backups sit only in groups
 * 0, 1 and powers of 3, 5 and 7; they are allocated in the bitmaps.
 * Inodes are numbered from 1; inode n is in group (n-1) / s_inodes_per_group.
 * Block bit b of group g is block s_first_data_block + g*blocks_per_group + b.
 */
#ifndef EXT2_FORMAT_H
#define EXT2_FORMAT_H

#include <stdint.h>
#include <stddef.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "ext2_format.h: the ext2 driver assumes a little-endian host"
#endif

#define EXT2_SUPER_OFFSET	1024
#define EXT2_SUPER_SIZE		1024
#define EXT2_SUPER_MAGIC	0xEF53
#define EXT2_MIN_BLOCK_LOG	10	/* 1 KiB */
#define EXT2_MAX_BLOCK_LOG	15	/* 32 KiB: rec_len stays 16-bit */

#define EXT2_GOOD_OLD_REV	0	/* fixed 128-byte inodes, no features */
#define EXT2_DYNAMIC_REV	1
#define EXT2_GOOD_OLD_INODE_SIZE 128
#define EXT2_GOOD_OLD_FIRST_INO	11

/* Reserved inodes. */
#define EXT2_BAD_INO		1
#define EXT2_ROOT_INO		2
#define EXT2_RESIZE_INO		7
#define EXT2_JOURNAL_INO	8

/* s_state */
#define EXT2_VALID_FS		0x0001	/* cleanly unmounted */
#define EXT2_ERROR_FS		0x0002	/* errors detected */

/* Compatible features: unknown ones may be ignored. */
#define EXT2_FEATURE_COMPAT_DIR_PREALLOC	0x0001
#define EXT2_FEATURE_COMPAT_IMAGIC_INODES	0x0002
#define EXT2_FEATURE_COMPAT_HAS_JOURNAL		0x0004
#define EXT2_FEATURE_COMPAT_EXT_ATTR		0x0008
#define EXT2_FEATURE_COMPAT_RESIZE_INODE	0x0010
#define EXT2_FEATURE_COMPAT_DIR_INDEX		0x0020

/* Read-only compatible features: unknown ones allow only reading. */
#define EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER	0x0001
#define EXT2_FEATURE_RO_COMPAT_LARGE_FILE	0x0002
#define EXT2_FEATURE_RO_COMPAT_BTREE_DIR	0x0004
#define EXT2_FEATURE_RO_COMPAT_HUGE_FILE	0x0008
#define EXT2_FEATURE_RO_COMPAT_GDT_CSUM		0x0010
#define EXT2_FEATURE_RO_COMPAT_DIR_NLINK	0x0020
#define EXT2_FEATURE_RO_COMPAT_EXTRA_ISIZE	0x0040
#define EXT2_FEATURE_RO_COMPAT_QUOTA		0x0100
#define EXT2_FEATURE_RO_COMPAT_BIGALLOC		0x0200
#define EXT2_FEATURE_RO_COMPAT_METADATA_CSUM	0x0400
#define EXT2_FEATURE_RO_COMPAT_READONLY		0x1000
#define EXT2_FEATURE_RO_COMPAT_PROJECT		0x2000
#define EXT2_FEATURE_RO_COMPAT_VERITY		0x8000
#define EXT2_FEATURE_RO_COMPAT_ORPHAN_PRESENT	0x10000

/* Incompatible features: unknown ones refuse the mount. */
#define EXT2_FEATURE_INCOMPAT_COMPRESSION	0x0001
#define EXT2_FEATURE_INCOMPAT_FILETYPE		0x0002
#define EXT2_FEATURE_INCOMPAT_RECOVER		0x0004
#define EXT2_FEATURE_INCOMPAT_JOURNAL_DEV	0x0008
#define EXT2_FEATURE_INCOMPAT_META_BG		0x0010
#define EXT2_FEATURE_INCOMPAT_EXTENTS		0x0040
#define EXT2_FEATURE_INCOMPAT_64BIT		0x0080
#define EXT2_FEATURE_INCOMPAT_MMP		0x0100
#define EXT2_FEATURE_INCOMPAT_FLEX_BG		0x0200
#define EXT2_FEATURE_INCOMPAT_EA_INODE		0x0400
#define EXT2_FEATURE_INCOMPAT_DIRDATA		0x1000
#define EXT2_FEATURE_INCOMPAT_CSUM_SEED		0x2000
#define EXT2_FEATURE_INCOMPAT_LARGEDIR		0x4000
#define EXT2_FEATURE_INCOMPAT_INLINE_DATA	0x8000
#define EXT2_FEATURE_INCOMPAT_ENCRYPT		0x10000
#define EXT2_FEATURE_INCOMPAT_CASEFOLD		0x20000

struct ext2_super {
	uint32_t s_inodes_count;
	uint32_t s_blocks_count;
	uint32_t s_r_blocks_count;
	uint32_t s_free_blocks_count;
	uint32_t s_free_inodes_count;
	uint32_t s_first_data_block;
	uint32_t s_log_block_size;	/* block size = 1024 << this */
	uint32_t s_log_frag_size;
	uint32_t s_blocks_per_group;
	uint32_t s_frags_per_group;
	uint32_t s_inodes_per_group;
	uint32_t s_mtime;		/* last mount */
	uint32_t s_wtime;		/* last write */
	uint16_t s_mnt_count;
	int16_t s_max_mnt_count;
	uint16_t s_magic;
	uint16_t s_state;
	uint16_t s_errors;
	uint16_t s_minor_rev_level;
	uint32_t s_lastcheck;
	uint32_t s_checkinterval;
	uint32_t s_creator_os;
	uint32_t s_rev_level;
	uint16_t s_def_resuid;
	uint16_t s_def_resgid;
	/* EXT2_DYNAMIC_REV only from here */
	uint32_t s_first_ino;
	uint16_t s_inode_size;
	uint16_t s_block_group_nr;
	uint32_t s_feature_compat;
	uint32_t s_feature_incompat;
	uint32_t s_feature_ro_compat;
	uint8_t s_uuid[16];
	char s_volume_name[16];
	char s_last_mounted[64];
	uint32_t s_algorithm_usage_bitmap;
	uint8_t s_prealloc_blocks;
	uint8_t s_prealloc_dir_blocks;
	uint16_t s_reserved_gdt_blocks;
	uint8_t s_journal_uuid[16];
	uint32_t s_journal_inum;
	uint32_t s_journal_dev;
	uint32_t s_last_orphan;
	uint32_t s_hash_seed[4];
	uint8_t s_def_hash_version;
	uint8_t s_jnl_backup_type;
	uint16_t s_desc_size;
	uint32_t s_default_mount_opts;
	uint32_t s_first_meta_bg;
	uint32_t s_mkfs_time;
	uint32_t s_jnl_blocks[17];
	uint32_t s_blocks_count_hi;
	uint32_t s_r_blocks_count_hi;
	uint32_t s_free_blocks_hi;
	uint16_t s_min_extra_isize;
	uint16_t s_want_extra_isize;
	uint32_t s_flags;
	uint8_t s_rest[EXT2_SUPER_SIZE - 356];
} __attribute__((packed));

_Static_assert(sizeof(struct ext2_super) == EXT2_SUPER_SIZE, "superblock");
_Static_assert(offsetof(struct ext2_super, s_magic) == 56, "s_magic");
_Static_assert(offsetof(struct ext2_super, s_rev_level) == 76, "s_rev_level");
_Static_assert(offsetof(struct ext2_super, s_feature_compat) == 92, "compat");
_Static_assert(offsetof(struct ext2_super, s_reserved_gdt_blocks) == 206,
    "s_reserved_gdt_blocks");
_Static_assert(offsetof(struct ext2_super, s_desc_size) == 254, "desc_size");
_Static_assert(offsetof(struct ext2_super, s_min_extra_isize) == 348,
    "s_min_extra_isize");

struct ext2_group_desc {
	uint32_t bg_block_bitmap;
	uint32_t bg_inode_bitmap;
	uint32_t bg_inode_table;
	uint16_t bg_free_blocks_count;
	uint16_t bg_free_inodes_count;
	uint16_t bg_used_dirs_count;
	uint16_t bg_flags;
	uint32_t bg_exclude_bitmap;
	uint16_t bg_block_bitmap_csum;
	uint16_t bg_inode_bitmap_csum;
	uint16_t bg_itable_unused;
	uint16_t bg_checksum;
} __attribute__((packed));

_Static_assert(sizeof(struct ext2_group_desc) == 32, "group descriptor");

/* Block pointers in i_block[]. */
#define EXT2_NDIR_BLOCKS	12
#define EXT2_IND_BLOCK		12
#define EXT2_DIND_BLOCK		13
#define EXT2_TIND_BLOCK		14
#define EXT2_N_BLOCKS		15
#define EXT2_FAST_SYMLINK_MAX	(EXT2_N_BLOCKS * 4)	/* 60 bytes */

/* The on-disk inode: 128 bytes, then (inode size > 128) the extra part,
 * valid up to 128 + i_extra_isize. */
struct ext2_dinode {
	uint16_t i_mode;
	uint16_t i_uid;			/* low 16 bits */
	uint32_t i_size;		/* low 32 bits */
	uint32_t i_atime;
	uint32_t i_ctime;
	uint32_t i_mtime;
	uint32_t i_dtime;
	uint16_t i_gid;			/* low 16 bits */
	uint16_t i_links_count;
	uint32_t i_blocks;		/* 512-byte units */
	uint32_t i_flags;
	uint32_t i_version;
	uint32_t i_block[EXT2_N_BLOCKS];
	uint32_t i_generation;
	uint32_t i_file_acl;		/* extended-attribute block */
	uint32_t i_size_high;		/* files: size bits 32..63 */
	uint32_t i_faddr;
	uint16_t i_blocks_hi;
	uint16_t i_file_acl_high;
	uint16_t i_uid_high;
	uint16_t i_gid_high;
	uint16_t i_checksum_lo;
	uint16_t i_reserved;
	/* extra part */
	uint16_t i_extra_isize;
	uint16_t i_checksum_hi;
	uint32_t i_ctime_extra;		/* (nanoseconds << 2) | epoch bits */
	uint32_t i_mtime_extra;
	uint32_t i_atime_extra;
	uint32_t i_crtime;
	uint32_t i_crtime_extra;
	uint32_t i_version_hi;
	uint32_t i_projid;
};	/* naturally aligned: no packing needed (sizes asserted below) */

_Static_assert(offsetof(struct ext2_dinode, i_block) == 40, "i_block");
_Static_assert(offsetof(struct ext2_dinode, i_file_acl) == 104, "i_file_acl");
_Static_assert(offsetof(struct ext2_dinode, i_uid_high) == 120, "uid_high");
_Static_assert(offsetof(struct ext2_dinode, i_extra_isize) == 128, "extra");
_Static_assert(offsetof(struct ext2_dinode, i_crtime) == 144, "i_crtime");
_Static_assert(sizeof(struct ext2_dinode) == 160, "inode with extra part");

/* Extra-part sizes that cover the fields up to and including ... */
#define EXT2_EXTRA_TIMES	(offsetof(struct ext2_dinode, i_crtime) - 128)
#define EXT2_EXTRA_NEW		32	/* what new inodes get (up to i_projid) */

/* i_flags */
#define EXT2_IMMUTABLE_FL	0x00000010
#define EXT2_APPEND_FL		0x00000020
#define EXT2_INDEX_FL		0x00001000	/* hashed directory */
#define EXT2_EXTENTS_FL		0x00080000	/* ext4 extents: not ours */
#define EXT2_EA_INODE_FL	0x00200000
#define EXT2_INLINE_DATA_FL	0x10000000
#define EXT2_UNSUPPORTED_FL	(EXT2_EXTENTS_FL | EXT2_EA_INODE_FL | \
				 EXT2_INLINE_DATA_FL)

#define EXT2_LINK_MAX		32000
#define EXT2_NAME_LEN		255

/* Directory entries (with the filetype feature; otherwise name_len is 16
 * bits and file_type is its high byte). */
struct ext2_dirent {
	uint32_t inode;			/* 0: unused entry */
	uint16_t rec_len;		/* bytes to the next entry */
	uint8_t name_len;
	uint8_t file_type;
	char name[];
} __attribute__((packed));

_Static_assert(sizeof(struct ext2_dirent) == 8, "dirent header");

#define EXT2_DIR_REC_LEN(namelen)	(((namelen) + 8 + 3) & ~3u)

#define EXT2_FT_UNKNOWN		0
#define EXT2_FT_REG_FILE	1
#define EXT2_FT_DIR		2
#define EXT2_FT_CHRDEV		3
#define EXT2_FT_BLKDEV		4
#define EXT2_FT_FIFO		5
#define EXT2_FT_SOCK		6
#define EXT2_FT_SYMLINK		7
#define EXT2_FT_MAX		8

/* Extended attributes: a block (i_file_acl) starting with a header, or the
 * inode's extra space after 128 + i_extra_isize starting with the magic.
 * Entries follow, 4-byte aligned, ended by four zero bytes; values are
 * 4-byte padded, placed from the end.  Value offsets count from the block
 * start, or from the first in-inode entry. */
#define EXT2_XATTR_MAGIC	0xEA020000
#define EXT2_XATTR_REFCOUNT_MAX	1024

struct ext2_xattr_header {
	uint32_t h_magic;
	uint32_t h_refcount;
	uint32_t h_blocks;		/* always 1 */
	uint32_t h_hash;
	uint32_t h_checksum;
	uint32_t h_reserved[3];
} __attribute__((packed));

struct ext2_xattr_entry {
	uint8_t e_name_len;
	uint8_t e_name_index;		/* EXT2_XATTR_INDEX_* */
	uint16_t e_value_offs;
	uint32_t e_value_inum;		/* ea_inode: not supported */
	uint32_t e_value_size;
	uint32_t e_hash;
	char e_name[];
} __attribute__((packed));

_Static_assert(sizeof(struct ext2_xattr_header) == 32, "xattr header");
_Static_assert(sizeof(struct ext2_xattr_entry) == 16, "xattr entry");

#define EXT2_XATTR_PAD		4
#define EXT2_XATTR_ROUND(n)	(((n) + EXT2_XATTR_PAD - 1) & ~(EXT2_XATTR_PAD - 1u))
#define EXT2_XATTR_ENTRY_LEN(namelen) \
	EXT2_XATTR_ROUND(sizeof(struct ext2_xattr_entry) + (namelen))

#define EXT2_XATTR_INDEX_USER			1
#define EXT2_XATTR_INDEX_POSIX_ACL_ACCESS	2
#define EXT2_XATTR_INDEX_POSIX_ACL_DEFAULT	3
#define EXT2_XATTR_INDEX_TRUSTED		4
#define EXT2_XATTR_INDEX_SECURITY		6
#define EXT2_XATTR_INDEX_SYSTEM			7

#define EXT2_XATTR_NAME_HASH_SHIFT	5
#define EXT2_XATTR_VALUE_HASH_SHIFT	16
#define EXT2_XATTR_BLOCK_HASH_SHIFT	16

#endif /* EXT2_FORMAT_H */
