/*
 * host_plain.c - host.c's log in Mica's own programs (mkfs.mfs, fsck.mfs
 * built by tools/mica-cc): no program name to ask for and no syslog, so
 * lines say "fs:" unless the program sets a prefix, and go to stderr only.
 */
#include "host_sys.h"

const char *host_default_prefix(void)
{
	return "fs";
}

void host_log_more(const char *prefix, const char *msg)
{
	(void)prefix;
	(void)msg;
}
