/*
 * getdents.c - directory listings.
 *
 * fsdriver.h wants "." and ".." first; genromfs writes them as entries,
 * but not always as the first two.  So positions 0 and 1 list "." and ".."
 * (".." found by name, as lookup does), and every other position is the
 * header offset of the next on-disk entry to list (headers are 16-byte
 * aligned, so the small numbers are free); the on-disk "." and ".." are
 * skipped.  ROMFS_POS_DIR starts the on-disk entries, ROMFS_POS_END ends.
 * A hard link is listed with its target's number and type.
 */
#include <string.h>

#include <mica/dirent.h>
#include "romfs.h"

#define ROMFS_POS_DOTDOT	1
#define ROMFS_POS_DIR		2
#define ROMFS_POS_END		3

static int romfs_is_dot(const char *name)
{
	return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

static int romfs_add(struct fsdriver_dentry *d, const struct romfs_file *t,
    const char *name, off_t next)
{
	return fsdriver_dentry_add(d, t->off, name, strlen(name),
	    fsdriver_mode_dtype(romfs_mode(t)), next);
}

/* "." (pos 0) or ".." (pos 1) of 'dir'. */
static int romfs_add_dot(struct fsdriver_dentry *d,
    const struct romfs_file *dir, off_t pos)
{
	struct romfs_file up;
	int r;

	if (pos == 0)
		return romfs_add(d, dir, ".", ROMFS_POS_DOTDOT);
	if ((r = romfs_dir_find(dir->off, "..", &up)) == -ENOENT)
		up = *dir;		/* no ".." on disk: a root */
	else if (r != OK)
		return r;
	return romfs_add(d, &up, "..", ROMFS_POS_DIR);
}

/* The entry whose header is at 'off' (skipped if "." or ".."); *next gets
 * the one after it. */
static int romfs_add_entry(struct fsdriver_dentry *d, uint32_t off,
    uint32_t *next)
{
	char name[ROMFS_MAXFN];
	struct romfs_file e, t;
	unsigned int type;
	int r;

	if ((r = romfs_hdr_read(off, &e, name, &type)) != OK)
		return r;
	*next = e.next;
	if (romfs_is_dot(name))
		return 1;
	if ((r = romfs_file_get(off, &t)) != OK)
		return r;
	return romfs_add(d, &t, name, e.next != 0 ? (off_t)e.next :
	    ROMFS_POS_END);
}

/* fdr_getdents */
ssize_t romfs_getdents(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t *pos)
{
	char stage[2048];
	struct fsdriver_dentry d;
	struct romfs_file dir;
	uint32_t off, next = 0, steps = romfs_vol.size / ROMFS_ALIGN;
	ssize_t n;
	int r;

	if ((r = romfs_file_get((uint32_t)ino, &dir)) != OK)
		return r;
	if (dir.type != ROMFS_DIR)
		return -ENOTDIR;
	if (*pos == ROMFS_POS_END)
		return 0;
	if (*pos < 0 || *pos >= romfs_vol.size ||
	    (*pos > ROMFS_POS_END && *pos % ROMFS_ALIGN != 0))
		return -EINVAL;
	fsdriver_dentry_init(&d, data, bytes, stage, sizeof(stage));
	for (; *pos < ROMFS_POS_DIR; (*pos)++)
		if ((r = romfs_add_dot(&d, &dir, *pos)) <= 0)
			goto out;
	off = *pos == ROMFS_POS_DIR ? dir.spec & ROMFS_OFF_MASK :
	    (uint32_t)*pos;
	for (; off != 0; off = next) {
		if (steps-- == 0)
			return -EIO;
		if ((r = romfs_add_entry(&d, off, &next)) <= 0)
			goto out;
		*pos = next != 0 ? (off_t)next : ROMFS_POS_END;
	}
	*pos = ROMFS_POS_END;
	r = 1;
out:
	if (r < 0)
		return r;
	n = fsdriver_dentry_finish(&d);
	if (n == 0 && *pos != ROMFS_POS_END)
		return -EINVAL;		/* not even one entry fits */
	return n;
}
