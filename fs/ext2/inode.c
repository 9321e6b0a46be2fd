/*
 * inode.c - inodes in memory.
 *
 * An in-memory inode holds a full copy of the on-disk inode (including the
 * extra space and its in-inode extended attributes) and a reference count.
 * References come from the front end (lookup, create, mount: dropped by
 * putnode) and from the driver itself (held only during one call).  Changes
 * go to the copy and mark it dirty; the copy is written into the inode-table
 * block in the cache when the last reference goes, at sync and at unmount.
 * An inode whose link count is zero is destroyed (blocks, attribute block
 * and the inode itself freed) when its last reference goes: this is how an
 * open but unlinked file stays readable.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "ext2.h"

/* In-memory inodes by number: a hash table that doubles when it holds
 * twice as many inodes as buckets (the kernel may hold every file of a
 * 100,000-file directory; fixed buckets made each lookup a long walk). */
#define EXT2_IHASH_MIN	1024

static struct ext2_inode *ext2_ihash0[EXT2_IHASH_MIN];
static struct ext2_inode **ext2_ihash = ext2_ihash0;
static size_t ext2_ihash_size = EXT2_IHASH_MIN, ext2_ihash_count;

static struct ext2_inode **ext2_ihash_slot(ino_t ino)
{
	return &ext2_ihash[ino % ext2_ihash_size];
}

static void ext2_ihash_grow(void)
{
	size_t nsize = ext2_ihash_size * 2, i;
	struct ext2_inode **ntab, *ip, *next;

	if ((ntab = calloc(nsize, sizeof(*ntab))) == NULL)
		return;			/* keep longer chains */
	for (i = 0; i < ext2_ihash_size; i++)
		for (ip = ext2_ihash[i]; ip != NULL; ip = next) {
			next = ip->i_next;
			ip->i_next = ntab[ip->i_num % nsize];
			ntab[ip->i_num % nsize] = ip;
		}
	if (ext2_ihash != ext2_ihash0)
		free(ext2_ihash);
	ext2_ihash = ntab;
	ext2_ihash_size = nsize;
}

static void ext2_ihash_insert(struct ext2_inode *ip)
{
	if (++ext2_ihash_count > ext2_ihash_size * 2)
		ext2_ihash_grow();
	ip->i_next = *ext2_ihash_slot(ip->i_num);
	*ext2_ihash_slot(ip->i_num) = ip;
}

static struct ext2_inode *ext2_ifind(ino_t ino)
{
	struct ext2_inode *ip;

	for (ip = *ext2_ihash_slot(ino); ip != NULL; ip = ip->i_next)
		if (ip->i_num == ino)
			return ip;
	return NULL;
}

static void ext2_iunhash(struct ext2_inode *ip)
{
	struct ext2_inode **pp;

	for (pp = ext2_ihash_slot(ip->i_num); *pp != NULL; pp = &(*pp)->i_next)
		if (*pp == ip) {
			*pp = ip->i_next;
			ext2_ihash_count--;
			return;
		}
}

/* Where inode 'ino' lives: its table block and the byte offset in it. */
static void ext2_iloc(ino_t ino, uint32_t *block, size_t *off)
{
	struct ext2_fs *fs = &ext2_fs;
	uint32_t g = (uint32_t)((ino - 1) / fs->sb.s_inodes_per_group);
	uint32_t idx = (uint32_t)((ino - 1) % fs->sb.s_inodes_per_group);

	*block = fs->gd[g].bg_inode_table + idx / fs->inodes_per_block;
	*off = (size_t)(idx % fs->inodes_per_block) * fs->inode_size;
}

static struct ext2_inode *ext2_ialloc_mem(ino_t ino)
{
	struct ext2_inode *ip = calloc(1, sizeof(*ip));
	size_t rawsize = ext2_fs.inode_size;

	if (ip == NULL)
		return NULL;
	if (rawsize < sizeof(struct ext2_dinode))
		rawsize = sizeof(struct ext2_dinode);
	ip->i_d = calloc(1, rawsize);
	if (ip->i_d == NULL) {
		free(ip);
		return NULL;
	}
	ip->i_num = ino;
	ip->i_count = 1;
	return ip;
}

static void ext2_ifree_mem(struct ext2_inode *ip)
{
	ext2_dindex_free(ip);
	free(ip->i_d);
	free(ip);
}

/* Check what the rest of the driver trusts in a freshly read inode. */
static int ext2_icheck(const struct ext2_inode *ip)
{
	const struct ext2_dinode *d = ip->i_d;
	unsigned int extra_max = ext2_fs.inode_size - EXT2_GOOD_OLD_INODE_SIZE;

	if (d->i_links_count == 0 || d->i_mode == 0)
		return -EIO;
	if (ext2_fs.inode_size > EXT2_GOOD_OLD_INODE_SIZE &&
	    (d->i_extra_isize > extra_max || (d->i_extra_isize & 3) != 0))
		return -EIO;
	if (d->i_flags & EXT2_UNSUPPORTED_FL)
		return -EIO;
	switch (d->i_mode & S_IFMT) {
	case S_IFREG: case S_IFDIR: case S_IFLNK: case S_IFCHR:
	case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		return OK;
	}
	return -EIO;
}

static int ext2_iread(struct ext2_inode *ip)
{
	uint32_t block;
	size_t off;
	struct buf *bp;
	int err;

	ext2_iloc(ip->i_num, &block, &off);
	if ((err = lmfs_get_block(&bp, ext2_fs.dev, block, NORMAL)) != OK)
		return err;
	memcpy(ip->i_d, b_data(bp) + off, ext2_fs.inode_size);
	lmfs_put_block(bp);
	if (ext2_fs.inode_size == EXT2_GOOD_OLD_INODE_SIZE)
		ip->i_d->i_extra_isize = 0;
	if (ext2_icheck(ip) != OK) {
		fsdriver_log("ext2: inode %lu is corrupt or unused",
		    (unsigned long)ip->i_num);
		return -EIO;
	}
	return OK;
}

static int ext2_iwrite(struct ext2_inode *ip)
{
	uint32_t block;
	size_t off;
	struct buf *bp;
	int err;

	ext2_iloc(ip->i_num, &block, &off);
	if ((err = lmfs_get_block(&bp, ext2_fs.dev, block, NORMAL)) != OK)
		return err;
	memcpy(b_data(bp) + off, ip->i_d, ext2_fs.inode_size);
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	ip->i_dirty = 0;
	return OK;
}

int ext2_iget(ino_t ino, struct ext2_inode **ipp)
{
	struct ext2_inode *ip;
	int err;

	if ((ino < ext2_fs.first_ino && ino != EXT2_ROOT_INO) ||
	    ino > ext2_fs.sb.s_inodes_count) {
		fsdriver_log("ext2: bad inode number %lu", (unsigned long)ino);
		return -EIO;
	}
	if ((ip = ext2_ifind(ino)) != NULL) {
		ip->i_count++;
		*ipp = ip;
		return OK;
	}
	if ((ip = ext2_ialloc_mem(ino)) == NULL)
		return -ENOMEM;
	if ((err = ext2_iread(ip)) != OK) {
		ext2_ifree_mem(ip);
		return err;
	}
	ext2_ihash_insert(ip);
	*ipp = ip;
	return OK;
}

/* The extra-part size of new inodes: ours, or the image's minimum if it
 * asks for more (extra_isize feature), within the inode. */
static uint16_t ext2_new_extra_isize(void)
{
	unsigned int want = EXT2_EXTRA_NEW, room;

	room = ext2_fs.inode_size - EXT2_GOOD_OLD_INODE_SIZE;
	if ((ext2_fs.sb.s_feature_ro_compat &
	    EXT2_FEATURE_RO_COMPAT_EXTRA_ISIZE) &&
	    ext2_fs.sb.s_min_extra_isize > want)
		want = (ext2_fs.sb.s_min_extra_isize + 3u) & ~3u;
	return (uint16_t)(want < room ? want : room);
}

int ext2_inew(ino_t ino, mode_t mode, uid_t uid, gid_t gid,
    struct ext2_inode **ipp)
{
	static uint32_t generation;
	struct ext2_inode *ip;
	struct ext2_dinode *d;
	struct timespec now;

	if (ext2_ifind(ino) != NULL) {
		fsdriver_log("ext2: allocated inode %lu is in use",
		    (unsigned long)ino);
		return -EIO;
	}
	if ((ip = ext2_ialloc_mem(ino)) == NULL)
		return -ENOMEM;
	d = ip->i_d;
	d->i_mode = (uint16_t)mode;
	ext2_set_iuid(ip, uid);
	ext2_set_igid(ip, gid);
	if (ext2_fs.inode_size > EXT2_GOOD_OLD_INODE_SIZE)
		d->i_extra_isize = ext2_new_extra_isize();
	if (generation == 0) {
		fsdriver_gettime(&now);
		generation = (uint32_t)now.tv_sec;
	}
	d->i_generation = generation++;
	ext2_touch(ip, EXT2_ATIME | EXT2_MTIME | EXT2_CTIME | EXT2_CRTIME);
	ext2_ihash_insert(ip);
	*ipp = ip;
	return OK;
}

void ext2_idirty(struct ext2_inode *ip)
{
	ip->i_dirty = 1;
}

/* The inode has no links and no references: free everything it owns.
 * Every step is tried; the first error is returned. */
static int ext2_idestroy(struct ext2_inode *ip)
{
	struct ext2_dinode *d = ip->i_d;
	struct timespec now;
	int is_dir = S_ISDIR(d->i_mode), err = OK, r;

	if (S_ISREG(d->i_mode) || is_dir ||
	    (S_ISLNK(d->i_mode) && !ext2_is_fast_symlink(ip)))
		err = ext2_free_range(ip, 0, ext2_bmap_limit());
	if ((r = ext2_xattr_drop_block(ip)) != OK && err == OK)
		err = r;
	/* To e2fsck a dtime of 0 means "in use" and one below s_inodes_count
	 * a link of the orphan list, so a clock near the epoch (Mica's
	 * servers count from it, libfsdriver/README.md "Time") must still
	 * leave a dtime at least s_inodes_count: e2fsck -fn found both. */
	fsdriver_gettime(&now);
	d->i_dtime = now.tv_sec > (time_t)ext2_fs.sb.s_inodes_count ?
	    (uint32_t)now.tv_sec : ext2_fs.sb.s_inodes_count;
	d->i_size = 0;
	d->i_size_high = 0;
	if ((r = ext2_iwrite(ip)) != OK && err == OK)
		err = r;
	if ((r = ext2_ifree(ip->i_num, is_dir)) != OK && err == OK)
		err = r;
	return err;
}

/* The last reference went: destroy or write back, and forget.  Nobody is
 * left to hear an error, so it is logged (as MFS does). */
static void ext2_irelease(struct ext2_inode *ip)
{
	if (ip->i_d->i_links_count == 0 && !ext2_fs.rdonly) {
		if (ext2_idestroy(ip) != OK)
			fsdriver_log("ext2: inode %lu: freeing it failed",
			    (unsigned long)ip->i_num);
	} else if (ip->i_dirty && !ext2_fs.rdonly && ext2_iwrite(ip) != OK) {
		fsdriver_log("ext2: inode %lu: write-back failed",
		    (unsigned long)ip->i_num);
	}
	ext2_iunhash(ip);
	ext2_ifree_mem(ip);
}

void ext2_iput(struct ext2_inode *ip)
{
	if (ip == NULL)
		return;
	if (ip->i_count == 0) {
		fsdriver_log("ext2: inode %lu released too often",
		    (unsigned long)ip->i_num);
		return;
	}
	if (--ip->i_count == 0)
		ext2_irelease(ip);
}

int ext2_putnode(ino_t ino, unsigned int count)
{
	struct ext2_inode *ip = ext2_ifind(ino);

	if (ip == NULL || count == 0 || count > ip->i_count) {
		fsdriver_log("ext2: putnode(%lu, %u) without references",
		    (unsigned long)ino, count);
		return -EINVAL;
	}
	ip->i_count -= count - 1;
	ext2_iput(ip);
	return OK;
}

int ext2_iflush_all(void)
{
	struct ext2_inode *ip;
	int err, ret = OK;
	size_t i;

	for (i = 0; i < ext2_ihash_size; i++)
		for (ip = ext2_ihash[i]; ip != NULL; ip = ip->i_next)
			if (ip->i_dirty && (err = ext2_iwrite(ip)) != OK)
				ret = err;
	return ret;
}

void ext2_iclose_all(void)
{
	size_t i;

	for (i = 0; i < ext2_ihash_size; i++)
		while (ext2_ihash[i] != NULL)
			ext2_irelease(ext2_ihash[i]);
}

/* ---- field accessors ---------------------------------------------------- */

uint64_t ext2_isize(const struct ext2_inode *ip)
{
	uint64_t size = ip->i_d->i_size;

	if (S_ISREG(ip->i_d->i_mode))
		size |= (uint64_t)ip->i_d->i_size_high << 32;
	return size;
}

int ext2_set_isize(struct ext2_inode *ip, uint64_t size)
{
	struct ext2_super *sb = &ext2_fs.sb;

	if (size > ext2_fs.max_size || (!S_ISREG(ip->i_d->i_mode) &&
	    size > UINT32_MAX))
		return -EFBIG;
	ip->i_d->i_size = (uint32_t)size;
	if (S_ISREG(ip->i_d->i_mode))
		ip->i_d->i_size_high = (uint32_t)(size >> 32);
	if (size > 0x7fffffffull &&
	    !(sb->s_feature_ro_compat & EXT2_FEATURE_RO_COMPAT_LARGE_FILE)) {
		sb->s_feature_ro_compat |= EXT2_FEATURE_RO_COMPAT_LARGE_FILE;
		ext2_fs.sb_dirty = 1;
	}
	ext2_idirty(ip);
	return OK;
}

uid_t ext2_iuid(const struct ext2_inode *ip)
{
	return ip->i_d->i_uid | ((uid_t)ip->i_d->i_uid_high << 16);
}

gid_t ext2_igid(const struct ext2_inode *ip)
{
	return ip->i_d->i_gid | ((gid_t)ip->i_d->i_gid_high << 16);
}

void ext2_set_iuid(struct ext2_inode *ip, uid_t uid)
{
	ip->i_d->i_uid = (uint16_t)uid;
	ip->i_d->i_uid_high = (uint16_t)(uid >> 16);
	ext2_idirty(ip);
}

void ext2_set_igid(struct ext2_inode *ip, gid_t gid)
{
	ip->i_d->i_gid = (uint16_t)gid;
	ip->i_d->i_gid_high = (uint16_t)(gid >> 16);
	ext2_idirty(ip);
}

void ext2_iblocks_add(struct ext2_inode *ip, int n)
{
	ip->i_d->i_blocks += (uint32_t)(n * (int)(ext2_fs.block_size / 512));
	ext2_idirty(ip);
}

/* A device node's number: the old 16-bit form in i_block[0], or (when
 * that is 0) the 32-bit form in i_block[1], as Linux stores them. */
dev_t ext2_irdev(const struct ext2_inode *ip)
{
	uint32_t b0 = ip->i_d->i_block[0], b1 = ip->i_d->i_block[1];

	return fsdriver_dev_decode(b0 != 0 ? b0 & 0xffff : b1);
}

void ext2_set_irdev(struct ext2_inode *ip, dev_t rdev)
{
	uint32_t *b = ip->i_d->i_block;

	if (major(rdev) < 256 && minor(rdev) < 256) {
		b[0] = fsdriver_dev_encode(rdev);
		b[1] = 0;
	} else {
		b[0] = 0;
		b[1] = fsdriver_dev_encode(rdev);
		b[2] = 0;
	}
	ext2_idirty(ip);
}

int ext2_is_fast_symlink(const struct ext2_inode *ip)
{
	uint32_t blocks = ip->i_d->i_blocks;

	if (ip->i_d->i_file_acl != 0)
		blocks -= (uint32_t)(ext2_fs.block_size / 512);
	return S_ISLNK(ip->i_d->i_mode) && blocks == 0;
}

void ext2_fill_node(const struct ext2_inode *ip, struct fsdriver_node *n)
{
	n->fn_ino_nr = ip->i_num;
	n->fn_mode = ip->i_d->i_mode;
	n->fn_size = (off_t)ext2_isize(ip);
	n->fn_uid = ext2_iuid(ip);
	n->fn_gid = ext2_igid(ip);
	n->fn_dev = (S_ISCHR(ip->i_d->i_mode) || S_ISBLK(ip->i_d->i_mode)) ?
	    ext2_irdev(ip) : 0;
}
