/*
 * tap.c - TAP helpers for in-QEMU tests (see tap.h).
 */
#include "tap.h"
#include <mica/fmt.h>

static int tap_count, tap_failed;


int tap_ok(int cond, const char *fmt, ...)
{
	char desc[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(desc, sizeof(desc), fmt, ap);
	va_end(ap);
	tap_count++;
	if (!cond)
		tap_failed++;
	printf("%s %d - %s\n", cond ? "ok" : "not ok", tap_count, desc);
	return cond;
}

int tap_is(int r, int want, const char *what)
{
	if (r == want)
		return tap_ok(1, "%s", what);
	return tap_ok(0, "%s (got %d, want %d)", what, r, want);
}

void tap_done(void)
{
	printf("1..%d\n", tap_count);
	printf("# %d tests, %d failed\n", tap_count, tap_failed);
	sys_shutdown(tap_failed ? 1 : 0);
	sys_exit(1);
}

void tap_sleep(u32_t ticks)
{
	message m;

	sys_setalarm(ticks, NULL);
	while (ipc_receive(CLOCK, &m) != OK)
		;
}

int tap_role(const char *args, const char *role)
{
	const char *v = arg_value(args, "role");
	size_t n = strlen(role);

	return v && !memcmp(v, role, n) && (v[n] == ' ' || !v[n]);
}
