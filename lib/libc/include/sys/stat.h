/*
 * <sys/stat.h> for Mica: newlib's, plus utimensat's special nanosecond
 * values, which newlib's generic build defines only for Cygwin.  Linux's
 * values, as the VFS<->FS protocol's FS_UTIME_NOW/OMIT (mica/vfsif.h).
 */
#include_next <sys/stat.h>

#ifndef _MICA_SYS_STAT_H
#define _MICA_SYS_STAT_H

#ifndef UTIME_NOW
#define UTIME_NOW	((1L << 30) - 1L)
#define UTIME_OMIT	((1L << 30) - 2L)
#endif

#endif /* _MICA_SYS_STAT_H */
