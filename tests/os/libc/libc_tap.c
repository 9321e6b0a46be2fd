/*
 * libc_tap.c - TAP output of test_libc through newlib's stdio, built as
 * its own object by tools/mica-cc -c.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include "libc_tap.h"

static int checks;

int ok(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++checks);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	return cond;
}

int fails_with(int r, int err)
{
	return r == -1 && errno == err;
}

int tap_count(void)
{
	return checks;
}
