/*
 * vfsif.h - the protocol between VFS (or any client standing in for it)
 * and a file-system server, whose front end is libfsdriver's
 * fsdriver_task() (lib/libfsdriver/README.md).  Each request maps onto one
 * entry of struct fsdriver (mica/fsdriver.h) and carries exactly its
 * arguments; the table of requests below says which.
 *
 * Nodes are named by inode number; every call that returns a node gives
 * the caller one reference, FS_PUTNODE drops them (fsdriver.h).  Lookup
 * takes one path component per request: VFS walks paths, crosses mount
 * points and follows symbolic links itself (README.md argues why).
 *
 * Data, names and result structures move only by grants made by the
 * requester (CPF_READ for what the server reads, CPF_WRITE for what it
 * writes); the server copies with safecopy against the grant of the
 * endpoint that sent the request, never a third party.  Names are given
 * with their length (1..FS_NAME_MAX bytes, no NUL, no '/').
 *
 * The reply reuses the request's message: m_type is the result (OK, a
 * byte count for transfers, or a negative errno) and the payload, when the
 * request has one, is the reply struct named in the table.  A server
 * serves one mount, from the endpoint that mounted it; before FS_MOUNT
 * and after FS_UNMOUNT only FS_MOUNT is served (EINVAL), requests from
 * another endpoint get EPERM, unknown codes ENOSYS.
 */
#ifndef MICA_VFSIF_H
#define MICA_VFSIF_H

#include <mica/type.h>
#include <mica/const.h>

#define FS_RQ_BASE	0x1500
/*	code			   request struct      reply payload   fsdriver entry */
#define FS_MOUNT	(FS_RQ_BASE + 0)	/* m_fs_mount    m_fs_node   mount */
#define FS_UNMOUNT	(FS_RQ_BASE + 1)	/* -             -           unmount */
#define FS_STATVFS	(FS_RQ_BASE + 2)	/* m_fs_io (grant)  -       statvfs */
#define FS_SYNC		(FS_RQ_BASE + 3)	/* -             -           sync */
#define FS_LOOKUP	(FS_RQ_BASE + 4)	/* m_fs_name     m_fs_node   lookup */
#define FS_PUTNODE	(FS_RQ_BASE + 5)	/* m_fs_putnode  -           putnode */
#define FS_NEWNODE	(FS_RQ_BASE + 6)	/* m_fs_create   m_fs_node   newnode */
#define FS_STAT		(FS_RQ_BASE + 7)	/* m_fs_io (grant)  -       stat */
#define FS_CHOWN	(FS_RQ_BASE + 8)	/* m_fs_attr     m_fs_mode   chown */
#define FS_CHMOD	(FS_RQ_BASE + 9)	/* m_fs_attr     m_fs_mode   chmod */
#define FS_UTIME	(FS_RQ_BASE + 10)	/* m_fs_utime    -           utime */
#define FS_TRUNC	(FS_RQ_BASE + 11)	/* m_fs_trunc    -           trunc */
#define FS_READ		(FS_RQ_BASE + 12)	/* m_fs_io       -           read */
#define FS_WRITE	(FS_RQ_BASE + 13)	/* m_fs_io       -           write */
#define FS_PEEK		(FS_RQ_BASE + 14)	/* m_fs_io (no grant)  -    peek */
#define FS_GETDENTS	(FS_RQ_BASE + 15)	/* m_fs_io       m_fs_pos    getdents */
#define FS_CREATE	(FS_RQ_BASE + 16)	/* m_fs_create   m_fs_node   create */
#define FS_MKDIR	(FS_RQ_BASE + 17)	/* m_fs_create   -           mkdir */
#define FS_MKNOD	(FS_RQ_BASE + 18)	/* m_fs_create   -           mknod */
#define FS_LINK		(FS_RQ_BASE + 19)	/* m_fs_name (ino)  -       link */
#define FS_UNLINK	(FS_RQ_BASE + 20)	/* m_fs_name     -           unlink */
#define FS_RMDIR	(FS_RQ_BASE + 21)	/* m_fs_name     -           rmdir */
#define FS_RENAME	(FS_RQ_BASE + 22)	/* m_fs_rename   -           rename */
#define FS_SLINK	(FS_RQ_BASE + 23)	/* m_fs_slink    -           slink */
#define FS_RDLINK	(FS_RQ_BASE + 24)	/* m_fs_io       -           rdlink */
#define FS_BREAD	(FS_RQ_BASE + 25)	/* m_fs_io (dev) -           bread */
#define FS_BWRITE	(FS_RQ_BASE + 26)	/* m_fs_io (dev) -           bwrite */
#define FS_BFLUSH	(FS_RQ_BASE + 27)	/* m_fs_io (dev) -           bflush */
#define FS_DELEGATE	(FS_RQ_BASE + 28)	/* m_fs_delegate -           (libfsdriver) */
#define FS_CACHESTAT	(FS_RQ_BASE + 29)	/* m_fs_io (grant)  -       (libfsdriver) */
#define FS_NR_RQ	30
/*
 * FS_DELEGATE: VFS lets another endpoint (the vnd driver, mica/vnd.h) send
 * FS_READ, and with FS_DELEGATE_W also FS_WRITE, on one inode it holds
 * open; access 0 takes the permission back.  At most FS_NR_DELEGATES at
 * once (ENOSPC); every other request from that endpoint stays EPERM.
 * Served by libfsdriver itself (os_delegate.c), not by the file system;
 * a restarted server has forgotten them (the delegate then gets EPERM).
 */
#define FS_DELEGATE_R	0x01
#define FS_DELEGATE_W	0x02
#define FS_NR_DELEGATES	8
/* Extended attributes are not in the protocol: no OS call uses them yet
 * (micafuse alone calls the xattr entries).  They arrive with a caller. */

#define FS_NAME_MAX	255		/* bytes of one name (NAME_MAX) */
#define FS_LABEL_MAX	(RS_LABEL_LEN - 1)	/* bytes of a driver label */
#define FS_MAX_BYTES	0x7fffffffu	/* one transfer, so m_type holds it */
/* Pipes (FS_NEWNODE of an S_IFIFO node on PFS): FS_WRITE appends and
 * FS_READ consumes from the front, the position is ignored.  VFS never
 * keeps more than FS_PIPE_SIZE bytes in one pipe (PFS must hold that
 * many) and writes of at most FS_PIPE_BUF bytes whole (POSIX PIPE_BUF). */
#define FS_PIPE_SIZE	8192
#define FS_PIPE_BUF	4096
/* PFS answers a pipe transfer that cannot be done now (no room for a
 * write, whole for one of at most FS_PIPE_BUF bytes; no data for a read)
 * with EAGAIN, never 0: end of file, EPIPE and SIGPIPE are VFS's, which
 * counts readers and writers (fs/pfs/README.md). */

/* FS_MOUNT flags: the FSDRIVER_MOUNT_* bits (fsdriver.h). */
#define FS_MOUNT_RDONLY	0x01
#define FS_MOUNT_FORCE	0x02
/* m_fs_node.flags of the FS_MOUNT reply: FSDRIVER_RES_*. */
#define FS_RES_RDONLY	0x01

struct fs_name {			/* a name passed by grant */
	cp_grant_id_t grant;		/* CPF_READ */
	u32_t len;			/* bytes, no NUL */
};

typedef struct {			/* FS_MOUNT */
	u32_t dev;			/* the device number VFS gives the
					 * mount (st_dev, the cache's key) */
	u32_t flags;			/* FS_MOUNT_* */
	struct fs_name label;		/* DS label of the block driver;
					 * len 0: no device (PFS) */
	int minor;			/* the driver's minor to open */
	u8_t pad[36];
} mess_vfs_fs_mount;

typedef struct {			/* LOOKUP, UNLINK, RMDIR, LINK */
	u64_t dir;			/* directory inode */
	u64_t ino;			/* LINK: the node to link */
	struct fs_name name;
	u8_t pad[32];
} mess_vfs_fs_name;

typedef struct {			/* CREATE, MKDIR, MKNOD, NEWNODE */
	u64_t dir;			/* directory inode (not NEWNODE) */
	struct fs_name name;		/* (not NEWNODE) */
	u32_t mode;			/* type and permission bits */
	u32_t uid;
	u32_t gid;
	u32_t rdev;			/* MKNOD, NEWNODE: device number */
	u8_t pad[24];
} mess_vfs_fs_create;

typedef struct {			/* FS_RENAME */
	u64_t old_dir;
	u64_t new_dir;
	struct fs_name old_name;
	struct fs_name new_name;
	u8_t pad[24];
} mess_vfs_fs_rename;

typedef struct {			/* FS_SLINK */
	u64_t dir;
	struct fs_name name;
	cp_grant_id_t target;		/* the link's contents, CPF_READ */
	u32_t target_len;		/* bytes, no NUL, 1..FS_MAX_BYTES */
	u32_t uid;
	u32_t gid;
	u8_t pad[24];
} mess_vfs_fs_slink;

typedef struct {			/* FS_PUTNODE */
	u64_t ino;
	u32_t count;			/* references to drop, >= 1 */
	u8_t pad[44];
} mess_vfs_fs_putnode;

typedef struct {			/* FS_CHOWN, FS_CHMOD */
	u64_t ino;
	u32_t mode;			/* CHMOD: permission bits */
	u32_t uid;			/* CHOWN: (u32_t)-1 unchanged */
	u32_t gid;			/* CHOWN: (u32_t)-1 unchanged */
	u8_t pad[36];
} mess_vfs_fs_attr;

/* FS_UTIME nanoseconds that are not times (utimensat's UTIME_NOW and
 * UTIME_OMIT; the front end maps them to its C library's). */
#define FS_UTIME_NOW	((1 << 30) - 1)
#define FS_UTIME_OMIT	((1 << 30) - 2)

typedef struct {			/* FS_UTIME (utimensat's rules) */
	u64_t ino;
	i64_t atime_sec;
	i64_t mtime_sec;
	i32_t atime_nsec;		/* 0..999999999 or FS_UTIME_* */
	i32_t mtime_nsec;
	u8_t pad[24];
} mess_vfs_fs_utime;

typedef struct {			/* FS_TRUNC */
	u64_t ino;
	u64_t start;			/* end == 0: new size */
	u64_t end;			/* else free [start, end) */
	u8_t pad[32];
} mess_vfs_fs_trunc;

typedef struct {			/* READ WRITE PEEK GETDENTS RDLINK STAT
					 * STATVFS BREAD BWRITE BFLUSH */
	u64_t ino;			/* B*: the device number instead */
	u64_t pos;			/* byte position (GETDENTS: cookie) */
	cp_grant_id_t grant;		/* the buffer (STAT: a struct
					 * mica_stat, STATVFS: a struct
					 * mica_statvfs) */
	u32_t bytes;			/* 0..FS_MAX_BYTES (STAT/STATVFS:
					 * the struct's size) */
	u8_t pad[32];
} mess_vfs_fs_io;

typedef struct {			/* DELEGATE */
	u64_t ino;
	endpoint_t ep;			/* who may send READ (and WRITE) */
	u32_t access;			/* FS_DELEGATE_R|W; 0: revoke */
	u8_t pad[40];
} mess_vfs_fs_delegate;

/*
 * What FS_STATVFS writes into its grant: Mica's fixed layout of a statvfs
 * (VFS hands it on to users as is; the C library converts it).
 */
struct mica_statvfs {
	u64_t f_blocks;			/* in f_frsize units */
	u64_t f_bfree;
	u64_t f_bavail;
	u64_t f_files;
	u64_t f_ffree;
	u64_t f_favail;
	u32_t f_bsize;
	u32_t f_frsize;
	u32_t f_fsid;
	u32_t f_flag;			/* FS_ST_RDONLY */
	u32_t f_namemax;
	u32_t f_pad;
};
STATIC_ASSERT(sizeof(struct mica_statvfs) == 72, mica_statvfs_size);
#define FS_ST_RDONLY	0x01

/*
 * What FS_CACHESTAT writes into its grant (bytes == the struct's size):
 * the block cache of a file system that uses libminixfs (lmfs_get_stats,
 * lmfs_get_blockusage), answered by libfsdriver's front end to anyone,
 * mounted or not, so procfs can show it; ENOSYS from a server without a
 * cache (PFS, procfs).  Counters run from the server's start.
 */
struct mica_fs_cachestat {
	u64_t hits, misses;		/* block lookups found / not found */
	u64_t read_reqs, read_blocks;	/* device reads (prefetch's included) */
	u64_t write_reqs, write_blocks;	/* device writes */
	u64_t evictions;
	u64_t used_blocks;		/* usage accounting: the fs's report */
	u64_t total_blocks;
	u32_t nbufs;			/* buffers in the pool now */
	u32_t block_size;		/* bytes; 0 before a mount */
	u32_t dev;			/* the mount's device number (0: none) */
	u32_t pad;
};
STATIC_ASSERT(sizeof(struct mica_fs_cachestat) == 88, mica_fs_cachestat_size);

typedef struct {			/* reply: MOUNT LOOKUP CREATE NEWNODE */
	u64_t ino;
	u64_t size;
	u32_t mode;
	u32_t uid;
	u32_t gid;
	u32_t rdev;			/* device files; else 0 */
	u32_t flags;			/* MOUNT: FS_RES_* */
	u8_t pad[20];
} mess_fs_vfs_node;

typedef struct {			/* reply: CHOWN, CHMOD */
	u32_t mode;			/* the node's new mode */
	u8_t pad[52];
} mess_fs_vfs_mode;

typedef struct {			/* reply: GETDENTS */
	u64_t pos;			/* where the next call resumes */
	u8_t pad[48];
} mess_fs_vfs_pos;

/* The members of the message union (mica/ipc.h), each size-checked there. */
#define FS_MESSAGES(X) \
	X(mess_vfs_fs_mount, m_fs_mount) \
	X(mess_vfs_fs_name, m_fs_name) \
	X(mess_vfs_fs_create, m_fs_create) \
	X(mess_vfs_fs_rename, m_fs_rename) \
	X(mess_vfs_fs_slink, m_fs_slink) \
	X(mess_vfs_fs_putnode, m_fs_putnode) \
	X(mess_vfs_fs_attr, m_fs_attr) \
	X(mess_vfs_fs_utime, m_fs_utime) \
	X(mess_vfs_fs_trunc, m_fs_trunc) \
	X(mess_vfs_fs_io, m_fs_io) \
	X(mess_vfs_fs_delegate, m_fs_delegate) \
	X(mess_fs_vfs_node, m_fs_node) \
	X(mess_fs_vfs_mode, m_fs_mode) \
	X(mess_fs_vfs_pos, m_fs_pos)

#endif /* MICA_VFSIF_H */
