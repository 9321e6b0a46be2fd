/*
 * <sys/stat.h> for Mica: newlib's, plus lstat and mknod, which its generic
 * build declares only for RTEMS, Cygwin and SPU (lib/libposix provides them).
 */
#include_next <sys/stat.h>

#ifndef _MICA_SYS_STAT_H
#define _MICA_SYS_STAT_H

int lstat(const char *__restrict path, struct stat *__restrict buf);
int mknod(const char *path, mode_t mode, dev_t dev);

#endif
