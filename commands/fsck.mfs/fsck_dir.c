/*
 * fsck_dir.c - one directory of pass 2: its size, its blocks and its
 * entries.
 *
 * The directory's zones are walked (and checked) first and its data
 * blocks collected, because checking an entry's file reuses the zone
 * walk's buffers.  "." and ".." are fixed in place; other bad entries are
 * cleared.  A directory without a first block gets one after the walk,
 * when the free zones are known.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "fsck.h"

/* The data blocks of a directory, collected before any entry is read (the
 * zone walk's buffers are reused by the checks of the entries' files). */
struct fsck_blist {
	uint64_t *idx;
	uint32_t *zone;
	size_t n, cap;
	int nomem;
};

static void fsck_collect(struct fsck *f, void *arg, uint64_t idx,
    uint32_t zone)
{
	struct fsck_blist *l = arg;
	uint64_t *ni;
	uint32_t *nz;

	(void)f;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		ni = realloc(l->idx, l->cap * sizeof(*ni));
		if (ni)
			l->idx = ni;
		nz = realloc(l->zone, l->cap * sizeof(*nz));
		if (nz)
			l->zone = nz;
		if (!ni || !nz) {
			l->nomem = 1;
			l->cap = l->n;
			return;
		}
	}
	l->idx[l->n] = idx;
	l->zone[l->n++] = zone;
}

/* "." (slot 0) and ".." (slot 1): fix them in place; count their links. */
static int fsck_dots(struct fsck *f, const struct fsck_dirctx *d,
    unsigned int s, uint64_t g, uint32_t e, const char *name)
{
	const char *want = g == 0 ? "." : "..";
	uint32_t target = g == 0 ? d->self : d->parent;
	int fix = 0;

	f->links[target]++;
	if (strcmp(name, want) != 0)
		fix = fsck_problem(f, "%s: bad directory: '%s' isn't %s.",
		    d->path, want, g == 0 ? "first" : "second");
	else if (e != target)
		fix = fsck_problem(f, "%s: '%s' names inode %u, should be "
		    "%u.", d->path, want, e, target);
	if (fix)
		mfs_dirent_set(&f->img.sb, f->blk, s, target, want);
	return fix;
}

/* Check the entries of one directory block (file block 'idx'). */
static void fsck_dirblock(struct fsck *f, const struct fsck_dirctx *d,
    uint64_t idx, uint32_t zone)
{
	const struct mfs_sb *sb = &f->img.sb;
	unsigned int per = sb->block_size / sb->dirent_size, s;
	char name[MFS_NAME_V3 + 1];
	int r, dirty = 0;
	uint64_t g;
	uint32_t e;

	if ((r = mfsu_read_block(&f->img, zone, f->blk)) != OK) {
		fsck_ioerr(f, "directory block", zone, r);
		return;
	}
	for (s = 0; s < per && (g = idx * per + s) < d->nslots; s++) {
		e = mfs_dirent_get(sb, f->blk, s, name);
		if (g < 2) {
			dirty |= fsck_dots(f, d, s, g, e, name);
			continue;
		}
		if (e == 0 || fsck_entry(f, d, e, name))
			continue;
		memset(f->blk + (size_t)s * sb->dirent_size, 0,
		    sb->dirent_size);
		dirty = 1;
	}
	if (dirty && (r = mfsu_write_block(&f->img, zone, f->blk)) != OK)
		fsck_ioerr(f, "directory block", zone, r);
}

/* Remember a directory whose first block is to be rebuilt after the walk
 * (only then are the free zones known). */
static void fsck_defer_first(struct fsck *f, const struct fsck_dir *dd)
{
	struct fsck_dir *n;

	n = realloc(f->nofirst, (f->nnofirst + 1) * sizeof(*n));
	if (!n) {
		fsck_ioerr(f, "directory (out of memory)", dd->ino, -ENOMEM);
		return;
	}
	f->nofirst = n;
	f->nofirst[f->nnofirst].ino = dd->ino;
	f->nofirst[f->nnofirst].parent = dd->parent;
	f->nofirst[f->nnofirst++].path = NULL;
}

/* Give directory dd a new first block holding "." and "..". */
void fsck_rebuild_first(struct fsck *f, const struct fsck_dir *dd)
{
	const struct mfs_sb *sb = &f->img.sb;
	struct mfs_dinode ino;
	uint32_t z;
	int r;

	for (z = sb->firstdatazone; z < sb->zones; z++)
		if (!((f->zseen[z >> 3] >> (z & 7)) & 1))
			break;
	if (z >= sb->zones) {
		fsck_unfixable(f, "No free zone for the first block of "
		    "directory inode %u.", dd->ino);
		return;
	}
	f->zseen[z >> 3] |= (uint8_t)(1u << (z & 7));
	memset(f->blk, 0, sb->block_size);
	mfs_dirent_set(sb, f->blk, 0, dd->ino, ".");
	mfs_dirent_set(sb, f->blk, 1, dd->parent, "..");
	if ((r = mfsu_write_block(&f->img, z, f->blk)) != OK) {
		fsck_ioerr(f, "directory block", z, r);
		return;
	}
	fsck_iget(f, dd->ino, &ino);
	ino.zone[0] = z;
	fsck_iput(f, dd->ino, &ino);
}

/* Directory sizes: whole entries, at least "." and "..", within the
 * format's maximum.  Returns the size the walk should use. */
static uint32_t fsck_dir_size(struct fsck *f, const struct fsck_dir *dd,
    struct mfs_dinode *ino, int *big)
{
	unsigned int ds = f->img.sb.dirent_size;
	uint32_t size = ino->size;

	*big = size > f->img.sb.max_size;
	if (*big)
		return size;
	if (size % ds != 0 && fsck_problem(f, "Directory `%s' (inode %u): "
	    "size %u is not a multiple of %u.", dd->path, dd->ino, size, ds))
		ino->size = size - size % ds;
	size -= size % ds;
	if (size < 2 * ds && fsck_problem(f, "%s: bad directory: size < %u.",
	    dd->path, 2 * ds))
		ino->size = 2 * ds;
	return size < 2 * ds ? 2 * ds : size;
}

void fsck_dir(struct fsck *f, const struct fsck_dir *dd)
{
	struct fsck_dirctx d = { dd->ino, dd->parent, dd->path, 0 };
	struct fsck_blist l = { NULL, NULL, 0, 0, 0 };
	struct mfs_dinode ino;
	uint64_t extent;
	uint32_t size, old;
	size_t i;
	int big;

	f->ndirs++;
	fsck_iget(f, dd->ino, &ino);
	old = ino.size;
	size = fsck_dir_size(f, dd, &ino, &big);
	if (ino.size != old)
		fsck_iput(f, dd->ino, &ino);
	d.nslots = size / f->img.sb.dirent_size;
	extent = fsck_zones(f, dd->ino, &ino, dd->path, fsck_nblocks(f, big ?
	    (uint32_t)f->img.sb.max_size : size), fsck_collect, &l);
	if (big && fsck_problem(f, "Directory `%s' (inode %u): size %u is "
	    "larger than the maximum.", dd->path, dd->ino, ino.size)) {
		fsck_iget(f, dd->ino, &ino);
		ino.size = fsck_cap_size(f, extent);
		ino.size -= ino.size % f->img.sb.dirent_size;
		fsck_iput(f, dd->ino, &ino);
	}
	if (l.nomem)
		fsck_ioerr(f, "directory (out of memory)", dd->ino, -ENOMEM);
	if (l.n == 0 || l.idx[0] != 0) {
		if (fsck_problem(f, "%s: bad directory: no first block "
		    "('.' and '..' missing).", dd->path))
			fsck_defer_first(f, dd);
		f->links[d.self]++;
		f->links[d.parent]++;
	}
	for (i = 0; i < l.n; i++)
		fsck_dirblock(f, &d, l.idx[i], l.zone[i]);
	free(l.idx);
	free(l.zone);
}
