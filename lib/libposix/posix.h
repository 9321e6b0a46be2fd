/*
 * posix.h - internals of Mica's POSIX layer (lib/libposix), the system
 * calls under newlib.  Every call is one message to PM, VFS or VM through
 * lc_call(); data that does not fit travels by a grant made for the call
 * (lc_grant) and revoked after it (lc_ungrant).  Public functions return
 * what POSIX says and set errno; the helpers here return -1 with errno
 * set too, so callers just pass the result on.
 */
#ifndef LIBPOSIX_POSIX_H
#define LIBPOSIX_POSIX_H

#include <errno.h>
#include <sys/types.h>
#include <mica/kipc.h>
#include <mica/callnr.h>
#include <mica/abi.h>

/*
 * Send callnr with *m to who and wait for the answer.  Returns m_type of
 * the reply when >= 0; a negative reply sets errno and returns -1.  An
 * IPC failure (no such server yet, dead server) is ENOSYS.
 */
int lc_call(endpoint_t who, int callnr, message *m);

/* Set errno from a negative error and return -1 (0 and up pass through). */
int lc_err(int r);

/* A grant of [p, p+len) to who (CPF_READ / CPF_WRITE); -1 + errno on failure. */
cp_grant_id_t lc_grant(endpoint_t who, const void *p, size_t len, int access);
void lc_ungrant(cp_grant_id_t g);

/* Copy n bytes from / to a caller's pointer through the kernel: 0, or -1
 * with errno EFAULT when the range is not the caller's (usercopy.c). */
int lc_copyin(void *dst, const void *usr, size_t n);
int lc_copyout(void *usr, const void *src, size_t n);
/* strlen of a caller's string through the kernel, at most max bytes
 * looked at: 0 with *len, or -1 with EFAULT / ENAMETOOLONG. */
int lc_strlen_user(const char *s, size_t max, size_t *len);
/* A NULL-terminated vector of strings, pointers and strings all readable
 * (execve): 0, or -1 with EFAULT / E2BIG past max_bytes. */
int lc_strvec_user(char *const *v, size_t max_bytes);

/* lc_call with one buffer granted for it; the grant goes into *gfield. */
int lc_call_buf(endpoint_t who, int callnr, message *m, cp_grant_id_t *gfield,
	const void *p, size_t len, int access);

/* A path call to VFS: fills path/path_len of m->m_lc_vfs_path. */
int lc_path_call(int callnr, const char *path, message *m);

/* VFS calls whose results other files convert (vfs_fd.c, vfs_path.c). */
int lc_getdents(int fd, void *buf, size_t n);		/* struct mica_dirent records */
int lc_fstat_raw(int fd, void *st, size_t n);		/* struct mica_stat */
int lc_path_out(int callnr, const char *path, void *buf, size_t size);

/* start.c: run the program from a checked exec frame of size bytes. */
void lc_start(void *frame, u32_t size) __attribute__((noreturn));

/* The process's own endpoint (from its start-up frame). */
extern endpoint_t lc_self;

#endif
