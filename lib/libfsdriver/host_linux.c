/*
 * host_linux.c - host.c's log on a Linux host: lines are prefixed with the
 * program's name by default and go to syslog too once the program asks
 * (micafuse as a daemon: fsdriver_host_set_syslog).
 */
#include <errno.h>
#include <syslog.h>

#include <mica/fsdriver_host.h>
#include "host_sys.h"

static int host_syslog;

void fsdriver_host_set_syslog(int on)
{
	host_syslog = on;
}

const char *host_default_prefix(void)
{
	return program_invocation_short_name;
}

void host_log_more(const char *prefix, const char *msg)
{
	if (host_syslog)
		syslog(LOG_DAEMON | LOG_NOTICE, "%s: %s", prefix, msg);
}
