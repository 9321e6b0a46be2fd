/*
 * vfs_poll.c - poll and select, to VFS.  One wire call, VFS_POLL, with the
 * caller's array of struct mica_pollfd (the same layout as struct pollfd,
 * checked below); select converts its three sets into such an array on
 * the stack and back.
 */
#include <string.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/time.h>
#include "posix.h"

_Static_assert(sizeof(struct pollfd) == sizeof(struct mica_pollfd), "pollfd");
_Static_assert(__builtin_offsetof(struct pollfd, revents) ==
	__builtin_offsetof(struct mica_pollfd, revents), "pollfd revents");

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	message m;

	if (nfds > MICA_POLL_MAX)
		return lc_err(-EINVAL);
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_poll.nfds = nfds;
	m.m_lc_vfs_poll.timeout_ms = timeout < 0 ? -1 : timeout;
	if (nfds == 0) {
		m.m_lc_vfs_poll.grant = -1;
		return lc_call(VFS_PROC_NR, VFS_POLL, &m);
	}
	if (!fds)
		return lc_err(-EFAULT);
	return lc_call_buf(VFS_PROC_NR, VFS_POLL, &m, &m.m_lc_vfs_poll.grant,
		fds, nfds * sizeof(*fds), CPF_READ | CPF_WRITE);
}

static int timeout_ms(const struct timeval *tv)
{
	long long ms;

	if (!tv)
		return -1;
	if (tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000)
		return -EINVAL;
	ms = (long long)tv->tv_sec * 1000 + (tv->tv_usec + 999) / 1000;
	return ms > 0x7fffffff ? 0x7fffffff : (int)ms;
}

int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *tv)
{
	struct pollfd p[MICA_POLL_MAX];
	int n = 0, ms, r, ready = 0;

	if (nfds < 0 || nfds > FD_SETSIZE || nfds > MICA_POLL_MAX)
		return lc_err(-EINVAL);
	if ((ms = timeout_ms(tv)) < -1)
		return lc_err(ms);
	for (int fd = 0; fd < nfds; fd++) {
		short ev = (rd && FD_ISSET(fd, rd) ? POLLIN : 0) |
			(wr && FD_ISSET(fd, wr) ? POLLOUT : 0) |
			(ex && FD_ISSET(fd, ex) ? POLLPRI : 0);
		if (!ev)
			continue;
		p[n].fd = fd;
		p[n].events = ev;
		p[n++].revents = 0;
	}
	if ((r = poll(p, n, ms)) < 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (p[i].revents & POLLNVAL)
			return lc_err(-EBADF);
	if (rd) FD_ZERO(rd);
	if (wr) FD_ZERO(wr);
	if (ex) FD_ZERO(ex);
	for (int i = 0; i < n; i++) {
		short re = p[i].revents;
		if (rd && (p[i].events & POLLIN) && (re & (POLLIN | POLLHUP | POLLERR)))
			FD_SET(p[i].fd, rd), ready++;
		if (wr && (p[i].events & POLLOUT) && (re & (POLLOUT | POLLERR)))
			FD_SET(p[i].fd, wr), ready++;
		if (ex && (p[i].events & POLLPRI) && (re & POLLPRI))
			FD_SET(p[i].fd, ex), ready++;
	}
	if (tv)
		tv->tv_sec = tv->tv_usec = 0;
	return ready;
}
