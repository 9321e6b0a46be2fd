/*
 * term.c - what every terminal shares, the console and each PTY slave:
 * open and close with the controlling-terminal handshake (CDEV_CTTY,
 * mica/cdev.h), the job-control check of reads and writes, reads through
 * the line discipline, and hangup.
 *
 * Controlling terminal, as MINIX does it: VFS marks an open by a session
 * leader that has none (CDEV_CTTY, with the session); the terminal takes
 * that session and makes it the foreground group (the last such opener
 * wins), and says so in the reply.  The session and the foreground
 * group are forgotten when the last open of the terminal closes.
 */
#include "tty.h"
#include <mica/syslib.h>

void term_init(struct term *t, const struct ldisc_ops *ops, int minor)
{
	ldisc_init(&t->ld, ops, t);
	t->opens = 0;
	t->minor = minor;
	t->sid = 0;
	t->hup = 0;
	t->fed = 0;
}

int term_open(struct term *t, const struct cdev_req *rq)
{
	u32_t acc = rq->flags;

	if (acc & ~(u32_t)(CDEV_R | CDEV_W | CDEV_NOCTTY | CDEV_CTTY))
		return -EINVAL;
	if ((acc & CDEV_CTTY) && ((acc & CDEV_NOCTTY) || rq->pgrp <= 0))
		return -EINVAL;
	t->opens++;
	if (!(acc & CDEV_CTTY))
		return OK;
	t->sid = rq->pgrp;		/* the session, which is its group */
	t->ld.pgrp = rq->pgrp;
	return CDEV_CTTY;
}

/* The last close: the terminal belongs to no session and no group any
 * more (as MINIX resets tty_pgrp), so no stale group gets its ^C. */
void term_close(struct term *t)
{
	if (t->opens > 0 && --t->opens == 0)
		t->sid = t->ld.pgrp = 0;
}

/* A background group's read (or TOSTOP write): signal it, -EINTR. */
int term_job(struct term *t, const struct cdev_req *rq, int is_write)
{
	int sig = ldisc_job_signal(&t->ld, rq->pgrp, is_write);

	if (!sig)
		return OK;
	tty_signal(t, rq->pgrp, sig);
	return -EINTR;
}

/* Read what the line discipline has for rq now; bytes or an error. */
static int read_now(struct term *t, const struct cdev_req *rq)
{
	u8_t buf[TTY_CHUNK];
	u32_t max = rq->count < TTY_CHUNK ? rq->count : TTY_CHUNK;
	u32_t n = ldisc_read(&t->ld, buf, max);
	int r;

	if (n == 0)
		return 0;
	r = sys_safecopyto(rq->caller, rq->grant, 0, buf, n);
	return r == OK ? (int)n : r;
}

/*
 * A read: a whole line (canonical) or min(VMIN, count) bytes (raw) when
 * the line discipline allows; after a hangup, what is left, then end of
 * file.  The VTIME timer (requests.c) ends raw reads early.
 */
int term_read(struct term *t, struct tty_wait *w, int first)
{
	int r;

	if (first && (r = term_job(t, &w->rq, 0)) != OK)
		return r;
	if (w->rq.count == 0)
		return 0;
	if (ldisc_readable(&t->ld, w->rq.count) ||
	    (t->hup && ldisc_available(&t->ld) > 0))
		return read_now(t, &w->rq);
	return t->hup ? 0 : TTY_WAIT;
}

/* The line went away (a PTY's master closed): as BSD and POSIX say,
 * SIGHUP (and SIGCONT, so a stopped job sees it) for the foreground
 * group, SIGHUP for the controlling process's group; reads then end of
 * file, writes EIO. */
void term_hangup(struct term *t)
{
	t->hup = 1;
	if (t->ld.pgrp > 0) {
		tty_signal(t, t->ld.pgrp, SIGHUP);
		tty_signal(t, t->ld.pgrp, MICA_SIGCONT);
	}
	if (t->sid > 0 && t->sid != t->ld.pgrp)
		tty_signal(t, t->sid, SIGHUP);
}
