/*
 * libfsdriver - how a file system plugs into Mica.
 *
 * A file system fills in a struct fsdriver: one function per request,
 * addressed by inode number, like MINIX's libfsdriver and like the libfuse3
 * low-level API.  Two front ends drive the same table:
 *   - in the OS, fsdriver_task() receives VFS requests over IPC and moves
 *     data with grants (safecopy);
 *   - on the host, micafuse calls the table directly and moves data with
 *     plain memory copies.
 * The file system moves request data only through fsdriver_copyin(),
 * fsdriver_copyout() and fsdriver_zero(), and builds directory listings with
 * the fsdriver_dentry_* helpers, so it never knows which front end it runs
 * under.
 *
 * Reference counting: every call that returns a node (lookup, create,
 * newnode; mount for the root) gives the caller one reference to that inode;
 * fdr_putnode(ino, count) drops 'count' of them.  An inode with no links is
 * destroyed when its last reference goes.  (FUSE's lookup count/forget and
 * MINIX VFS's vnode counts both map onto this.)
 *
 * Permission checks are the caller's (VFS, or the kernel with FUSE's
 * default_permissions); the file system checks types, names, limits and the
 * consistency of its own data.  Errors are negative errno values; OK is 0.
 * Names are NUL-terminated, never "" and never contain '/'; lookup may be
 * given "." and "..".
 *
 * Every entry may be NULL: the front end answers ENOSYS.  Calls are
 * serialised: one request at a time.
 */
#ifndef MICA_FSDRIVER_H
#define MICA_FSDRIVER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>

#ifndef OK
#define OK 0
#endif

/* What a lookup or create reports about a node. */
struct fsdriver_node {
	ino_t fn_ino_nr;
	mode_t fn_mode;
	off_t fn_size;
	uid_t fn_uid;
	gid_t fn_gid;
	dev_t fn_dev;		/* device number for block/char special files */
};

/* A caller's buffer.  Opaque to the file system: use the copy functions. */
struct fsdriver_data {
	uintptr_t fd_ref;	/* host: buffer address; OS: grant id */
	int fd_endpt;		/* OS: endpoint owning the grant; host: unused */
	size_t fd_size;		/* bytes the buffer holds */
};

/* fdr_mount flags and results. */
#define FSDRIVER_MOUNT_RDONLY	0x01	/* mount read-only */
#define FSDRIVER_MOUNT_FORCE	0x02	/* mount even if not cleanly unmounted */
#define FSDRIVER_RES_RDONLY	0x01	/* the fs mounted read-only by itself */

/* 'call' argument of read/write/peek/bread/bwrite and unlink/rmdir. */
#define FSC_READ	0
#define FSC_WRITE	1
#define FSC_PEEK	2
#define FSC_UNLINK	3
#define FSC_RMDIR	4

struct fsdriver {
	/* Mount 'dev' (already attached to libminixfs by the front end). */
	int (*fdr_mount)(dev_t dev, unsigned int flags,
	    struct fsdriver_node *root_node, unsigned int *res_flags);
	/* Write everything back, mark the file system clean and make it
	 * durable (lmfs_flushall); forget the mount even on failure.  OK, or
	 * the error that kept something from the device (logged).  The front
	 * end then only detaches the device. */
	int (*fdr_unmount)(void);
	int (*fdr_lookup)(ino_t dir_nr, const char *name,
	    struct fsdriver_node *node, int *is_mountpt);
	/* A new, unnamed inode (e.g. for a pipe). */
	int (*fdr_newnode)(mode_t mode, uid_t uid, gid_t gid, dev_t dev,
	    struct fsdriver_node *node);
	int (*fdr_putnode)(ino_t ino_nr, unsigned int count);
	/* Move up to 'bytes' at 'pos'; return bytes moved or an error.
	 * Writes extend the file; reads stop at its end. */
	ssize_t (*fdr_read)(ino_t ino_nr, struct fsdriver_data *data,
	    size_t bytes, off_t pos, int call);
	ssize_t (*fdr_write)(ino_t ino_nr, struct fsdriver_data *data,
	    size_t bytes, off_t pos, int call);
	/* Bring the range into the cache without copying anywhere. */
	ssize_t (*fdr_peek)(ino_t ino_nr, struct fsdriver_data *data,
	    size_t bytes, off_t pos, int call);
	/* Fill 'data' with struct mica_dirent records from *pos on, using the
	 * fsdriver_dentry helpers; update *pos; return bytes (0 at the end). */
	ssize_t (*fdr_getdents)(ino_t ino_nr, struct fsdriver_data *data,
	    size_t bytes, off_t *pos);
	/* end_pos == 0: set the size to start_pos (shrink or extend with
	 * zeros).  Otherwise free [start_pos, end_pos) leaving a hole. */
	int (*fdr_trunc)(ino_t ino_nr, off_t start_pos, off_t end_pos);
	void (*fdr_seek)(ino_t ino_nr);
	int (*fdr_create)(ino_t dir_nr, const char *name, mode_t mode,
	    uid_t uid, gid_t gid, struct fsdriver_node *node);
	int (*fdr_mkdir)(ino_t dir_nr, const char *name, mode_t mode,
	    uid_t uid, gid_t gid);
	int (*fdr_mknod)(ino_t dir_nr, const char *name, mode_t mode,
	    uid_t uid, gid_t gid, dev_t rdev);
	int (*fdr_link)(ino_t dir_nr, const char *name, ino_t ino_nr);
	int (*fdr_unlink)(ino_t dir_nr, const char *name, int call);
	int (*fdr_rmdir)(ino_t dir_nr, const char *name, int call);
	/* Replaces an existing target atomically (file by file, empty
	 * directory by directory); refuses to move a directory below itself. */
	int (*fdr_rename)(ino_t old_dir_nr, const char *old_name,
	    ino_t new_dir_nr, const char *new_name);
	/* The link target is in 'data' ('bytes' long, no NUL). */
	int (*fdr_slink)(ino_t dir_nr, const char *name, uid_t uid, gid_t gid,
	    struct fsdriver_data *data, size_t bytes);
	ssize_t (*fdr_rdlink)(ino_t ino_nr, struct fsdriver_data *data,
	    size_t bytes);
	int (*fdr_stat)(ino_t ino_nr, struct stat *buf);
	/* Set owner and group ((uid_t)-1 / (gid_t)-1: unchanged); clears
	 * setuid/setgid as POSIX says; *mode returns the new mode. */
	int (*fdr_chown)(ino_t ino_nr, uid_t uid, gid_t gid, mode_t *mode);
	/* Set the permission bits from *mode; *mode returns the new mode. */
	int (*fdr_chmod)(ino_t ino_nr, mode_t *mode);
	/* tv_nsec UTIME_NOW / UTIME_OMIT as in utimensat(2). */
	int (*fdr_utime)(ino_t ino_nr, struct timespec *atime,
	    struct timespec *mtime);
	int (*fdr_mountpt)(ino_t ino_nr);
	int (*fdr_statvfs)(struct statvfs *buf);
	/* fsync/sync: store what the fs keeps outside the cache into it,
	 * then lmfs_flushall(), which writes back and syncs the device once
	 * (only if something was written since its last sync).  OK or the
	 * first error.  The front end adds no flush of its own.  NULL: the
	 * fs never holds dirty data (a read-only format). */
	int (*fdr_sync)(void);
	void (*fdr_driver)(dev_t dev, const char *label);
	/* Block-special access to the mounted device, through the cache. */
	ssize_t (*fdr_bread)(dev_t dev, struct fsdriver_data *data,
	    size_t bytes, off_t pos, int call);
	ssize_t (*fdr_bwrite)(dev_t dev, struct fsdriver_data *data,
	    size_t bytes, off_t pos, int call);
	void (*fdr_bpeek)(dev_t dev, struct fsdriver_data *data, size_t bytes,
	    off_t pos, int call);
	void (*fdr_bflush)(dev_t dev);
	/* Called after every request (e.g. to flush in a sync mount). */
	void (*fdr_postcall)(void);
	/* Extended attributes ("user.x", "trusted.x", ...).  getxattr and
	 * listxattr with bytes == 0 return the size needed; a too-small
	 * buffer gives -ERANGE.  setxattr flags: XATTR_CREATE/XATTR_REPLACE. */
	ssize_t (*fdr_getxattr)(ino_t ino_nr, const char *name,
	    struct fsdriver_data *data, size_t bytes);
	ssize_t (*fdr_listxattr)(ino_t ino_nr, struct fsdriver_data *data,
	    size_t bytes);
	int (*fdr_setxattr)(ino_t ino_nr, const char *name,
	    struct fsdriver_data *data, size_t bytes, int flags);
	int (*fdr_removexattr)(ino_t ino_nr, const char *name);
};

/* ---- services for the file system (implemented per front end) --------- */

/* Copy between the caller's buffer at offset 'off' and local memory.
 * Return OK, or -EFAULT when [off, off+len) is outside the buffer. */
int fsdriver_copyin(const struct fsdriver_data *data, size_t off,
    void *ptr, size_t len);
int fsdriver_copyout(const struct fsdriver_data *data, size_t off,
    const void *ptr, size_t len);
int fsdriver_zero(const struct fsdriver_data *data, size_t off, size_t len);

/* The current time, for inode timestamps. */
void fsdriver_gettime(struct timespec *ts);

/* A log line from the file system (corruption found, mount refused, ...). */
void fsdriver_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- building getdents replies ---------------------------------------- */

struct fsdriver_dentry {
	const struct fsdriver_data *data;
	size_t data_size;	/* bytes the caller asked for */
	size_t data_off;	/* bytes already copied out */
	char *buf;		/* local staging buffer */
	size_t buf_size;
	size_t buf_off;
};

void fsdriver_dentry_init(struct fsdriver_dentry *d,
    const struct fsdriver_data *data, size_t bytes, char *buf,
    size_t bufsize);
/* Append an entry.  'next_pos' is the getdents position just after this
 * entry (where a later call resumes).  Returns 1 if added, 0 if the reply is
 * full (the entry was not added: stop and report what you have), or a
 * negative errno. */
int fsdriver_dentry_add(struct fsdriver_dentry *d, ino_t ino,
    const char *name, size_t namelen, unsigned int type, off_t next_pos);
/* Flush the staging buffer; returns the total bytes produced or an error. */
ssize_t fsdriver_dentry_finish(struct fsdriver_dentry *d);

/* Host front end: a data descriptor for plain memory. */
static inline void fsdriver_data_mem(struct fsdriver_data *data, void *ptr,
    size_t size)
{
	data->fd_ref = (uintptr_t)ptr;
	data->fd_endpt = -1;
	data->fd_size = size;
}

#endif /* MICA_FSDRIVER_H */
