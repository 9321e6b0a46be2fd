/*
 * ext2.h - internals of Mica's ext2 driver, shared by its files only.
 *
 * Layers, bottom up (each file depends only on those below it):
 *   libminixfs          the block cache (every metadata and data block)
 *   super.c features.c  the mounted file system: struct ext2_fs, the one
 *   group.c             global, with the superblock and descriptor table in
 *                       memory; descriptors are written into their cache
 *                       block at every change, the superblock at sync
 *   balloc.c ialloc.c   allocators: bitmaps + descriptors + superblock
 *   inode.c itime.c     in-memory inodes (counted references), timestamps
 *   bmap.c trunc.c      logical -> physical blocks; freeing ranges
 *   dir.c dirent.c      directory entries (linear; hashed dirs read as
 *                       linear ones, their index flag cleared on change)
 *   dir_index.c         an in-memory name index for large directories
 *   xattr*.c            extended attributes in the inode and in a block
 *   read.c write.c getdents.c create.c link.c rename.c symlink.c attr.c
 *                       the fsdriver calls, collected in table.c
 * One file system is mounted per process (as in MINIX); requests are
 * serialised by the front end, so there is no locking.  Every number read
 * from disk is checked before it is used; corruption gives -EIO and an
 * fsdriver_log() line.
 */
#ifndef EXT2_H
#define EXT2_H

#include <errno.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <time.h>

#include <mica/libminixfs.h>
#include <mica/fsdriver.h>
#include <mica/fsdriver_nameidx.h>
#include "ext2_format.h"

/* The mounted file system. */
struct ext2_fs {
	dev_t dev;
	int mounted;
	int rdonly;			/* mounted read-only (asked or forced) */
	int sb_dirty;			/* in-memory superblock changed */
	struct ext2_super sb;		/* in-memory copy */
	uint16_t orig_state;		/* s_state as found at mount */
	size_t block_size;
	unsigned int addr_per_block;	/* block numbers per indirect block */
	uint32_t ngroups;
	uint32_t desc_blocks;		/* blocks of the descriptor table */
	struct ext2_group_desc *gd;	/* ngroups descriptors */
	unsigned int inode_size;
	uint32_t first_ino;		/* first non-reserved inode */
	int filetype;			/* dirents carry file types */
	uint64_t max_size;		/* largest file size */
	uint32_t inodes_per_block;
	uint32_t itable_blocks;		/* inode-table blocks per group */
};

extern struct ext2_fs ext2_fs;

/* An inode in memory: a copy of the on-disk inode and a reference count
 * (fsdriver references and internal ones alike). */
struct ext2_inode {
	struct ext2_inode *i_next;	/* hash chain */
	ino_t i_num;
	unsigned int i_count;
	int i_dirty;			/* i_d differs from the cached block */
	uint64_t i_next_lblk;		/* last block read (prefetching) */
	struct ext2_dinode *i_d;	/* at least sizeof(struct ext2_dinode) */
	struct ext2_dindex *i_dindex;	/* large dirs: name index, or NULL */
};

/* super.c */
int ext2_mount(dev_t dev, unsigned int flags, struct fsdriver_node *root,
    unsigned int *res_flags);
int ext2_unmount(void);
int ext2_statvfs(struct statvfs *st);
int ext2_sync(void);
/* bdev.c: the block entries (block special files, OS only) */
ssize_t ext2_bread(dev_t dev, struct fsdriver_data *data, size_t bytes,
    off_t pos);
ssize_t ext2_bwrite(dev_t dev, struct fsdriver_data *data, size_t bytes,
    off_t pos);
int ext2_bflush(dev_t dev);
/* OK, or -EROFS on a read-only mount: the first check of every change. */
int ext2_check_rw(void);

/* features.c */
/* Check the feature words: OK, -EINVAL (refused, logged), or OK with
 * *force_ro set when only reading is safe (logged). */
int ext2_features_check(const struct ext2_super *sb, int *force_ro);

/* group.c */
int ext2_groups_load(void);
void ext2_groups_free(void);
/* Store descriptor g into its cache block and mark it dirty. */
int ext2_group_write(uint32_t g);

/* balloc.c */
/* Allocate a block near 'goal' (0: anywhere); *bp gets its number. */
int ext2_balloc(uint32_t goal, uint32_t *bnum);
/* Free block 'b' (validated; double frees are reported, not counted).
 * Counted free at once; reusable after ext2_release_blocks (balloc.c). */
int ext2_bfree(uint32_t b);
/* Let the allocator reuse the blocks freed so far: at once (the caller
 * writes everything back next, allocating nothing before), or with
 * 'writeback' after writing back inodes and blocks.  OK or the error. */
int ext2_release_blocks(int writeback);
/* Drop the pending list (unmount, failed mount). */
void ext2_forget_blocks(void);
/* 1 if b may hold file data or metadata: inside the data area. */
int ext2_block_ok(uint32_t b);

/* ialloc.c */
int ext2_ialloc(ino_t parent, int is_dir, ino_t *ino);
int ext2_ifree(ino_t ino, int is_dir);

/* inode.c */
/* Get a reference to inode 'ino' (read and checked if not cached). */
int ext2_iget(ino_t ino, struct ext2_inode **ipp);
/* Drop one reference; the last one of an unlinked inode destroys it. */
void ext2_iput(struct ext2_inode *ip);
/* A fresh in-memory inode for a just-allocated number (one reference). */
int ext2_inew(ino_t ino, mode_t mode, uid_t uid, gid_t gid,
    struct ext2_inode **ipp);
void ext2_idirty(struct ext2_inode *ip);
/* Write every dirty in-memory inode into its cache block. */
int ext2_iflush_all(void);
/* Drop all in-memory inodes at unmount, destroying unlinked ones. */
void ext2_iclose_all(void);
int ext2_putnode(ino_t ino, unsigned int count);

/* inode field accessors (inode.c) */
uint64_t ext2_isize(const struct ext2_inode *ip);
int ext2_set_isize(struct ext2_inode *ip, uint64_t size);
uid_t ext2_iuid(const struct ext2_inode *ip);
gid_t ext2_igid(const struct ext2_inode *ip);
void ext2_set_iuid(struct ext2_inode *ip, uid_t uid);
void ext2_set_igid(struct ext2_inode *ip, gid_t gid);
/* Account 'n' file-system blocks more (negative: less) in i_blocks. */
void ext2_iblocks_add(struct ext2_inode *ip, int n);
dev_t ext2_irdev(const struct ext2_inode *ip);
void ext2_set_irdev(struct ext2_inode *ip, dev_t rdev);
/* 1 for a symlink whose target lives in i_block. */
int ext2_is_fast_symlink(const struct ext2_inode *ip);
void ext2_fill_node(const struct ext2_inode *ip, struct fsdriver_node *n);

/* itime.c */
#define EXT2_ATIME	0x1
#define EXT2_MTIME	0x2
#define EXT2_CTIME	0x4
#define EXT2_CRTIME	0x8
void ext2_itime_get(const struct ext2_inode *ip, int which,
    struct timespec *ts);
void ext2_itime_set(struct ext2_inode *ip, int which,
    const struct timespec *ts);
/* Set the given timestamps to now and mark the inode dirty. */
void ext2_touch(struct ext2_inode *ip, int which);

/* bmap.c */
/* Physical block of logical block 'lblk', 0 for a hole. */
int ext2_bmap(struct ext2_inode *ip, uint64_t lblk, uint32_t *phys);
/* Same, allocating what is missing; *fresh is 1 for a new data block. */
int ext2_bmap_alloc(struct ext2_inode *ip, uint64_t lblk, uint32_t *phys,
    int *fresh);
/* Logical blocks addressable through i_block[]. */
uint64_t ext2_bmap_limit(void);

/* trunc.c */
/* Free the data blocks of logical range [first, end) and the indirect
 * blocks that become empty. */
int ext2_free_range(struct ext2_inode *ip, uint64_t first, uint64_t end);
int ext2_trunc(ino_t ino, off_t start, off_t end);

/* dirent.c: checked walking of one directory block */
struct ext2_dirwalk {
	uint64_t lblk;			/* logical block (set by directory scans) */
	char *base;			/* block data */
	size_t size;			/* block size */
	size_t next;			/* offset of the next entry */
	size_t off;			/* offset of the current entry */
	size_t prev;			/* offset of the previous entry or SIZE_MAX */
	struct ext2_dirent *de;		/* current entry */
};
void ext2_dirwalk_init(struct ext2_dirwalk *w, void *base, size_t size);
/* Step to the next entry: 1 if there is one, 0 at the block end, -EIO
 * (logged) for a malformed entry. */
int ext2_dirwalk_next(struct ext2_dirwalk *w, ino_t dir);
size_t ext2_de_namelen(const struct ext2_dirent *de);
unsigned int ext2_de_type(const struct ext2_dirent *de);
/* Fill an entry's inode, name and type (its rec_len stays). */
void ext2_de_fill(struct ext2_dirent *de, ino_t ino, const char *name,
    size_t len, mode_t mode);

/* dir.c */
int ext2_dir_lookup(struct ext2_inode *dp, const char *name, ino_t *ino);
/* Enter 'name' (-EEXIST if present: one scan checks and finds room). */
int ext2_dir_enter(struct ext2_inode *dp, const char *name, ino_t ino,
    mode_t mode);
/* Remove 'name'; *ino (if not NULL) gets the inode it named. */
int ext2_dir_remove(struct ext2_inode *dp, const char *name, ino_t *ino);
/* Point the existing entry 'name' at 'ino'. */
int ext2_dir_retarget(struct ext2_inode *dp, const char *name, ino_t ino,
    mode_t mode);
/* OK if only "." and ".." remain, -ENOTEMPTY otherwise. */
int ext2_dir_empty(struct ext2_inode *dp);
/* Fill a new directory's first block. */
int ext2_dir_init(struct ext2_inode *dp, ino_t parent);

/* dir_index.c: the in-memory index of a large directory (dir.c keeps it
 * current; every place it gives is confirmed against the block).  Names
 * are hashed with fsdriver_nameidx_hash (include/mica/fsdriver_nameidx.h).
 */
/* Start an empty index for dp (-ENOMEM: none). */
int ext2_dindex_new(struct ext2_inode *dp);
/* Forget dp's index, if any. */
void ext2_dindex_free(struct ext2_inode *dp);
/* Record / forget the entry with this hash at (lblk, off); no memory
 * drops the whole index. */
void ext2_dindex_add(struct ext2_inode *dp, uint32_t hash, uint32_t lblk,
    uint32_t off);
void ext2_dindex_remove(struct ext2_inode *dp, uint32_t hash, uint32_t lblk,
    uint32_t off);
/* Places of the entries whose name has this hash: *cursor NULL first;
 * 0 when there are no more. */
int ext2_dindex_next(struct ext2_inode *dp, uint32_t hash, void **cursor,
    uint32_t *lblk, uint32_t *off);
/* Block lblk can take a new entry of up to 'room' bytes. */
void ext2_dindex_set_room(struct ext2_inode *dp, uint32_t lblk,
    uint32_t room);
/* A block that can take an entry of 'need' bytes: 1 and *lblk, or 0. */
int ext2_dindex_find_room(struct ext2_inode *dp, uint32_t need,
    uint32_t *lblk);

/* lookup/getdents/create/link/rename/symlink/attr/read/write */
int ext2_lookup(ino_t dir, const char *name, struct fsdriver_node *node);
ssize_t ext2_getdents(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t *pos);
int ext2_create(ino_t dir, const char *name, mode_t mode, uid_t uid,
    gid_t gid, struct fsdriver_node *node);
int ext2_mkdir(ino_t dir, const char *name, mode_t mode, uid_t uid,
    gid_t gid);
int ext2_mknod(ino_t dir, const char *name, mode_t mode, uid_t uid,
    gid_t gid, dev_t rdev);
int ext2_newnode(mode_t mode, uid_t uid, gid_t gid, dev_t rdev,
    struct fsdriver_node *node);
/* Make a named inode in 'dp' (create.c), first filling it with init()
 * (may be NULL); returns it with a reference. */
typedef int (*ext2_init_fn)(struct ext2_inode *ip, void *arg);
int ext2_make(struct ext2_inode *dp, const char *name, mode_t mode,
    uid_t uid, gid_t gid, ext2_init_fn init, void *arg,
    struct ext2_inode **ipp);
/* Get a directory inode with a reference (getdents.c). */
int ext2_get_dir(ino_t ino, struct ext2_inode **ipp);
int ext2_link(ino_t dir, const char *name, ino_t ino);
int ext2_unlink(ino_t dir, const char *name);
int ext2_rmdir(ino_t dir, const char *name);
int ext2_rename(ino_t odir, const char *oname, ino_t ndir,
    const char *nname);
int ext2_slink(ino_t dir, const char *name, uid_t uid, gid_t gid,
    struct fsdriver_data *data, size_t bytes);
ssize_t ext2_rdlink(ino_t ino, struct fsdriver_data *data, size_t bytes);
int ext2_stat(ino_t ino, struct stat *st);
int ext2_chmod(ino_t ino, mode_t *mode);
int ext2_chown(ino_t ino, uid_t uid, gid_t gid, mode_t *mode);
int ext2_utime(ino_t ino, struct timespec *atime, struct timespec *mtime);
ssize_t ext2_read(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t pos);
ssize_t ext2_peek(ino_t ino, size_t bytes, off_t pos);
ssize_t ext2_write(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t pos);

/* xattr.c (on-disk form) and xattr_ops.c (the calls) */
struct ext2_xattr {
	uint8_t index;
	uint8_t name_len;
	char name[256];
	uint32_t value_len;
	char *value;			/* malloc'd */
};
struct ext2_xattr_set {
	struct ext2_xattr *v;
	unsigned int n, cap;
};
/* Read every attribute of ip into *set. */
int ext2_xattr_load(struct ext2_inode *ip, struct ext2_xattr_set *set);
/* Store *set as ip's attributes (in-inode first, then a block). */
int ext2_xattr_store(struct ext2_inode *ip, const struct ext2_xattr_set *set);
void ext2_xattr_set_free(struct ext2_xattr_set *set);
int ext2_xattr_set_add(struct ext2_xattr_set *set, uint8_t index,
    const char *name, size_t nlen, const void *value, size_t vlen);
/* Remove entry i (the last entry takes its place). */
void ext2_xattr_set_free_one(struct ext2_xattr_set *set, unsigned int i);
/* Release ip's attribute block (refcount aware), at inode destruction. */
int ext2_xattr_drop_block(struct ext2_inode *ip);
/* xattr_acl.c: POSIX ACL forms.  to_xattr needs ext2_acl_xattr_size()
 * bytes of output; from_xattr at most the input's length. */
size_t ext2_acl_xattr_size(size_t disk_len);
int ext2_acl_to_xattr(const char *disk, size_t len, char *out,
    size_t *outlen);
int ext2_acl_from_xattr(const char *x, size_t len, char *out,
    size_t *outlen);
#define EXT2_ACL_MAX	4096	/* largest ACL value handled */
/* The permission bits a disk-form ACL implies; *equiv = 1 if the ACL
 * says nothing more than those bits. */
int ext2_acl_disk_mode(const char *disk, size_t len, mode_t *perm,
    int *equiv);
/* Rewrite the owner, group-class and other entries from 'mode'. */
int ext2_acl_chmod_disk(char *disk, size_t len, mode_t mode);
/* After a chmod: bring ip's access ACL (if any) in step (xattr_ops.c). */
int ext2_acl_chmod(struct ext2_inode *ip);
ssize_t ext2_getxattr(ino_t ino, const char *name,
    struct fsdriver_data *data, size_t bytes);
ssize_t ext2_listxattr(ino_t ino, struct fsdriver_data *data, size_t bytes);
int ext2_setxattr(ino_t ino, const char *name, struct fsdriver_data *data,
    size_t bytes, int flags);
int ext2_removexattr(ino_t ino, const char *name);

#endif /* EXT2_H */
