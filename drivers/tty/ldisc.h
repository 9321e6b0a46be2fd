/*
 * ldisc.h - the line discipline: termios input and output processing for
 * one terminal, with no I/O of its own (so it runs in the TTY driver and
 * in host unit tests alike).  The driver feeds received bytes to
 * ldisc_input, writes through ldisc_write, and reads cooked bytes with
 * ldisc_read once ldisc_readable says a read can finish.  Output (echo
 * and processed writes) and signals leave through the callbacks in
 * struct ldisc_ops.
 */
#ifndef TTY_LDISC_H
#define TTY_LDISC_H

#include <mica/type.h>
#include <mica/termios.h>

#define LDISC_INQ 256			/* input queue, entries (MAX_CANON + 1) */

struct ldisc_ops {
	/* Send one byte to the device (already output-processed). */
	void (*put)(void *arg, u8_t c);
	/* Raise sig for process group pgrp (0: no foreground group). */
	void (*signal)(void *arg, int pgrp, int sig);
	/* Discard output not yet sent to the device (TCFLSH). */
	void (*oflush)(void *arg);
};

struct ldisc {
	struct termios tio;
	struct winsize ws;
	int pgrp;			/* foreground process group, 0: none */
	u16_t q[LDISC_INQ];		/* input: byte | LDISC_* flags */
	u32_t head;			/* oldest entry */
	u32_t count;			/* entries queued */
	u32_t ready;			/* of those, readable now (whole lines
					 * in canonical mode, all in raw) */
	const struct ldisc_ops *ops;
	void *arg;
};

/* Start with the defaults: canonical, echo, ISIG, ICRNL, OPOST|ONLCR,
 * the usual control characters, VMIN 1, 24x80. */
void ldisc_init(struct ldisc *ld, const struct ldisc_ops *ops, void *arg);
/* Process one received byte (editing, signals, echo). */
void ldisc_input(struct ldisc *ld, u8_t c);
/* Can a read of want (> 0) bytes finish now? */
int ldisc_readable(const struct ldisc *ld, u32_t want);
/*
 * VTIME, raw mode only.  ldisc_vtime: the read timer in clock ticks at hz
 * ticks per second (0: no timer).  With VMIN 0 the timer runs from the
 * start of the read; with VMIN > 0 it restarts with every byte, once one
 * has arrived (ldisc_vtime_restarts).  When it expires,
 * ldisc_timeout_readable says whether the read finishes now with what is
 * queued (possibly nothing).
 */
u32_t ldisc_vtime(const struct ldisc *ld, u32_t hz);
int ldisc_vtime_restarts(const struct ldisc *ld);
int ldisc_timeout_readable(const struct ldisc *ld);
/*
 * Should a writer of input (a PTY master) wait before feeding more?  Yes
 * when the queue is full and a reader can empty it (raw mode, or whole
 * lines wait); a full partial line in canonical mode never waits: more
 * bytes are dropped as on the console, and a delimiter still fits.
 */
int ldisc_input_full(const struct ldisc *ld);
/* Is output passed through unchanged (no OPOST)?  Then a driver may
 * copy written bytes to its device in bulk instead of ldisc_write. */
int ldisc_output_raw(const struct ldisc *ld);
/* Bytes a read would get now (FIONREAD). */
u32_t ldisc_available(const struct ldisc *ld);
/* Take up to max cooked bytes into buf; bytes taken (0: end of file in
 * canonical mode, or nothing queued).  Call when ldisc_readable. */
u32_t ldisc_read(struct ldisc *ld, u8_t *buf, u32_t max);
/* Output len bytes through ops->put, with OPOST processing. */
void ldisc_write(struct ldisc *ld, const u8_t *buf, u32_t len);
/*
 * Job control: the signal a read (or, with TOSTOP, a write) by process
 * group pgrp must raise instead of proceeding, because pgrp is not the
 * foreground group (SIGTTIN / SIGTTOU); 0 when it may go on (also when
 * either group is unknown, 0).
 */
int ldisc_job_signal(const struct ldisc *ld, int pgrp, int is_write);
/* Discard queued input. */
void ldisc_flush_input(struct ldisc *ld);

/*
 * ioctls.  ldisc_ioctl_arg gives the argument's size for request and
 * whether the driver copies it in (LDISC_ARG_IN) before the call or out
 * (LDISC_ARG_OUT) after it; -ENOTTY for requests the discipline does not
 * know.  ldisc_ioctl validates arg and acts: OK, -EINVAL.
 */
#define LDISC_ARG_IN  1
#define LDISC_ARG_OUT 2
int ldisc_ioctl_arg(u32_t request, u32_t *size, int *dir);
int ldisc_ioctl(struct ldisc *ld, u32_t request, void *arg);

#endif /* TTY_LDISC_H */
