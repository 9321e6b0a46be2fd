/*
 * inode.c - the in-core inode table.
 *
 * Inodes in use are found by number through a hash table, which doubles
 * when it holds twice as many inodes as buckets (the kernel may keep a
 * reference to every file of a 100,000-file directory: a fixed table made
 * each lookup a walk of a long chain).  When the last
 * reference goes, an inode that still has links is written back (if dirty)
 * and parked on an LRU list of unused inodes, so that the next request for
 * it (stat after create, a FUSE lookup after forget) costs nothing; the list
 * is bounded and its oldest entries are dropped.  An inode whose last link
 * and last reference are both gone is destroyed: its zones and its number
 * are freed and its disk copy is zeroed.
 *
 * mfs_rw_inode() moves an inode between the cache and memory through the
 * MFS codec (mfs_codec.c, shared with mkfs.mfs and fsck.mfs), which alone
 * knows the V1 and V2/V3 layouts.  Owner ids the format cannot hold are
 * replaced by the overflow id when they are set (mfs_set_owner), with a
 * warning, so the in-core inode always shows what the disk will keep.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include "mfs.h"

#define MFS_HASH_MIN	4096	/* buckets at first, a power of two */
#define MFS_UNUSED_MAX	8192	/* unused inodes kept in memory */

static struct mfs_inode *mfs_hash0[MFS_HASH_MIN];
static struct mfs_inode **mfs_hash = mfs_hash0;
static size_t mfs_hash_size = MFS_HASH_MIN, mfs_hash_count;
static struct mfs_inode mfs_lru = { .i_lprev = &mfs_lru,
    .i_lnext = &mfs_lru };
static unsigned int mfs_nunused;

static struct mfs_inode **mfs_bucket(ino_t ino)
{
	return &mfs_hash[ino & (mfs_hash_size - 1)];
}

/* Double the buckets (if memory allows; else keep longer chains). */
static void mfs_hash_grow(void)
{
	size_t nsize = mfs_hash_size * 2, i;
	struct mfs_inode **ntab, *ip, *next;

	if ((ntab = calloc(nsize, sizeof(*ntab))) == NULL)
		return;
	for (i = 0; i < mfs_hash_size; i++)
		for (ip = mfs_hash[i]; ip != NULL; ip = next) {
			next = ip->i_hnext;
			ip->i_hnext = ntab[ip->i_num & (nsize - 1)];
			ntab[ip->i_num & (nsize - 1)] = ip;
		}
	if (mfs_hash != mfs_hash0)
		free(mfs_hash);
	mfs_hash = ntab;
	mfs_hash_size = nsize;
}

static struct mfs_inode *mfs_hash_find(ino_t ino)
{
	struct mfs_inode *ip;

	for (ip = *mfs_bucket(ino); ip != NULL; ip = ip->i_hnext)
		if (ip->i_num == ino)
			return ip;
	return NULL;
}

static void mfs_hash_remove(struct mfs_inode *ip)
{
	struct mfs_inode **pp;

	for (pp = mfs_bucket(ip->i_num); *pp != NULL; pp = &(*pp)->i_hnext)
		if (*pp == ip) {
			*pp = ip->i_hnext;
			mfs_hash_count--;
			return;
		}
}

static void mfs_lru_remove(struct mfs_inode *ip)
{
	ip->i_lprev->i_lnext = ip->i_lnext;
	ip->i_lnext->i_lprev = ip->i_lprev;
	ip->i_lprev = ip->i_lnext = NULL;
	mfs_nunused--;
}

static void mfs_lru_append(struct mfs_inode *ip)
{
	ip->i_lprev = mfs_lru.i_lprev;
	ip->i_lnext = &mfs_lru;
	mfs_lru.i_lprev->i_lnext = ip;
	mfs_lru.i_lprev = ip;
	mfs_nunused++;
}

/* Report corruption found in inode 'ino' (0: not tied to one); -EIO. */
int mfs_corrupt(const char *what, unsigned long long nr, ino_t ino)
{
	fsdriver_log("mfs: corrupt file system: inode %lu: %s %llu",
	    (unsigned long)ino, what, nr);
	return -EIO;
}

static void mfs_to_dinode(const struct mfs_inode *ip, struct mfs_dinode *d)
{
	d->mode = (uint16_t)ip->i_mode;
	d->nlinks = (uint16_t)ip->i_nlinks;
	d->uid = (uint32_t)ip->i_uid;
	d->gid = (uint32_t)ip->i_gid;
	d->size = ip->i_size;
	d->atime = ip->i_atime;
	d->mtime = ip->i_mtime;
	d->ctime = ip->i_ctime;
	memcpy(d->zone, ip->i_zone, sizeof(d->zone));
}

static void mfs_from_dinode(struct mfs_inode *ip, const struct mfs_dinode *d)
{
	ip->i_mode = d->mode;
	ip->i_nlinks = d->nlinks;
	ip->i_uid = d->uid;
	ip->i_gid = d->gid;
	ip->i_size = d->size;
	ip->i_atime = d->atime;
	ip->i_mtime = d->mtime;
	ip->i_ctime = d->ctime;
	memcpy(ip->i_zone, d->zone, sizeof(ip->i_zone));
}

/* Give ip the owner uid/gid ((uid_t)-1, (gid_t)-1: unchanged), each as the
 * disk will store it: an id the format cannot hold becomes the overflow id
 * (mfs_codec.h), with a warning. */
void mfs_set_owner(struct mfs_inode *ip, uid_t uid, gid_t gid)
{
	const struct mfs_sb *sb = &mfs_m.sb;
	uint32_t u = mfs_uid_disk(sb, (uint32_t)uid);
	uint32_t g = mfs_gid_disk(sb, (uint32_t)gid);

	if (uid != (uid_t)-1) {
		if (u != (uint32_t)uid)
			fsdriver_log("mfs: inode %lu: uid %lu does not fit the "
			    "V%d format: stored as %lu", (unsigned long)
			    ip->i_num, (unsigned long)uid, sb->version,
			    (unsigned long)u);
		ip->i_uid = u;
	}
	if (gid != (gid_t)-1) {
		if (g != (uint32_t)gid)
			fsdriver_log("mfs: inode %lu: gid %lu does not fit the "
			    "V%d format: stored as %lu", (unsigned long)
			    ip->i_num, (unsigned long)gid, sb->version,
			    (unsigned long)g);
		ip->i_gid = g;
	}
}

/* Read (write == 0) or write the disk copy of ip. */
static int mfs_rw_inode(struct mfs_inode *ip, int write)
{
	const struct mfs_sb *sb = &mfs_m.sb;
	uint32_t n = (uint32_t)ip->i_num;
	struct mfs_dinode d;
	struct buf *bp;
	char *p;
	int r;

	r = lmfs_get_block(&bp, mfs_m.dev, mfs_inode_block(sb, n), NORMAL);
	if (r != OK)
		return r;
	p = b_data(bp) + mfs_inode_offset(sb, n);
	if (write) {
		mfs_to_dinode(ip, &d);
		mfs_inode_encode(sb, &d, p);
		lmfs_markdirty(bp);
	} else {
		mfs_inode_decode(sb, p, &d);
		mfs_from_dinode(ip, &d);
	}
	lmfs_put_block(bp);
	return OK;
}

/* Write ip's in-core state to its disk copy (in the cache). */
int mfs_write_inode(struct mfs_inode *ip)
{
	int r;

	if (mfs_m.rdonly)
		return OK;
	if ((r = mfs_rw_inode(ip, 1)) == OK)
		ip->i_dirty = 0;
	return r;
}

static struct mfs_inode *mfs_alloc_incore(ino_t ino)
{
	struct mfs_inode *ip;

	if ((ip = calloc(1, sizeof(*ip))) == NULL)
		return NULL;
	ip->i_num = ino;
	ip->i_nblocks = -1;
	if (++mfs_hash_count > mfs_hash_size * 2)
		mfs_hash_grow();
	ip->i_hnext = *mfs_bucket(ino);
	*mfs_bucket(ino) = ip;
	return ip;
}

static void mfs_evict(struct mfs_inode *ip)
{
	if (ip->i_dirty && mfs_write_inode(ip) != OK)
		fsdriver_log("mfs: inode %lu: write-back failed",
		    (unsigned long)ip->i_num);
	mfs_lru_remove(ip);
	mfs_hash_remove(ip);
	fsdriver_nameidx_free(&ip->i_dindex);
	free(ip);
}

/* Get a reference to inode 'ino'; -EINVAL when out of range. */
int mfs_get_inode(ino_t ino, struct mfs_inode **ipp)
{
	struct mfs_inode *ip;
	int r;

	if (ino < 1 || ino > mfs_m.sb.ninodes)
		return -EINVAL;
	if ((ip = mfs_hash_find(ino)) != NULL) {
		if (ip->i_count++ == 0)
			mfs_lru_remove(ip);
		*ipp = ip;
		return OK;
	}
	if ((ip = mfs_alloc_incore(ino)) == NULL)
		return -ENOMEM;
	if ((r = mfs_rw_inode(ip, 0)) != OK) {
		mfs_hash_remove(ip);
		free(ip);
		return r;
	}
	ip->i_stale = ip->i_nlinks == 0;
	ip->i_count = 1;
	*ipp = ip;
	return OK;
}

/* Take one more reference to an inode already held. */
void mfs_dup_inode(struct mfs_inode *ip)
{
	ip->i_count++;
}

/* Does ip go when its last reference does?  Only if it lost its last
 * link while mounted: an inode found on disk with no links (an orphan of a
 * crash, or corruption) is left for fsck. */
static int mfs_doomed(const struct mfs_inode *ip)
{
	return ip->i_nlinks == 0 && ip->i_mode != 0 && !ip->i_stale &&
	    !mfs_m.rdonly;
}

/* Destroy an inode with no links and no references. */
static int mfs_release(struct mfs_inode *ip)
{
	int r = OK;

	if (mfs_has_zones(ip))
		r = mfs_truncate(ip, 0);
	mfs_free_inode_bit((uint32_t)ip->i_num);
	memset(ip->i_zone, 0, sizeof(ip->i_zone));
	ip->i_mode = 0;
	ip->i_nlinks = 0;
	ip->i_size = 0;
	ip->i_uid = ip->i_gid = 0;
	ip->i_atime = ip->i_mtime = ip->i_ctime = 0;
	if (mfs_write_inode(ip) != OK && r == OK)
		r = -EIO;
	mfs_hash_remove(ip);
	fsdriver_nameidx_free(&ip->i_dindex);
	free(ip);
	return r;
}

/* Drop a reference; destroys the inode when links and references are 0. */
int mfs_put_inode(struct mfs_inode *ip)
{
	int r = OK;

	if (ip == NULL)
		return OK;
	if (ip->i_count == 0) {
		fsdriver_log("mfs: inode %lu: reference count underflow",
		    (unsigned long)ip->i_num);
		return -EINVAL;
	}
	if (--ip->i_count > 0)
		return OK;
	if (mfs_doomed(ip))
		return mfs_release(ip);
	if (ip->i_dirty)
		r = mfs_write_inode(ip);
	mfs_lru_append(ip);
	while (mfs_nunused > MFS_UNUSED_MAX)
		mfs_evict(mfs_lru.i_lnext);
	return r;
}

/* Allocate a new inode (no links yet; the caller enters it somewhere). */
int mfs_new_inode(mode_t mode, uid_t uid, gid_t gid, struct mfs_inode **ipp)
{
	struct mfs_inode *ip;
	uint32_t ino;
	int r;

	if ((r = mfs_alloc_inode_bit(&ino)) != OK)
		return r;
	if ((ip = mfs_hash_find(ino)) != NULL) {
		if (ip->i_count > 0 || ip->i_nlinks > 0)
			return mfs_corrupt("free in the bitmap but in use:",
			    ino, ino);
		mfs_lru_remove(ip);
		fsdriver_nameidx_free(&ip->i_dindex);
	} else if ((ip = mfs_alloc_incore(ino)) == NULL) {
		mfs_free_inode_bit(ino);
		return -ENOMEM;
	}
	memset(ip->i_zone, 0, sizeof(ip->i_zone));
	ip->i_count = 1;
	ip->i_stale = 0;
	ip->i_mode = mode;
	mfs_set_owner(ip, uid, gid);
	ip->i_nlinks = 0;
	ip->i_size = 0;
	ip->i_dir_free = 0;
	ip->i_ra_pos = 0;
	ip->i_nblocks = 0;
	mfs_touch(ip, MFS_ATIME | MFS_MTIME | MFS_CTIME);
	*ipp = ip;
	return OK;
}

/* Write every dirty in-core inode to the cache. */
int mfs_flush_inodes(void)
{
	struct mfs_inode *ip;
	int r, err = OK;
	size_t i;

	for (i = 0; i < mfs_hash_size; i++)
		for (ip = mfs_hash[i]; ip != NULL; ip = ip->i_hnext)
			if (ip->i_dirty && (r = mfs_write_inode(ip)) != OK)
				err = r;
	return err;
}

/* Destroy unlinked inodes still referenced, write back the dirty ones,
 * then forget every inode.  Returns the first write-back error. */
int mfs_inode_table_clear(void)
{
	struct mfs_inode *ip, *next;
	size_t i;
	int r;

	for (i = 0; i < mfs_hash_size; i++)
		for (ip = mfs_hash[i]; ip != NULL; ip = next) {
			next = ip->i_hnext;
			if (ip->i_count > 0 && mfs_doomed(ip)) {
				ip->i_count = 0;
				mfs_release(ip);
			}
		}
	r = mfs_flush_inodes();
	for (i = 0; i < mfs_hash_size; i++) {
		for (ip = mfs_hash[i]; ip != NULL; ip = next) {
			next = ip->i_hnext;
			fsdriver_nameidx_free(&ip->i_dindex);
			free(ip);
		}
		mfs_hash[i] = NULL;
	}
	mfs_hash_count = 0;
	mfs_lru.i_lprev = mfs_lru.i_lnext = &mfs_lru;
	mfs_nunused = 0;
	return r;
}

/* The mode of inode 'ino' without taking a reference (for getdents). */
int mfs_inode_mode(ino_t ino, mode_t *modep)
{
	const struct mfs_sb *sb = &mfs_m.sb;
	struct mfs_inode *ip;
	struct mfs_dinode d;
	struct buf *bp;
	int r;

	if (ino < 1 || ino > sb->ninodes)
		return -EINVAL;
	if ((ip = mfs_hash_find(ino)) != NULL) {
		*modep = ip->i_mode;
		return OK;
	}
	r = lmfs_get_block(&bp, mfs_m.dev, mfs_inode_block(sb,
	    (uint32_t)ino), NORMAL);
	if (r != OK)
		return r;
	mfs_inode_decode(sb, b_data(bp) + mfs_inode_offset(sb,
	    (uint32_t)ino), &d);
	lmfs_put_block(bp);
	*modep = d.mode;
	return OK;
}

/* Do ip's zone slots hold zones (rather than a device number, or nothing)? */
int mfs_has_zones(const struct mfs_inode *ip)
{
	return S_ISREG(ip->i_mode) || S_ISDIR(ip->i_mode) ||
	    S_ISLNK(ip->i_mode);
}

/* Device numbers live in zone[0], in the shared 32-bit form
 * (fsdriver_dev_encode: MINIX's major<<8|minor below 256); 0 for other
 * types. */
dev_t mfs_inode_rdev(const struct mfs_inode *ip)
{
	if (!S_ISCHR(ip->i_mode) && !S_ISBLK(ip->i_mode))
		return 0;
	return fsdriver_dev_decode(ip->i_zone[0]);
}

void mfs_set_rdev(struct mfs_inode *ip, dev_t rdev)
{
	ip->i_zone[0] = fsdriver_dev_encode(rdev);
	if (mfs_m.sb.version == 1)
		ip->i_zone[0] &= 0xffff;
}

void mfs_fill_node(const struct mfs_inode *ip, struct fsdriver_node *node)
{
	node->fn_ino_nr = ip->i_num;
	node->fn_mode = ip->i_mode;
	node->fn_size = ip->i_size;
	node->fn_uid = ip->i_uid;
	node->fn_gid = ip->i_gid;
	node->fn_dev = mfs_inode_rdev(ip);
}

/* fdr_putnode: drop 'count' references handed out earlier. */
int mfs_putnode(ino_t ino_nr, unsigned int count)
{
	struct mfs_inode *ip;

	if ((ip = mfs_hash_find(ino_nr)) == NULL || ip->i_count < count) {
		fsdriver_log("mfs: putnode of inode %lu: not that many "
		    "references", (unsigned long)ino_nr);
		return -EINVAL;
	}
	if (count == 0)
		return OK;
	ip->i_count -= count - 1;
	return mfs_put_inode(ip);
}
