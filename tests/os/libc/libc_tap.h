/* libc_tap.h - TAP lines for test_libc, on stdout (newlib's stdio). */
#ifndef LIBC_TAP_H
#define LIBC_TAP_H

/* Print "ok N - ..." or "not ok N - ..."; returns cond. */
int ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* r is -1 with errno err. */
int fails_with(int r, int err);
/* Checks reported so far. */
int tap_count(void);

#endif
