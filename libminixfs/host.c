/*
 * host.c - what libminixfs needs from a Linux host: where warnings go
 * (stderr) and how much memory there is to size the pool from.  The OS
 * build replaces this file (console, the memory it was given).
 */
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#include "lmfs_priv.h"

static void warn_stderr(const char *msg)
{
	fprintf(stderr, "libminixfs: %s\n", msg);
}

void (*lmfs_warn_hook)(const char *msg) = warn_stderr;

/* Format a warning and hand it to lmfs_warn_hook (if set). */
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

/* Memory available to the process when first asked, in bytes (0 if
 * unknown).  Asked once: it sizes the pool, it is not a live gauge. */
uint64_t lmfs_mem_available(void)
{
	static uint64_t mem;
	long pages, psize;

	if (mem == 0) {
		pages = sysconf(_SC_AVPHYS_PAGES);
		psize = sysconf(_SC_PAGESIZE);
		if (pages > 0 && psize > 0)
			mem = (uint64_t)pages * (uint64_t)psize;
	}
	return mem;
}
