/*
 * tty.h - the TTY driver's shared state and its parts:
 *   main.c      SEF start-up, the chardriver table, the signal reporter
 *   requests.c  cdev requests for every minor: the minor map, suspended
 *               reads and writes, cancel, select watchers, the event loop
 *   term.c      what every terminal shares (console and PTY slaves):
 *               controlling terminal, job control, reads, ioctls, hangup
 *   console.c   the serial console (minors 0 and 1) on uart.c
 *   uart.c      the COM1 16550: receive interrupts into the console's
 *               line discipline, a transmit ring drained on THRE
 *   pty.c       pseudo-terminal pairs: slave ttypN, master ptypN
 * A minor is one "end" of some kind (struct tty_kind: a table row per
 * kind, requests.c), so the request code never asks what a minor is.
 * Everything the driver knows lives in the one struct tty below (plus the
 * transmit ring in uart.c), in static memory, so a live update's identity
 * transfer carries it whole (README.md).
 */
#ifndef TTY_TTY_H
#define TTY_TTY_H

#include <mica/chardriver.h>
#include <mica/timers.h>
#include "ldisc.h"

#define TTY_NR_PTYS       16		/* pairs: ttyp0..ttypf, ptyp0..ptypf */
#define TTY_NR_MINORS     (TTY_MINOR_PTM + TTY_PTY_MINORS)
#define TTY_NR_SUSPENDED  32		/* reads and writes waiting */
#define TTY_NR_SELECT     48		/* select watchers */
#define TTY_CHUNK         256		/* bytes per safecopy */
#define PTY_OUTQ          2048		/* slave output the master has not read */
#define TTY_IRQ           4		/* COM1 */
#define TTY_IRQ_HOOK      0		/* bit in the HARDWARE notification */

/* An end's io: "not now, suspend me" (never a valid status). */
#define TTY_WAIT          (-0x7fffffe0)

STATIC_ASSERT(TTY_NR_PTYS <= TTY_PTY_MINORS, tty_nr_ptys);

/* One terminal: the console or a PTY slave, with its line discipline. */
struct term {
	struct ldisc ld;		/* termios, window, foreground group */
	u32_t opens;			/* CDEV_OPENs not closed yet */
	int minor;			/* named in CDEV_SIGNAL */
	int sid;			/* session it controls, 0: none */
	int hup;			/* hung up (master gone): EOF / EIO */
	int fed;			/* input came since the last tty_events */
};

/* A pseudo-terminal pair: the slave terminal and the master's side. */
struct pty {
	struct term slave;
	int master;			/* the master is open (one at a time) */
	int used;			/* the slave was opened since then */
	u8_t out[PTY_OUTQ];		/* slave output, read by the master */
	u32_t out_head, out_count;
};

/* A read or write that waits, with what it has done so far. */
struct tty_wait {
	struct cdev_req rq;		/* rq.caller NONE: slot free */
	int write;
	u32_t done;			/* bytes moved (writes) */
};

struct tty_select {
	endpoint_t caller;		/* NONE: free */
	int minor;
	u32_t ops;			/* CDEV_OP_* still waited for */
};

/*
 * A kind of minor.  idx is the minor's index within its range.  io moves
 * what it can for w (first: the request is new, so job control is
 * checked) and returns the final status (bytes or an error) or TTY_WAIT;
 * term is the terminal whose line discipline ioctls and VTIME act on
 * (NULL: none).
 */
struct tty_kind {
	int (*open)(int idx, const struct cdev_req *rq);
	void (*close)(int idx);
	int (*io)(int idx, struct tty_wait *w, int first);
	u32_t (*ready)(int idx);	/* CDEV_OP_* ready now */
	struct term *(*term)(int idx);
};

struct tty {
	struct term console;
	struct pty pty[TTY_NR_PTYS];
	struct tty_wait susp[TTY_NR_SUSPENDED];
	sys_timer_t vtime[TTY_NR_SUSPENDED];	/* VTIME of each read */
	struct tty_select sel[TTY_NR_SELECT];
	endpoint_t sigmgr;		/* CDEV_SIGNAL target, NONE: log */
	u32_t signals;			/* signals raised (for the log) */
};

extern struct tty tty;

/* main.c */
void tty_signal(void *arg, int pgrp, int sig);

/* requests.c */
void tty_reset(void);
void tty_events(void);
void tty_fail_waiting(int minor, int status);
void tty_alarm(clock_t_m now);
int tty_open(const struct cdev_req *rq);
int tty_close(const struct cdev_req *rq);
int tty_read(const struct cdev_req *rq);
int tty_write(const struct cdev_req *rq);
int tty_ioctl(const struct cdev_req *rq);
int tty_cancel(const struct cdev_req *rq);
int tty_select(const struct cdev_req *rq, u32_t ops);

/* term.c */
void term_init(struct term *t, const struct ldisc_ops *ops, int minor);
int term_open(struct term *t, const struct cdev_req *rq);
void term_close(struct term *t);
int term_job(struct term *t, const struct cdev_req *rq, int is_write);
int term_read(struct term *t, struct tty_wait *w, int first);
void term_hangup(struct term *t);

/* console.c */
extern const struct tty_kind console_kind;
void console_init(void);

/* uart.c */
int uart_init(void);
void uart_intr(u32_t hooks);
void uart_put(void *arg, u8_t c);
void uart_oflush(void *arg);
void uart_kick(void);
void uart_drain(void);

/* pty.c */
extern const struct tty_kind pts_kind, ptm_kind;
void pty_init(void);

#endif /* TTY_TTY_H */
