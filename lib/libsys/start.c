/*
 * start.c - process start-up for boot modules, and argument helpers.
 * Arguments are the module's command line after the file name, as
 * space-separated "key=value" words.
 */
#include <mica/syslib.h>

endpoint_t sys_self;

void libsys_start(endpoint_t self, const char *args);

void libsys_start(endpoint_t self, const char *args)
{
	sys_self = self;
	sys_exit(main(args));
}

/* The value of "key=value" in args (up to the next space), or NULL. */
const char *arg_value(const char *args, const char *key)
{
	size_t n = strlen(key);
	const char *s;

	for (s = args; *s; s++) {
		if ((s == args || s[-1] == ' ') && !memcmp(s, key, n) && s[n] == '=')
			return s + n + 1;
	}
	return NULL;
}

int arg_int(const char *args, const char *key, int dflt)
{
	const char *v = arg_value(args, key);
	int n = 0, neg = 0;

	if (!v)
		return dflt;
	if (*v == '-')
		neg = 1, v++;
	while (*v >= '0' && *v <= '9')
		n = n * 10 + (*v++ - '0');
	return neg ? -n : n;
}

u64_t rdtsc(void)
{
	u32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64_t)hi << 32) | lo;
}
