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
/* set by the C library itself (libm, multibyte conversions) */
#define EDOM    33
#define EILSEQ 138
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

/*
 * Every error number above with its message, the one table strerror(3)
 * and perror(3) use in Mica's programs (lib/libposix/strerror.c).  A new
 * number gets its line here; tests/host/errno_table.sh checks that every
 * #define of this file has one, the libc suite (tests/os/libc) that each
 * message is there, non-empty and distinct.
 */
#define MICA_ERRNO_TABLE(X) \
	X(EPERM, "Operation not permitted") \
	X(ENOENT, "No such file or directory") \
	X(ESRCH, "No such process") \
	X(EINTR, "Interrupted system call") \
	X(EIO, "Input/output error") \
	X(ENXIO, "No such device or address") \
	X(E2BIG, "Argument list too long") \
	X(ENOEXEC, "Exec format error") \
	X(EBADF, "Bad file descriptor") \
	X(ECHILD, "No child processes") \
	X(EAGAIN, "Resource temporarily unavailable") \
	X(ENOMEM, "Cannot allocate memory") \
	X(EACCES, "Permission denied") \
	X(EFAULT, "Bad address") \
	X(ENOTBLK, "Block device required") \
	X(EBUSY, "Device or resource busy") \
	X(EEXIST, "File exists") \
	X(EXDEV, "Invalid cross-device link") \
	X(ENODEV, "No such device") \
	X(ENOTDIR, "Not a directory") \
	X(EISDIR, "Is a directory") \
	X(EINVAL, "Invalid argument") \
	X(ENFILE, "Too many open files in system") \
	X(EMFILE, "Too many open files") \
	X(ENOTTY, "Inappropriate ioctl for device") \
	X(EFBIG, "File too large") \
	X(ENOSPC, "No space left on device") \
	X(ESPIPE, "Illegal seek") \
	X(EROFS, "Read-only file system") \
	X(EMLINK, "Too many links") \
	X(EPIPE, "Broken pipe") \
	X(EDOM, "Numerical argument out of domain") \
	X(ERANGE, "Numerical result out of range") \
	X(EFTYPE, "Inappropriate file type or format") \
	X(ENOSYS, "Function not implemented") \
	X(ENOTEMPTY, "Directory not empty") \
	X(ENAMETOOLONG, "File name too long") \
	X(ELOOP, "Too many levels of symbolic links") \
	X(EILSEQ, "Invalid or incomplete multibyte or wide character") \
	X(EOVERFLOW, "Value too large for defined data type") \
	X(EDEADSRCDST, "IPC source or destination is dead") \
	X(ELOCKED, "IPC would deadlock") \
	X(ENOTREADY, "IPC destination not ready") \
	X(ECALLDENIED, "IPC call not permitted") \
	X(EBADEPT, "Invalid IPC endpoint")

#endif /* MICA_ERRNO_H */
