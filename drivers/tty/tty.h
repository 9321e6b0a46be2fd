/*
 * tty.h - the TTY driver's shared state and its three parts:
 *   main.c      SEF start-up, the chardriver table, the signal reporter
 *   uart.c      the COM1 16550: receive interrupts into the line
 *               discipline, a transmit ring drained on THRE interrupts
 *   requests.c  cdev requests: suspended reads, cancel, select watchers
 * Everything the driver knows lives in the one struct tty below (plus the
 * transmit ring in uart.c), in static memory, so a live update's identity
 * transfer carries it whole (README.md).
 */
#ifndef TTY_TTY_H
#define TTY_TTY_H

#include <mica/chardriver.h>
#include <mica/timers.h>
#include "ldisc.h"

#define TTY_MINOR_CONSOLE 0		/* /dev/console */
#define TTY_MINOR_TTY     1		/* /dev/tty */
#define TTY_NR_MINORS     2
#define TTY_NR_SUSPENDED  8		/* reads waiting for input */
#define TTY_NR_SELECT     8		/* select watchers */
#define TTY_IRQ           4		/* COM1 */
#define TTY_IRQ_HOOK      0		/* bit in the HARDWARE notification */

struct tty_select {
	endpoint_t caller;		/* NONE: free */
	int minor;
	u32_t ops;			/* CDEV_OP_* still waited for */
};

struct tty {
	struct ldisc ld;		/* both minors share the serial line */
	u32_t opens;			/* open count, all minors */
	struct cdev_req susp[TTY_NR_SUSPENDED];	/* caller NONE: free */
	sys_timer_t vtime[TTY_NR_SUSPENDED];	/* VTIME of each read */
	struct tty_select sel[TTY_NR_SELECT];
	endpoint_t sigmgr;		/* CDEV_SIGNAL target, NONE: log */
	u32_t signals;			/* signals raised (for the log) */
};

extern struct tty tty;

/* main.c */
void tty_signal(void *arg, int pgrp, int sig);

/* uart.c */
int uart_init(void);
void uart_intr(u32_t hooks);
void uart_put(void *arg, u8_t c);
void uart_oflush(void *arg);
void uart_kick(void);
void uart_drain(void);

/* requests.c */
void tty_reset(void);
void tty_events(int input);
void tty_alarm(clock_t_m now);
int tty_open(const struct cdev_req *rq);
int tty_close(const struct cdev_req *rq);
int tty_read(const struct cdev_req *rq);
int tty_write(const struct cdev_req *rq);
int tty_ioctl(const struct cdev_req *rq);
int tty_cancel(const struct cdev_req *rq);
int tty_select(const struct cdev_req *rq, u32_t ops);

#endif /* TTY_TTY_H */
