/*
 * pfs.h - PFS, the pipe file system: the bytes of pipes and FIFOs, held in
 * memory, one inode per pipe.  VFS makes a pipe with FS_NEWNODE (an
 * S_IFIFO node, no name, no link) and moves bytes with FS_WRITE (append)
 * and FS_READ (consume from the front); the position is ignored
 * (mica/vfsif.h).  Who reads and who writes, blocking, end of file and
 * SIGPIPE are VFS's business: only VFS knows the descriptors.  PFS keeps
 * the bytes and the rules that follow from them alone:
 *
 *   - a write of at most FS_PIPE_BUF bytes goes in whole or not at all
 *     (POSIX atomicity); a larger one takes what fits (a partial write);
 *   - a write that finds no room and a read that finds no data answer
 *     -EAGAIN, "would block": never 0, so a confused VFS cannot mistake
 *     an empty pipe for end of file;
 *   - memory is bounded twice: PFS_NR_INODES pipes at once (FS_NEWNODE
 *     beyond: -ENFILE) and PFS_NR_BUFS buffers of FS_PIPE_SIZE bytes
 *     (a write needing one more: -ENOSPC).  An empty pipe holds no buffer.
 *
 * Times: a transfer only marks the pipe's times for update (POSIX allows
 * updating marked times later); they are read from the clock, once, when
 * something looks at or changes them (stat, chmod, chown, utime).  That
 * keeps a kernel call off every read and write.
 *
 * The root (inode 1) is an empty directory: there is no name space.
 * A pipe's slot in the table is its number modulo PFS_NR_INODES, so a
 * request finds its pipe in one step.
 * Inode numbers are never reused, also across a restart: they are handed
 * out from a counter whose high-water mark is saved through
 * pfs_ino_save() in chunks of PFS_INO_CHUNK (DS in the server,
 * servers/pfs), so a stale number from a dead instance names nothing.
 */
#ifndef PFS_H
#define PFS_H

#include <errno.h>
#include <string.h>
#include <mica/fsdriver.h>
#include <mica/vfsif.h>

#define PFS_ROOT_INO	1
#define PFS_NR_INODES	256		/* pipes at once */
#define PFS_NR_BUFS	128		/* non-empty pipes at once (1 MiB) */
#define PFS_INO_CHUNK	1024		/* inode numbers reserved per save */

struct pfs_inode {
	ino_t ino;			/* 0: free slot */
	mode_t mode;
	uid_t uid;
	gid_t gid;
	unsigned int refs;		/* references VFS holds */
	char *buf;			/* FS_PIPE_SIZE bytes, or NULL if empty */
	size_t head;			/* offset of the first byte in buf */
	size_t count;			/* bytes held */
	struct timespec atime, mtime, ctime;
	unsigned int marks;		/* PFS_*TIME: marked for update */
};
#define PFS_ATIME	0x1
#define PFS_MTIME	0x2
#define PFS_CTIME	0x4

/* inode.c */
extern struct pfs_inode pfs_inodes[PFS_NR_INODES];
struct pfs_inode *pfs_find(ino_t ino);
void pfs_times_settle(struct pfs_inode *ip);
int pfs_mount(dev_t dev, unsigned int flags, struct fsdriver_node *root,
    unsigned int *res_flags);
int pfs_unmount(void);
int pfs_statvfs(struct statvfs *st);
int pfs_sync(void);
int pfs_lookup(ino_t dir, const char *name, struct fsdriver_node *node);
int pfs_putnode(ino_t ino, unsigned int count);
int pfs_newnode(mode_t mode, uid_t uid, gid_t gid, dev_t dev,
    struct fsdriver_node *node);
int pfs_stat(ino_t ino, struct stat *st);
int pfs_chown(ino_t ino, uid_t uid, gid_t gid, mode_t *mode);
int pfs_chmod(ino_t ino, mode_t *mode);
int pfs_utime(ino_t ino, struct timespec *atime, struct timespec *mtime);
int pfs_trunc(ino_t ino, off_t start, off_t end);
ssize_t pfs_getdents(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t *pos);

/* buffer.c */
ssize_t pfs_read(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t pos);
ssize_t pfs_write(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t pos);
void pfs_buf_release(struct pfs_inode *ip);
unsigned int pfs_bufs_used(void);

/* The inode-number high-water mark that outlives an instance: load
 * returns the last value saved (0: none), save stores a new one (an error
 * is logged by the caller and restart safety is lost, nothing else).
 * Implemented by the server (servers/pfs/state.c) or a test. */
ino_t pfs_ino_load(void);
int pfs_ino_save(ino_t mark);

extern const struct fsdriver pfs_table;

#endif /* PFS_H */
