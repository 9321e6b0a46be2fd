/*
 * mfs_test.h - helpers shared by the MFS unit tests.
 *
 * Every test makes an image in a temporary directory, mounts it through
 * mfs_table (as micafuse would), works by path through the helpers below
 * (which drop the references lookups hand out, so inodes are only cached),
 * unmounts and, for 1 KiB images, runs fsck.minix -f on the result.
 */
#ifndef MFS_TEST_H
#define MFS_TEST_H

#include <CUnit/CUnit.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <mica/fsdriver.h>
#include <mica/libminixfs.h>

#define MT_DEV	((dev_t)3)

extern const struct fsdriver mfs_table;
extern char mt_dir[256];		/* the temporary directory */
extern char mt_img[300];		/* mt_dir/img */
extern ino_t mt_root;

/* Make mt_img: version 1, 2 or 3, block size, size in blocks, inodes (0:
 * default), name length (0: default).  1 KiB blocks use mkfs.minix. */
int mt_mkfs(int version, unsigned int bs, unsigned int blocks,
    unsigned int inodes, unsigned int namelen);
/* Mount/unmount mt_img (flags FSDRIVER_MOUNT_*); mount returns the
 * fdr_mount result and leaves *res the result flags. */
int mt_mount_flags(unsigned int flags, unsigned int *res);
void mt_mount(void);		/* asserts success */
void mt_unmount(void);
void mt_remount(void);
/* fsck.minix -f exit status on mt_img. */
int mt_fsck(void);

/* Start/stop capturing fsdriver_log output; mt_log_end returns the number
 * of lines logged and keeps their text in mt_logbuf. */
void mt_log_begin(void);
int mt_log_end(void);
extern char mt_logbuf[4096];

/* Path helpers: "a/b/c" relative to the root. */
int mt_ino(const char *path, ino_t *ino);
int mt_parent(const char *path, ino_t *dir, const char **name);
int mt_create(const char *path, mode_t mode, ino_t *ino);
int mt_mkdir(const char *path, mode_t mode);
int mt_unlink(const char *path);
int mt_rmdir(const char *path);
int mt_rename(const char *from, const char *to);
int mt_link(const char *from, const char *to);
int mt_symlink(const char *target, const char *path);
ssize_t mt_write(ino_t ino, off_t pos, const void *buf, size_t len);
ssize_t mt_read(ino_t ino, off_t pos, void *buf, size_t len);
int mt_stat(const char *path, struct stat *st);
int mt_put_file(const char *path, const void *buf, size_t len);
/* 1 if the file at path holds exactly buf. */
int mt_file_is(const char *path, const void *buf, size_t len);
/* Names in a directory (excluding . and ..), or -errno. */
int mt_count_entries(const char *path);

/* Deterministic data. */
void mt_fill(void *buf, size_t len, unsigned int seed);

/* Raw image access; mt_layout decodes mt_img's superblock. */
struct mfs_sb;
int mt_layout(struct mfs_sb *sb);
int mt_img_read(uint64_t off, void *buf, size_t len);
int mt_img_write(uint64_t off, const void *buf, size_t len);

/* Suites. */
void mt_add_ops_suite(void);
void mt_add_limits_suite(void);
void mt_add_file_suite(void);
void mt_add_corrupt_suite(void);
void mt_add_mount_suite(void);
void mt_add_reuse_suite(void);

#endif /* MFS_TEST_H */
