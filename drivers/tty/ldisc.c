/*
 * ldisc.c - the line discipline (contract in ldisc.h).
 *
 * Input is one ring of 16-bit entries: the byte plus flags.  In canonical
 * mode a line becomes readable when a delimiter arrives (newline, VEOL,
 * or VEOF, which is queued as a marker and never copied out); the bytes
 * after the last delimiter are the line being edited, which erase and
 * kill shorten.  In raw mode everything queued is readable.  The last
 * slot of the ring is kept for a delimiter, so a full canonical line can
 * always be ended.  No I/O and no allocation here: output and signals go
 * through ld->ops.
 */
#include "ldisc.h"
#include <mica/errno.h>

#define LDISC_DELIM 0x100		/* ends a canonical line */
#define LDISC_EOF   0x200		/* VEOF marker: ends it, not data */

static const struct termios ldisc_default = {
	.c_iflag = ICRNL,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = CS8 | CREAD | CLOCAL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | IEXTEN,
	.c_cc = {
		[VINTR] = 0x03, [VQUIT] = 0x1c, [VERASE] = 0x7f,
		[VKILL] = 0x15, [VEOF] = 0x04, [VTIME] = 0, [VMIN] = 1,
		[VSTART] = 0x11, [VSTOP] = 0x13, [VSUSP] = 0x1a,
	},
	.c_ispeed = B115200,
	.c_ospeed = B115200,
};

void ldisc_init(struct ldisc *ld, const struct ldisc_ops *ops, void *arg)
{
	ld->tio = ldisc_default;
	ld->ws = (struct winsize){ .ws_row = 24, .ws_col = 80 };
	ld->pgrp = 0;
	ld->head = ld->count = ld->ready = 0;
	ld->ops = ops;
	ld->arg = arg;
}

static int is_cc(const struct ldisc *ld, u8_t c, int idx)
{
	return ld->tio.c_cc[idx] != 0 && c == ld->tio.c_cc[idx];
}

static void out_byte(struct ldisc *ld, u8_t c)
{
	if ((ld->tio.c_oflag & (OPOST | ONLCR)) == (OPOST | ONLCR) && c == '\n')
		ld->ops->put(ld->arg, '\r');
	ld->ops->put(ld->arg, c);
}

static void echo(struct ldisc *ld, u8_t c)
{
	if (ld->tio.c_lflag & ECHO)
		out_byte(ld, c);
	else if (c == '\n' && (ld->tio.c_lflag & (ECHONL | ICANON)) ==
		(ECHONL | ICANON))
		out_byte(ld, c);
}

static u16_t *slot(struct ldisc *ld, u32_t i)
{
	return &ld->q[(ld->head + i) % LDISC_INQ];
}

/* Queue e; 0 when full (a delimiter may take the reserved last slot). */
static int enqueue(struct ldisc *ld, u16_t e)
{
	u32_t room = (e & LDISC_DELIM) ? LDISC_INQ : LDISC_INQ - 1;

	if (ld->count >= room)
		return 0;
	*slot(ld, ld->count++) = e;
	if (!(ld->tio.c_lflag & ICANON) || (e & LDISC_DELIM))
		ld->ready = ld->count;
	return 1;
}

void ldisc_flush_input(struct ldisc *ld)
{
	ld->head = ld->count = ld->ready = 0;
}

/* ISIG characters: flush (unless NOFLSH), report; 1 if c was one. */
static int isig(struct ldisc *ld, u8_t c)
{
	int sig;

	if (is_cc(ld, c, VINTR))
		sig = SIGINT;
	else if (is_cc(ld, c, VQUIT))
		sig = SIGQUIT;
	else if (is_cc(ld, c, VSUSP))
		sig = SIGTSTP;
	else
		return 0;
	if (!(ld->tio.c_lflag & NOFLSH))
		ldisc_flush_input(ld);
	ld->ops->signal(ld->arg, ld->pgrp, sig);
	return 1;
}

static void erase_one(struct ldisc *ld)
{
	if (ld->count == ld->ready)
		return;			/* nothing of the current line left */
	ld->count--;
	if ((ld->tio.c_lflag & (ECHO | ECHOE)) == (ECHO | ECHOE)) {
		out_byte(ld, '\b');
		out_byte(ld, ' ');
		out_byte(ld, '\b');
	}
}

/* Canonical editing characters; 1 if c was one (and is consumed). */
static int edit(struct ldisc *ld, u8_t c)
{
	if (is_cc(ld, c, VERASE)) {
		if (!(ld->tio.c_lflag & ECHOE))
			echo(ld, c);
		erase_one(ld);
		return 1;
	}
	if (is_cc(ld, c, VKILL)) {
		ld->count = ld->ready;
		echo(ld, c);
		if (ld->tio.c_lflag & ECHOK)
			out_byte(ld, '\n');
		return 1;
	}
	if (is_cc(ld, c, VEOF)) {
		enqueue(ld, LDISC_DELIM | LDISC_EOF | c);
		return 1;
	}
	return 0;
}

void ldisc_input(struct ldisc *ld, u8_t c)
{
	tcflag_t ifl = ld->tio.c_iflag;
	u16_t e = c;

	if (c == '\r' && (ifl & IGNCR))
		return;
	if (c == '\r' && (ifl & ICRNL))
		c = '\n';
	else if (c == '\n' && (ifl & INLCR))
		c = '\r';
	if ((ld->tio.c_lflag & ISIG) && isig(ld, c))
		return;
	if (ld->tio.c_lflag & ICANON) {
		if (edit(ld, c))
			return;
		e = c;
		if (c == '\n' || is_cc(ld, c, VEOL))
			e |= LDISC_DELIM;
	} else {
		e = c;
	}
	if (enqueue(ld, e))
		echo(ld, c);
}

int ldisc_input_full(const struct ldisc *ld)
{
	if (ld->count < LDISC_INQ - 1)
		return 0;
	return !(ld->tio.c_lflag & ICANON) || ld->ready > 0;
}

int ldisc_output_raw(const struct ldisc *ld)
{
	return !(ld->tio.c_oflag & OPOST);
}

u32_t ldisc_available(const struct ldisc *ld)
{
	return ld->ready;
}

int ldisc_readable(const struct ldisc *ld, u32_t want)
{
	u32_t vmin = ld->tio.c_cc[VMIN];

	if (ld->tio.c_lflag & ICANON)
		return ld->ready > 0;
	if (vmin == 0 && ld->tio.c_cc[VTIME] > 0)
		return ld->ready > 0;	/* else the VTIME timer ends it */
	return ld->ready >= (vmin < want ? vmin : want);
}

u32_t ldisc_vtime(const struct ldisc *ld, u32_t hz)
{
	u32_t t = ld->tio.c_cc[VTIME] * hz / 10;

	if ((ld->tio.c_lflag & ICANON) || ld->tio.c_cc[VTIME] == 0)
		return 0;
	return t ? t : 1;
}

int ldisc_vtime_restarts(const struct ldisc *ld)
{
	return ld->tio.c_cc[VMIN] > 0;
}

int ldisc_timeout_readable(const struct ldisc *ld)
{
	return ld->tio.c_cc[VMIN] == 0 || ld->ready > 0;
}

u32_t ldisc_read(struct ldisc *ld, u8_t *buf, u32_t max)
{
	int canon = ld->tio.c_lflag & ICANON;
	u32_t n = 0;

	while (n < max && ld->ready > 0) {
		u16_t e = *slot(ld, 0);

		ld->head = (ld->head + 1) % LDISC_INQ;
		ld->count--;
		ld->ready--;
		if (canon && (e & LDISC_EOF))
			break;
		buf[n++] = (u8_t)e;
		if (canon && (e & LDISC_DELIM))
			break;
	}
	return n;
}

int ldisc_job_signal(const struct ldisc *ld, int pgrp, int is_write)
{
	if (pgrp == 0 || ld->pgrp == 0 || pgrp == ld->pgrp)
		return 0;
	if (!is_write)
		return SIGTTIN;
	return (ld->tio.c_lflag & TOSTOP) ? SIGTTOU : 0;
}

void ldisc_write(struct ldisc *ld, const u8_t *buf, u32_t len)
{
	u32_t i;

	for (i = 0; i < len; i++)
		out_byte(ld, buf[i]);
}
