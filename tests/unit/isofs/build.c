/*
 * build.c - a tiny ISO 9660 writer for images no tool makes: multi-extent
 * files with extents out of order, hand-placed SUSP/Rock Ridge entries and
 * CE chains, loops, bad names, cycles, records that overrun sectors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "iso_format.h"
#include "isotest.h"

static void put32(uint8_t *p, uint32_t v)
{
	int i;

	for (i = 0; i < 4; i++) {
		p[i] = (uint8_t)(v >> (8 * i));
		p[7 - i] = (uint8_t)(v >> (8 * i));
	}
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = p[3] = (uint8_t)v;
	p[1] = p[2] = (uint8_t)(v >> 8);
}

void isob_init(struct isob *b, size_t blocks)
{
	b->img = calloc(blocks, ISO_BLOCK_SIZE);
	b->blocks = blocks;
}

void isob_free(struct isob *b)
{
	free(b->img);
}

/* A record image at 'p'; returns its length. */
static size_t isob_fill(uint8_t *p, const char *name, size_t namelen,
    uint32_t extent, uint32_t size, uint8_t flags, const uint8_t *su,
    size_t sulen)
{
	size_t len = 33 + namelen + !(namelen & 1) + sulen;

	len += len & 1;
	memset(p, 0, len);
	p[0] = (uint8_t)len;
	put32(p + 2, extent);
	put32(p + 10, size);
	p[18] = 120;		/* 2020-01-02 03:04:05 GMT */
	p[19] = 1;
	p[20] = 2;
	p[21] = 3;
	p[22] = 4;
	p[23] = 5;
	p[25] = flags;
	put16(p + 28, 1);
	p[32] = (uint8_t)namelen;
	memcpy(p + 33, name, namelen);
	if (sulen)
		memcpy(p + 33 + namelen + !(namelen & 1), su, sulen);
	return len;
}

void isob_volume(struct isob *b, uint32_t root_lba, uint32_t root_size)
{
	uint8_t *pvd = b->img + 16 * ISO_BLOCK_SIZE;
	uint8_t *term = b->img + 17 * ISO_BLOCK_SIZE;

	pvd[0] = ISO_VD_PRIMARY;
	memcpy(pvd + 1, ISO_STD_ID, 5);
	pvd[6] = 1;
	put32(pvd + 80, (uint32_t)b->blocks);
	put16(pvd + 120, 1);
	put16(pvd + 124, 1);
	put16(pvd + 128, ISO_BLOCK_SIZE);
	isob_fill(pvd + 156, "\0", 1, root_lba, root_size, ISO_FLAG_DIRECTORY,
	    NULL, 0);
	pvd[881] = 1;
	term[0] = ISO_VD_TERMINATOR;
	memcpy(term + 1, ISO_STD_ID, 5);
	term[6] = 1;
}

size_t isob_rec(struct isob *b, uint32_t lba, size_t *off, const char *name,
    size_t namelen, uint32_t extent, uint32_t size, uint8_t flags,
    const uint8_t *su, size_t sulen)
{
	size_t len = isob_fill(b->img + (size_t)lba * ISO_BLOCK_SIZE + *off,
	    name, namelen, extent, size, flags, su, sulen);

	*off += len;
	return len;
}

static size_t isob_hdr(uint8_t *p, const char *sig, size_t len)
{
	p[0] = (uint8_t)sig[0];
	p[1] = (uint8_t)sig[1];
	p[2] = (uint8_t)len;
	p[3] = 1;
	return len;
}

size_t isob_sp(uint8_t *p)
{
	p[4] = 0xbe;
	p[5] = 0xef;
	p[6] = 0;
	return isob_hdr(p, "SP", 7);
}

size_t isob_er(uint8_t *p)
{
	p[4] = 10;
	p[5] = p[6] = 0;
	p[7] = 1;
	memcpy(p + 8, "RRIP_1991A", 10);
	return isob_hdr(p, "ER", 18);
}

size_t isob_px(uint8_t *p, uint32_t mode, uint32_t uid, uint32_t gid)
{
	put32(p + 4, mode);
	put32(p + 12, 1);
	put32(p + 20, uid);
	put32(p + 28, gid);
	put32(p + 36, 0);
	return isob_hdr(p, "PX", 44);
}

size_t isob_nm(uint8_t *p, uint8_t flags, const char *name, size_t len)
{
	p[4] = flags;
	memcpy(p + 5, name, len);
	return isob_hdr(p, "NM", 5 + len);
}

size_t isob_ce(uint8_t *p, uint32_t block, uint32_t offset, uint32_t len)
{
	put32(p + 4, block);
	put32(p + 12, offset);
	put32(p + 20, len);
	return isob_hdr(p, "CE", 28);
}

size_t isob_sl(uint8_t *p, uint8_t flags, const void *comps, size_t clen)
{
	p[4] = flags;
	memcpy(p + 5, comps, clen);
	return isob_hdr(p, "SL", 5 + clen);
}

size_t isob_tf(uint8_t *p, uint8_t flags, const void *stamps, size_t len)
{
	p[4] = flags;
	memcpy(p + 5, stamps, len);
	return isob_hdr(p, "TF", 5 + len);
}

int isob_write(const struct isob *b, const char *path, size_t bytes)
{
	FILE *f = fopen(path, "wb");
	size_t n;

	if (f == NULL)
		return -1;
	n = fwrite(b->img, 1, bytes, f);
	fclose(f);
	return n == bytes ? 0 : -1;
}
