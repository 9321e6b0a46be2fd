/*
 * <sys/stat.h> for Mica: newlib's, plus lstat and mknod, which its generic
 * build declares only for RTEMS, Cygwin and SPU (lib/libposix provides them).
 */
#include_next <sys/stat.h>

#ifndef _MICA_SYS_STAT_H
#define _MICA_SYS_STAT_H

int lstat(const char *__restrict path, struct stat *__restrict buf);
int mknod(const char *path, mode_t mode, dev_t dev);

/* utimensat/futimens's special nanoseconds (newlib defines them for Cygwin
 * only); libposix sends them as FS_UTIME_NOW/OMIT (mica/vfsif.h). */
#ifndef UTIME_NOW
#define UTIME_NOW	-2L
#define UTIME_OMIT	-1L
#endif

#endif
