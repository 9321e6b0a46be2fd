/*
 * mfs_codec.c - inodes, directory entries and indirect blocks of MINIX
 * V1/V2/V3, to and from their on-disk bytes (see mfs_codec.h).
 *
 * The layouts come from mfs_format.h; the geometry (entry and inode sizes,
 * pointer width) from the decoded superblock.  Records are copied with
 * memcpy, never accessed in place, so no alignment is assumed; the format
 * is little-endian like every machine Mica builds for (checked in
 * mfs_sb.c).
 */
#include <string.h>
#include "mfs_codec.h"

#define MFS_V1_GID_MAX		0xffu
#define MFS_ID16_MAX		0xffffu

uint32_t mfs_uid_disk(const struct mfs_sb *sb, uint32_t id)
{
	(void)sb;
	return id > MFS_ID16_MAX ? MFS_ID_OVERFLOW : id;
}

uint32_t mfs_gid_disk(const struct mfs_sb *sb, uint32_t id)
{
	if (sb->version == 1)
		return id > MFS_V1_GID_MAX ? (MFS_ID_OVERFLOW & MFS_V1_GID_MAX) :
		    id;
	return id > MFS_ID16_MAX ? MFS_ID_OVERFLOW : id;
}

static void mfs_decode_v1(const struct mfs_inode_v1 *a, struct mfs_dinode *d)
{
	unsigned int i;

	d->mode = a->i_mode;
	d->nlinks = a->i_nlinks;
	d->uid = a->i_uid;
	d->gid = a->i_gid;
	d->size = a->i_size;
	d->atime = d->mtime = d->ctime = a->i_mtime;
	for (i = 0; i < MFS_V1_NR_TZONES; i++)
		d->zone[i] = a->i_zone[i];
}

static void mfs_decode_v2(const struct mfs_inode_v2 *b, struct mfs_dinode *d)
{
	d->mode = b->i_mode;
	d->nlinks = b->i_nlinks;
	d->uid = b->i_uid;
	d->gid = b->i_gid;
	d->size = b->i_size;
	d->atime = b->i_atime;
	d->mtime = b->i_mtime;
	d->ctime = b->i_ctime;
	memcpy(d->zone, b->i_zone, sizeof(b->i_zone));
}

void mfs_inode_decode(const struct mfs_sb *sb, const void *raw,
    struct mfs_dinode *d)
{
	struct mfs_inode_v1 a;
	struct mfs_inode_v2 b;

	memset(d, 0, sizeof(*d));
	if (sb->version == 1) {
		memcpy(&a, raw, sizeof(a));
		mfs_decode_v1(&a, d);
	} else {
		memcpy(&b, raw, sizeof(b));
		mfs_decode_v2(&b, d);
	}
}

void mfs_inode_encode(const struct mfs_sb *sb, const struct mfs_dinode *d,
    void *raw)
{
	struct mfs_inode_v1 a;
	struct mfs_inode_v2 b;
	unsigned int i;

	if (sb->version == 1) {
		a.i_mode = d->mode;
		a.i_uid = (uint16_t)mfs_uid_disk(sb, d->uid);
		a.i_size = d->size;
		a.i_mtime = d->mtime;
		a.i_gid = (uint8_t)mfs_gid_disk(sb, d->gid);
		a.i_nlinks = (uint8_t)d->nlinks;
		for (i = 0; i < MFS_V1_NR_TZONES; i++)
			a.i_zone[i] = (uint16_t)d->zone[i];
		memcpy(raw, &a, sizeof(a));
		return;
	}
	b.i_mode = d->mode;
	b.i_nlinks = d->nlinks;
	b.i_uid = (uint16_t)mfs_uid_disk(sb, d->uid);
	b.i_gid = (uint16_t)mfs_gid_disk(sb, d->gid);
	b.i_size = d->size;
	b.i_atime = d->atime;
	b.i_mtime = d->mtime;
	b.i_ctime = d->ctime;
	memcpy(b.i_zone, d->zone, sizeof(b.i_zone));
	memcpy(raw, &b, sizeof(b));
}

uint32_t mfs_inode_block(const struct mfs_sb *sb, uint32_t n)
{
	return mfs_itable_start(sb) + (n - 1) / sb->inodes_per_block;
}

size_t mfs_inode_offset(const struct mfs_sb *sb, uint32_t n)
{
	return (size_t)((n - 1) % sb->inodes_per_block) * sb->inode_size;
}

uint64_t mfs_inode_pos(const struct mfs_sb *sb, uint32_t n)
{
	return (uint64_t)mfs_itable_start(sb) * sb->block_size +
	    (uint64_t)(n - 1) * sb->inode_size;
}

void mfs_de_set_ino(const struct mfs_sb *sb, void *de, uint32_t ino)
{
	uint16_t i16 = (uint16_t)ino;

	if (sb->version == 3)
		memcpy(de, &ino, sizeof(ino));
	else
		memcpy(de, &i16, sizeof(i16));
}

size_t mfs_de_namelen(const struct mfs_sb *sb, const void *de)
{
	return strnlen(mfs_de_name(sb, de), sb->name_max);
}

void mfs_de_fill(const struct mfs_sb *sb, void *de, uint32_t ino,
    const char *name, size_t len)
{
	memset(de, 0, sb->dirent_size);
	mfs_de_set_ino(sb, de, ino);
	memcpy((char *)mfs_de_name(sb, de), name, len);
}

uint32_t mfs_dirent_get(const struct mfs_sb *sb, const void *blk,
    unsigned int slot, char *name)
{
	const char *de = (const char *)blk + (size_t)slot * sb->dirent_size;

	memcpy(name, mfs_de_name(sb, de), sb->name_max);
	name[sb->name_max] = '\0';
	return mfs_de_ino(sb, de);
}

void mfs_dirent_set(const struct mfs_sb *sb, void *blk, unsigned int slot,
    uint32_t ino, const char *name)
{
	char *de = (char *)blk + (size_t)slot * sb->dirent_size;

	mfs_de_fill(sb, de, ino, name, strnlen(name, sb->name_max));
}

void mfs_ind_set(const struct mfs_sb *sb, void *blk, unsigned int i,
    uint32_t z)
{
	char *p = (char *)blk + (size_t)i * sb->zone_ptr_size;
	uint16_t z16 = (uint16_t)z;

	if (sb->zone_ptr_size == sizeof(z16))
		memcpy(p, &z16, sizeof(z16));
	else
		memcpy(p, &z, sizeof(z));
}
