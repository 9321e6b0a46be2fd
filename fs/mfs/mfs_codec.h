/*
 * mfs_codec.h - the MINIX on-disk records below the superblock: inodes,
 * directory entries and indirect blocks, between their bytes (V1, V2, V3)
 * and one version-independent form.
 *
 * The one codec, next to the superblock decoder (mfs_sb.h), used by the
 * MFS server (fs/mfs), mkfs.mfs and fsck.mfs alike, so the three cannot
 * disagree on a layout or a policy.  Everything is driven by a decoded
 * struct mfs_sb; nothing here touches a device.  The accessors used in
 * directory scans and block mapping are inline.
 *
 * Owner ids: V1/V2/V3 inodes keep 16-bit uids and gids (V1: an 8-bit gid).
 * An id that does not fit its field is stored as the overflow id 65534, as
 * Linux does (fs_high2lowuid); for the 8-bit V1 gid field that is 254, the
 * low byte of 65534 - what Linux ends up storing for such ids too (Linux
 * also cuts V1 gids 256..65535 to their low byte; Mica stores 254 for
 * those as well).  The callers warn when an id is stored so
 * (mfs_uid_disk/mfs_gid_disk tell them); the codec itself never fails.
 */
#ifndef MFS_CODEC_H
#define MFS_CODEC_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "mfs_sb.h"

#define MFS_ID_OVERFLOW		65534u	/* stored for ids that do not fit */

/* An inode in one form for every version.  V1 keeps only mtime (decoded
 * into all three times), an 8-bit gid and an 8-bit link count: encoding
 * truncates the link count (callers keep it within sb->link_max). */
struct mfs_dinode {
	uint16_t mode;
	uint16_t nlinks;
	uint32_t uid, gid;		/* ids as given; encode applies the
					 * overflow policy */
	uint32_t size;
	uint32_t atime, mtime, ctime;
	uint32_t zone[MFS_V2_NR_TZONES];	/* V1: the first 9 */
};

/* The value uid/gid 'id' has on disk: itself when it fits the field, else
 * the overflow id.  A caller that sees a change warns. */
uint32_t mfs_uid_disk(const struct mfs_sb *sb, uint32_t id);
uint32_t mfs_gid_disk(const struct mfs_sb *sb, uint32_t id);

/* Convert between the sb->inode_size bytes at 'raw' and 'd'. */
void mfs_inode_decode(const struct mfs_sb *sb, const void *raw,
    struct mfs_dinode *d);
void mfs_inode_encode(const struct mfs_sb *sb, const struct mfs_dinode *d,
    void *raw);

/* Where inode 'n' (1..ninodes) lies: its block, and its byte offset in
 * that block; and its byte offset in the image. */
uint32_t mfs_inode_block(const struct mfs_sb *sb, uint32_t n);
size_t mfs_inode_offset(const struct mfs_sb *sb, uint32_t n);
uint64_t mfs_inode_pos(const struct mfs_sb *sb, uint32_t n);

/* One directory entry at 'de' (sb->dirent_size bytes): the inode number
 * (0: free slot) and a NUL-padded name of sb->name_max bytes, not
 * terminated when full. */
static inline uint32_t mfs_de_ino(const struct mfs_sb *sb, const void *de)
{
	uint16_t i16;
	uint32_t i32;

	if (sb->version == 3) {
		memcpy(&i32, de, sizeof(i32));
		return i32;
	}
	memcpy(&i16, de, sizeof(i16));
	return i16;
}
static inline const char *mfs_de_name(const struct mfs_sb *sb,
    const void *de)
{
	return (const char *)de + (sb->version == 3 ? sizeof(uint32_t) :
	    sizeof(uint16_t));
}
void mfs_de_set_ino(const struct mfs_sb *sb, void *de, uint32_t ino);
size_t mfs_de_namelen(const struct mfs_sb *sb, const void *de);
/* Fill the slot with ino and the first 'len' (<= name_max, checked by the
 * caller) bytes of 'name'; the rest of the slot is zeroed. */
void mfs_de_fill(const struct mfs_sb *sb, void *de, uint32_t ino,
    const char *name, size_t len);

/* Entry 'slot' of the directory block 'blk': its inode number, and its
 * name NUL-terminated into 'name' (name_max + 1 bytes). */
uint32_t mfs_dirent_get(const struct mfs_sb *sb, const void *blk,
    unsigned int slot, char *name);
/* Store entry 'slot'; 'name' is cut at name_max bytes. */
void mfs_dirent_set(const struct mfs_sb *sb, void *blk, unsigned int slot,
    uint32_t ino, const char *name);

/* Zone pointer 'i' (< sb->ptrs_per_block) of an indirect block: 16 bits
 * in V1, 32 in V2/V3.  Setting a V1 pointer keeps the low 16 bits. */
static inline uint32_t mfs_ind_get(const struct mfs_sb *sb, const void *blk,
    unsigned int i)
{
	const char *p = (const char *)blk + (size_t)i * sb->zone_ptr_size;
	uint16_t z16;
	uint32_t z32;

	if (sb->zone_ptr_size == sizeof(z16)) {
		memcpy(&z16, p, sizeof(z16));
		return z16;
	}
	memcpy(&z32, p, sizeof(z32));
	return z32;
}
void mfs_ind_set(const struct mfs_sb *sb, void *blk, unsigned int i,
    uint32_t z);

#endif /* MFS_CODEC_H */
