/*
 * requests.c - the TTY's cdev requests (protocol in mica/cdev.h).
 *
 * Both minors are the one serial line.  A read that the line discipline
 * cannot satisfy yet is kept in tty.susp (the whole decoded request) and
 * answered by tty_events() after input arrives or the mode changes;
 * CDEV_CANCEL answers it with -EINTR.  In raw mode with VTIME, each
 * suspended read has a timer in tty.vtime (libsys timers on the kernel
 * alarm) that finishes it with what is queued.  Select watchers (CDEV_NOTIFY) are
 * kept in tty.sel and told once by CDEV_SEL2_REPLY.  Writes never wait:
 * the transmit ring drains itself (uart.c).  Data moves by safecopy
 * through the caller's grant, in chunks of TTY_CHUNK bytes.
 */
#include "tty.h"
#include <mica/syslib.h>

#define TTY_CHUNK 256

void tty_reset(void)
{
	u32_t i;

	for (i = 0; i < TTY_NR_SUSPENDED; i++) {
		tty.susp[i].caller = NONE;
		init_timer(&tty.vtime[i]);
	}
	for (i = 0; i < TTY_NR_SELECT; i++)
		tty.sel[i].caller = NONE;
	tty.opens = 0;
}

int tty_open(const struct cdev_req *rq)
{
	if (rq->flags & ~(u32_t)(CDEV_R | CDEV_W | CDEV_NOCTTY))
		return -EINVAL;
	tty.opens++;
	return OK;
}

int tty_close(const struct cdev_req *rq)
{
	(void)rq;
	if (tty.opens > 0)
		tty.opens--;
	return OK;
}

/* Read what the line discipline has for rq now; bytes or an error. */
static int read_now(const struct cdev_req *rq)
{
	u8_t buf[TTY_CHUNK];
	u32_t max = rq->count < TTY_CHUNK ? rq->count : TTY_CHUNK;
	u32_t n = ldisc_read(&tty.ld, buf, max);
	int r;

	if (n == 0)
		return 0;
	r = sys_safecopyto(rq->caller, rq->grant, 0, buf, n);
	return r == OK ? (int)n : r;
}

/* Answer and free suspended read i. */
static void finish(u32_t i, int status)
{
	chardriver_reply(tty.susp[i].caller, tty.susp[i].id, status);
	tty.susp[i].caller = NONE;
	cancel_timer(&tty.vtime[i]);
}

static void vtime_expired(int i)
{
	struct cdev_req *s = &tty.susp[i];

	if (s->caller != NONE && ldisc_timeout_readable(&tty.ld))
		finish((u32_t)i, read_now(s));
}

/* (Re)start read i's VTIME timer. */
static void vtime_arm(u32_t i)
{
	u32_t ticks = ldisc_vtime(&tty.ld, HZ);

	if (ticks)
		set_timer(&tty.vtime[i], ticks, vtime_expired, (int)i);
}

void tty_alarm(clock_t_m now)
{
	expire_timers(now);
}

/* A background group's read (or TOSTOP write): signal it, -EINTR. */
static int job_check(const struct cdev_req *rq, int is_write)
{
	int sig = ldisc_job_signal(&tty.ld, rq->pgrp, is_write);

	if (!sig)
		return OK;
	tty_signal(NULL, rq->pgrp, sig);
	return -EINTR;
}

int tty_read(const struct cdev_req *rq)
{
	u32_t i;
	int r;

	if ((r = job_check(rq, 0)) != OK)
		return r;
	if (rq->count == 0)
		return 0;
	if (ldisc_readable(&tty.ld, rq->count))
		return read_now(rq);
	if (rq->flags & CDEV_NONBLOCK)
		return -EAGAIN;
	for (i = 0; i < TTY_NR_SUSPENDED; i++)
		if (tty.susp[i].caller == NONE) {
			tty.susp[i] = *rq;
			if (!ldisc_vtime_restarts(&tty.ld) ||
				ldisc_available(&tty.ld) > 0)
				vtime_arm(i);
			return CHARDRIVER_SUSPEND;
		}
	return -EAGAIN;
}

int tty_write(const struct cdev_req *rq)
{
	u8_t buf[TTY_CHUNK];
	u32_t done = 0, n;
	int r;

	if ((r = job_check(rq, 1)) != OK)
		return r;
	while (done < rq->count) {
		n = rq->count - done < TTY_CHUNK ? rq->count - done : TTY_CHUNK;
		r = sys_safecopyfrom(rq->caller, rq->grant, done, buf, n);
		if (r != OK)
			return done ? (int)done : r;
		ldisc_write(&tty.ld, buf, n);
		uart_kick();
		done += n;
	}
	return (int)done;
}

int tty_ioctl(const struct cdev_req *rq)
{
	u8_t arg[sizeof(struct termios)];
	u32_t size;
	int dir, r;

	if ((r = ldisc_ioctl_arg(rq->request, &size, &dir)) != OK)
		return r;
	memset(arg, 0, sizeof(arg));
	if (dir == LDISC_ARG_IN &&
		(r = sys_safecopyfrom(rq->caller, rq->grant, 0, arg, size)) != OK)
		return r;
	if (rq->request == TCSETSW || rq->request == TCSETSF)
		uart_drain();
	if ((r = ldisc_ioctl(&tty.ld, rq->request, arg)) != OK)
		return r;
	if (dir == LDISC_ARG_OUT)
		r = sys_safecopyto(rq->caller, rq->grant, 0, arg, size);
	tty_events(0);			/* a mode change may release readers */
	uart_kick();
	return r;
}

int tty_cancel(const struct cdev_req *rq)
{
	u32_t i;

	for (i = 0; i < TTY_NR_SUSPENDED; i++) {
		struct cdev_req *s = &tty.susp[i];

		if (s->caller == rq->caller && s->id == rq->id &&
			s->minor == rq->minor) {
			s->caller = NONE;
			cancel_timer(&tty.vtime[i]);
			return -EINTR;
		}
	}
	return CHARDRIVER_SUSPEND;	/* nothing held: no reply */
}

static u32_t ready_ops(void)
{
	u32_t ops = CDEV_OP_WR;		/* writes never wait */

	if (ldisc_readable(&tty.ld, 1))
		ops |= CDEV_OP_RD;
	return ops;
}

static struct tty_select *watcher(endpoint_t caller, int minor)
{
	struct tty_select *free = NULL;
	u32_t i;

	for (i = 0; i < TTY_NR_SELECT; i++) {
		struct tty_select *w = &tty.sel[i];

		if (w->caller == caller && w->minor == minor)
			return w;
		if (w->caller == NONE && !free)
			free = w;
	}
	return free;
}

int tty_select(const struct cdev_req *rq, u32_t ops)
{
	u32_t ready = ready_ops() & ops & CDEV_OP_ALL;
	u32_t wait = ops & CDEV_OP_ALL & ~ready;
	struct tty_select *w = watcher(rq->caller, rq->minor);

	if (w && w->caller == rq->caller)
		w->caller = NONE;	/* replaced by this select */
	if ((ops & CDEV_NOTIFY) && wait) {
		if (!w)
			return -EAGAIN;	/* no room to remember it */
		*w = (struct tty_select){ rq->caller, rq->minor, wait };
	}
	return (int)ready;
}

/*
 * Finish suspended reads that can finish, oldest slot first; after input,
 * restart the inter-byte VTIME timer of those that still wait.
 */
static void wake_readers(int input)
{
	u32_t i;

	for (i = 0; i < TTY_NR_SUSPENDED; i++) {
		struct cdev_req *s = &tty.susp[i];

		if (s->caller == NONE)
			continue;
		if (ldisc_readable(&tty.ld, s->count))
			finish(i, read_now(s));
		else if (input && ldisc_vtime_restarts(&tty.ld) &&
			ldisc_available(&tty.ld) > 0)
			vtime_arm(i);
	}
}

static void wake_selectors(void)
{
	u32_t i, ready = ready_ops();

	for (i = 0; i < TTY_NR_SELECT; i++) {
		struct tty_select *w = &tty.sel[i];

		if (w->caller == NONE || !(w->ops & ready))
			continue;
		chardriver_sel2(w->caller, w->minor, w->ops & ready);
		w->caller = NONE;
	}
}

/* Input arrived or the mode changed: answer whoever can be answered. */
void tty_events(int input)
{
	wake_readers(input);
	wake_selectors();
}
