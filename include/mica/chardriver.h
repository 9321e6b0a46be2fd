/*
 * chardriver.h - lib/libchardriver: the request loop and dispatch of a
 * character driver (the protocol is mica/cdev.h).  A driver fills in a
 * struct chardriver and calls chardriver_task() after sef_startup().
 *
 * The library decodes and validates each request into a struct cdev_req
 * (the whole request context: handlers keep no "current request" state),
 * calls the handler and sends the reply.  A handler that cannot finish a
 * READ/WRITE/IOCTL now keeps a copy of the cdev_req and returns
 * CHARDRIVER_SUSPEND; it answers later with chardriver_reply().
 */
#ifndef MICA_CHARDRIVER_H
#define MICA_CHARDRIVER_H

#include <mica/kipc.h>
#include <mica/cdev.h>

/* A handler's "no reply now" (suspended, or a cancel of nothing). */
#define CHARDRIVER_SUSPEND (-0x7ffffff0)

struct cdev_req {
	endpoint_t caller;		/* who gets the reply */
	u32_t id;			/* echoed in the reply */
	int minor;
	cp_grant_id_t grant;		/* READ/WRITE/IOCTL */
	u32_t count;			/* READ/WRITE: bytes */
	u64_t pos;
	u32_t flags;			/* CDEV_NONBLOCK; OPEN: access bits */
	u32_t request;			/* IOCTL */
	endpoint_t user;		/* OPEN/READ/WRITE/IOCTL */
	int pgrp;			/* READ/WRITE: user's group, 0: unknown;
					 * OPEN with CDEV_CTTY: its session */
};

/*
 * Handlers: NULL means "not supported" (-ENOSYS, except close and
 * cancel, which succeed / reply nothing).  open/close/read/write/ioctl
 * return OK, bytes, a negative error or CHARDRIVER_SUSPEND.  cancel
 * returns the status for the cancelled request (its reply), or
 * CHARDRIVER_SUSPEND when it holds no such request.  select returns the
 * ready CDEV_OP_* bits or an error; with CDEV_NOTIFY in ops it remembers
 * the caller for chardriver_sel2().  intr runs on HARDWARE notifications
 * (the pending hook bits), alarm on CLOCK ones, other on anything else.
 */
struct chardriver {
	int (*cdr_open)(const struct cdev_req *rq);
	int (*cdr_close)(const struct cdev_req *rq);
	int (*cdr_read)(const struct cdev_req *rq);
	int (*cdr_write)(const struct cdev_req *rq);
	int (*cdr_ioctl)(const struct cdev_req *rq);
	int (*cdr_cancel)(const struct cdev_req *rq);
	int (*cdr_select)(const struct cdev_req *rq, u32_t ops);
	void (*cdr_intr)(u32_t hooks);
	void (*cdr_alarm)(clock_t_m now);
	void (*cdr_other)(const message *m);
};

/* Decode m into rq (validates the type and minor range); OK or -EINVAL. */
int chardriver_decode(const message *m, struct cdev_req *rq, int nr_minors);
/* Handle one message already received (the loop's body; tests use it). */
void chardriver_process(const struct chardriver *cdr, int nr_minors,
	message *m);
/* Receive through SEF and process forever; returns only on IPC failure. */
int chardriver_task(const struct chardriver *cdr, int nr_minors);
/* Answer request (caller, id) with status; never blocks. */
int chardriver_reply(endpoint_t caller, u32_t id, int status);
/* Tell caller that ops on minor became ready (CDEV_SEL2_REPLY). */
int chardriver_sel2(endpoint_t caller, int minor, u32_t ops);

#endif /* MICA_CHARDRIVER_H */
