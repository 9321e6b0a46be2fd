/*
 * requests.c - the TTY's cdev requests (protocol in mica/cdev.h) for
 * every minor.  A minor is found in the range table below: the kind of
 * end it is (console, PTY slave, PTY master) and its index; each kind's
 * operations (struct tty_kind) do the work, so nothing here asks what a
 * minor is.
 *
 * A read or write that cannot finish now is kept whole in tty.susp
 * (with the bytes a write already moved) and retried by tty_events()
 * after anything that may let it go on: input, output taken, a mode
 * change, an open or close.  CDEV_CANCEL answers it with -EINTR, or with
 * the bytes a write already moved.  In raw mode with VTIME, a suspended
 * terminal read has a timer in tty.vtime (libsys timers on the kernel
 * alarm) that finishes it with what is queued.  Select watchers
 * (CDEV_NOTIFY) are kept in tty.sel and told once by CDEV_SEL2_REPLY.
 */
#include "tty.h"
#include <mica/syslib.h>

static const struct tty_range {
	int first, count;
	const struct tty_kind *kind;
} tty_ranges[] = {
	{ TTY_MINOR_CONSOLE, 2, &console_kind },	/* console, tty */
	{ TTY_MINOR_PTS, TTY_NR_PTYS, &pts_kind },
	{ TTY_MINOR_PTM, TTY_NR_PTYS, &ptm_kind },
};
#define TTY_NR_RANGES (sizeof(tty_ranges) / sizeof(tty_ranges[0]))

/* The kind of minor and its index in the range; NULL: no such minor. */
static const struct tty_kind *lookup(int minor, int *idx)
{
	for (u32_t i = 0; i < TTY_NR_RANGES; i++) {
		const struct tty_range *r = &tty_ranges[i];

		if (minor >= r->first && minor < r->first + r->count) {
			*idx = minor - r->first;
			return r->kind;
		}
	}
	return NULL;
}

void tty_reset(void)
{
	u32_t i;

	for (i = 0; i < TTY_NR_SUSPENDED; i++) {
		tty.susp[i].rq.caller = NONE;
		init_timer(&tty.vtime[i]);
	}
	for (i = 0; i < TTY_NR_SELECT; i++)
		tty.sel[i].caller = NONE;
	console_init();
	pty_init();
}

int tty_open(const struct cdev_req *rq)
{
	int idx, r;
	const struct tty_kind *k = lookup(rq->minor, &idx);

	if (!k)
		return -ENXIO;
	r = k->open(idx, rq);
	tty_events();
	return r;
}

int tty_close(const struct cdev_req *rq)
{
	int idx;
	const struct tty_kind *k = lookup(rq->minor, &idx);

	if (!k)
		return -ENXIO;
	k->close(idx);
	tty_events();
	return OK;
}

/* Answer and free suspended request i. */
static void finish(u32_t i, int status)
{
	chardriver_reply(tty.susp[i].rq.caller, tty.susp[i].rq.id, status);
	tty.susp[i].rq.caller = NONE;
	cancel_timer(&tty.vtime[i]);
}

/* The terminal a suspended read waits on, for VTIME; NULL: none. */
static struct term *read_term(const struct tty_wait *w)
{
	int idx;
	const struct tty_kind *k = lookup(w->rq.minor, &idx);

	return k && !w->write ? k->term(idx) : NULL;
}

static void vtime_expired(int i)
{
	struct tty_wait *w = &tty.susp[i];
	struct term *t;

	if (w->rq.caller == NONE || !(t = read_term(w)))
		return;
	if (ldisc_timeout_readable(&t->ld)) {
		u8_t buf[TTY_CHUNK];
		u32_t max = w->rq.count < TTY_CHUNK ? w->rq.count : TTY_CHUNK;
		u32_t n = ldisc_read(&t->ld, buf, max);
		int r = n ? sys_safecopyto(w->rq.caller, w->rq.grant, 0, buf, n) : OK;

		finish((u32_t)i, r == OK ? (int)n : r);
		tty_events();
	}
}

/* (Re)start read i's VTIME timer. */
static void vtime_arm(u32_t i, struct term *t)
{
	u32_t ticks = ldisc_vtime(&t->ld, HZ);

	if (ticks)
		set_timer(&tty.vtime[i], ticks, vtime_expired, (int)i);
}

void tty_alarm(clock_t_m now)
{
	expire_timers(now);
}

/* A read or write: now, or kept until it can go on. */
static int start_io(const struct cdev_req *rq, int write)
{
	struct tty_wait w = { .rq = *rq, .write = write };
	const struct tty_kind *k;
	struct term *t;
	int idx, r;
	u32_t i;

	if (!(k = lookup(rq->minor, &idx)))
		return -ENXIO;
	r = k->io(idx, &w, 1);
	if (r == TTY_WAIT && !(rq->flags & CDEV_NONBLOCK))
		for (i = 0; i < TTY_NR_SUSPENDED; i++)
			if (tty.susp[i].rq.caller == NONE) {
				tty.susp[i] = w;
				if ((t = read_term(&w)) &&
				    (!ldisc_vtime_restarts(&t->ld) ||
				    ldisc_available(&t->ld) > 0))
					vtime_arm(i, t);
				/* the other end may go on now, and then this
				 * one: it is retried with the rest */
				tty_events();
				return CHARDRIVER_SUSPEND;
			}
	tty_events();			/* the other end may go on now */
	if (r != TTY_WAIT)
		return r;
	return w.done ? (int)w.done : -EAGAIN;	/* non-blocking, or no room */
}

int tty_read(const struct cdev_req *rq)
{
	return start_io(rq, 0);
}

int tty_write(const struct cdev_req *rq)
{
	return start_io(rq, 1);
}

int tty_ioctl(const struct cdev_req *rq)
{
	u8_t arg[sizeof(struct termios)];
	const struct tty_kind *k;
	struct term *t;
	u32_t size;
	int dir, idx, r;

	if (!(k = lookup(rq->minor, &idx)))
		return -ENXIO;
	if (!(t = k->term(idx)))
		return -ENOTTY;
	if ((r = ldisc_ioctl_arg(rq->request, &size, &dir)) != OK)
		return r;
	memset(arg, 0, sizeof(arg));
	if (dir == LDISC_ARG_IN &&
		(r = sys_safecopyfrom(rq->caller, rq->grant, 0, arg, size)) != OK)
		return r;
	if ((rq->request == TCSETSW || rq->request == TCSETSF) &&
	    t == &tty.console)
		uart_drain();		/* a PTY's output waits for its master */
	if ((r = ldisc_ioctl(&t->ld, rq->request, arg)) != OK)
		return r;
	if (dir == LDISC_ARG_OUT)
		r = sys_safecopyto(rq->caller, rq->grant, 0, arg, size);
	tty_events();			/* a mode change may release readers */
	uart_kick();
	return r;
}

/* End every request waiting on minor with status (a master that closed:
 * nothing can answer them any more). */
void tty_fail_waiting(int minor, int status)
{
	for (u32_t i = 0; i < TTY_NR_SUSPENDED; i++)
		if (tty.susp[i].rq.caller != NONE && tty.susp[i].rq.minor == minor)
			finish(i, tty.susp[i].done ? (int)tty.susp[i].done : status);
}

int tty_cancel(const struct cdev_req *rq)
{
	u32_t i;

	for (i = 0; i < TTY_NR_SUSPENDED; i++) {
		struct tty_wait *w = &tty.susp[i];

		if (w->rq.caller == rq->caller && w->rq.id == rq->id &&
			w->rq.minor == rq->minor) {
			int r = w->done ? (int)w->done : -EINTR;

			w->rq.caller = NONE;
			cancel_timer(&tty.vtime[i]);
			return r;
		}
	}
	return CHARDRIVER_SUSPEND;	/* nothing held: no reply */
}

static u32_t ready_ops(int minor)
{
	int idx;
	const struct tty_kind *k = lookup(minor, &idx);

	return k ? k->ready(idx) : 0;
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
	int idx;
	const struct tty_kind *k = lookup(rq->minor, &idx);
	u32_t ready, wait;
	struct tty_select *w;

	if (!k)
		return -ENXIO;
	ready = k->ready(idx) & ops & CDEV_OP_ALL;
	wait = ops & CDEV_OP_ALL & ~ready;
	w = watcher(rq->caller, rq->minor);
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
 * One pass over the suspended requests, oldest slot first: finish those
 * that can finish; after input, restart the inter-byte VTIME timer of
 * reads that still wait.  1 if any request moved.
 */
static int retry_waiting(void)
{
	int moved = 0, idx, r;
	u32_t i, before;

	for (i = 0; i < TTY_NR_SUSPENDED; i++) {
		struct tty_wait *w = &tty.susp[i];
		const struct tty_kind *k;
		struct term *t;

		if (w->rq.caller == NONE || !(k = lookup(w->rq.minor, &idx)))
			continue;
		before = w->done;
		if ((r = k->io(idx, w, 0)) != TTY_WAIT) {
			finish(i, r);
			moved = 1;
			continue;
		}
		moved |= w->done != before;
		if ((t = read_term(w)) && t->fed && ldisc_vtime_restarts(&t->ld) &&
		    ldisc_available(&t->ld) > 0)
			vtime_arm(i, t);
	}
	return moved;
}

static void wake_selectors(void)
{
	for (u32_t i = 0; i < TTY_NR_SELECT; i++) {
		struct tty_select *w = &tty.sel[i];
		u32_t ready;

		if (w->caller == NONE || !(w->ops & (ready = ready_ops(w->minor))))
			continue;
		chardriver_sel2(w->caller, w->minor, w->ops & ready);
		w->caller = NONE;
	}
}

static void clear_fed(void)
{
	tty.console.fed = 0;
	for (int i = 0; i < TTY_NR_PTYS; i++)
		tty.pty[i].slave.fed = 0;
}

/*
 * Something changed: answer whoever can be answered.  A request that
 * moves can release another (a master write feeds a waiting slave read),
 * so passes repeat while anything moves; each pass that moves either
 * frees a slot or moves bytes a bounded buffer had room for, so this
 * ends.
 */
void tty_events(void)
{
	int passes = 0;

	while (retry_waiting() && ++passes < 4 * TTY_NR_SUSPENDED)
		;
	clear_fed();
	wake_selectors();
}
