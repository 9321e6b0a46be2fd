/*
 * host_sys.h - what host.c's log takes from its system: the default
 * prefix of a line and a second place for it.  host_linux.c (the Linux
 * host: the program's name, syslog once a daemon) or host_plain.c (Mica's
 * own programs: a fixed prefix, stderr only), chosen by module.mk.
 */
#ifndef LIBFSDRIVER_HOST_SYS_H
#define LIBFSDRIVER_HOST_SYS_H

const char *host_default_prefix(void);
void host_log_more(const char *prefix, const char *msg);

#endif
