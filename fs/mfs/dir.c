/*
 * dir.c - directory entries: lookup, enter, delete, replace, getdents.
 *
 * A directory is a file of fixed-size entries: an inode number (32 bits in
 * V3, 16 in V1/V2; 0 marks a free slot) and a NUL-padded name of name_max
 * bytes (not terminated when full).  The codec (mfs_codec.h) is the only
 * code that knows the two layouts.
 *
 * mfs_search_dir() is MINIX's search_dir: one linear pass per operation in
 * a small directory.  A large one gets an in-memory name index
 * (libfsdriver's nameidx.c; positions are byte offsets) on first use, so
 * lookups stop being linear.  And each in-core directory
 * remembers an offset below which it has no free slot (i_dir_free), learnt
 * from full scans and kept by enter and delete, so entering a name starts
 * there rather than at 0.  Together they keep creating n files in one
 * directory from costing O(n^2).
 *
 * Entries are validated as they are read: a directory size that is not a
 * multiple of the entry size or an inode number beyond the inode count is
 * corruption (-EIO and a log line).
 */
#include <string.h>
#include "mfs.h"

static int mfs_de_match(const char *de, const char *name, size_t len)
{
	const char *n = mfs_de_name(&mfs_m.sb, de);

	return n[0] == name[0] && n[len - 1] == name[len - 1] &&
	    (len == mfs_m.sb.name_max || n[len] == '\0') &&
	    memcmp(n, name, len) == 0;
}

static int mfs_de_is_dot(const char *de)
{
	size_t len = mfs_de_namelen(&mfs_m.sb, de);
	const char *n = mfs_de_name(&mfs_m.sb, de);

	return (len == 1 && n[0] == '.') ||
	    (len == 2 && n[0] == '.' && n[1] == '.');
}

/* -ENAMETOOLONG beyond the format's limit; -EINVAL for "". */
int mfs_check_name(const char *name)
{
	size_t len = strlen(name);

	if (len == 0)
		return -EINVAL;
	return len > mfs_m.sb.name_max ? -ENAMETOOLONG : OK;
}

/* The zone of directory block 'blk'; directories have no holes. */
static int mfs_dir_zone(struct mfs_inode *dp, uint64_t blk, uint32_t *zp)
{
	int r;

	if ((r = mfs_read_map(dp, blk, zp)) != OK)
		return r;
	if (*zp == 0)
		return mfs_corrupt("hole in directory at block", blk,
		    dp->i_num);
	return OK;
}

#define MFS_BUILD_INDEX		100	/* a scan that fills the index */
#define MFS_DINDEX_ENTRIES	128	/* directories this big get one */

/* Where a scan stands. */
struct mfs_scan {
	const char *name;
	size_t len;
	uint32_t *inop;
	int flag;
	uint64_t first_free;	/* first free slot seen (UINT64_MAX: none) */
};

/* Act on one used entry at 'pos'; 1 when the scan is over. */
static int mfs_scan_entry(struct mfs_inode *dp, struct buf *bp, char *de,
    uint64_t pos, struct mfs_scan *s)
{
	if (s->flag == MFS_BUILD_INDEX) {
		fsdriver_nameidx_add(&dp->i_dindex,
		    fsdriver_nameidx_hash(mfs_de_name(&mfs_m.sb, de),
		    mfs_de_namelen(&mfs_m.sb, de)), pos);
		return 0;
	}
	if (s->flag == MFS_IS_EMPTY)
		return mfs_de_is_dot(de) ? 0 : -ENOTEMPTY;
	if (!mfs_de_match(de, s->name, s->len))
		return 0;
	if (s->flag == MFS_LOOKUP) {
		*s->inop = mfs_de_ino(&mfs_m.sb, de);
		return 1;
	}
	mfs_de_set_ino(&mfs_m.sb, de, s->flag == MFS_DELETE ? 0 : *s->inop);
	lmfs_markdirty(bp);
	if (s->flag == MFS_DELETE && pos < dp->i_dir_free)
		dp->i_dir_free = (uint32_t)pos;
	return 1;
}

/* Scan one directory block (file block 'blk', zone z) from offset 'pos'. */
static int mfs_scan_block(struct mfs_inode *dp, uint64_t blk, uint32_t z,
    uint64_t pos, struct mfs_scan *s)
{
	size_t ds = mfs_m.sb.dirent_size, bs = mfs_m.sb.block_size;
	uint64_t end = (blk + 1) * bs;
	struct buf *bp;
	uint32_t ino;
	char *de;
	int r;

	if ((r = lmfs_get_block_ino(&bp, mfs_m.dev, z, NORMAL, dp->i_num,
	    blk * bs)) != OK)
		return r;
	if (end > dp->i_size)
		end = dp->i_size;
	for (r = 0; pos < end && r == 0; pos += ds) {
		de = b_data(bp) + pos % bs;
		if ((ino = mfs_de_ino(&mfs_m.sb, de)) == 0) {
			if (s->first_free == UINT64_MAX)
				s->first_free = pos;
			continue;
		}
		if (ino > mfs_m.sb.ninodes)
			r = mfs_corrupt("directory entry names inode", ino,
			    dp->i_num);
		else
			r = mfs_scan_entry(dp, bp, de, pos, s);
	}
	lmfs_put_block(bp);
	return r;
}

/* Scan the whole directory for a name (or, IS_EMPTY, any real entry). */
static int mfs_scan_linear(struct mfs_inode *dp, struct mfs_scan *s)
{
	uint64_t bs = mfs_m.sb.block_size, blk, nblk;
	uint32_t z;
	int r;

	nblk = (dp->i_size + bs - 1) / bs;
	for (blk = 0; blk < nblk; blk++) {
		if ((r = mfs_dir_zone(dp, blk, &z)) != OK)
			return r;
		if ((r = mfs_scan_block(dp, blk, z, blk * bs, s)) != 0)
			return r < 0 ? r : OK;
	}
	if (s->first_free == UINT64_MAX)
		s->first_free = dp->i_size;
	dp->i_dir_free = (uint32_t)s->first_free;
	return s->flag == MFS_IS_EMPTY ? OK : -ENOENT;
}

/* Find s->name through dp's index and act on it. */
static int mfs_scan_index(struct mfs_inode *dp, struct mfs_scan *s)
{
	size_t bs = mfs_m.sb.block_size;
	uint32_t hash = fsdriver_nameidx_hash(s->name, s->len), z, ino;
	uint64_t pos;
	void *cursor = NULL;
	struct buf *bp;
	char *de;
	int r;

	while (fsdriver_nameidx_next(dp->i_dindex, hash, &cursor, &pos)) {
		if (pos >= dp->i_size)
			continue;
		if ((r = mfs_dir_zone(dp, pos / bs, &z)) != OK ||
		    (r = lmfs_get_block_ino(&bp, mfs_m.dev, z, NORMAL,
		    dp->i_num, pos - pos % bs)) != OK)
			return r;
		de = b_data(bp) + pos % bs;
		ino = mfs_de_ino(&mfs_m.sb, de);
		if (ino == 0 || ino > mfs_m.sb.ninodes ||
		    !mfs_de_match(de, s->name, s->len)) {
			lmfs_put_block(bp);
			continue;
		}
		mfs_scan_entry(dp, bp, de, pos, s);
		lmfs_put_block(bp);
		if (s->flag == MFS_DELETE)
			fsdriver_nameidx_remove(dp->i_dindex, hash, pos);
		return OK;
	}
	return -ENOENT;
}

/* Look up, delete or replace a name: through the index in a large
 * directory (building it on first use), by a linear scan otherwise. */
static int mfs_scan_dir(struct mfs_inode *dp, struct mfs_scan *s)
{
	struct mfs_scan b = { NULL, 0, NULL, MFS_BUILD_INDEX, UINT64_MAX };
	int r;

	if (s->flag == MFS_IS_EMPTY)
		return mfs_scan_linear(dp, s);
	if (dp->i_dindex == NULL &&
	    dp->i_size / mfs_m.sb.dirent_size >= MFS_DINDEX_ENTRIES &&
	    fsdriver_nameidx_new(&dp->i_dindex) == OK) {
		if ((r = mfs_scan_linear(dp, &b)) != -ENOENT) {
			fsdriver_nameidx_free(&dp->i_dindex);
			return r;
		}
	}
	if (dp->i_dindex != NULL)
		return mfs_scan_index(dp, s);
	return mfs_scan_linear(dp, s);
}

/* Look for a free slot from i_dir_free on and fill it; 1 if none. */
static int mfs_enter_free(struct mfs_inode *dp, const char *name,
    size_t len, uint32_t ino)
{
	size_t ds = mfs_m.sb.dirent_size, bs = mfs_m.sb.block_size;
	uint64_t pos, end;
	struct buf *bp;
	uint32_t z;
	int r;

	for (pos = dp->i_dir_free; pos < dp->i_size; pos = end) {
		end = (pos / bs + 1) * bs;
		if (end > dp->i_size)
			end = dp->i_size;
		if ((r = mfs_dir_zone(dp, pos / bs, &z)) != OK)
			return r;
		r = lmfs_get_block_ino(&bp, mfs_m.dev, z, NORMAL, dp->i_num,
		    pos - pos % bs);
		if (r != OK)
			return r;
		for (; pos < end; pos += ds) {
			if (mfs_de_ino(&mfs_m.sb, b_data(bp) + pos % bs) != 0)
				continue;
			mfs_de_fill(&mfs_m.sb, b_data(bp) + pos % bs, ino, name,
			    len);
			lmfs_markdirty(bp);
			lmfs_put_block(bp);
			dp->i_dir_free = (uint32_t)(pos + ds);
			fsdriver_nameidx_add(&dp->i_dindex,
			    fsdriver_nameidx_hash(name, len), pos);
			return OK;
		}
		lmfs_put_block(bp);
	}
	dp->i_dir_free = dp->i_size;
	return 1;
}

/* Enter name -> ino into a free slot, or append it. */
static int mfs_enter(struct mfs_inode *dp, const char *name, size_t len,
    uint32_t ino)
{
	size_t ds = mfs_m.sb.dirent_size;
	char de[sizeof(struct mfs_dirent_v3)];
	struct mfs_io io = { NULL, de, 0 };
	uint64_t pos = dp->i_size;
	ssize_t n;
	int r;

	if ((r = mfs_enter_free(dp, name, len, ino)) <= 0)
		return r;
	if (pos + ds > mfs_m.sb.max_size)
		return -ENOSPC;
	mfs_de_fill(&mfs_m.sb, de, ino, name, len);
	if ((n = mfs_rdwt(dp, &io, ds, pos, 1)) < 0)
		return (int)n;
	if (n != (ssize_t)ds)
		return -ENOSPC;
	dp->i_dir_free = (uint32_t)(pos + ds);
	fsdriver_nameidx_add(&dp->i_dindex, fsdriver_nameidx_hash(name, len),
	    pos);
	return OK;
}

/* MINIX's search_dir: LOOKUP sets *inop; ENTER adds name -> *inop (the
 * caller has checked it is not there); DELETE removes name; REPLACE points
 * name at *inop; IS_EMPTY gives -ENOTEMPTY unless only . and .. remain. */
int mfs_search_dir(struct mfs_inode *dp, const char *name, uint32_t *inop,
    int flag)
{
	struct mfs_scan s = { name, name ? strlen(name) : 0, inop, flag,
	    UINT64_MAX };
	int r;

	if (!S_ISDIR(dp->i_mode))
		return -ENOTDIR;
	if (dp->i_size % mfs_m.sb.dirent_size != 0)
		return mfs_corrupt("directory size not a multiple of the "
		    "entry size:", dp->i_size, dp->i_num);
	if (flag != MFS_IS_EMPTY && s.len > mfs_m.sb.name_max)
		return -ENAMETOOLONG;
	if (flag == MFS_ENTER)
		r = mfs_enter(dp, name, s.len, *inop);
	else
		r = mfs_scan_dir(dp, &s);
	if (r == OK && flag != MFS_LOOKUP && flag != MFS_IS_EMPTY)
		mfs_touch(dp, MFS_MTIME | MFS_CTIME);
	return r;
}

/* Is 'mode' of a file type MINIX knows? */
static int mfs_type_ok(mode_t mode)
{
	return S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode) ||
	    S_ISCHR(mode) || S_ISBLK(mode) || S_ISFIFO(mode) ||
	    S_ISSOCK(mode);
}

/* Look a name up in dp and get its inode, checking that the entry names a
 * live inode. */
int mfs_lookup_inode(struct mfs_inode *dp, const char *name,
    struct mfs_inode **ipp)
{
	uint32_t ino;
	int r;

	if (dp->i_nlinks == 0)
		return -ENOENT;
	if ((r = mfs_search_dir(dp, name, &ino, MFS_LOOKUP)) != OK)
		return r;
	if ((r = mfs_get_inode(ino, ipp)) != OK)
		return r == -EINVAL ? mfs_corrupt("entry names inode", ino,
		    dp->i_num) : r;
	if (!mfs_type_ok((*ipp)->i_mode) || (*ipp)->i_nlinks == 0) {
		mfs_put_inode(*ipp);
		return mfs_corrupt("entry names an unused or invalid inode:",
		    ino, dp->i_num);
	}
	return OK;
}

/* fdr_lookup: find 'name' in directory dir_nr; the caller gets a
 * reference to the inode. */
int mfs_lookup(ino_t dir_nr, const char *name, struct fsdriver_node *node)
{
	struct mfs_inode *dp, *ip;
	int r;

	if ((r = mfs_check_name(name)) != OK)
		return r;
	if ((r = mfs_get_inode(dir_nr, &dp)) != OK)
		return r;
	r = mfs_lookup_inode(dp, name, &ip);
	mfs_put_inode(dp);
	if (r != OK)
		return r;
	mfs_fill_node(ip, node);
	return OK;
}

/* Add the entry at 'de' (position pos) to a getdents reply. */
static int mfs_dent_add(struct fsdriver_dentry *d, const char *de,
    uint64_t pos, ino_t dir)
{
	uint32_t ino = mfs_de_ino(&mfs_m.sb, de);
	size_t len = mfs_de_namelen(&mfs_m.sb, de);
	mode_t mode = 0;

	if (ino > mfs_m.sb.ninodes)
		return mfs_corrupt("directory entry names inode", ino, dir);
	if (len == 0 || memchr(mfs_de_name(&mfs_m.sb, de), '/', len) != NULL)
		return mfs_corrupt("bad name in directory entry at offset",
		    pos, dir);
	if (mfs_inode_mode(ino, &mode) != OK)
		mode = 0;
	return fsdriver_dentry_add(d, ino, mfs_de_name(&mfs_m.sb, de), len,
	    fsdriver_mode_dtype(mode),
	    (off_t)(pos + mfs_m.sb.dirent_size));
}

/* Emit entries of one directory block from *posp on; 1 when full. */
static int mfs_dent_block(struct mfs_inode *dp, struct fsdriver_dentry *d,
    uint64_t *posp)
{
	size_t ds = mfs_m.sb.dirent_size, bs = mfs_m.sb.block_size;
	uint64_t pos = *posp, end = (pos / bs + 1) * bs;
	struct buf *bp;
	uint32_t z;
	int r;

	if ((r = mfs_dir_zone(dp, pos / bs, &z)) != OK)
		return r;
	if (end > dp->i_size)
		end = dp->i_size;
	if ((r = lmfs_get_block_ino(&bp, mfs_m.dev, z, NORMAL, dp->i_num,
	    pos - pos % bs)) != OK)
		return r;
	for (r = 1; pos < end && r == 1; ) {
		if (mfs_de_ino(&mfs_m.sb, b_data(bp) + pos % bs) != 0)
			r = mfs_dent_add(d, b_data(bp) + pos % bs, pos,
			    dp->i_num);
		if (r == 1)
			pos += ds;
	}
	lmfs_put_block(bp);
	*posp = pos;
	return r < 0 ? r : r == 0;
}

/* fdr_getdents: list the directory from *pos on (pos is a byte offset
 * into it; d_off of each record is the offset after its entry); sets the
 * directory's atime. */
ssize_t mfs_getdents(ino_t ino_nr, struct fsdriver_data *data, size_t bytes,
    off_t *pos)
{
	size_t ds = mfs_m.sb.dirent_size;
	struct fsdriver_dentry d;
	struct mfs_inode *dp;
	char stage[4096];
	uint64_t p;
	ssize_t r = OK;

	if (*pos < 0)
		return -EINVAL;
	if ((r = mfs_get_inode(ino_nr, &dp)) != OK)
		return r;
	if (!S_ISDIR(dp->i_mode))
		r = -ENOTDIR;
	else if (dp->i_size % ds != 0)
		r = mfs_corrupt("directory size not a multiple of the entry "
		    "size:", dp->i_size, dp->i_num);
	if (r != OK)
		goto out;
	fsdriver_dentry_init(&d, data, bytes, stage, sizeof(stage));
	p = ((uint64_t)*pos + ds - 1) / ds * ds;
	while (p < dp->i_size && (r = mfs_dent_block(dp, &d, &p)) == OK)
		;
	if (r < 0)
		goto out;
	r = fsdriver_dentry_finish(&d);
	if (r == 0 && p < dp->i_size)
		r = -EINVAL;
	*pos = (off_t)p;
	if (r >= 0 && !mfs_m.rdonly)
		mfs_touch(dp, MFS_ATIME);
out:
	mfs_put_inode(dp);
	return r;
}
