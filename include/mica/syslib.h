/*
 * syslib.h - libsys, the user side of the kernel: IPC primitives, kernel
 * call wrappers (sys_*) and grants (all in mica/kipc.h), and the little
 * runtime boot modules use (printf to the console through SYS_DIAGCTL,
 * string helpers).  Every function returns OK or a negative error from
 * mica/errno.h unless noted.  Host unit tests of libsys include
 * mica/kipc.h alone (this header's runtime part clashes with a host libc).
 */
#ifndef MICA_SYSLIB_H
#define MICA_SYSLIB_H

#include <mica/type.h>
#include <mica/const.h>
#include <mica/com.h>
#include <mica/errno.h>
#include <mica/ipc.h>
#include <mica/safecopies.h>
#include <mica/kipc.h>

/* printf.c, string.c, start.c */
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int snprintf(char *buf, u32_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
const char *arg_value(const char *args, const char *key);	/* "key=v" */
int arg_int(const char *args, const char *key, int dflt);
u64_t rdtsc(void);
extern endpoint_t sys_self;			/* set by crt0 */

int main(const char *args);

#endif /* MICA_SYSLIB_H */
