/*
 * dir.c - directory records, validated, and the entries they make.
 *
 * A directory is an extent of 2 KiB sectors holding variable-length
 * records; a record never crosses a sector boundary, and a zero length byte
 * means "the rest of this sector is unused".  The iterator copies one
 * record at a time out of the cache (so no block is held while Rock Ridge
 * continuation areas are read) after checking it: a record that runs past
 * its sector or the directory ends that sector, one whose name does not fit
 * is skipped; both are logged.
 *
 * An entry is one record, or for a multi-extent file (ISO level 3) the run
 * of consecutive records whose flags say another extent follows, closed by
 * a record without that flag.  iso_entry_decode() fills an entry from a
 * record: plain ISO fields first, then Rock Ridge on top (rrip.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "iso.h"

void iso_dir_iter_init(struct iso_dir_iter *it, uint32_t lba, uint64_t size,
    uint64_t off)
{
	it->lba = lba;
	it->size = size;
	it->off = off;
}

static void dir_bad(const struct iso_dir_iter *it, const char *what)
{
	fsdriver_log("isofs: directory at block %u, offset %llu: %s", it->lba,
	    (unsigned long long)it->off, what);
}

/* Check the record at 'p' ('room' bytes to the sector end): the bytes to
 * advance, or 0 if the rest of the sector is to be skipped. */
static size_t dir_check_rec(struct iso_dir_iter *it, const uint8_t *p,
    size_t room, bool *ok)
{
	size_t len = p[0];

	*ok = false;
	if (len == 0)
		return 0;
	if (len > room) {
		dir_bad(it, "record overruns its sector");
		return 0;
	}
	if (len < ISO_DIRREC_MIN || p[32] == 0 ||
	    ISO_DIRREC_FIXED + (size_t)p[32] > len) {
		dir_bad(it, "malformed record skipped");
		return len;
	}
	*ok = true;
	return len;
}

/* Copy the next valid record into 'rec': 1, 0 at the end, or an error. */
static int dir_next_rec(struct iso_dir_iter *it, uint8_t *rec,
    uint64_t *recoff)
{
	struct buf *bp;
	int r;

	while (it->off < it->size) {
		uint64_t sector = it->off / ISO_BLOCK_SIZE;
		uint64_t base = sector * ISO_BLOCK_SIZE;
		size_t limit = it->size - base < ISO_BLOCK_SIZE ?
		    it->size - base : ISO_BLOCK_SIZE;
		size_t in = it->off - base, step;
		bool ok;

		r = lmfs_get_block(&bp, iso_vol.dev, it->lba + sector, NORMAL);
		if (r != OK)
			return r;
		if (b_bytes(bp) < limit) {
			lmfs_put_block(bp);
			return -EIO;
		}
		step = dir_check_rec(it, (uint8_t *)b_data(bp) + in,
		    limit - in, &ok);
		if (ok)
			memcpy(rec, b_data(bp) + in, step);
		lmfs_put_block(bp);
		*recoff = it->off;
		it->off = step ? it->off + step : base + ISO_BLOCK_SIZE;
		if (ok)
			return 1;
	}
	return 0;
}

/* The name of a record, for the tree in use. */
static int dir_name(const uint8_t *rec, struct iso_entry *e)
{
	const uint8_t *raw = rec + ISO_DIRREC_FIXED;
	size_t len = rec[32];

	if (len == 1 && (raw[0] == 0 || raw[0] == 1)) {
		e->flags |= raw[0] ? ISO_E_DOTDOT : ISO_E_DOT;
		e->namelen = raw[0] + 1u;
		memcpy(e->name, "..", e->namelen);
		e->name[e->namelen] = '\0';
		return OK;
	}
	if (iso_vol.joliet)
		return iso_name_joliet(raw, len, e->name, &e->namelen);
	return iso_name_plain(raw, len, e->name, &e->namelen);
}

/* The plain ISO 9660 view of a record. */
static int dir_plain(const uint8_t *rec, struct iso_entry *e)
{
	const struct iso_dirrec *d = (const void *)rec;
	uint64_t lba = (uint64_t)iso_le32(&d->extent) + d->xattr_length;

	if (d->flags & ISO_FLAG_DIRECTORY) {
		e->flags |= ISO_E_DIR;
		e->attr.mode = S_IFDIR | 0555;
		e->attr.nlink = 2;
	} else {
		e->attr.mode = S_IFREG | 0444;
		e->attr.nlink = 1;
	}
	if (d->flags & ISO_FLAG_ASSOCIATED)
		e->flags |= ISO_E_HIDE;
	if (lba > UINT32_MAX)
		return -EIO;
	e->dir_lba = (uint32_t)lba;
	e->attr.size = iso_le32(&d->size);
	iso_time7(&d->date.year, &e->attr.mtime);
	e->attr.atime = e->attr.ctime = e->attr.mtime;
	e->extents = malloc(sizeof(*e->extents));
	if (e->extents == NULL)
		return -ENOMEM;
	e->extents[0].lba = lba;
	e->extents[0].len = e->attr.size;
	e->nextents = 1;
	if (!(d->flags & ISO_FLAG_DIRECTORY) && (d->unit_size || d->gap_size)) {
		fsdriver_log("isofs: interleaved file at byte %llu not "
		    "supported", (unsigned long long)e->pos);
		e->flags |= ISO_E_HIDE;
	}
	return OK;
}

int iso_entry_decode(const uint8_t *rec, uint64_t abspos, struct iso_entry *e)
{
	int r;

	memset(e, 0, sizeof(*e));
	e->pos = abspos;
	if (dir_name(rec, e) != OK) {
		fsdriver_log("isofs: unusable name at byte %llu",
		    (unsigned long long)abspos);
		e->flags |= ISO_E_HIDE;
	}
	r = dir_plain(rec, e);
	if (r == OK && iso_vol.rr)
		r = iso_rr_decode(rec, iso_vol.susp_skip, e);
	if (r != OK)
		return r;
	if (iso_name_sanitize(e->name, e->namelen))
		fsdriver_log("isofs: name with NUL or '/' at byte %llu renamed "
		    "to \"%s\"", (unsigned long long)abspos, e->name);
	e->ino = e->flags & ISO_E_DIR ? (ino_t)e->dir_lba * 64 :
	    (ino_t)(abspos / 32);
	return OK;
}

void iso_entry_free(struct iso_entry *e)
{
	free(e->extents);
	free(e->link);
	e->extents = NULL;
	e->link = NULL;
}

/* Add the extent of continuation record 'rec' to multi-extent entry 'e'. */
static int dir_add_extent(struct iso_entry *e, const uint8_t *rec)
{
	const struct iso_dirrec *d = (const void *)rec;
	struct iso_extent *x;

	if (e->nextents >= ISO_MAX_EXTENTS)
		return -EIO;
	x = realloc(e->extents, (e->nextents + 1) * sizeof(*x));
	if (x == NULL)
		return -ENOMEM;
	e->extents = x;
	x[e->nextents].lba = (uint64_t)iso_le32(&d->extent) + d->xattr_length;
	x[e->nextents].len = iso_le32(&d->size);
	e->attr.size += x[e->nextents].len;
	e->nextents++;
	return OK;
}

/* Gather the records that follow the first one of a multi-extent file. */
static int dir_multi(struct iso_dir_iter *it, const uint8_t *first,
    struct iso_entry *e)
{
	uint8_t rec[ISO_RECORD_MAX];
	uint8_t flags = first[25];
	uint64_t off;
	int r;

	while (flags & ISO_FLAG_MULTI_EXTENT) {
		r = dir_next_rec(it, rec, &off);
		if (r <= 0) {
			dir_bad(it, "multi-extent file ends early");
			return r < 0 ? r : -EIO;
		}
		if (rec[32] != first[32] ||
		    memcmp(rec + 33, first + 33, first[32]) != 0) {
			dir_bad(it, "multi-extent records with other names");
			return -EIO;
		}
		r = dir_add_extent(e, rec);
		if (r != OK)
			return r;
		flags = rec[25];
	}
	return OK;
}

int iso_dir_next(struct iso_dir_iter *it, struct iso_entry *e)
{
	uint8_t rec[ISO_RECORD_MAX];
	uint64_t off;
	int r;

	r = dir_next_rec(it, rec, &off);
	if (r <= 0)
		return r;
	r = iso_entry_decode(rec, (uint64_t)it->lba * ISO_BLOCK_SIZE + off, e);
	if (!(rec[25] & ISO_FLAG_DIRECTORY)) {
		int r2 = dir_multi(it, rec, e);

		if (r == OK)
			r = r2;
	}
	e->next = it->off;
	if (r == -EIO || r == -EINVAL) {
		e->flags |= ISO_E_HIDE;	/* corrupt: logged, left out */
		r = OK;
	}
	if (r != OK) {
		iso_entry_free(e);
		return r;
	}
	return 1;
}

int iso_dir_dot(uint32_t lba, uint8_t *rec)
{
	uint64_t pos = (uint64_t)lba * ISO_BLOCK_SIZE;
	int r;

	r = iso_read_bytes(pos, rec, 1);
	if (r == OK && (rec[0] < ISO_DIRREC_MIN || !iso_range_ok(pos, rec[0])))
		r = -EIO;
	if (r == OK)
		r = iso_read_bytes(pos, rec, rec[0]);
	if (r == OK && (rec[32] != 1 || rec[33] != 0 ||
	    !(rec[25] & ISO_FLAG_DIRECTORY)))
		r = -EIO;
	if (r != OK)
		fsdriver_log("isofs: no valid \".\" record at block %u", lba);
	return r;
}

int iso_dir_self(uint32_t lba, struct iso_entry *e)
{
	uint64_t pos = (uint64_t)lba * ISO_BLOCK_SIZE;
	uint8_t rec[ISO_RECORD_MAX];
	int r;

	r = iso_dir_dot(lba, rec);
	if (r == OK)
		r = iso_entry_decode(rec, pos, e);
	if (r != OK)
		return r;
	e->dir_lba = lba;
	e->ino = (ino_t)lba * 64;
	if (!iso_range_ok(pos, e->attr.size) || e->attr.size < ISO_DIRREC_MIN) {
		fsdriver_log("isofs: directory at block %u has a bad size %llu",
		    lba, (unsigned long long)e->attr.size);
		iso_entry_free(e);
		return -EIO;
	}
	return OK;
}
