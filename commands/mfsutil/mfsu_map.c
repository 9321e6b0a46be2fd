/*
 * mfsu_map.c - inode and zone bitmaps held whole in memory, loaded from and
 * stored to the image block by block.  (The on-disk records - inodes,
 * directory entries, indirect blocks - are the MFS codec's, in
 * fs/mfs/mfs_codec.c.)
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "mfsutil.h"

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
