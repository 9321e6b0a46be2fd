/*
 * fmt.h - the one printf-style formatter of the OS side, shared by the
 * kernel (kprintf) and libsys (printf over SYS_DIAGCTL).  Supports %d %i
 * %u %x %p %s %c %% with optional '0' fill, width, and 'l'/'ll' size.
 */
#ifndef MICA_FMT_H
#define MICA_FMT_H

#include <mica/type.h>

typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, t)      __builtin_va_arg(ap, t)
#define va_end(ap)         __builtin_va_end(ap)

/* Format into 'put' (called once per character with 'arg'); returns count. */
int fmt_vformat(void (*put)(char c, void *arg), void *arg, const char *fmt,
	va_list ap);

/* libsys only: format into buf (always terminated when size > 0). */
int vsnprintf(char *buf, u32_t size, const char *fmt, va_list ap);

#endif /* MICA_FMT_H */
