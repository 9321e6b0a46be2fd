/*
 * main.c - the TTY driver: the serial console (COM1) as /dev/console
 * (minor 0) and /dev/tty (minor 1), and pseudo-terminal pairs (slaves
 * ttypN and masters ptypN, minors in mica/termios.h), a SEF service on
 * libchardriver.
 *
 * Command line: "sigmgr=N" names the endpoint that gets CDEV_SIGNAL for
 * ^C, ^\ and ^Z, job control and hangups; the default is PM.  "sigmgr=-1"
 * (no such endpoint: NONE) only logs signals on the console.  Recovery
 * and live update: README.md.
 */
#include "tty.h"
#include <mica/sef.h>
#include <mica/syslib.h>

struct tty tty;

static const struct chardriver tty_driver = {
	.cdr_open = tty_open,
	.cdr_close = tty_close,
	.cdr_read = tty_read,
	.cdr_write = tty_write,
	.cdr_ioctl = tty_ioctl,
	.cdr_cancel = tty_cancel,
	.cdr_select = tty_select,
	.cdr_intr = uart_intr,
	.cdr_alarm = tty_alarm,
};

static const char *tty_args;

/* Report a signal for the foreground process group (see the top). */
void tty_signal(void *arg, int pgrp, int sig)
{
	const struct term *t = arg;
	message m;

	tty.signals++;
	if (tty.sigmgr == NONE) {
		printf("tty: signal %d for process group %d (no PM to deliver it)\n",
			sig, pgrp);
		return;
	}
	memset(&m, 0, sizeof(m));
	m.m_type = CDEV_SIGNAL;
	m.m_cdev_sig.pgrp = pgrp;
	m.m_cdev_sig.sig = sig;
	m.m_cdev_sig.minor = t->minor;
	asynsend(tty.sigmgr, &m);
}

/* Fresh start and restart alike: default termios, empty queues. */
static int tty_init(int type, const sef_init_info_t *info)
{
	(void)type, (void)info;
	tty_reset();
	tty.sigmgr = arg_int(tty_args, "sigmgr", PM_PROC_NR);
	if (tty.sigmgr < 0)
		tty.sigmgr = NONE;
	return uart_init();
}

int main(const char *args)
{
	int r;

	tty_args = args;
	sef_setcb_init_fresh(tty_init);
	if ((r = sef_startup()) != OK)
		panic("tty: init failed (%d)", r);
	r = chardriver_task(&tty_driver, TTY_NR_MINORS);
	panic("tty: receive failed (%d)", r);
}
