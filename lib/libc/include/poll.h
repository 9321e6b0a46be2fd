/*
 * <poll.h> for Mica (newlib's generic build has none): poll() is
 * lib/libposix/select.c, carried by VFS_SELECT.  The event bits are
 * Linux's, so ported tables keep working.
 */
#ifndef _MICA_POLL_H
#define _MICA_POLL_H

#define POLLIN   0x001
#define POLLPRI  0x002
#define POLLOUT  0x004
#define POLLERR  0x008
#define POLLHUP  0x010
#define POLLNVAL 0x020
#define POLLRDNORM POLLIN
#define POLLWRNORM POLLOUT

typedef unsigned int nfds_t;

struct pollfd {
	int fd;
	short events;
	short revents;
};

int poll(struct pollfd *fds, nfds_t n, int timeout_ms);

#endif
