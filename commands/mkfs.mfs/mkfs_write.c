/*
 * mkfs_write.c - write a new file system: the tree's data as it is
 * allocated, then the inode table, bitmaps and superblock.
 *
 * The root is inode 1, and the children of a directory get consecutive
 * numbers (in name order) when that directory is written, depth first.
 * Blocks of a regular file that are all zero are left as holes.  The inode
 * table and bitmaps are built in memory (zero-filled) and written whole;
 * bitmap bit 0 and the bits past the end are set.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/sysmacros.h>
#include <mica/fsdriver.h>

#include "mkfs_img.h"

static int mkfs_is_zero(const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

/* Read up to one block of 'fd' into m->blk; *got is the bytes read. */
static int mkfs_read_src(struct mkfs_img *m, int fd, size_t *got)
{
	size_t bs = m->img.sb.block_size;
	ssize_t n;

	memset(m->blk, 0, bs);
	*got = 0;
	while (*got < bs) {
		n = read(fd, m->blk + *got, bs - *got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			break;
		*got += (size_t)n;
	}
	return OK;
}

/* Copy a regular file's data; zero blocks stay holes. */
static int mkfs_copy_file(struct mkfs_img *m, const struct mkfs_node *n,
    struct mfs_dinode *ino)
{
	uint64_t idx, size = (uint64_t)n->st.st_size, nblk;
	size_t got;
	int fd, r = OK;

	if (n->nosrc) {			/* an empty file from a device table */
		ino->size = 0;
		return OK;
	}
	fd = open(n->path, O_RDONLY | mkfs_noatime);
	if (fd < 0 && errno == EPERM)
		fd = open(n->path, O_RDONLY);
	if (fd < 0)
		return -errno;
	nblk = (size + m->img.sb.block_size - 1) / m->img.sb.block_size;
	for (idx = 0; idx < nblk && r == OK; idx++) {
		if ((r = mkfs_read_src(m, fd, &got)) != OK)
			break;
		if (idx + 1 == nblk && (size % m->img.sb.block_size) != 0)
			memset(m->blk + size % m->img.sb.block_size, 0,
			    m->img.sb.block_size - size %
			    m->img.sb.block_size);
		if (!mkfs_is_zero(m->blk, m->img.sb.block_size))
			r = mkfs_put_block(m, ino, idx, m->blk);
	}
	close(fd);
	ino->size = (uint32_t)size;
	return r;
}

static int mkfs_copy_link(struct mkfs_img *m, const struct mkfs_node *n,
    struct mfs_dinode *ino)
{
	ssize_t len;

	memset(m->blk, 0, m->img.sb.block_size);
	len = readlink(n->path, (char *)m->blk, m->img.sb.block_size - 1);
	if (len < 0)
		return -errno;
	ino->size = (uint32_t)len;
	return len ? mkfs_put_block(m, ino, 0, m->blk) : OK;
}

/* Write a directory's entries: ".", "..", then the sorted children. */
static int mkfs_write_dir(struct mkfs_img *m, const struct mkfs_node *n,
    uint32_t self, uint32_t parent, struct mfs_dinode *ino)
{
	const struct mfs_sb *sb = &m->img.sb;
	unsigned int per = sb->block_size / sb->dirent_size, s;
	size_t total = (n ? n->nkids : 0) + 2, i;
	int r;

	for (i = 0; i < total; i += per) {
		memset(m->blk, 0, sb->block_size);
		for (s = 0; s < per && i + s < total; s++) {
			if (i + s == 0)
				mfs_dirent_set(sb, m->blk, s, self, ".");
			else if (i + s == 1)
				mfs_dirent_set(sb, m->blk, s, parent, "..");
			else
				mfs_dirent_set(sb, m->blk, s,
				    n->kids[i + s - 2]->ino,
				    n->kids[i + s - 2]->name);
		}
		if ((r = mkfs_put_block(m, ino, i / per, m->blk)) != OK)
			return r;
	}
	ino->size = (uint32_t)(total * sb->dirent_size);
	return OK;
}

static uint32_t mkfs_clamp_time(time_t t)
{
	if (t < 0)
		return 0;
	if ((uint64_t)t > UINT32_MAX)
		return UINT32_MAX;
	return (uint32_t)t;
}

/* Set the owner of 'ino' as the format stores it: an id that does not fit
 * becomes the overflow id (mfs_codec.h), with a warning naming 'path', as
 * the MFS server does. */
static void mkfs_set_owner(const struct mkfs_img *m, const char *path,
    uint32_t uid, uint32_t gid, struct mfs_dinode *ino)
{
	const struct mfs_sb *sb = &m->img.sb;

	ino->uid = mfs_uid_disk(sb, uid);
	ino->gid = mfs_gid_disk(sb, gid);
	if (ino->uid != uid)
		fprintf(stderr, "mkfs.mfs: %s: warning: uid %lu does not fit "
		    "the V%d format: stored as %lu\n", path,
		    (unsigned long)uid, sb->version, (unsigned long)ino->uid);
	if (ino->gid != gid)
		fprintf(stderr, "mkfs.mfs: %s: warning: gid %lu does not fit "
		    "the V%d format: stored as %lu\n", path,
		    (unsigned long)gid, sb->version, (unsigned long)ino->gid);
}

/* The inode fields that come from the source node's metadata.  With -T the
 * atime and ctime are stored as the mtime: reading the tree moves source
 * atimes (readlink cannot avoid it) and no one can set a ctime, so keeping
 * them would make the image depend on when the tree was read or copied. */
static void mkfs_node_inode(const struct mkfs_img *m,
    const struct mkfs_node *n, struct mfs_dinode *ino)
{
	const struct stat *st = &n->st;

	memset(ino, 0, sizeof(*ino));
	ino->mode = (uint16_t)(st->st_mode & 0177777);
	mkfs_set_owner(m, n->path, (uint32_t)st->st_uid, (uint32_t)st->st_gid,
	    ino);
	ino->atime = mkfs_clamp_time(st->st_atim.tv_sec);
	ino->mtime = mkfs_clamp_time(st->st_mtim.tv_sec);
	ino->ctime = mkfs_clamp_time(st->st_ctim.tv_sec);
	if (m->o->have_time)
		ino->atime = ino->ctime = ino->mtime;
	ino->nlinks = n->group ? (uint16_t)n->group->count : 1;
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		ino->zone[0] = fsdriver_dev_encode(st->st_rdev);
}

/* Number the children of 'd' (hard links share their group's number). */
static int mkfs_number_kids(struct mkfs_img *m, struct mkfs_node *d)
{
	struct mkfs_node *k;
	size_t i;
	int r;

	for (i = 0; i < d->nkids; i++) {
		k = d->kids[i];
		if (k->group && k->group->mino) {
			k->ino = k->group->mino;
			continue;
		}
		if ((r = mkfs_new_ino(m, &k->ino)) != OK)
			return r;
		if (k->group)
			k->group->mino = k->ino;
	}
	return OK;
}

static int mkfs_write_leaf(struct mkfs_img *m, const struct mkfs_node *k)
{
	struct mfs_dinode ino;
	int r = OK;

	if (mfsu_map_test(&m->imap, k->ino))
		return OK;		/* another link to a written inode */
	mkfs_node_inode(m, k, &ino);
	if (S_ISREG(k->st.st_mode))
		r = mkfs_copy_file(m, k, &ino);
	else if (S_ISLNK(k->st.st_mode))
		r = mkfs_copy_link(m, k, &ino);
	if (r == OK)
		mkfs_store_inode(m, k->ino, &ino);
	return r;
}

static int mkfs_report(const struct mkfs_node *n, int r)
{
	if (r == -ENOSPC)
		fprintf(stderr, "mkfs.mfs: %s: file system full (use more "
		    "blocks or inodes)\n", n->path);
	else
		fprintf(stderr, "mkfs.mfs: %s: %s\n", n->path, strerror(-r));
	return r;
}

/* Write directory 'd' (numbered 'self'), then everything below it. */
static int mkfs_write_tree(struct mkfs_img *m, struct mkfs_node *d,
    uint32_t self, uint32_t parent, int depth)
{
	struct mfs_dinode ino;
	size_t i, sub = 0;
	int r;

	if ((r = mkfs_number_kids(m, d)) != OK)
		return mkfs_report(d, r);
	mkfs_node_inode(m, d, &ino);
	for (i = 0; i < d->nkids; i++)
		sub += S_ISDIR(d->kids[i]->st.st_mode) ? 1 : 0;
	ino.nlinks = (uint16_t)(2 + sub);
	if ((r = mkfs_write_dir(m, d, self, parent, &ino)) != OK)
		return mkfs_report(d, r);
	mkfs_store_inode(m, self, &ino);
	for (i = 0; i < d->nkids; i++) {
		if (S_ISDIR(d->kids[i]->st.st_mode))
			r = mkfs_write_tree(m, d->kids[i], d->kids[i]->ino,
			    self, depth + 1);
		else if ((r = mkfs_write_leaf(m, d->kids[i])) != OK)
			r = mkfs_report(d->kids[i], r);
		if (r != OK)
			return r;
	}
	return OK;
}

/* An empty root directory, owned by the caller, like mkfs.minix. */
static int mkfs_write_root(struct mkfs_img *m)
{
	struct mfs_dinode ino;
	int r;

	memset(&ino, 0, sizeof(ino));
	ino.mode = S_IFDIR | 0755;
	ino.nlinks = 2;
	mkfs_set_owner(m, m->o->image, (uint32_t)getuid(), (uint32_t)getgid(),
	    &ino);
	ino.atime = ino.mtime = ino.ctime = m->now;
	if ((r = mkfs_write_dir(m, NULL, MFS_ROOT_INO, MFS_ROOT_INO, &ino)))
		return r;
	mkfs_store_inode(m, MFS_ROOT_INO, &ino);
	return OK;
}

/* Bit 0 and the bits past the end of each map are set. */
static int mkfs_maps_init(struct mkfs_img *m)
{
	const struct mfs_sb *sb = &m->img.sb;
	uint64_t b;
	int r;

	if ((r = mfsu_map_init(&m->imap, sb, sb->imap_blocks)) != OK ||
	    (r = mfsu_map_init(&m->zmap, sb, sb->zmap_blocks)) != OK)
		return r;
	mfsu_map_set(&m->imap, 0, 1);
	mfsu_map_set(&m->zmap, 0, 1);
	for (b = (uint64_t)sb->ninodes + 1; b < m->imap.nbits; b++)
		mfsu_map_set(&m->imap, b, 1);
	for (b = (uint64_t)sb->zones - sb->firstdatazone + 1;
	    b < m->zmap.nbits; b++)
		mfsu_map_set(&m->zmap, b, 1);
	return OK;
}

/* Boot area, inode table, maps and superblock, written last. */
static int mkfs_write_meta(struct mkfs_img *m)
{
	const struct mfs_sb *sb = &m->img.sb;
	uint32_t i;
	int r;

	memset(m->blk, 0, sb->block_size);
	for (i = 0; i < MFS_IMAP_START; i++)
		if ((r = mfsu_write_block(&m->img, i, m->blk)) != OK)
			return r;
	for (i = 0; i < sb->inode_blocks; i++) {
		r = mfsu_write_block(&m->img, mfs_itable_start(sb) + i,
		    m->itable + (size_t)i * sb->block_size);
		if (r != OK)
			return r;
	}
	if ((r = mfsu_map_store(&m->imap, &m->img, mfs_imap_start(sb))) ||
	    (r = mfsu_map_store(&m->zmap, &m->img, mfs_zmap_start(sb))))
		return r;
	mkfs_super_encode(sb, m->img.super);
	if ((r = mfsu_write_super(&m->img)) != OK)
		return r;
	return mfsu_sync(&m->img);
}

static void mkfs_img_free(struct mkfs_img *m)
{
	mfsu_map_free(&m->imap);
	mfsu_map_free(&m->zmap);
	free(m->itable);
	free(m->blk);
	free(m->ind);
}

int mkfs_write(const struct mfs_sb *sb, const struct mkfs_tree *tree,
    const struct mkfs_opts *o)
{
	struct mkfs_img m;
	int r, c;

	memset(&m, 0, sizeof(m));
	if ((r = mfsu_create(&m.img, o->image, sb)) != OK) {
		fprintf(stderr, "mkfs.mfs: %s: %s\n", o->image, strerror(-r));
		return r;
	}
	m.o = o;
	m.now = o->have_time ? o->time : mkfs_clamp_time(time(NULL));
	m.next_ino = MFS_ROOT_INO + 1;
	m.next_zone = sb->firstdatazone;
	m.itable = calloc(sb->inode_blocks, sb->block_size);
	m.blk = malloc(sb->block_size);
	m.ind = malloc(sb->block_size);
	if (!m.itable || !m.blk || !m.ind || (r = mkfs_maps_init(&m)) != OK) {
		r = -ENOMEM;
		fprintf(stderr, "mkfs.mfs: out of memory\n");
		goto out;
	}
	if (tree && tree->root)
		r = mkfs_write_tree(&m, tree->root, MFS_ROOT_INO, MFS_ROOT_INO,
		    0);
	else if ((r = mkfs_write_root(&m)) != OK)
		fprintf(stderr, "mkfs.mfs: %s: %s\n", o->image, strerror(-r));
	if (r == OK && (r = mkfs_write_meta(&m)) != OK)
		fprintf(stderr, "mkfs.mfs: %s: %s\n", o->image, strerror(-r));
out:
	if ((c = mfsu_close(&m.img)) != OK && r == OK) {
		fprintf(stderr, "mkfs.mfs: %s: %s\n", o->image, strerror(-c));
		r = c;
	}
	mkfs_img_free(&m);
	return r;
}
