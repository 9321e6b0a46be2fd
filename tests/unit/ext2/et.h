/*
 * et.h - the ext2 unit-test harness: images made by mke2fs in a temporary
 * directory, the driver's table called directly (as micafuse would), and
 * e2fsprogs (e2fsck -fn, debugfs) as the judge of what was written.
 */
#ifndef ET_H
#define ET_H

#include <stddef.h>
#include <sys/types.h>
#include <CUnit/CUnit.h>

#include <mica/libminixfs.h>
#include <mica/fsdriver.h>
#include <mica/fstype.h>

#define ET_DEV	((dev_t)5)
#define ET_T	(ext2_fstype.table)

extern char et_dir[256];
extern char et_img[320];
extern char et_logbuf[8192];

/* Run a shell command built like printf; returns its exit status (-1 if
 * it did not exit normally).  Output goes to et_dir/sh.log. */
int et_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print the shell log to stderr (after a failed check). */
void et_sh_dump(void);
/* Make a fresh image: mke2fs -q -F -t ext2 OPTS IMAGE SIZE_KB.  0 on
 * success. */
int et_mkfs(const char *opts, unsigned int size_kb);
/* e2fsck -fn on the image; its exit status (0: clean), log dumped if not. */
int et_fsck(void);

int et_mount_flags(unsigned int flags, unsigned int *res);
void et_mount(void);			/* read-write, asserted */
void et_unmount(void);
void et_remount(void);

/* Capture fsdriver_log lines (stderr) between begin and end. */
void et_log_begin(void);
void et_log_end(void);

/* Path operations from the root ("a/b/c"); references are dropped. */
int et_lookup(const char *path, ino_t *ino);
int et_create(const char *path, mode_t mode, ino_t *ino);
int et_mkdir(const char *path, mode_t mode);
int et_unlink(const char *path);
int et_rmdir(const char *path);
int et_rename(const char *from, const char *to);
int et_symlink(const char *path, const char *target);
int et_mknod(const char *path, mode_t mode, dev_t rdev);
int et_stat(const char *path, struct stat *st);
ssize_t et_pwrite(ino_t ino, const void *buf, size_t len, off_t pos);
ssize_t et_pread(ino_t ino, void *buf, size_t len, off_t pos);
/* Write a whole file (created if needed). */
int et_put_file(const char *path, const void *buf, size_t len);
/* Count the entries of a directory through getdents (with "." and "..");
 * with a small reply buffer to exercise resumption. */
int et_count_entries(const char *path, size_t bufsize);

/* Fill buf with a pattern that depends on (seed, offset). */
void et_pattern(void *buf, size_t len, unsigned int seed, uint64_t off);

void et_suite_basic(void);
void et_suite_xattr(void);
void et_suite_mount(void);
void et_suite_damage(void);
void et_suite_order(void);

#endif /* ET_H */
