/*
 * console.c - the serial console as a kind of minor (tty.h): minors 0
 * (/dev/console) and 1 (the driver's /dev/tty: VFS sends opens of
 * /dev/tty to the caller's controlling terminal instead, and this minor
 * is what processes VFS knows no session of get) are the one COM1 line
 * with one line discipline.  Writes never wait: uart.c's transmit ring
 * drains itself, polling (bounded) when it is full.
 */
#include "tty.h"
#include <mica/syslib.h>

static const struct ldisc_ops console_ldisc_ops = {
	.put = uart_put,
	.signal = tty_signal,
	.oflush = uart_oflush,
};

void console_init(void)
{
	term_init(&tty.console, &console_ldisc_ops, TTY_MINOR_CONSOLE);
}

static int con_open(int idx, const struct cdev_req *rq)
{
	(void)idx;
	return term_open(&tty.console, rq);
}

static void con_close(int idx)
{
	(void)idx;
	term_close(&tty.console);
}

static int con_write(struct tty_wait *w)
{
	u8_t buf[TTY_CHUNK];
	u32_t n;
	int r;

	while (w->done < w->rq.count) {
		n = w->rq.count - w->done;
		n = n < TTY_CHUNK ? n : TTY_CHUNK;
		r = sys_safecopyfrom(w->rq.caller, w->rq.grant, w->done, buf, n);
		if (r != OK)
			return w->done ? (int)w->done : r;
		ldisc_write(&tty.console.ld, buf, n);
		uart_kick();
		w->done += n;
	}
	return (int)w->done;
}

static int con_io(int idx, struct tty_wait *w, int first)
{
	int r;

	(void)idx;
	if (!w->write)
		return term_read(&tty.console, w, first);
	if (first && (r = term_job(&tty.console, &w->rq, 1)) != OK)
		return r;
	return con_write(w);
}

static u32_t con_ready(int idx)
{
	(void)idx;
	return CDEV_OP_WR |
		(ldisc_readable(&tty.console.ld, 1) ? CDEV_OP_RD : 0);
}

static struct term *con_term(int idx)
{
	(void)idx;
	return &tty.console;
}

const struct tty_kind console_kind = {
	con_open, con_close, con_io, con_ready, con_term,
};
