/*
 * ldisc_ioctl.c - the terminal ioctls of the line discipline: termios
 * get/set, window size (a change raises SIGWINCH for the foreground
 * group), foreground process group, FIONREAD, TCFLSH.  One
 * table row per request: the argument's size and direction (the driver
 * copies it through the caller's grant) and a handler that validates,
 * then acts.
 */
#include "ldisc.h"
#include <mica/errno.h>

typedef int (*ldisc_ioctl_t)(struct ldisc *ld, void *arg);

struct ldisc_ioctl_row {
	u32_t request;
	u32_t size;
	int dir;
	ldisc_ioctl_t fn;
};

/* After a mode change: in raw mode everything queued is readable. */
static void requeue(struct ldisc *ld)
{
	if (!(ld->tio.c_lflag & ICANON))
		ld->ready = ld->count;
}

static int set_termios(struct ldisc *ld, const struct termios *t)
{
	if ((t->c_cflag & CSIZE) != CS8)
		return -EINVAL;		/* the serial line is 8 bits */
	ld->tio = *t;
	requeue(ld);
	return OK;
}

static int do_tcgets(struct ldisc *ld, void *arg)
{
	*(struct termios *)arg = ld->tio;
	return OK;
}

static int do_tcsets(struct ldisc *ld, void *arg)
{
	return set_termios(ld, arg);
}

static int do_tcsetsf(struct ldisc *ld, void *arg)
{
	int r = set_termios(ld, arg);

	if (r == OK)
		ldisc_flush_input(ld);
	return r;
}

static int do_getwinsz(struct ldisc *ld, void *arg)
{
	*(struct winsize *)arg = ld->ws;
	return OK;
}

/* A new window size is announced to the foreground group (SIGWINCH). */
static int do_setwinsz(struct ldisc *ld, void *arg)
{
	const struct winsize *ws = arg;
	int changed = ws->ws_row != ld->ws.ws_row || ws->ws_col != ld->ws.ws_col ||
		ws->ws_xpixel != ld->ws.ws_xpixel || ws->ws_ypixel != ld->ws.ws_ypixel;

	ld->ws = *ws;
	if (changed && ld->pgrp > 0)
		ld->ops->signal(ld->arg, ld->pgrp, SIGWINCH);
	return OK;
}

static int do_getpgrp(struct ldisc *ld, void *arg)
{
	*(int *)arg = ld->pgrp;
	return OK;
}

static int do_setpgrp(struct ldisc *ld, void *arg)
{
	int pgrp = *(const int *)arg;

	if (pgrp <= 0)
		return -EINVAL;
	ld->pgrp = pgrp;
	return OK;
}

static int do_fionread(struct ldisc *ld, void *arg)
{
	*(int *)arg = (int)ldisc_available(ld);
	return OK;
}

static int do_tcflsh(struct ldisc *ld, void *arg)
{
	int which = *(const int *)arg;

	if (which != TCIFLUSH && which != TCOFLUSH && which != TCIOFLUSH)
		return -EINVAL;
	if (which != TCOFLUSH)
		ldisc_flush_input(ld);
	if (which != TCIFLUSH && ld->ops->oflush)
		ld->ops->oflush(ld->arg);
	return OK;
}

static const struct ldisc_ioctl_row ldisc_ioctls[] = {
	{ TCGETS, sizeof(struct termios), LDISC_ARG_OUT, do_tcgets },
	{ TCSETS, sizeof(struct termios), LDISC_ARG_IN, do_tcsets },
	{ TCSETSW, sizeof(struct termios), LDISC_ARG_IN, do_tcsets },
	{ TCSETSF, sizeof(struct termios), LDISC_ARG_IN, do_tcsetsf },
	{ TIOCGWINSZ, sizeof(struct winsize), LDISC_ARG_OUT, do_getwinsz },
	{ TIOCSWINSZ, sizeof(struct winsize), LDISC_ARG_IN, do_setwinsz },
	{ TIOCGPGRP, sizeof(int), LDISC_ARG_OUT, do_getpgrp },
	{ TIOCSPGRP, sizeof(int), LDISC_ARG_IN, do_setpgrp },
	{ FIONREAD, sizeof(int), LDISC_ARG_OUT, do_fionread },
	{ TCFLSH, sizeof(int), LDISC_ARG_IN, do_tcflsh },
};

#define LDISC_NR_IOCTLS (sizeof(ldisc_ioctls) / sizeof(ldisc_ioctls[0]))

static const struct ldisc_ioctl_row *find(u32_t request)
{
	u32_t i;

	for (i = 0; i < LDISC_NR_IOCTLS; i++)
		if (ldisc_ioctls[i].request == request)
			return &ldisc_ioctls[i];
	return NULL;
}

int ldisc_ioctl_arg(u32_t request, u32_t *size, int *dir)
{
	const struct ldisc_ioctl_row *row = find(request);

	if (!row)
		return -ENOTTY;
	*size = row->size;
	*dir = row->dir;
	return OK;
}

int ldisc_ioctl(struct ldisc *ld, u32_t request, void *arg)
{
	const struct ldisc_ioctl_row *row = find(request);

	return row ? row->fn(ld, arg) : -ENOTTY;
}
