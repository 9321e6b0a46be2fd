/*
 * loop.c - micafuse's request loop: libfuse's single-threaded loop, plus a
 * short poll before sleeping.
 *
 * Requests are read and served one at a time, as fuse_session_loop does.
 * The difference: after serving a request the loop keeps asking the device
 * for the next one (non-blocking reads) for up to MF_SPIN_US before it
 * sleeps in poll().  Most file-system work comes as a chain of requests
 * from one process (open, write, setattr, release; one read after the
 * other), each sent a few microseconds after the previous reply: caught
 * while still awake, the next request costs no wake-up of the daemon, and
 * on a virtual machine no wake-up of a halted virtual CPU, which costs
 * more than serving most requests.  An idle mount spins once, for at most
 * MF_SPIN_US, then sleeps; the spin yields to anything else runnable.
 *
 * MF_SPIN_US (200) covers the client's own work between two items, not
 * only between two requests: cp -a, for one, spends 50-300 us per file
 * on its source (open, read, xattrs; more when the source is not cached)
 * between the last request of one file and the lookup of the next.  With
 * 50 us the daemon fell asleep about once per file (8,500 sleeps over a
 * 9,000-entry copy) and each such request paid a wake-up; with 200 us a
 * few dozen.  Longer spins measured no better.
 *
 * Every request read is counted (count.c) before it is served.  The
 * fallback to fuse_session_loop (a device that refuses O_NONBLOCK) counts
 * nothing.
 *
 * The loop ends when the session is exited (a signal, or the kernel
 * unmounting: the read fails with ENODEV and libfuse exits the session).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdlib.h>
#include <time.h>

#include "micafuse.h"

static uint64_t loop_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* Sleep until the device has something (a request, or an error that the
 * next read reports).  -errno only if poll itself failed. */
static int loop_wait(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	if (poll(&p, 1, -1) < 0 && errno != EINTR)
		return -errno;
	return 0;
}

/* Serve requests until the session ends; 0, or -1 after an error. */
int mf_session_loop(struct fuse_session *se, unsigned int spin_us,
    struct mf_counts *c)
{
	struct fuse_buf fbuf = { .mem = NULL };
	int fd = fuse_session_fd(se), fl, res = 0;
	uint64_t until = 0;

	fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		return fuse_session_loop(se);
	while (!fuse_session_exited(se)) {
		mf_count_poll(c);
		res = fuse_session_receive_buf(se, &fbuf);
		if (res == -EAGAIN) {
			res = 0;
			if (spin_us == 0 || loop_now_us() >= until)
				res = loop_wait(fd);
			else
				sched_yield();
			if (res < 0)
				break;
			continue;
		}
		if (res == -EINTR)
			continue;
		if (res <= 0)
			break;
		mf_count_request(c, &fbuf);
		fuse_session_process_buf(se, &fbuf);
		if (spin_us != 0)
			until = loop_now_us() + spin_us;
	}
	free(fbuf.mem);
	fuse_session_reset(se);
	return res < 0 ? -1 : 0;
}
