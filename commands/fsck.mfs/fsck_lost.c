/*
 * fsck_lost.c - reconnecting unreachable inodes (repair mode).
 *
 * After the tree walk, an inode that is marked in use and has a valid mode
 * and a link count, but that no directory names, is linked into
 * /lost+found as "#<inode number>" (as e2fsck does) and then checked like
 * any other file: a directory with everything below it, its ".." becoming
 * /lost+found.  /lost+found (mode 0700) is made when the root has none.
 *
 * Entries are appended to the direct zones of /lost+found and the root
 * only.  The zones new directory blocks need are reserved before any
 * unreachable file is walked, from zones that are free on disk and unused,
 * and the number of entries that fit is known before the first one is
 * made: so reconnecting never fails halfway.  What does not fit is cleared
 * by pass 3.
 */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "fsck.h"

#define FSCK_LOST_RES	(MFS_NR_DZONES + 1)	/* lost+found + root block */

struct fsck_lost {
	uint32_t dir;				/* lost+found */
	int made;				/* made by this run */
	uint32_t res[FSCK_LOST_RES];		/* reserved zones */
	unsigned int nres, used;
};

static int fsck_zseen(const struct fsck *f, uint32_t z)
{
	return (f->zseen[z >> 3] >> (z & 7)) & 1;
}

static void fsck_zmark(struct fsck *f, uint32_t z, int on)
{
	if (on)
		f->zseen[z >> 3] |= (uint8_t)(1u << (z & 7));
	else
		f->zseen[z >> 3] &= (uint8_t)~(1u << (z & 7));
}

static int fsck_candidate(const struct fsck *f, uint32_t n)
{
	struct mfs_dinode ino;

	if (f->reached[n] || !mfsu_map_test(&f->imap, n))
		return 0;
	fsck_iget(f, n, &ino);
	return fsck_mode_ok(ino.mode) && ino.nlinks > 0;
}

/* Entries that fit in the direct zones of directory n using at most
 * 'nz' new zones; *left receives the zones not needed. */
static uint64_t fsck_room(const struct fsck *f, uint32_t n, unsigned int nz,
    unsigned int *left)
{
	const struct mfs_sb *sb = &f->img.sb;
	uint64_t per = sb->block_size / sb->dirent_size, s, room = 0;
	struct mfs_dinode d;

	fsck_iget(f, n, &d);
	for (s = d.size / sb->dirent_size; s / per < MFS_NR_DZONES;
	    s = (s / per + 1) * per) {
		if (d.zone[s / per] == MFS_NO_ZONE) {
			if (nz == 0)
				break;
			nz--;
		}
		room += per - s % per;
	}
	*left = nz;
	return room;
}

/* Append (ino, name) to directory 'dir'; room was checked beforehand. */
static void fsck_append(struct fsck *f, struct fsck_lost *l, uint32_t dir,
    uint32_t ino, const char *name)
{
	const struct mfs_sb *sb = &f->img.sb;
	unsigned int per = sb->block_size / sb->dirent_size;
	struct mfs_dinode d;
	uint32_t slot, b;
	int r;

	fsck_iget(f, dir, &d);
	slot = d.size / sb->dirent_size;
	b = slot / per;
	assert(b < MFS_NR_DZONES);
	if (d.zone[b] == MFS_NO_ZONE) {
		assert(l->used < l->nres);
		d.zone[b] = l->res[l->used++];
		mfsu_map_set(&f->zmap, mfs_zone_to_bit(sb, d.zone[b]), 1);
		memset(f->blk, 0, sb->block_size);
	} else if ((r = mfsu_read_block(&f->img, d.zone[b], f->blk)) != OK) {
		fsck_ioerr(f, "directory block", d.zone[b], r);
		return;
	}
	mfs_dirent_set(sb, f->blk, slot % per, ino, name);
	if ((r = mfsu_write_block(&f->img, d.zone[b], f->blk)) != OK)
		fsck_ioerr(f, "directory block", d.zone[b], r);
	d.size += sb->dirent_size;
	fsck_iput(f, dir, &d);
}

/* Reserve zones free on disk and unused, for new directory blocks. */
static void fsck_reserve(struct fsck *f, struct fsck_lost *l)
{
	const struct mfs_sb *sb = &f->img.sb;
	uint32_t z;

	for (z = sb->firstdatazone; z < sb->zones && l->nres < FSCK_LOST_RES;
	    z++) {
		if (fsck_zseen(f, z) ||
		    mfsu_map_test(&f->zmap, mfs_zone_to_bit(sb, z)))
			continue;
		fsck_zmark(f, z, 1);
		l->res[l->nres++] = z;
	}
}

static void fsck_unreserve(struct fsck *f, struct fsck_lost *l)
{
	while (l->nres > l->used)
		fsck_zmark(f, l->res[--l->nres], 0);
}

/* The first inode number free on disk and unused, or 0. */
static uint32_t fsck_free_inode(const struct fsck *f)
{
	uint32_t n;

	for (n = MFS_ROOT_INO + 1; n <= f->img.sb.ninodes; n++)
		if (!f->reached[n] && !mfsu_map_test(&f->imap, n))
			return n;
	return 0;
}

/* Make /lost+found as inode l->dir: ".", "..", and its root entry. */
static void fsck_make_lost(struct fsck *f, struct fsck_lost *l)
{
	struct mfs_dinode d;

	memset(&d, 0, sizeof(d));
	d.mode = S_IFDIR | 0700;
	d.nlinks = 2;
	d.atime = d.mtime = d.ctime = (uint32_t)time(NULL);
	fsck_iput(f, l->dir, &d);
	mfsu_map_set(&f->imap, l->dir, 1);
	f->reached[l->dir] = 1;
	fsck_append(f, l, l->dir, l->dir, ".");
	fsck_append(f, l, l->dir, MFS_ROOT_INO, "..");
	fsck_append(f, l, MFS_ROOT_INO, l->dir, FSCK_LOST);
	f->links[l->dir] += 2;
	f->links[MFS_ROOT_INO]++;
	f->lost_ino = l->dir;
	fsck_problem(f, "No /%s directory: made inode %u.", FSCK_LOST, l->dir);
}

/* Zones one more entry in directory n needs (0 or 1), or -1: no room. */
static int fsck_one_entry(const struct fsck *f, uint32_t n)
{
	const struct mfs_sb *sb = &f->img.sb;
	unsigned int per = sb->block_size / sb->dirent_size;
	struct mfs_dinode d;
	uint32_t b;

	fsck_iget(f, n, &d);
	b = d.size / sb->dirent_size / per;
	if (b >= MFS_NR_DZONES)
		return -1;
	return d.zone[b] == MFS_NO_ZONE ? 1 : 0;
}

/* How many entries /lost+found can take; 0 when there is no room. */
static uint64_t fsck_lost_room(struct fsck *f, struct fsck_lost *l)
{
	unsigned int nz = l->nres, left;
	uint64_t room;
	int root;

	if (!l->made)
		return fsck_room(f, l->dir, nz, &left);
	if ((root = fsck_one_entry(f, MFS_ROOT_INO)) < 0 ||
	    (unsigned int)root > nz)
		return 0;
	room = fsck_room(f, l->dir, nz - (unsigned int)root, &left);
	return room > 2 ? room - 2 : 0;
}

/* Link candidate n into /lost+found and check it (and what is below). */
static void fsck_relink(struct fsck *f, struct fsck_lost *l, uint32_t n)
{
	struct fsck_dirctx d = { l->dir, MFS_ROOT_INO, "/" FSCK_LOST, 0 };
	struct mfs_dinode ino;
	char name[16];

	fsck_iget(f, n, &ino);
	snprintf(name, sizeof(name), "#%u", n);
	fsck_problem(f, "Inode %u (mode 0%o) is in no directory: reconnected "
	    "as /%s/%s.", n, ino.mode, FSCK_LOST, name);
	fsck_append(f, l, l->dir, n, name);
	fsck_entry(f, &d, n, name);
	fsck_walk_pending(f);
}

void fsck_reconnect(struct fsck *f)
{
	struct fsck_lost l;
	uint64_t room;
	uint32_t n;

	memset(&l, 0, sizeof(l));
	for (n = MFS_ROOT_INO + 1; n <= f->img.sb.ninodes; n++)
		if (fsck_candidate(f, n))
			break;
	if (n > f->img.sb.ninodes || f->lost_taken)
		return;
	l.dir = f->lost_ino;
	if (l.dir == 0 && (l.dir = fsck_free_inode(f)) != 0)
		l.made = 1;
	if (l.dir == 0)
		return;
	fsck_reserve(f, &l);
	if ((room = fsck_lost_room(f, &l)) > 0) {
		if (l.made)
			fsck_make_lost(f, &l);
		for (; n <= f->img.sb.ninodes && room > 0; n++) {
			if (!fsck_candidate(f, n))
				continue;
			fsck_relink(f, &l, n);
			room--;
		}
	}
	fsck_unreserve(f, &l);
}
