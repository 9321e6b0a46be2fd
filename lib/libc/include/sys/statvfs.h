/*
 * <sys/statvfs.h> for Mica: newlib has none.  The struct POSIX describes,
 * which file systems fill (struct fsdriver's fdr_statvfs); the wire form
 * between servers is struct mica_statvfs (mica/vfsif.h).  statvfs() and
 * fstatvfs() ask VFS (lib/libposix/vfs_fs.c).
 */
#ifndef _SYS_STATVFS_H
#define _SYS_STATVFS_H

#include <sys/types.h>

struct statvfs {
	unsigned long f_bsize;		/* preferred I/O size */
	unsigned long f_frsize;		/* the unit of f_blocks */
	fsblkcnt_t f_blocks;
	fsblkcnt_t f_bfree;
	fsblkcnt_t f_bavail;
	fsfilcnt_t f_files;
	fsfilcnt_t f_ffree;
	fsfilcnt_t f_favail;
	unsigned long f_fsid;
	unsigned long f_flag;		/* ST_* */
	unsigned long f_namemax;
};

#define ST_RDONLY	0x01
#define ST_NOSUID	0x02

int statvfs(const char *path, struct statvfs *buf);
int fstatvfs(int fd, struct statvfs *buf);

#endif /* _SYS_STATVFS_H */
