/*
 * poll.h - poll(2) for Mica programs (newlib's generic build has none).
 * The event bits are the wire's (mica/abi.h); libposix's poll() hands the
 * array to VFS (VFS_POLL) as struct mica_pollfd, the same layout.
 */
#ifndef _MICA_POLL_H
#define _MICA_POLL_H

#include <mica/abi.h>

#define POLLIN     MICA_POLLIN
#define POLLPRI    MICA_POLLPRI
#define POLLOUT    MICA_POLLOUT
#define POLLERR    MICA_POLLERR
#define POLLHUP    MICA_POLLHUP
#define POLLNVAL   MICA_POLLNVAL
#define POLLRDNORM MICA_POLLRDNORM
#define POLLWRNORM MICA_POLLWRNORM

typedef unsigned int nfds_t;

struct pollfd {
	int fd;
	short events;
	short revents;
};

int poll(struct pollfd *fds, nfds_t nfds, int timeout);

#endif
