/*
 * poll.c - VFS_POLL (select is built on it in the C library).  Each
 * descriptor's readiness is asked of what it is: regular files,
 * directories and block devices are always ready; a character device is
 * asked with CDEV_SELECT, which the driver answers at once (SEL1), with
 * CDEV_NOTIFY when VFS will wait so the driver sends SEL2 later.
 *
 * Nothing ready and a timeout other than 0: the caller is suspended in a
 * poll record (a small pool; its array stays here) until a driver's SEL2,
 * a close, or the timer.  Every driver has answered SEL1 before VFS
 * suspends, so there is no reply in flight to lose when a short timeout
 * fires: the timer re-checks every descriptor without waiting (as a
 * timeout of 0 would) and answers with what it finds, and the record is
 * freed at once; a SEL2 that arrives afterwards finds no record and is
 * dropped.
 */
#include "vfs.h"
#include <mica/timers.h>

#define POLL_RECORDS 16
#define POLL_IN  (MICA_POLLIN | MICA_POLLRDNORM)
#define POLL_OUT (MICA_POLLOUT | MICA_POLLWRNORM)

struct poller {
	struct fproc *fp;		/* NULL: free */
	endpoint_t ep;
	u32_t nfds;
	cp_grant_id_t grant;
	sys_timer_t timer;
	struct mica_pollfd fds[MICA_POLL_MAX];
};

static struct poller pollers[POLL_RECORDS];

/* revents for one entry; notify asks devices for a later SEL2. */
static int poll_one(struct fproc *fp, struct mica_pollfd *p, int notify)
{
	struct filp *f;
	int ops = 0, r;

	p->revents = 0;
	if (p->fd < 0)
		return 0;
	if (fd_get(fp, p->fd, &f) != OK) {
		p->revents = MICA_POLLNVAL;
		return 1;
	}
	if (S_ISTYPE(f->vp->mode, MICA_S_IFIFO)) {
		p->revents = pipe_poll(f, p->events);
		return p->revents != 0;
	}
	if (!S_ISTYPE(f->vp->mode, MICA_S_IFCHR)) {
		p->revents = p->events & (POLL_IN | POLL_OUT);
		return p->revents != 0;
	}
	if (p->events & POLL_IN) ops |= CDEV_OP_RD;
	if (p->events & POLL_OUT) ops |= CDEV_OP_WR;
	if (p->events & MICA_POLLPRI) ops |= CDEV_OP_ERR;
	if ((r = dev_select(f, ops, notify)) < 0) {
		p->revents = MICA_POLLERR;
		return 1;
	}
	if (r & CDEV_OP_RD) p->revents |= p->events & POLL_IN;
	if (r & CDEV_OP_WR) p->revents |= p->events & POLL_OUT;
	if (r & CDEV_OP_ERR) p->revents |= p->events & MICA_POLLPRI;
	return p->revents != 0;
}

static int poll_all(struct fproc *fp, struct mica_pollfd *fds, u32_t n,
	int notify)
{
	int ready = 0;

	for (u32_t i = 0; i < n; i++)
		ready += poll_one(fp, &fds[i], notify);
	return ready;
}

static int poll_copyout(endpoint_t ep, cp_grant_id_t g,
	struct mica_pollfd *fds, u32_t n, int ready)
{
	if (n && sys_safecopyto(ep, g, 0, fds, n * sizeof(*fds)) != OK)
		return -EFAULT;
	return ready;
}

static void poll_finish(struct poller *p, int ready)
{
	struct fproc *fp = p->fp;

	cancel_timer(&p->timer);
	p->fp = NULL;
	fp->blocked = 0;
	vfs_reply(p->ep, poll_copyout(p->ep, p->grant, p->fds, p->nfds, ready),
		NULL);
}

void poll_timeout(int slot)
{
	struct poller *p = &pollers[slot];

	if (p->fp)
		poll_finish(p, poll_all(p->fp, p->fds, p->nfds, 0));
}

/* Something may have become ready: look again at every waiting poll. */
void poll_wakeup_all(void)
{
	for (int i = 0; i < POLL_RECORDS; i++) {
		struct poller *p = &pollers[i];
		int ready;
		if (p->fp && (ready = poll_all(p->fp, p->fds, p->nfds, 1)) > 0)
			poll_finish(p, ready);
	}
}

void poll_dev_ready(endpoint_t drv, int minor, int ops)
{
	(void)drv; (void)minor; (void)ops;
	poll_wakeup_all();
}

void poll_cancel(struct fproc *fp)
{
	for (int i = 0; i < POLL_RECORDS; i++)
		if (pollers[i].fp == fp) {
			cancel_timer(&pollers[i].timer);
			pollers[i].fp = NULL;
		}
}

int do_poll(struct vfs_call *c)
{
	const mess_lc_vfs_poll *q = &c->m->m_lc_vfs_poll;
	static struct mica_pollfd fds[MICA_POLL_MAX];
	struct poller *p = NULL;
	int ready, r;

	if (q->nfds > MICA_POLL_MAX)
		return -EINVAL;
	if (q->nfds && (r = sys_safecopyfrom(c->who, q->grant, 0, fds,
	    q->nfds * sizeof(fds[0]))) != OK)
		return -EFAULT;
	ready = poll_all(c->fp, fds, q->nfds, q->timeout_ms != 0);
	if (ready || q->timeout_ms == 0)
		return poll_copyout(c->who, q->grant, fds, q->nfds, ready);
	for (int i = 0; i < POLL_RECORDS && !p; i++)
		if (!pollers[i].fp)
			p = &pollers[i];
	if (!p)
		return -EAGAIN;
	p->fp = c->fp;
	p->ep = c->who;
	p->nfds = q->nfds;
	p->grant = q->grant;
	memcpy(p->fds, fds, q->nfds * sizeof(fds[0]));
	init_timer(&p->timer);
	if (q->timeout_ms > 0) {
		u32_t ticks = ((u32_t)q->timeout_ms + 1000 / HZ - 1) / (1000 / HZ);
		if ((r = set_timer(&p->timer, ticks ? ticks : 1, poll_timeout,
		    p - pollers)) != OK) {
			p->fp = NULL;
			return r;
		}
	}
	c->fp->blocked = VFS_POLL;
	return VFS_SUSPEND;
}
