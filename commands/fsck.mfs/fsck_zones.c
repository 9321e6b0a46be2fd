/*
 * fsck_zones.c - the zones of one inode: direct, single, double and (V2/V3,
 * zone[9], as Linux) triple indirect.
 *
 * Each pointer is checked before it is followed: inside the data area
 * (not metadata, not past the end), not already used by another file or
 * earlier in this one, and not past the file's size.  A bad pointer is
 * never followed; in repair mode it is cleared where it is stored (inode
 * or indirect block).  The walk's depth is fixed by the format and its
 * width by the block size, so it always ends.
 */
#include <errno.h>
#include <string.h>
#include "fsck.h"

enum { FSCK_KEEP, FSCK_DROP };

struct fsck_walk {
	uint32_t n;
	const char *path;
	uint64_t nblocks;
	uint64_t extent;		/* last kept data block + 1 */
	fsck_data_fn data;
	void *arg;
};

static int fsck_seen(const struct fsck *f, uint32_t z)
{
	return (f->zseen[z >> 3] >> (z & 7)) & 1;
}

/* Check zone pointer 'z' mapping file blocks from 'first' on. */
static int fsck_check_ptr(struct fsck *f, struct fsck_walk *w, uint32_t z,
    uint64_t first, int *fix)
{
	const struct mfs_sb *sb = &f->img.sb;

	*fix = 0;
	if (z < sb->firstdatazone || z >= sb->zones) {
		*fix = fsck_problem(f, "Zone %u %s in file `%s' (inode %u).",
		    z, z < sb->firstdatazone ? "< FIRSTZONE" : ">= ZONES",
		    w->path, w->n);
		return FSCK_DROP;
	}
	if (first >= w->nblocks) {
		*fix = fsck_problem(f, "Zone %u lies past the size of file "
		    "`%s' (inode %u).", z, w->path, w->n);
		return FSCK_DROP;
	}
	if (fsck_seen(f, z)) {
		*fix = fsck_problem(f, "Zone %u is used twice: again in file "
		    "`%s' (inode %u).", z, w->path, w->n);
		return FSCK_DROP;
	}
	f->zseen[z >> 3] |= (uint8_t)(1u << (z & 7));
	f->nzones++;
	return FSCK_KEEP;
}

static void fsck_walk_ind(struct fsck *f, struct fsck_walk *w, uint32_t zone,
    int depth, uint64_t first)
{
	const struct mfs_sb *sb = &f->img.sb;
	uint8_t *buf = f->ind[depth - 1];
	uint64_t span = 1, idx;
	unsigned int i;
	int d, r, fix, dirty = 0;
	uint32_t z;

	for (d = 1; d < depth; d++)
		span *= sb->ptrs_per_block;
	if ((r = mfsu_read_block(&f->img, zone, buf)) != OK) {
		fsck_ioerr(f, "indirect block", zone, r);
		return;
	}
	for (i = 0; i < sb->ptrs_per_block; i++) {
		if ((z = mfs_ind_get(sb, buf, i)) == MFS_NO_ZONE)
			continue;
		idx = first + i * span;
		if (fsck_check_ptr(f, w, z, idx, &fix) == FSCK_DROP) {
			if (fix) {
				mfs_ind_set(sb, buf, i, MFS_NO_ZONE);
				dirty = 1;
			}
			continue;
		}
		if (depth > 1) {
			fsck_walk_ind(f, w, z, depth - 1, idx);
			continue;
		}
		w->extent = idx + 1;
		if (w->data)
			w->data(f, w->arg, idx, z);
	}
	if (dirty && (r = mfsu_write_block(&f->img, zone, buf)) != OK)
		fsck_ioerr(f, "indirect block", zone, r);
}

uint64_t fsck_zones(struct fsck *f, uint32_t n, struct mfs_dinode *ino,
    const char *path, uint64_t nblocks, fsck_data_fn data, void *arg)
{
	const struct mfs_sb *sb = &f->img.sb;
	uint64_t np = sb->ptrs_per_block;
	uint64_t first[MFS_V2_NR_TZONES - MFS_NR_DZONES] = {
		MFS_NR_DZONES, MFS_NR_DZONES + np, MFS_NR_DZONES + np + np * np
	};
	struct fsck_walk w = { n, path, nblocks, 0, data, arg };
	unsigned int s;
	int fix, changed = 0;

	for (s = 0; s < sb->nr_tzones; s++) {
		uint64_t idx = s < MFS_NR_DZONES ? s : first[s - MFS_NR_DZONES];

		if (ino->zone[s] == MFS_NO_ZONE)
			continue;
		if (fsck_check_ptr(f, &w, ino->zone[s], idx, &fix) ==
		    FSCK_DROP) {
			if (fix) {
				ino->zone[s] = MFS_NO_ZONE;
				changed = 1;
			}
			continue;
		}
		if (s >= MFS_NR_DZONES) {
			fsck_walk_ind(f, &w, ino->zone[s],
			    (int)(s - MFS_NR_DZONES + 1), idx);
			continue;
		}
		w.extent = idx + 1;
		if (data)
			data(f, arg, idx, ino->zone[s]);
	}
	if (changed)
		fsck_iput(f, n, ino);
	return w.extent;
}
