/*
 * ktap.h - TAP for in-OS test programs written in C against newlib +
 * libposix (tools/mica-cc) that run in init's place: each line goes out
 * through the kernel's debug print (the console, whatever the program's
 * own descriptors are), the plan last, so a program that dies half way
 * has none (tools/qemu/test-os.sh).  Used by test_select, test_vfs and
 * test_pmexec; link tests/os/lib/ktap.c.
 */
#ifndef TESTS_OS_KTAP_H
#define TESTS_OS_KTAP_H

/* "ok N - ..." or "not ok N - ..."; returns cond. */
int ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* r == -1 with errno e; says what came instead when not. */
int err(int r, int e, const char *what);
/* Checks so far; "1..N" with N = that + extra (checks still to come
 * after the plan, e.g. across a reboot); the exit status: 0 all passed. */
int ktap_checks(void);
int ktap_plan(int extra);

#endif
