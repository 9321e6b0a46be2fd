/*
 * fsck_counts.c - pass 3: what the tree walk counted against what the
 * inodes and bitmaps say.
 *
 * Link counts become the references found.  An inode marked in use but
 * still not reached (with -n; or, in repair mode, not reconnected to
 * /lost+found because its mode or link count is bad or there was no room)
 * is cleared, and its zones are then free.  The bitmaps become exactly the
 * inodes reached and the zones used, with bit 0 and the bits past the end
 * set, as mkfs makes them.
 */
#include <string.h>
#include "fsck.h"

static void fsck_links(struct fsck *f, uint32_t n)
{
	struct mfs_dinode ino;

	fsck_iget(f, n, &ino);
	if (ino.nlinks == f->links[n])
		return;
	if (f->links[n] > f->img.sb.link_max) {
		fsck_unfixable(f, "Inode %u (mode = %07o), i_nlinks=%u, "
		    "counted=%u: more than the format can hold.", n, ino.mode,
		    ino.nlinks, f->links[n]);
		return;
	}
	if (fsck_problem(f, "Inode %u (mode = %07o), i_nlinks=%u, "
	    "counted=%u.", n, ino.mode, ino.nlinks, f->links[n])) {
		ino.nlinks = (uint16_t)f->links[n];
		fsck_iput(f, n, &ino);
	}
}

/* Inodes: link counts, unreachable ones, the inode bitmap. */
static void fsck_inodes(struct fsck *f)
{
	struct mfs_dinode zero;
	uint64_t b;
	uint32_t n;
	int past = 0;

	memset(&zero, 0, sizeof(zero));
	for (n = 1; n <= f->img.sb.ninodes; n++) {
		int used = mfsu_map_test(&f->imap, n);

		if (f->reached[n]) {
			fsck_links(f, n);
			if (!used && fsck_problem(f, "Inode %u used, marked "
			    "unused in the bitmap.", n))
				mfsu_map_set(&f->imap, n, 1);
		} else if (used && fsck_problem(f, "Inode %u not used (not "
		    "in any directory), marked used in the bitmap.", n)) {
			mfsu_map_set(&f->imap, n, 0);
			fsck_iput(f, n, &zero);
		}
	}
	for (b = (uint64_t)f->img.sb.ninodes + 1; b < f->imap.nbits; b++)
		past |= !mfsu_map_test(&f->imap, b);
	if ((past || !mfsu_map_test(&f->imap, 0)) && fsck_problem(f, "Inode "
	    "bitmap: bit 0 or bits past the last inode are not set.")) {
		mfsu_map_set(&f->imap, 0, 1);
		for (b = (uint64_t)f->img.sb.ninodes + 1; b < f->imap.nbits;
		    b++)
			mfsu_map_set(&f->imap, b, 1);
	}
}

static void fsck_zmap(struct fsck *f)
{
	const struct mfs_sb *sb = &f->img.sb;
	uint64_t b, end = (uint64_t)sb->zones - sb->firstdatazone + 1;
	uint32_t z;
	int past = 0, seen, marked;

	for (z = sb->firstdatazone; z < sb->zones; z++) {
		b = mfs_zone_to_bit(sb, z);
		seen = (f->zseen[z >> 3] >> (z & 7)) & 1;
		marked = mfsu_map_test(&f->zmap, b);
		if (seen && !marked && fsck_problem(f, "Zone %u: in use, "
		    "marked free in the bitmap.", z))
			mfsu_map_set(&f->zmap, b, 1);
		else if (!seen && marked && fsck_problem(f, "Zone %u: marked "
		    "in use, no file uses it.", z))
			mfsu_map_set(&f->zmap, b, 0);
	}
	for (b = end; b < f->zmap.nbits; b++)
		past |= !mfsu_map_test(&f->zmap, b);
	if ((past || !mfsu_map_test(&f->zmap, 0)) && fsck_problem(f, "Zone "
	    "bitmap: bit 0 or bits past the last zone are not set.")) {
		mfsu_map_set(&f->zmap, 0, 1);
		for (b = end; b < f->zmap.nbits; b++)
			mfsu_map_set(&f->zmap, b, 1);
	}
}

void fsck_counts(struct fsck *f)
{
	fsck_inodes(f);
	fsck_zmap(f);
}
