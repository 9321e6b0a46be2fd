/*
 * tap.h - TAP output for in-QEMU tests.  The "main" role of a test prints
 * one line per assertion, then the plan (a trailing "1..N", so a suite
 * that dies half way has none), and powers the machine off with status 0
 * (all passed) or 1; the harness (tools/qemu/test-os.sh) reads the lines
 * from the serial console.
 */
#ifndef TESTS_OS_TAP_H
#define TESTS_OS_TAP_H

#include <mica/syslib.h>

/* Report one assertion; returns cond so callers can stop early. */
int tap_ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Expect r == want (errors are negative); prints both on failure. */
int tap_is(int r, int want, const char *what);
void tap_done(void) __attribute__((noreturn));
/* Block for 'ticks' clock ticks (alarm + receive from CLOCK). */
void tap_sleep(u32_t ticks);
int tap_role(const char *args, const char *role);

#endif /* TESTS_OS_TAP_H */
