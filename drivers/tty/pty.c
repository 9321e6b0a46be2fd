/*
 * pty.c - pseudo-terminal pairs, MINIX and BSD style: slave ttypN
 * (minor TTY_MINOR_PTS + N) is a full terminal with the console's line
 * discipline (term.c); master ptypN (TTY_MINOR_PTM + N) reads what the
 * slave writes, after output processing, and writes what the slave
 * reads as typed input (so ^C from the master signals the slave's
 * foreground group).
 *
 * Buffers are bounded and every side waits rather than losing data it
 * was asked to move: a slave write waits while the output ring
 * (PTY_OUTQ) lacks room (two bytes per byte, for ONLCR; without OPOST
 * one, and the bytes go into the ring in bulk); a master write
 * waits while the line discipline's input queue is full and a reader
 * can empty it (ldisc_input_full).  Echo that finds the ring full is
 * dropped, as a real line would drop it.
 *
 * Life of a pair: the master opens only when neither end is in use (else
 * EIO, as BSD); that resets the pair (default termios, empty queues).
 * The slave opens only while the master is open and has not hung up
 * (EIO).  Master closed with the slave open: hangup (term_hangup: SIGHUP,
 * then reads end of file, writes EIO).  Slave closed by everybody after
 * use: the master reads EIO once the ring is empty (as Linux, which
 * programs like script(1) expect).
 */
#include "tty.h"
#include <mica/syslib.h>

static struct pty *slave_pty(const struct term *t)
{
	return (struct pty *)((u8_t *)t - __builtin_offsetof(struct pty, slave));
}

/* The line discipline's output: into the ring, dropped when full. */
static void pty_put(void *arg, u8_t c)
{
	struct pty *p = slave_pty(arg);

	if (p->out_count < PTY_OUTQ)
		p->out[(p->out_head + p->out_count++) % PTY_OUTQ] = c;
}

static void pty_oflush(void *arg)
{
	slave_pty(arg)->out_count = 0;
}

static const struct ldisc_ops pty_ldisc_ops = {
	.put = pty_put,
	.signal = tty_signal,
	.oflush = pty_oflush,
};

static void pty_reset(int i)
{
	struct pty *p = &tty.pty[i];

	term_init(&p->slave, &pty_ldisc_ops, TTY_MINOR_PTS + i);
	p->master = 0;
	p->used = 0;
	p->out_head = p->out_count = 0;
}

void pty_init(void)
{
	for (int i = 0; i < TTY_NR_PTYS; i++)
		pty_reset(i);
}

/* The slave gone after use: the master's reads end in EIO. */
static int slave_gone(const struct pty *p)
{
	return p->used && p->slave.opens == 0;
}

/* ---- the slave ---- */

static int pts_open(int i, const struct cdev_req *rq)
{
	struct pty *p = &tty.pty[i];
	int r;

	if (!p->master || p->slave.hup)
		return -EIO;
	if ((r = term_open(&p->slave, rq)) >= 0)
		p->used = 1;
	return r;
}

static void pts_close(int i)
{
	term_close(&tty.pty[i].slave);
}

/* Without output processing the grant is copied straight into the ring
 * (at most two pieces), not a byte at a time through the discipline. */
static int pts_copy_raw(struct pty *p, struct tty_wait *w, u32_t n)
{
	u32_t tail = (p->out_head + p->out_count) % PTY_OUTQ;
	u32_t first = PTY_OUTQ - tail < n ? PTY_OUTQ - tail : n;
	int r;

	r = sys_safecopyfrom(w->rq.caller, w->rq.grant, w->done, p->out + tail,
		first);
	if (r == OK && n > first)
		r = sys_safecopyfrom(w->rq.caller, w->rq.grant, w->done + first,
			p->out, n - first);
	if (r == OK)
		p->out_count += n;
	return r;
}

static int pts_write(struct pty *p, struct tty_wait *w)
{
	u8_t buf[TTY_CHUNK];
	u32_t n, room;
	int r, raw;

	if (p->slave.hup)
		return w->done ? (int)w->done : -EIO;
	while (w->done < w->rq.count) {
		raw = ldisc_output_raw(&p->slave.ld);
		room = (PTY_OUTQ - p->out_count) / (raw ? 1 : 2);
		if (room == 0)
			return TTY_WAIT;
		n = w->rq.count - w->done;
		n = n < room ? n : room;
		if (raw) {
			r = pts_copy_raw(p, w, n);
		} else {
			n = n < TTY_CHUNK ? n : TTY_CHUNK;
			r = sys_safecopyfrom(w->rq.caller, w->rq.grant, w->done,
				buf, n);
			if (r == OK)
				ldisc_write(&p->slave.ld, buf, n);
		}
		if (r != OK)
			return w->done ? (int)w->done : r;
		w->done += n;
	}
	return (int)w->done;
}

static int pts_io(int i, struct tty_wait *w, int first)
{
	struct pty *p = &tty.pty[i];
	int r;

	if (!w->write)
		return term_read(&p->slave, w, first);
	if (first && (r = term_job(&p->slave, &w->rq, 1)) != OK)
		return r;
	return pts_write(p, w);
}

static u32_t pts_ready(int i)
{
	struct pty *p = &tty.pty[i];
	u32_t ops = 0;

	if (p->slave.hup)
		return CDEV_OP_RD | CDEV_OP_WR;	/* EOF and EIO, at once */
	if (ldisc_readable(&p->slave.ld, 1))
		ops |= CDEV_OP_RD;
	if (PTY_OUTQ - p->out_count >= 2)
		ops |= CDEV_OP_WR;
	return ops;
}

static struct term *pts_term(int i)
{
	return &tty.pty[i].slave;
}

const struct tty_kind pts_kind = {
	pts_open, pts_close, pts_io, pts_ready, pts_term,
};

/* ---- the master ---- */

static int ptm_open(int i, const struct cdev_req *rq)
{
	struct pty *p = &tty.pty[i];

	if (rq->flags & ~(u32_t)(CDEV_R | CDEV_W | CDEV_NOCTTY | CDEV_CTTY))
		return -EINVAL;
	if (p->master || p->slave.opens > 0)
		return -EIO;		/* in use */
	pty_reset(i);
	p->master = 1;
	return OK;			/* never a controlling terminal */
}

static void ptm_close(int i)
{
	struct pty *p = &tty.pty[i];

	p->master = 0;
	p->out_count = 0;
	tty_fail_waiting(TTY_MINOR_PTM + i, -EIO);	/* not through VFS */
	if (p->slave.opens > 0)
		term_hangup(&p->slave);
}

/* Copy up to count bytes of the ring out; bytes or an error. */
static int ptm_read(struct pty *p, const struct cdev_req *rq)
{
	u32_t n = rq->count < p->out_count ? rq->count : p->out_count;
	u32_t first = PTY_OUTQ - p->out_head;
	int r;

	if (first > n)
		first = n;
	r = sys_safecopyto(rq->caller, rq->grant, 0, p->out + p->out_head, first);
	if (r == OK && n > first)
		r = sys_safecopyto(rq->caller, rq->grant, first, p->out, n - first);
	if (r != OK)
		return r;
	p->out_head = (p->out_head + n) % PTY_OUTQ;
	p->out_count -= n;
	return (int)n;
}

/* Typed input for the slave: as much as the line discipline takes now. */
static int ptm_write(struct pty *p, struct tty_wait *w)
{
	u8_t buf[TTY_CHUNK];
	u32_t n, k;
	int r;

	while (w->done < w->rq.count) {
		if (ldisc_input_full(&p->slave.ld))
			return TTY_WAIT;
		n = w->rq.count - w->done;
		n = n < TTY_CHUNK ? n : TTY_CHUNK;
		r = sys_safecopyfrom(w->rq.caller, w->rq.grant, w->done, buf, n);
		if (r != OK)
			return w->done ? (int)w->done : r;
		for (k = 0; k < n && !ldisc_input_full(&p->slave.ld); k++)
			ldisc_input(&p->slave.ld, buf[k]);
		w->done += k;
		p->slave.fed |= k > 0;	/* VTIME restarts on input */
	}
	return (int)w->done;
}

static int ptm_io(int i, struct tty_wait *w, int first)
{
	struct pty *p = &tty.pty[i];

	(void)first;			/* no job control on the master */
	if (w->write)
		return ptm_write(p, w);
	if (w->rq.count == 0)
		return 0;
	if (p->out_count > 0)
		return ptm_read(p, &w->rq);
	return slave_gone(p) ? -EIO : TTY_WAIT;
}

static u32_t ptm_ready(int i)
{
	struct pty *p = &tty.pty[i];
	u32_t ops = 0;

	if (p->out_count > 0 || slave_gone(p))
		ops |= CDEV_OP_RD;
	if (!ldisc_input_full(&p->slave.ld))
		ops |= CDEV_OP_WR;
	return ops;
}

/* termios, window size and the foreground group are the pair's: the
 * master's ioctls act on the slave's line discipline, as in BSD. */
static struct term *ptm_term(int i)
{
	return &tty.pty[i].slave;
}

const struct tty_kind ptm_kind = {
	ptm_open, ptm_close, ptm_io, ptm_ready, ptm_term,
};
