/*
 * mfs.h - the MINIX file system server, internal interfaces.
 *
 * Layers, bottom up (one file each):
 *   alloc.c   inode and zone bitmaps; used/free accounting
 *   inode.c   the in-core inode table (hash by number, LRU of unused
 *             inodes), read and written through the codec
 *   mfs_codec.c, mfs_sb.c  the on-disk records and the superblock
 *             (shared with mkfs.mfs and fsck.mfs)
 *   bmap.c    file block -> zone, through direct, indirect, double and
 *             triple indirect zones
 *   trunc.c   freeing ranges of a file (truncate, holes)
 *   read.c    read/write/peek of file data
 *   dir.c     directory entries: lookup, enter, delete, getdents
 *   open.c, link.c, protect.c, time.c, super.c: the requests
 *   table.c   the fsdriver table; fstype.c the probe
 *
 * The version differences (V1 16-bit zones and one time field, V1/V2 short
 * names and 16-bit entry inode numbers) are absorbed by the codec
 * (mfs_codec.h: inodes, directory entries, indirect blocks); everything
 * else sees one format described by struct mfs_sb.
 *
 * Every on-disk number is validated where it is read: zone numbers against
 * [firstdatazone, zones), inode numbers against [1, ninodes], directory sizes
 * against the entry size.  Corruption yields -EIO and an fsdriver_log line.
 */
#ifndef MFS_H
#define MFS_H

#include <errno.h>
#include <stdint.h>
#include <sys/types.h>
#include <mica/libminixfs.h>
#include <mica/fsdriver.h>
#include <mica/fsdriver_nameidx.h>
#include "mfs_format.h"
#include "mfs_sb.h"
#include "mfs_codec.h"

/* An inode in memory.  i_count counts references: those handed to the
 * fsdriver caller plus temporary ones held inside a request. */
struct mfs_inode {
	struct mfs_inode *i_hnext;		/* hash chain */
	struct mfs_inode *i_lprev, *i_lnext;	/* unused list (i_count 0) */
	ino_t i_num;
	unsigned int i_count;
	int i_dirty;				/* differs from the disk copy */
	int i_stale;	/* had no links when read: never destroyed here */
	mode_t i_mode;
	unsigned int i_nlinks;
	uid_t i_uid;
	gid_t i_gid;
	uint32_t i_size;
	uint32_t i_atime, i_mtime, i_ctime;
	uint32_t i_zone[MFS_V2_NR_TZONES];
	uint32_t i_dir_free;	/* dirs: no free slot before this offset */
	uint64_t i_ra_pos;	/* a sequential read continues here */
	int64_t i_nblocks;	/* zones incl. indirect ones; -1: unknown */
	struct fsdriver_nameidx *i_dindex; /* large dirs: name index or NULL */
};

/* The mounted file system (one per process, as in MINIX). */
struct mfs_mount {
	int mounted;
	int rdonly;
	dev_t dev;
	struct mfs_sb sb;
	unsigned char raw_sb[MFS_SUPER_SIZE];	/* as on disk */
	uint64_t used_zones;		/* incl. the metadata blocks */
	uint32_t free_inodes;
	uint32_t imap_hint, zmap_hint;	/* where the next search starts */
};

extern struct mfs_mount mfs_m;

/* Timestamp update bits for mfs_touch(). */
#define MFS_ATIME	0x1
#define MFS_MTIME	0x2
#define MFS_CTIME	0x4

/* alloc.c */
int mfs_count_maps(void);
int mfs_alloc_inode_bit(uint32_t *inop);
void mfs_free_inode_bit(uint32_t ino);
int mfs_alloc_zone(struct mfs_inode *ip, uint32_t *zp);
/* Free z; its bit stays set until mfs_release_zones (see alloc.c). */
void mfs_free_zone(struct mfs_inode *ip, uint32_t z);
/* Let the allocator reuse the zones freed so far: at once (the caller is
 * about to write back everything, nothing allocates before), or, with
 * 'writeback', after writing back inodes and blocks.  OK or the error. */
int mfs_release_zones(int writeback);
/* Drop the pending list (unmount; nothing may be allocated after). */
void mfs_forget_pending(void);
int mfs_zone_ok(uint32_t z);

/* inode.c */
int mfs_get_inode(ino_t ino, struct mfs_inode **ipp);
void mfs_dup_inode(struct mfs_inode *ip);
int mfs_put_inode(struct mfs_inode *ip);
int mfs_new_inode(mode_t mode, uid_t uid, gid_t gid,
    struct mfs_inode **ipp);
int mfs_write_inode(struct mfs_inode *ip);
int mfs_flush_inodes(void);
int mfs_inode_mode(ino_t ino, mode_t *modep);
int mfs_inode_table_clear(void);
int mfs_has_zones(const struct mfs_inode *ip);
dev_t mfs_inode_rdev(const struct mfs_inode *ip);
void mfs_set_rdev(struct mfs_inode *ip, dev_t rdev);
void mfs_set_owner(struct mfs_inode *ip, uid_t uid, gid_t gid);
void mfs_fill_node(const struct mfs_inode *ip, struct fsdriver_node *node);
int mfs_count_blocks(struct mfs_inode *ip);
int mfs_corrupt(const char *what, unsigned long long nr, ino_t ino);

/* bmap.c */
int mfs_read_map(struct mfs_inode *ip, uint64_t blk, uint32_t *zp);
int mfs_read_map_run(struct mfs_inode *ip, uint64_t blk, uint32_t *zones,
    unsigned int n);
int mfs_write_map(struct mfs_inode *ip, uint64_t blk, uint32_t z);
int mfs_zero_block(uint32_t z, struct buf **bpp);

/* trunc.c */
int mfs_truncate(struct mfs_inode *ip, uint64_t size);
int mfs_free_range(struct mfs_inode *ip, uint64_t start, uint64_t end);
int mfs_zero_range(struct mfs_inode *ip, uint64_t start, uint64_t end);

/* read.c: where data comes from or goes to. */
struct mfs_io {
	const struct fsdriver_data *data;	/* a caller's buffer, or */
	char *local;				/* memory of this process */
	int peek;				/* only bring into the cache */
};
ssize_t mfs_rdwt(struct mfs_inode *ip, const struct mfs_io *io,
    size_t bytes, uint64_t pos, int write);

/* dir.c */
#define MFS_LOOKUP	0
#define MFS_ENTER	1
#define MFS_DELETE	2
#define MFS_IS_EMPTY	3
#define MFS_REPLACE	4
int mfs_search_dir(struct mfs_inode *dp, const char *name, uint32_t *inop,
    int flag);
int mfs_lookup_inode(struct mfs_inode *dp, const char *name,
    struct mfs_inode **ipp);
int mfs_check_name(const char *name);

/* time.c */
void mfs_touch(struct mfs_inode *ip, int what);

/* super.c */
int mfs_check_rw(void);

/* The requests (fsdriver table entries, table.c). */
extern const struct fsdriver mfs_table;
int mfs_mount(dev_t dev, unsigned int flags, struct fsdriver_node *root,
    unsigned int *res_flags);
int mfs_unmount(void);
int mfs_statvfs(struct statvfs *st);
int mfs_sync(void);
int mfs_lookup(ino_t dir_nr, const char *name, struct fsdriver_node *node);
int mfs_putnode(ino_t ino_nr, unsigned int count);
int mfs_stat(ino_t ino_nr, struct stat *st);
ssize_t mfs_read(ino_t ino_nr, struct fsdriver_data *data, size_t bytes,
    off_t pos);
ssize_t mfs_write(ino_t ino_nr, struct fsdriver_data *data, size_t bytes,
    off_t pos);
ssize_t mfs_peek(ino_t ino_nr, size_t bytes, off_t pos);
ssize_t mfs_getdents(ino_t ino_nr, struct fsdriver_data *data, size_t bytes,
    off_t *pos);
int mfs_trunc(ino_t ino_nr, off_t start, off_t end);
int mfs_newnode(mode_t mode, uid_t uid, gid_t gid, dev_t dev,
    struct fsdriver_node *node);
int mfs_create(ino_t dir_nr, const char *name, mode_t mode, uid_t uid,
    gid_t gid, struct fsdriver_node *node);
int mfs_mkdir(ino_t dir_nr, const char *name, mode_t mode, uid_t uid,
    gid_t gid);
int mfs_mknod(ino_t dir_nr, const char *name, mode_t mode, uid_t uid,
    gid_t gid, dev_t rdev);
int mfs_slink(ino_t dir_nr, const char *name, uid_t uid, gid_t gid,
    struct fsdriver_data *data, size_t bytes);
ssize_t mfs_rdlink(ino_t ino_nr, struct fsdriver_data *data, size_t bytes);
int mfs_link(ino_t dir_nr, const char *name, ino_t ino_nr);
int mfs_unlink(ino_t dir_nr, const char *name);
int mfs_rmdir(ino_t dir_nr, const char *name);
int mfs_rename(ino_t old_dir_nr, const char *old_name, ino_t new_dir_nr,
    const char *new_name);
int mfs_chmod(ino_t ino_nr, mode_t *mode);
int mfs_chown(ino_t ino_nr, uid_t uid, gid_t gid, mode_t *mode);
int mfs_utime(ino_t ino_nr, struct timespec *atime, struct timespec *mtime);
ssize_t mfs_bread(dev_t dev, struct fsdriver_data *data, size_t bytes,
    off_t pos);
ssize_t mfs_bwrite(dev_t dev, struct fsdriver_data *data, size_t bytes,
    off_t pos);
int mfs_bflush(dev_t dev);

#endif /* MFS_H */
