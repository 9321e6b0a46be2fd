/*
 * errno.h - error numbers of Mica's OS side.  Every kernel call and IPC
 * primitive returns OK (0) or a negative one of these.  The POSIX names
 * keep the values newlib uses, so a later libc agrees with them; the IPC
 * errors that only a microkernel has live in a high range of their own.
 */
#ifndef MICA_ERRNO_H
#define MICA_ERRNO_H

#ifndef OK
#define OK 0
#endif

#ifndef EPERM
#define EPERM    1	/* operation not permitted (privilege, grant access) */
#define ENOENT   2
#define ESRCH    3	/* no such process / slot */
#define EINTR    4
#define EIO      5
#define ENXIO    6	/* no such device (minor) */
#define E2BIG    7
#define ENOEXEC  8	/* a boot module is not a valid i386 ELF executable */
#define EAGAIN  11
#define ENOMEM  12
#define EFAULT  14	/* bad user address */
#define ENOTBLK 15	/* mount: the source is not a block device */
#define EBUSY   16
#define EEXIST  17
#define EINVAL  22
#define ENOTTY  25	/* ioctl not known to the device */
#define ERANGE  34	/* offset/size outside a grant */
#define ENOSYS  88	/* unknown kernel call or IPC operation */
/* the file and process calls of PM/VFS (mica/callnr.h) */
#define EBADF    9
#define ECHILD  10
#define EACCES  13
#define EXDEV   18
#define ENODEV  19
#define ENOTDIR 20
#define EISDIR  21
#define ENFILE  23
#define EMFILE  24
#define EFBIG   27
#define ENOSPC  28
#define ESPIPE  29
#define EROFS   30
#define EMLINK  31
#define EPIPE   32
#define ENOTEMPTY    90
#define ENAMETOOLONG 91
#define ELOOP        92
#define EOVERFLOW   139
#endif

/* Not this file system's format (a server's type probe, mica/fstype.h):
 * newlib's EFTYPE, defined apart so host builds of the OS front end (whose
 * C library has none) see it too. */
#ifndef EFTYPE
#define EFTYPE  79
#endif

/* Microkernel IPC errors. */
#define EDEADSRCDST  1001	/* source or destination is dead / not valid */
#define ELOCKED      1002	/* synchronous IPC would deadlock */
#define ENOTREADY    1003	/* sendnb: destination not waiting */
#define ECALLDENIED  1004	/* IPC target or IPC operation not allowed */
#define EBADEPT      1005	/* malformed endpoint (not ANY/SELF/a slot) */

#endif /* MICA_ERRNO_H */
