/*
 * fsdriver_host.h - libfsdriver's host seam: what only host programs
 * (micafuse, the unit tests, host tools) use.
 *
 * On the host, a struct fsdriver_data names plain memory (fd_ref is the
 * address), so fsdriver_copyin/copyout/zero are bounds-checked memory
 * copies; fsdriver_gettime reads the real-time clock and fsdriver_log writes
 * "PREFIX: message" lines to stderr and, once the tool has become a daemon,
 * to syslog (lib/libfsdriver/host.c).  The OS build has none of this: the
 * portable contract is include/mica/fsdriver.h alone.
 */
#ifndef MICA_FSDRIVER_HOST_H
#define MICA_FSDRIVER_HOST_H

#include <stdint.h>
#include <mica/fsdriver.h>

/* A data descriptor for 'size' bytes of plain memory at 'ptr'. */
static inline void fsdriver_data_mem(struct fsdriver_data *data, void *ptr,
    size_t size)
{
	data->fd_ref = (uintptr_t)ptr;
	data->fd_endpt = -1;
	data->fd_size = size;
}

/* Prefix of log lines (default: the program's name).  Not copied. */
void fsdriver_host_set_prefix(const char *prefix);
/* 1: also send log lines to syslog (daemon facility); 0: stderr only. */
void fsdriver_host_set_syslog(int on);

#endif /* MICA_FSDRIVER_HOST_H */
