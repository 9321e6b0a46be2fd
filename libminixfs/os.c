/*
 * os.c - what libminixfs needs from Mica (the OS build's counterpart of
 * host.c): warnings go to the console through the kernel's diagnostic
 * print; the memory available is not known to a server yet (VM has no
 * such call): 0 makes usage.c size the pool from its fallback.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <mica/kipc.h>
#include "lmfs_priv.h"

static void warn_console(const char *msg)
{
	char line[280];
	int n = snprintf(line, sizeof line, "libminixfs: %s\n", msg);

	if (n > 0)
		sys_diag_print(line, (u32_t)strlen(line));
}

void (*lmfs_warn_hook)(const char *msg) = warn_console;

void lmfs_warn(const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (lmfs_warn_hook != NULL)
		lmfs_warn_hook(msg);
}

uint64_t lmfs_mem_available(void)
{
	return 0;
}
