/*
 * mfsu_codec.c - inodes, directory entries, indirect blocks and bitmaps,
 * converted between their on-disk bytes and the tools' common forms.
 *
 * The version differences live here and in fs/mfs/mfs_sb.c only: V1 inodes
 * are 32 bytes with 16-bit zone numbers, V2/V3 inodes 64 bytes; V1/V2
 * directory entries carry a 16-bit inode number and a 14- or 30-byte name,
 * V3 entries a 32-bit number and a 60-byte name.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "mfsutil.h"

uint64_t mfsu_inode_pos(const struct mfs_sb *sb, uint32_t n)
{
	return (uint64_t)mfs_itable_start(sb) * sb->block_size +
	    (uint64_t)(n - 1) * sb->inode_size;
}

void mfsu_inode_decode(const struct mfs_sb *sb, const void *raw,
    struct mfsu_inode *ino)
{
	const struct mfs_inode_v1 *a = raw;
	const struct mfs_inode_v2 *b = raw;
	unsigned int i;

	memset(ino, 0, sizeof(*ino));
	if (sb->version == 1) {
		ino->mode = a->i_mode;
		ino->nlinks = a->i_nlinks;
		ino->uid = a->i_uid;
		ino->gid = a->i_gid;
		ino->size = a->i_size;
		ino->atime = ino->mtime = ino->ctime = a->i_mtime;
		for (i = 0; i < MFS_V1_NR_TZONES; i++)
			ino->zone[i] = a->i_zone[i];
		return;
	}
	ino->mode = b->i_mode;
	ino->nlinks = b->i_nlinks;
	ino->uid = b->i_uid;
	ino->gid = b->i_gid;
	ino->size = b->i_size;
	ino->atime = b->i_atime;
	ino->mtime = b->i_mtime;
	ino->ctime = b->i_ctime;
	memcpy(ino->zone, b->i_zone, sizeof(b->i_zone));
}

void mfsu_inode_encode(const struct mfs_sb *sb, const struct mfsu_inode *ino,
    void *raw)
{
	struct mfs_inode_v1 *a = raw;
	struct mfs_inode_v2 *b = raw;
	unsigned int i;

	memset(raw, 0, sb->inode_size);
	if (sb->version == 1) {
		a->i_mode = ino->mode;
		a->i_nlinks = (uint8_t)ino->nlinks;
		a->i_uid = ino->uid;
		a->i_gid = (uint8_t)ino->gid;
		a->i_size = ino->size;
		a->i_mtime = ino->mtime;
		for (i = 0; i < MFS_V1_NR_TZONES; i++)
			a->i_zone[i] = (uint16_t)ino->zone[i];
		return;
	}
	b->i_mode = ino->mode;
	b->i_nlinks = ino->nlinks;
	b->i_uid = ino->uid;
	b->i_gid = ino->gid;
	b->i_size = ino->size;
	b->i_atime = ino->atime;
	b->i_mtime = ino->mtime;
	b->i_ctime = ino->ctime;
	memcpy(b->i_zone, ino->zone, sizeof(b->i_zone));
}

uint32_t mfsu_dirent_get(const struct mfs_sb *sb, const void *blk,
    unsigned int slot, char *name)
{
	const uint8_t *p = (const uint8_t *)blk + (size_t)slot *
	    sb->dirent_size;
	unsigned int off = sb->version == 3 ? 4 : 2;
	uint32_t ino;

	if (sb->version == 3)
		memcpy(&ino, p, 4);
	else
		ino = (uint32_t)p[0] | (uint32_t)p[1] << 8;
	memcpy(name, p + off, sb->name_max);
	name[sb->name_max] = '\0';
	return ino;
}

void mfsu_dirent_set(const struct mfs_sb *sb, void *blk, unsigned int slot,
    uint32_t ino, const char *name)
{
	uint8_t *p = (uint8_t *)blk + (size_t)slot * sb->dirent_size;
	unsigned int off = sb->version == 3 ? 4 : 2;
	size_t len = strnlen(name, sb->name_max);

	memset(p, 0, sb->dirent_size);
	if (sb->version == 3) {
		memcpy(p, &ino, 4);
	} else {
		p[0] = (uint8_t)ino;
		p[1] = (uint8_t)(ino >> 8);
	}
	memcpy(p + off, name, len);
}

uint32_t mfsu_ind_get(const struct mfs_sb *sb, const void *blk, unsigned int i)
{
	const uint8_t *p = blk;
	uint32_t z = 0;

	if (sb->zone_ptr_size == 2)
		return (uint32_t)p[2 * i] | (uint32_t)p[2 * i + 1] << 8;
	memcpy(&z, p + 4 * (size_t)i, 4);
	return z;
}

void mfsu_ind_set(const struct mfs_sb *sb, void *blk, unsigned int i,
    uint32_t z)
{
	uint8_t *p = blk;

	if (sb->zone_ptr_size == 2) {
		p[2 * i] = (uint8_t)z;
		p[2 * i + 1] = (uint8_t)(z >> 8);
		return;
	}
	memcpy(p + 4 * (size_t)i, &z, 4);
}

int mfsu_map_init(struct mfsu_map *m, const struct mfs_sb *sb,
    uint32_t nblocks)
{
	m->nblocks = nblocks;
	m->nbits = (uint64_t)nblocks * sb->block_size * 8;
	m->bits = calloc(nblocks ? nblocks : 1, sb->block_size);
	return m->bits ? OK : -ENOMEM;
}

int mfsu_map_load(struct mfsu_map *m, const struct mfsu_img *img,
    uint32_t start, uint32_t nblocks)
{
	uint32_t i;
	int r;

	if ((r = mfsu_map_init(m, &img->sb, nblocks)) != OK)
		return r;
	for (i = 0; i < nblocks; i++) {
		r = mfsu_read_block(img, (uint64_t)start + i, m->bits +
		    (size_t)i * img->sb.block_size);
		if (r != OK) {
			mfsu_map_free(m);
			return r;
		}
	}
	return OK;
}

int mfsu_map_store(const struct mfsu_map *m, const struct mfsu_img *img,
    uint32_t start)
{
	uint32_t i;
	int r;

	for (i = 0; i < m->nblocks; i++) {
		r = mfsu_write_block(img, (uint64_t)start + i, m->bits +
		    (size_t)i * img->sb.block_size);
		if (r != OK)
			return r;
	}
	return OK;
}

void mfsu_map_free(struct mfsu_map *m)
{
	free(m->bits);
	m->bits = NULL;
	m->nbits = 0;
}

int mfsu_map_test(const struct mfsu_map *m, uint64_t bit)
{
	if (bit >= m->nbits)
		return 1;
	return (m->bits[bit >> 3] >> (bit & 7)) & 1;
}

void mfsu_map_set(struct mfsu_map *m, uint64_t bit, int on)
{
	if (bit >= m->nbits)
		return;
	if (on)
		m->bits[bit >> 3] |= (uint8_t)(1u << (bit & 7));
	else
		m->bits[bit >> 3] &= (uint8_t)~(1u << (bit & 7));
}
