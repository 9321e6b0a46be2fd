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

/*
 * The caller's sets and timeout are read and written through the kernel
 * (usercopy.c), only the words that hold the first nfds bits, so a bogus
 * pointer is EFAULT, found before anything waits.
 */
int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *tv)
{
	struct pollfd p[MICA_POLL_MAX];
	fd_set *usr[3] = { rd, wr, ex }, set[3];
	static const short ev_of[3] = { POLLIN, POLLOUT, POLLPRI };
	struct timeval t;
	size_t bytes;
	int n = 0, ms, r, ready = 0;

	if (nfds < 0 || nfds > FD_SETSIZE || nfds > MICA_POLL_MAX)
		return lc_err(-EINVAL);
	bytes = _howmany(nfds, NFDBITS) * sizeof(fd_mask);
	if (tv && lc_copyin(&t, tv, sizeof(t)) < 0)
		return -1;
	if ((ms = timeout_ms(tv ? &t : NULL)) < -1)
		return lc_err(ms);
	for (int k = 0; k < 3; k++) {
		FD_ZERO(&set[k]);
		if (usr[k] && lc_copyin(&set[k], usr[k], bytes) < 0)
			return -1;
	}
	for (int fd = 0; fd < nfds; fd++) {
		short ev = 0;

		for (int k = 0; k < 3; k++)
			if (usr[k] && FD_ISSET(fd, &set[k]))
				ev |= ev_of[k];
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
	for (int k = 0; k < 3; k++)
		FD_ZERO(&set[k]);
	for (int i = 0; i < n; i++) {
		short re = p[i].revents;
		if ((p[i].events & POLLIN) && (re & (POLLIN | POLLHUP | POLLERR)))
			FD_SET(p[i].fd, &set[0]), ready++;
		if ((p[i].events & POLLOUT) && (re & (POLLOUT | POLLERR)))
			FD_SET(p[i].fd, &set[1]), ready++;
		if ((p[i].events & POLLPRI) && (re & POLLPRI))
			FD_SET(p[i].fd, &set[2]), ready++;
	}
	for (int k = 0; k < 3; k++)
		if (usr[k] && lc_copyout(usr[k], &set[k], bytes) < 0)
			return -1;
	if (tv) {
		t.tv_sec = t.tv_usec = 0;
		if (lc_copyout(tv, &t, sizeof(t)) < 0)
			return -1;
	}
	return ready;
}
