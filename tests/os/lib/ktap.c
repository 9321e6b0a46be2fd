/*
 * ktap.c - TAP lines through the kernel's debug print (ktap.h).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <mica/kipc.h>
#include "ktap.h"

static int ktap_n, ktap_failed;

int ok(int cond, const char *fmt, ...)
{
	char line[200];
	va_list ap;
	int n;

	n = snprintf(line, sizeof(line), "%sok %d - ", cond ? "" : "not ",
		++ktap_n);
	va_start(ap, fmt);
	n += vsnprintf(line + n, sizeof(line) - n - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	sys_diag_print(line, n);
	ktap_failed += !cond;
	return cond;
}

int err(int r, int e, const char *what)
{
	return ok(r == -1 && errno == e, "%s fails with errno %d (got %d, errno %d)",
		what, e, r, errno);
}

int ktap_checks(void)
{
	return ktap_n;
}

int ktap_plan(int extra)
{
	char plan[32];
	int n = snprintf(plan, sizeof(plan), "1..%d\n", ktap_n + extra);

	sys_diag_print(plan, n);
	return ktap_failed ? 1 : 0;
}
