/*
 * fsdriver_host.h - knobs of libfsdriver's host front-end services.
 *
 * On the host, fsdriver_copyin/copyout/zero work on plain memory
 * (fsdriver_data_mem()), fsdriver_gettime reads the real-time clock and
 * fsdriver_log writes "PREFIX: message" lines to stderr and, once the tool
 * has become a daemon, to syslog.  Only host tools include this header.
 */
#ifndef MICA_FSDRIVER_HOST_H
#define MICA_FSDRIVER_HOST_H

/* Prefix of log lines (default: the program's name).  Not copied. */
void fsdriver_host_set_prefix(const char *prefix);
/* 1: also send log lines to syslog (daemon facility); 0: stderr only. */
void fsdriver_host_set_syslog(int on);

#endif /* MICA_FSDRIVER_HOST_H */
