/*
 * select.c - select and poll over VFS_SELECT: the three fd sets travel in
 * one granted buffer (mica/ipc_lc.h), VFS writes back the ready ones.
 * poll is select's sets built from the pollfd array; a negative fd is
 * skipped, as POSIX says.
 */
#include <string.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/time.h>
#include "posix.h"

#define SET_BYTES (FD_SETSIZE / 8)

/* sets[k] (k: read, write, except) in and out of the wire buffer. */
static int select_call(int nfds, u8_t sets[3][SET_BYTES], const struct timeval *tv)
{
	message m;

	if (nfds < 0 || nfds > FD_SETSIZE)
		return lc_err(-EINVAL);
	if (tv && (tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000))
		return lc_err(-EINVAL);
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_select.nfds = nfds;
	m.m_lc_vfs_select.setbytes = SET_BYTES;
	if (tv) {
		m.m_lc_vfs_select.has_timeout = 1;
		m.m_lc_vfs_select.sec = tv->tv_sec;
		m.m_lc_vfs_select.usec = tv->tv_usec;
	}
	return lc_call_buf(VFS_PROC_NR, VFS_SELECT, &m, &m.m_lc_vfs_select.sets,
		sets, 3 * SET_BYTES, CPF_READ | CPF_WRITE);
}

int select(int nfds, fd_set *r, fd_set *w, fd_set *e, struct timeval *tv)
{
	u8_t sets[3][SET_BYTES];
	fd_set *user[3] = { r, w, e };
	int n;

	_Static_assert(sizeof(fd_set) == SET_BYTES, "fd_set is FD_SETSIZE bits");
	for (int k = 0; k < 3; k++) {
		if (user[k])
			memcpy(sets[k], user[k], SET_BYTES);
		else
			memset(sets[k], 0, SET_BYTES);
	}
	if ((n = select_call(nfds, sets, tv)) < 0)
		return -1;
	for (int k = 0; k < 3; k++)
		if (user[k])
			memcpy(user[k], sets[k], SET_BYTES);
	return n;
}

static int bit(u8_t *set, int fd) { return (set[fd / 8] >> (fd % 8)) & 1; }
static void set_bit(u8_t *set, int fd) { set[fd / 8] |= 1 << (fd % 8); }

int poll(struct pollfd *fds, nfds_t n, int timeout_ms)
{
	u8_t sets[3][SET_BYTES];
	struct timeval tv = { timeout_ms / 1000, (timeout_ms % 1000) * 1000 };
	int nfds = 0, ready = 0;

	if (n > FD_SETSIZE)
		return lc_err(-EINVAL);
	memset(sets, 0, sizeof(sets));
	for (nfds_t i = 0; i < n; i++) {
		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		if (fds[i].fd >= FD_SETSIZE)
			return lc_err(-EINVAL);
		if (fds[i].events & POLLIN)
			set_bit(sets[0], fds[i].fd);
		if (fds[i].events & POLLOUT)
			set_bit(sets[1], fds[i].fd);
		set_bit(sets[2], fds[i].fd);
		if (fds[i].fd >= nfds)
			nfds = fds[i].fd + 1;
	}
	if (select_call(nfds, sets, timeout_ms < 0 ? NULL : &tv) < 0)
		return -1;
	for (nfds_t i = 0; i < n; i++) {
		int fd = fds[i].fd;

		if (fd < 0)
			continue;
		fds[i].revents = (bit(sets[0], fd) ? POLLIN : 0) |
			(bit(sets[1], fd) ? POLLOUT : 0) | (bit(sets[2], fd) ? POLLERR : 0);
		fds[i].revents &= fds[i].events | POLLERR;
		ready += fds[i].revents != 0;
	}
	return ready;
}
