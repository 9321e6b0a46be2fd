/*
 * dir.c - directories: lookup, enter, remove, retarget, emptiness.
 *
 * Directories are read linearly, block by block.  A hashed (dir_index)
 * directory reads correctly this way too: its index blocks look like blocks
 * holding one unused entry, and the index root hides in the slack of "..".
 * Any change may overwrite that index, so every change clears EXT2_INDEX_FL
 * first (as MINIX's ext2 does): the directory becomes a plain linear one,
 * which e2fsck accepts.  A directory's size is a whole number of blocks and
 * it has no holes; anything else is reported as corruption.
 *
 * A directory of EXT2_DINDEX_MIN_BLOCKS blocks or more gets an in-memory
 * name index (dir_index.c), built with one scan the first time it is
 * needed: lookups, the "name already there?" check of enter, remove and
 * retarget then go straight to the entry's block, and enter finds a block
 * with room from the index's per-block room.  Every change here keeps the
 * index current; every place it gives is re-checked in the block.
 */
#include <string.h>

#include "ext2.h"

/* Called for each used or unused entry; returns 0 to go on, 1 to stop,
 * or an error.  It may change the block and mark it dirty. */
typedef int (*ext2_dir_fn)(struct ext2_dirwalk *w, struct buf *bp,
    void *arg);

static int ext2_dir_block(struct ext2_inode *dp, uint64_t lblk,
    struct buf **bpp)
{
	uint32_t phys;
	int err;

	if ((err = ext2_bmap(dp, lblk, &phys)) != OK)
		return err;
	if (phys == 0) {
		fsdriver_log("ext2: directory %lu has a hole at block %llu",
		    (unsigned long)dp->i_num, (unsigned long long)lblk);
		return -EIO;
	}
	return lmfs_get_block_ino(bpp, ext2_fs.dev, phys, NORMAL, dp->i_num,
	    lblk * ext2_fs.block_size);
}

static int ext2_dir_scan(struct ext2_inode *dp, ext2_dir_fn fn, void *arg)
{
	size_t bs = ext2_fs.block_size;
	uint64_t size = ext2_isize(dp), lblk;
	struct ext2_dirwalk w;
	struct buf *bp;
	int r;

	if (size % bs != 0) {
		fsdriver_log("ext2: directory %lu has a partial block",
		    (unsigned long)dp->i_num);
		return -EIO;
	}
	for (lblk = 0; lblk < size / bs; lblk++) {
		if ((r = ext2_dir_block(dp, lblk, &bp)) != OK)
			return r;
		ext2_dirwalk_init(&w, b_data(bp), bs);
		w.lblk = lblk;
		while ((r = ext2_dirwalk_next(&w, dp->i_num)) == 1)
			if ((r = fn(&w, bp, arg)) != 0)
				break;
		lmfs_put_block(bp);
		if (r != 0)
			return r;
	}
	return 0;
}

#define EXT2_DINDEX_MIN_BLOCKS	4

struct ext2_dir_arg {
	const char *name;
	size_t len;
	ino_t ino;
	mode_t mode;
	int have_slot;			/* enter: a place was found */
	uint64_t slot_lblk;		/* ... in this block */
	size_t slot_off;		/* ... at this entry */
};

static int ext2_de_is(const struct ext2_dirent *de, const char *name,
    size_t len)
{
	return de->inode != 0 && ext2_de_namelen(de) == len &&
	    memcmp(de->name, name, len) == 0;
}

static int ext2_lookup_fn(struct ext2_dirwalk *w, struct buf *bp, void *arg)
{
	struct ext2_dir_arg *a = arg;

	(void)bp;
	if (!ext2_de_is(w->de, a->name, a->len))
		return 0;
	a->ino = w->de->inode;
	return 1;
}

/* --- the index (dir_index.c) ---------------------------------------- */

/* The most a new entry could take in place of (or after) entry de. */
static uint32_t ext2_de_free(const struct ext2_dirent *de)
{
	size_t used = de->inode ? EXT2_DIR_REC_LEN(ext2_de_namelen(de)) : 0;

	return de->rec_len > used ? (uint32_t)(de->rec_len - used) : 0;
}

/* The largest new entry block 'base' can take (0 if it is malformed). */
static uint32_t ext2_block_room(struct ext2_inode *dp, char *base)
{
	struct ext2_dirwalk w;
	uint32_t room = 0, f;
	int r;

	ext2_dirwalk_init(&w, base, ext2_fs.block_size);
	while ((r = ext2_dirwalk_next(&w, dp->i_num)) == 1)
		if ((f = ext2_de_free(w.de)) > room)
			room = f;
	return r < 0 ? 0 : room;
}

struct ext2_build_arg {
	uint64_t lblk;			/* block of 'room' */
	uint32_t room;
	struct ext2_inode *dp;
};

static int ext2_build_fn(struct ext2_dirwalk *w, struct buf *bp, void *arg)
{
	struct ext2_build_arg *b = arg;
	struct ext2_inode *dp = b->dp;
	uint32_t f;

	(void)bp;
	if (w->lblk != b->lblk) {
		b->lblk = w->lblk;
		b->room = 0;
	}
	if ((f = ext2_de_free(w->de)) > b->room)
		b->room = f;
	ext2_dindex_set_room(dp, (uint32_t)w->lblk, b->room);
	if (w->de->inode != 0)
		ext2_dindex_add(dp, fsdriver_nameidx_hash(w->de->name,
		    ext2_de_namelen(w->de)), (uint32_t)w->lblk,
		    (uint32_t)w->off);
	return dp->i_dindex == NULL ? 1 : 0;	/* out of memory: stop */
}

/* Build dp's index if it is large enough and has none. */
static void ext2_dir_index(struct ext2_inode *dp)
{
	uint64_t blocks = ext2_isize(dp) / ext2_fs.block_size;
	struct ext2_build_arg b = { UINT64_MAX, 0, dp };

	if (dp->i_dindex != NULL || blocks < EXT2_DINDEX_MIN_BLOCKS ||
	    blocks > UINT32_MAX)
		return;
	if (ext2_dindex_new(dp) != OK)
		return;
	if (ext2_dir_scan(dp, ext2_build_fn, &b) != 0)
		ext2_dindex_free(dp);	/* no memory or a bad block */
}

/* Find name a->name through the index: 1 with *bpp held and w on the
 * entry, 0 if absent, or an error. */
static int ext2_dir_find(struct ext2_inode *dp, const struct ext2_dir_arg *a,
    struct buf **bpp, struct ext2_dirwalk *w)
{
	uint32_t hash = fsdriver_nameidx_hash(a->name, a->len), lblk, off;
	uint64_t blocks = ext2_isize(dp) / ext2_fs.block_size;
	void *cursor = NULL;
	struct buf *bp;
	int r;

	while (ext2_dindex_next(dp, hash, &cursor, &lblk, &off)) {
		if (lblk >= blocks)
			continue;	/* stale: cannot be */
		if ((r = ext2_dir_block(dp, lblk, &bp)) != OK)
			return r;
		ext2_dirwalk_init(w, b_data(bp), ext2_fs.block_size);
		w->lblk = lblk;
		while ((r = ext2_dirwalk_next(w, dp->i_num)) == 1 &&
		    w->off < off)
			;
		if (r == 1 && w->off == off &&
		    ext2_de_is(w->de, a->name, a->len)) {
			*bpp = bp;
			return 1;
		}
		lmfs_put_block(bp);
		if (r < 0)
			return r;
	}
	return 0;
}

/* After a change to block lblk (held as bp): its room in the index. */
static void ext2_dir_reroom(struct ext2_inode *dp, uint64_t lblk,
    struct buf *bp)
{
	if (dp->i_dindex != NULL)
		ext2_dindex_set_room(dp, (uint32_t)lblk,
		    ext2_block_room(dp, b_data(bp)));
}

/* --- the calls -------------------------------------------------------- */

int ext2_dir_lookup(struct ext2_inode *dp, const char *name, ino_t *ino)
{
	struct ext2_dir_arg a = { name, strlen(name), 0, 0, 0, 0, 0 };
	struct ext2_dirwalk w;
	struct buf *bp;
	int r;

	if (a.len > EXT2_NAME_LEN)
		return -ENAMETOOLONG;
	ext2_dir_index(dp);
	if (dp->i_dindex != NULL) {
		if ((r = ext2_dir_find(dp, &a, &bp, &w)) == 1) {
			a.ino = w.de->inode;
			lmfs_put_block(bp);
		}
	} else {
		r = ext2_dir_scan(dp, ext2_lookup_fn, &a);
	}
	if (r < 0)
		return r;
	if (r == 0)
		return -ENOENT;
	*ino = a.ino;
	return OK;
}

/* A directory is about to change: drop its hash index. */
static void ext2_dir_unindex(struct ext2_inode *dp)
{
	if (dp->i_d->i_flags & EXT2_INDEX_FL) {
		dp->i_d->i_flags &= ~EXT2_INDEX_FL;
		ext2_idirty(dp);
	}
}

/* A directory's entries changed. */
static void ext2_dir_changed(struct ext2_inode *dp)
{
	ext2_dir_unindex(dp);
	ext2_touch(dp, EXT2_MTIME | EXT2_CTIME);
}

/* Can entry de take a new entry of 'need' bytes (in place or split)? */
static int ext2_de_room(const struct ext2_dirent *de, size_t need)
{
	size_t used = de->inode ? EXT2_DIR_REC_LEN(ext2_de_namelen(de)) : 0;

	return de->rec_len >= used + need;
}

/* Put the new entry into de's slack (or de itself if unused); returns
 * how far after de it went. */
static size_t ext2_de_insert(struct ext2_dirent *de,
    const struct ext2_dir_arg *a)
{
	size_t used = de->inode ? EXT2_DIR_REC_LEN(ext2_de_namelen(de)) : 0;
	struct ext2_dirent *nde;

	if (used != 0) {
		nde = (struct ext2_dirent *)((char *)de + used);
		nde->rec_len = (uint16_t)(de->rec_len - used);
		de->rec_len = (uint16_t)used;
		de = nde;
	}
	ext2_de_fill(de, a->ino, a->name, a->len, a->mode);
	return used;
}

/* Whole-directory scan: the name must be absent; note the first room. */
static int ext2_enter_fn(struct ext2_dirwalk *w, struct buf *bp, void *arg)
{
	struct ext2_dir_arg *a = arg;

	(void)bp;
	if (ext2_de_is(w->de, a->name, a->len))
		return -EEXIST;
	if (!a->have_slot && ext2_de_room(w->de, EXT2_DIR_REC_LEN(a->len))) {
		a->have_slot = 1;
		a->slot_lblk = w->lblk;
		a->slot_off = w->off;
	}
	return 0;
}

/* Insert at the place the scan found (the block is walked again, so the
 * entry is re-checked). */
static int ext2_dir_put(struct ext2_inode *dp, struct ext2_dir_arg *a)
{
	struct ext2_dirwalk w;
	struct buf *bp;
	int r;

	if ((r = ext2_dir_block(dp, a->slot_lblk, &bp)) != OK)
		return r;
	ext2_dirwalk_init(&w, b_data(bp), ext2_fs.block_size);
	while ((r = ext2_dirwalk_next(&w, dp->i_num)) == 1)
		if (w.off >= a->slot_off)
			break;
	if (r == 1 && w.off == a->slot_off &&
	    ext2_de_room(w.de, EXT2_DIR_REC_LEN(a->len))) {
		ext2_de_insert(w.de, a);
		lmfs_markdirty(bp);
		r = OK;
	} else if (r >= 0)
		r = -EIO;
	lmfs_put_block(bp);
	return r;
}

/* Insert into block lblk, which the index says has room: 1 done (and
 * indexed), 0 if it had none after all (its room is corrected), or an
 * error. */
static int ext2_dir_put_ix(struct ext2_inode *dp, struct ext2_dir_arg *a,
    uint32_t lblk)
{
	size_t need = EXT2_DIR_REC_LEN(a->len), off;
	struct ext2_dirwalk w;
	struct buf *bp;
	int r;

	if ((r = ext2_dir_block(dp, lblk, &bp)) != OK)
		return r;
	ext2_dirwalk_init(&w, b_data(bp), ext2_fs.block_size);
	while ((r = ext2_dirwalk_next(&w, dp->i_num)) == 1)
		if (ext2_de_room(w.de, need))
			break;
	if (r == 1) {
		off = w.off + ext2_de_insert(w.de, a);
		lmfs_markdirty(bp);
		ext2_dindex_add(dp, fsdriver_nameidx_hash(a->name, a->len),
		    lblk, (uint32_t)off);
	}
	ext2_dir_reroom(dp, lblk, bp);
	lmfs_put_block(bp);
	return r;
}

/* Append a block holding one entry. */
static int ext2_dir_grow(struct ext2_inode *dp, struct ext2_dir_arg *a)
{
	size_t bs = ext2_fs.block_size;
	uint64_t lblk = ext2_isize(dp) / bs;
	struct ext2_dirent *de;
	uint32_t phys;
	struct buf *bp;
	int fresh, err;

	if ((err = ext2_bmap_alloc(dp, lblk, &phys, &fresh)) != OK)
		return err;
	err = lmfs_get_block_ino(&bp, ext2_fs.dev, phys, NO_READ, dp->i_num,
	    lblk * bs);
	if (err != OK)
		return err;
	memset(b_data(bp), 0, bs);
	de = (struct ext2_dirent *)b_data(bp);
	de->rec_len = (uint16_t)bs;
	ext2_de_fill(de, a->ino, a->name, a->len, a->mode);
	lmfs_markdirty(bp);
	/* A new directory block reaches the device before the size that
	 * covers it (a crash must not show an old file's bytes as entries). */
	err = lmfs_write_block(bp);
	lmfs_put_block(bp);
	if (err != OK)
		return err;
	return ext2_set_isize(dp, (lblk + 1) * bs);
}

/* enter through the index: no scan of the directory. */
static int ext2_dir_enter_ix(struct ext2_inode *dp, struct ext2_dir_arg *a)
{
	uint32_t need = EXT2_DIR_REC_LEN(a->len), lblk;
	uint64_t end = ext2_isize(dp) / ext2_fs.block_size;
	struct ext2_dirwalk w;
	struct buf *bp;
	int r;

	if ((r = ext2_dir_find(dp, a, &bp, &w)) != 0) {
		if (r == 1)
			lmfs_put_block(bp);
		return r == 1 ? -EEXIST : r;
	}
	ext2_dir_unindex(dp);
	r = 0;
	while (r == 0 && ext2_dindex_find_room(dp, need, &lblk))
		r = ext2_dir_put_ix(dp, a, lblk);
	if (r == 0) {
		if ((r = ext2_dir_grow(dp, a)) != OK)
			return r;
		ext2_dindex_add(dp, fsdriver_nameidx_hash(a->name, a->len),
		    (uint32_t)end, 0);
		ext2_dindex_set_room(dp, (uint32_t)end,
		    (uint32_t)ext2_fs.block_size - need);
	} else if (r < 0) {
		return r;
	}
	ext2_dir_changed(dp);
	return OK;
}

int ext2_dir_enter(struct ext2_inode *dp, const char *name, ino_t ino,
    mode_t mode)
{
	struct ext2_dir_arg a = { name, strlen(name), ino, mode, 0, 0, 0 };
	int r;

	if (a.len > EXT2_NAME_LEN)
		return -ENAMETOOLONG;
	ext2_dir_index(dp);
	if (dp->i_dindex != NULL)
		return ext2_dir_enter_ix(dp, &a);
	if ((r = ext2_dir_scan(dp, ext2_enter_fn, &a)) < 0)
		return r;
	ext2_dir_unindex(dp);
	r = a.have_slot ? ext2_dir_put(dp, &a) : ext2_dir_grow(dp, &a);
	if (r != OK)
		return r;
	ext2_dir_changed(dp);
	return OK;
}

static int ext2_remove_fn(struct ext2_dirwalk *w, struct buf *bp, void *arg)
{
	struct ext2_dir_arg *a = arg;
	struct ext2_dirent *prev;

	if (!ext2_de_is(w->de, a->name, a->len))
		return 0;
	a->ino = w->de->inode;
	if (w->prev == SIZE_MAX) {
		w->de->inode = 0;
	} else {
		prev = (struct ext2_dirent *)(w->base + w->prev);
		prev->rec_len = (uint16_t)(prev->rec_len + w->de->rec_len);
	}
	lmfs_markdirty(bp);
	return 1;
}

int ext2_dir_remove(struct ext2_inode *dp, const char *name, ino_t *ino)
{
	struct ext2_dir_arg a = { name, strlen(name), 0, 0, 0, 0, 0 };
	int r;

	ext2_dir_unindex(dp);
	ext2_dir_index(dp);
	if (dp->i_dindex != NULL) {
		struct ext2_dirwalk w;
		struct buf *bp;
		uint32_t off;

		if ((r = ext2_dir_find(dp, &a, &bp, &w)) == 1) {
			off = (uint32_t)w.off;
			ext2_remove_fn(&w, bp, &a);
			ext2_dindex_remove(dp,
			    fsdriver_nameidx_hash(a.name, a.len),
			    (uint32_t)w.lblk, off);
			ext2_dir_reroom(dp, w.lblk, bp);
			lmfs_put_block(bp);
		}
	} else {
		r = ext2_dir_scan(dp, ext2_remove_fn, &a);
	}
	if (r < 0)
		return r;
	if (r == 0)
		return -ENOENT;
	if (ino != NULL)
		*ino = a.ino;
	ext2_dir_changed(dp);
	return OK;
}

static int ext2_retarget_fn(struct ext2_dirwalk *w, struct buf *bp, void *arg)
{
	struct ext2_dir_arg *a = arg;

	if (!ext2_de_is(w->de, a->name, a->len))
		return 0;
	ext2_de_fill(w->de, a->ino, a->name, a->len, a->mode);
	lmfs_markdirty(bp);
	return 1;
}

int ext2_dir_retarget(struct ext2_inode *dp, const char *name, ino_t ino,
    mode_t mode)
{
	struct ext2_dir_arg a = { name, strlen(name), ino, mode, 0, 0, 0 };
	int r;

	ext2_dir_unindex(dp);
	ext2_dir_index(dp);
	if (dp->i_dindex != NULL) {
		struct ext2_dirwalk w;
		struct buf *bp;

		if ((r = ext2_dir_find(dp, &a, &bp, &w)) == 1) {
			ext2_retarget_fn(&w, bp, &a);
			lmfs_put_block(bp);
		}
	} else {
		r = ext2_dir_scan(dp, ext2_retarget_fn, &a);
	}
	if (r < 0)
		return r;
	if (r == 0)
		return -ENOENT;
	ext2_dir_changed(dp);
	return OK;
}

static int ext2_empty_fn(struct ext2_dirwalk *w, struct buf *bp, void *arg)
{
	(void)bp;
	(void)arg;
	return w->de->inode != 0 && !ext2_de_is(w->de, ".", 1) &&
	    !ext2_de_is(w->de, "..", 2);
}

int ext2_dir_empty(struct ext2_inode *dp)
{
	int r = ext2_dir_scan(dp, ext2_empty_fn, NULL);

	return r < 0 ? r : r == 1 ? -ENOTEMPTY : OK;
}

int ext2_dir_init(struct ext2_inode *dp, ino_t parent)
{
	size_t bs = ext2_fs.block_size;
	struct ext2_dirent *de;
	uint32_t phys;
	struct buf *bp;
	int fresh, err;

	if ((err = ext2_bmap_alloc(dp, 0, &phys, &fresh)) != OK)
		return err;
	err = lmfs_get_block_ino(&bp, ext2_fs.dev, phys, NO_READ, dp->i_num, 0);
	if (err != OK)
		return err;
	memset(b_data(bp), 0, bs);
	de = (struct ext2_dirent *)b_data(bp);
	de->rec_len = EXT2_DIR_REC_LEN(1);
	ext2_de_fill(de, dp->i_num, ".", 1, S_IFDIR);
	de = (struct ext2_dirent *)(b_data(bp) + EXT2_DIR_REC_LEN(1));
	de->rec_len = (uint16_t)(bs - EXT2_DIR_REC_LEN(1));
	ext2_de_fill(de, parent, "..", 2, S_IFDIR);
	lmfs_markdirty(bp);
	err = lmfs_write_block(bp);	/* before the inode: see ext2_dir_grow */
	lmfs_put_block(bp);
	if (err != OK)
		return err;
	return ext2_set_isize(dp, bs);
}
