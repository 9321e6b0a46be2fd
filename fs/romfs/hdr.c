/*
 * hdr.c - reading romfs file headers, every field checked.
 *
 * Headers, names and data are byte-packed (16-byte aligned at best), not
 * block-aligned, so everything is read with lmfs_bio(): byte ranges
 * through the cache.  A range is checked against the image size first.
 * Hard-link chains are followed at most ROMFS_MAX_LINKS times, so a
 * hostile image that links in a circle gets -EIO, not a hang.
 */
#include <string.h>

#include "romfs.h"

#define ROMFS_MAX_LINKS	16

static uint32_t be32(const uint32_t *p)
{
	const uint8_t *b = (const uint8_t *)p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3];
}

/* Copy bytes [pos, pos+len) of the image; -EIO outside it. */
int romfs_read_bytes(uint32_t pos, void *buf, size_t len)
{
	ssize_t n;

	if ((uint64_t)pos + len > romfs_vol.size)
		return -EIO;
	if (len == 0)
		return OK;
	n = lmfs_bio(romfs_vol.dev, 0, pos, buf, len);
	if (n < 0)
		return (int)n;
	return (size_t)n == len ? OK : -EIO;
}

static int romfs_corrupt(const char *what, uint32_t off)
{
	fsdriver_log("romfs: corrupt image: header at %lu: %s",
	    (unsigned long)off, what);
	return -EIO;
}

/* Read the name after the header at 'off'; *len without the NUL. */
static int romfs_name_read(uint32_t off, char *name, size_t *len)
{
	uint32_t at = off + sizeof(struct romfs_hdr);
	size_t n = romfs_vol.size - at < ROMFS_MAXFN ?
	    romfs_vol.size - at : ROMFS_MAXFN;
	char *nul;
	int r;

	if ((r = romfs_read_bytes(at, name, n)) != OK)
		return r;
	if ((nul = memchr(name, '\0', n)) == NULL)
		return romfs_corrupt("name too long or unterminated", off);
	*len = (size_t)(nul - name);
	return OK;
}

/* The header at 'off' as it is; *type is its raw type. */
int romfs_hdr_read(uint32_t off, struct romfs_file *f, char *name,
    unsigned int *type)
{
	char buf[ROMFS_MAXFN];
	struct romfs_hdr h;
	size_t len;
	uint32_t next;
	int r;

	if (off % ROMFS_ALIGN != 0 || off < romfs_vol.root ||
	    (uint64_t)off + sizeof(h) >= romfs_vol.size)
		return romfs_corrupt("offset out of the image", off);
	if ((r = romfs_read_bytes(off, &h, sizeof(h))) != OK ||
	    (r = romfs_name_read(off, name != NULL ? name : buf, &len)) != OK)
		return r;
	next = be32(&h.next);
	f->off = off;
	f->next = next & ROMFS_OFF_MASK;
	f->type = next & ROMFS_TYPE_MASK;
	f->exec = (next & ROMFS_EXEC) != 0;
	f->spec = be32(&h.spec);
	f->size = be32(&h.size);
	f->data = off + (uint32_t)sizeof(h) +
	    (uint32_t)((len + ROMFS_ALIGN) & ~(ROMFS_ALIGN - 1));
	*type = f->type;
	if (f->next != 0 && f->next >= romfs_vol.size)
		return romfs_corrupt("next header out of the image", off);
	if ((f->type == ROMFS_REG || f->type == ROMFS_SYMLINK) &&
	    (uint64_t)f->data + f->size > romfs_vol.size)
		return romfs_corrupt("data out of the image", off);
	return OK;
}

/* The header at 'off', hard links followed to the file they name. */
int romfs_file_get(uint32_t off, struct romfs_file *f)
{
	unsigned int type, hops;
	int r;

	for (hops = 0; hops < ROMFS_MAX_LINKS; hops++) {
		if ((r = romfs_hdr_read(off, f, NULL, &type)) != OK)
			return r;
		if (type != ROMFS_HARDLINK)
			return OK;
		off = f->spec & ROMFS_OFF_MASK;
	}
	return romfs_corrupt("hard links in a circle", off);
}

/* romfs keeps no permissions: Linux's modes, plus x for executables. */
mode_t romfs_mode(const struct romfs_file *f)
{
	static const mode_t modes[] = {
		[ROMFS_DIR] = S_IFDIR | 0644, [ROMFS_REG] = S_IFREG | 0644,
		[ROMFS_SYMLINK] = S_IFLNK | 0777,
		[ROMFS_BLKDEV] = S_IFBLK | 0600,
		[ROMFS_CHRDEV] = S_IFCHR | 0600,
		[ROMFS_SOCKET] = S_IFSOCK | 0644, [ROMFS_FIFO] = S_IFIFO | 0644,
	};
	mode_t m = modes[f->type & ROMFS_TYPE_MASK];

	return f->exec ? m | 0111 : m;
}
