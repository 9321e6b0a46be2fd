/*
 * <sys/stat.h> for Mica: newlib's, plus lstat and mknod, which its generic
 * build declares only for RTEMS, Cygwin and SPU (lib/libposix provides
 * them), and utimensat's special nanosecond values, which newlib's generic
 * build defines only for Cygwin: Linux's values, as the VFS<->FS
 * protocol's FS_UTIME_NOW/OMIT (mica/vfsif.h).
 */
#include_next <sys/stat.h>

#ifndef _MICA_SYS_STAT_H
#define _MICA_SYS_STAT_H

int lstat(const char *__restrict path, struct stat *__restrict buf);
int mknod(const char *path, mode_t mode, dev_t dev);

#ifndef UTIME_NOW
#define UTIME_NOW	((1L << 30) - 1L)
#define UTIME_OMIT	((1L << 30) - 2L)
#endif

#endif /* _MICA_SYS_STAT_H */
