/*
 * libfsdriver - how a file system plugs into Mica.
 *
 * A file system fills in a struct fsdriver: one function per request,
 * addressed by inode number, like MINIX's libfsdriver and like the libfuse3
 * low-level API.  The table holds exactly what a front end calls:
 *   - on the host, micafuse (tools/fuse) calls the table directly and moves
 *     data with plain memory copies;
 *   - in the OS, fsdriver_task() (mica/fsdriver_os.h) receives requests
 *     over IPC (mica/vfsif.h) and moves data with grants (safecopy).
 *     Entries only it calls say so.
 * The file system moves request data only through fsdriver_copyin(),
 * fsdriver_copyout() and fsdriver_zero(), and builds directory listings with
 * the fsdriver_dentry_* helpers, so it never knows which front end it runs
 * under.
 *
 * Reference counting: every call that returns a node (lookup, create,
 * newnode; mount for the root) gives the caller one reference to that inode;
 * fdr_putnode(ino, count) drops 'count' of them.  An inode with no links is
 * destroyed when its last reference goes.  (FUSE's lookup count/forget and
 * MINIX VFS's vnode counts both map onto this.)  Every other call that
 * names an inode (ino_nr, dir_nr, old_dir_nr, new_dir_nr) names one the
 * caller holds a reference to, so the file system may keep in memory only
 * the nodes it has handed out.  fdr_link's ino_nr is held too.
 *
 * Lookup: "." is the directory itself; ".." its parent, and the root's ".."
 * is the root.  ".." is only asked of a directory the caller holds, which
 * it reached by a lookup in its parent (or is the root): a format without
 * parent pointers may answer from the parent it noted then.
 *
 * Permission checks are the caller's (VFS, or the kernel with FUSE's
 * default_permissions); the file system checks types, names, limits and the
 * consistency of its own data.  Errors are negative errno values; OK is 0.
 * Names are NUL-terminated, never "" and never contain '/'; lookup may be
 * given "." and "..".
 *
 * Read-only: on a read-only mount (asked for, or FSDRIVER_RES_RDONLY) the
 * front end answers EROFS to every modifying request without calling the
 * table.  The modifying entries are write, trunc, create, mkdir, mknod,
 * link, unlink, rmdir, rename, slink, chown, chmod, utime, setxattr and
 * removexattr.  A read-only format leaves them NULL and sets
 * FSDRIVER_RES_RDONLY at mount; should a modifying entry be NULL on a
 * read-write mount anyway, the front end answers EROFS too, except for the
 * xattr ones, whose NULL means "no extended attributes" (ENOTSUP).
 * Any other NULL entry is answered with ENOSYS.
 *
 * Calls are serialised: one request at a time.
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
	dev_t fn_dev;		/* block/char special files: the device
				 * number; every other type: 0 */
};

/* A caller's buffer.  Opaque to the file system: use the copy functions. */
struct fsdriver_data {
	uintptr_t fd_ref;	/* host: buffer address (fsdriver_host.h);
				 * OS: grant id */
	int fd_endpt;		/* OS: endpoint owning the grant; host: unused */
	size_t fd_size;		/* bytes the buffer holds */
};

/* fdr_mount flags and results. */
#define FSDRIVER_MOUNT_RDONLY	0x01	/* mount read-only */
#define FSDRIVER_MOUNT_FORCE	0x02	/* mount even if not cleanly unmounted */
#define FSDRIVER_RES_RDONLY	0x01	/* the fs mounted read-only by itself */

struct fsdriver {
	/* ---- the mount ---------------------------------------------------
	 * Mount 'dev' (already registered with libminixfs by the front end):
	 * validate, load, fill the root node (one reference).  A refusal
	 * logs its reason (fsdriver_log) and returns -EINVAL (not this
	 * format, damaged, unsupported feature), -EBUSY (already mounted)
	 * or the device's error (-EIO).  Set FSDRIVER_RES_RDONLY in
	 * *res_flags when mounting read-only of your own accord. */
	int (*fdr_mount)(dev_t dev, unsigned int flags,
	    struct fsdriver_node *root_node, unsigned int *res_flags);
	/* Write everything back, mark the file system clean and make it
	 * durable (lmfs_flushall); forget the mount even on failure.  OK, or
	 * the error that kept something from the device (logged).  The front
	 * end then only detaches the device. */
	int (*fdr_unmount)(void);
	/* Fill what the front end zeroed: f_bsize, f_frsize, f_blocks,
	 * f_bfree, f_bavail (in f_frsize units), f_files, f_ffree,
	 * f_favail (0 when the format has no inode count), f_fsid,
	 * f_flag (ST_RDONLY), f_namemax. */
	int (*fdr_statvfs)(struct statvfs *buf);
	/* fsync/sync: store what the fs keeps outside the cache into it,
	 * then lmfs_flushall(), which writes back and syncs the device once
	 * (only if something was written since its last sync).  OK or the
	 * first error.  The front end adds no flush of its own.  NULL: the
	 * fs never holds dirty data (a read-only format). */
	int (*fdr_sync)(void);

	/* ---- nodes ------------------------------------------------------- */
	int (*fdr_lookup)(ino_t dir_nr, const char *name,
	    struct fsdriver_node *node);
	/* Drop 'count' references; -EINVAL (logged) for an unknown inode or
	 * more references than it has. */
	int (*fdr_putnode)(ino_t ino_nr, unsigned int count);
	/* A new, unnamed inode with one reference.  Called by the OS VFS for
	 * pipes (the "Files in the OS" work puts them on PFS); micafuse never
	 * calls it. */
	int (*fdr_newnode)(mode_t mode, uid_t uid, gid_t gid, dev_t dev,
	    struct fsdriver_node *node);
	/* Fill what the front end zeroed: st_mode, st_nlink, st_uid, st_gid,
	 * st_rdev (device files), st_size, st_blocks (512-byte units),
	 * st_blksize, st_atim, st_mtim, st_ctim.  The front end sets st_ino
	 * (the inode number asked for) and st_dev itself. */
	int (*fdr_stat)(ino_t ino_nr, struct stat *buf);
	/* Set owner and group ((uid_t)-1 / (gid_t)-1: unchanged); clears
	 * setuid/setgid as POSIX says; *mode returns the new mode. */
	int (*fdr_chown)(ino_t ino_nr, uid_t uid, gid_t gid, mode_t *mode);
	/* Set the permission bits from *mode; *mode returns the new mode. */
	int (*fdr_chmod)(ino_t ino_nr, mode_t *mode);
	/* tv_nsec UTIME_NOW / UTIME_OMIT as in utimensat(2). */
	int (*fdr_utime)(ino_t ino_nr, struct timespec *atime,
	    struct timespec *mtime);
	/* end_pos == 0: set the size to start_pos (shrink or extend with
	 * zeros).  Otherwise free [start_pos, end_pos) leaving a hole. */
	int (*fdr_trunc)(ino_t ino_nr, off_t start_pos, off_t end_pos);

	/* ---- file data -----------------------------------------------------
	 * Move up to 'bytes' at 'pos'; return bytes moved or an error.
	 * Writes extend the file; reads stop at its end.  A short count after
	 * some progress reports what was moved. */
	ssize_t (*fdr_read)(ino_t ino_nr, struct fsdriver_data *data,
	    size_t bytes, off_t pos);
	ssize_t (*fdr_write)(ino_t ino_nr, struct fsdriver_data *data,
	    size_t bytes, off_t pos);
	/* Bring [pos, pos+bytes) of a file into the cache, tagged with
	 * lmfs_get_block_ino, without copying anywhere; bytes covered or an
	 * error.  Called by the OS front end for memory-mapped files (VM's
	 * cache of file-system blocks, "Disks" work); micafuse never calls
	 * it. */
	ssize_t (*fdr_peek)(ino_t ino_nr, size_t bytes, off_t pos);

	/* ---- directories -------------------------------------------------- */
	/* Fill 'data' with struct mica_dirent records from *pos on, using the
	 * fsdriver_dentry helpers; update *pos; return bytes (0 at the end).
	 * Position 0 is the start; "." and ".." are listed, first. */
	ssize_t (*fdr_getdents)(ino_t ino_nr, struct fsdriver_data *data,
	    size_t bytes, off_t *pos);
	int (*fdr_create)(ino_t dir_nr, const char *name, mode_t mode,
	    uid_t uid, gid_t gid, struct fsdriver_node *node);
	int (*fdr_mkdir)(ino_t dir_nr, const char *name, mode_t mode,
	    uid_t uid, gid_t gid);
	int (*fdr_mknod)(ino_t dir_nr, const char *name, mode_t mode,
	    uid_t uid, gid_t gid, dev_t rdev);
	int (*fdr_link)(ino_t dir_nr, const char *name, ino_t ino_nr);
	int (*fdr_unlink)(ino_t dir_nr, const char *name);
	int (*fdr_rmdir)(ino_t dir_nr, const char *name);
	/* Replaces an existing target atomically (file by file, empty
	 * directory by directory); refuses to move a directory below itself. */
	int (*fdr_rename)(ino_t old_dir_nr, const char *old_name,
	    ino_t new_dir_nr, const char *new_name);
	/* The link target is in 'data' ('bytes' long, no NUL). */
	int (*fdr_slink)(ino_t dir_nr, const char *name, uid_t uid, gid_t gid,
	    struct fsdriver_data *data, size_t bytes);
	ssize_t (*fdr_rdlink)(ino_t ino_nr, struct fsdriver_data *data,
	    size_t bytes);

	/* ---- extended attributes ("user.x", "trusted.x", ...) -------------
	 * getxattr and listxattr with bytes == 0 return the size needed; a
	 * too-small buffer gives -ERANGE.  setxattr flags: XATTR_CREATE /
	 * XATTR_REPLACE.  NULL: the format has none (ENOTSUP to users). */
	ssize_t (*fdr_getxattr)(ino_t ino_nr, const char *name,
	    struct fsdriver_data *data, size_t bytes);
	ssize_t (*fdr_listxattr)(ino_t ino_nr, struct fsdriver_data *data,
	    size_t bytes);
	int (*fdr_setxattr)(ino_t ino_nr, const char *name,
	    struct fsdriver_data *data, size_t bytes, int flags);
	int (*fdr_removexattr)(ino_t ino_nr, const char *name);

	/* ---- block special files ---------------------------------------------
	 * Reads and writes of the device 'dev' the fs holds as a block
	 * special file, through the cache (lmfs_bio), so they see and are
	 * seen by the file system's own blocks; bflush writes its dirty
	 * blocks back (OK or the first error: fsync of the device node
	 * reports it).  Called by the OS front end when a block device node
	 * is read, written or closed ("Disks" work: block special files);
	 * micafuse never calls them.  The OS front end will also want a
	 * bpeek for mmap of block devices: it arrives with that caller. */
	ssize_t (*fdr_bread)(dev_t dev, struct fsdriver_data *data,
	    size_t bytes, off_t pos);
	ssize_t (*fdr_bwrite)(dev_t dev, struct fsdriver_data *data,
	    size_t bytes, off_t pos);
	int (*fdr_bflush)(dev_t dev);

	/* Called by the front end after every request (micafuse does; no
	 * Mica file system needs it yet). */
	void (*fdr_postcall)(void);
};

/* ---- services for the file system (implemented per front end) --------- */

/* Copy between the caller's buffer at offset 'off' and local memory.
 * Return OK, or -EFAULT when [off, off+len) is outside the buffer. */
int fsdriver_copyin(const struct fsdriver_data *data, size_t off,
    void *ptr, size_t len);
int fsdriver_copyout(const struct fsdriver_data *data, size_t off,
    const void *ptr, size_t len);
int fsdriver_zero(const struct fsdriver_data *data, size_t off, size_t len);
/* The caller's buffer [off, off+len) as memory of this process, when it is
 * (the host front end: plain memory; a file system may then move bytes
 * with memcpy); NULL when it must be copied (the OS: a grant) or the range
 * is outside it. */
void *fsdriver_direct(const struct fsdriver_data *data, size_t off,
    size_t len);

/* The current time, for inode timestamps. */
void fsdriver_gettime(struct timespec *ts);

/* A log line from the file system (corruption found, mount refused, ...). */
void fsdriver_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The body of fdr_bread (write 0) and fdr_bwrite (write 1): up to 'bytes'
 * between the caller's data and byte 'pos' of 'dev' through the cache
 * (lmfs_bio), clipped at the device's end; the count moved or a negative
 * errno.  Refusing writes to a read-only mount is the caller's.  And of
 * fdr_bflush: write the device's dirty blocks back, OK or the first error
 * (a block that failed stays dirty: lib/libfsdriver/bio.c). */
ssize_t fsdriver_bio(dev_t dev, struct fsdriver_data *data, size_t bytes,
    off_t pos, int write);
int fsdriver_bflush(dev_t dev);

/* ---- encodings shared by the file systems (encode.c) ------------------- */

/* A device number in the 32-bit form MINIX and Linux file systems store
 * (Linux's new_encode_dev; below 256/256 it is the old major << 8 | minor),
 * and back (the old 16-bit form decodes too). */
uint32_t fsdriver_dev_encode(dev_t dev);
dev_t fsdriver_dev_decode(uint32_t x);
/* The getdents d_type (DT_REG, DT_DIR, ...) of a mode. */
unsigned int fsdriver_mode_dtype(mode_t mode);

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

#endif /* MICA_FSDRIVER_H */
