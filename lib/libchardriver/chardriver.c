/*
 * chardriver.c - the request loop shared by character drivers (the
 * protocol in mica/cdev.h, the contract in mica/chardriver.h).
 *
 * Each request is decoded and validated into a struct cdev_req first;
 * only a well-formed request reaches the driver's handler, through a
 * table indexed by request number.  Replies go with sendnb (a caller in
 * sendrec is waiting for exactly that) and fall back to asynsend when the
 * caller is not waiting, so the driver never blocks on a client.
 * Only mica/kipc.h and SEF below it, so tests/unit/chardriver runs this
 * file on the host over a fake kernel.
 */
#include <mica/chardriver.h>
#include <mica/sef.h>

typedef int (*cdr_call_t)(const struct chardriver *cdr,
	const struct cdev_req *rq);

static int call_open(const struct chardriver *c, const struct cdev_req *rq)
{
	return c->cdr_open ? c->cdr_open(rq) : -ENOSYS;
}

static int call_close(const struct chardriver *c, const struct cdev_req *rq)
{
	return c->cdr_close ? c->cdr_close(rq) : OK;
}

static int call_read(const struct chardriver *c, const struct cdev_req *rq)
{
	return c->cdr_read ? c->cdr_read(rq) : -ENOSYS;
}

static int call_write(const struct chardriver *c, const struct cdev_req *rq)
{
	return c->cdr_write ? c->cdr_write(rq) : -ENOSYS;
}

static int call_ioctl(const struct chardriver *c, const struct cdev_req *rq)
{
	return c->cdr_ioctl ? c->cdr_ioctl(rq) : -ENOSYS;
}

static int call_cancel(const struct chardriver *c, const struct cdev_req *rq)
{
	return c->cdr_cancel ? c->cdr_cancel(rq) : CHARDRIVER_SUSPEND;
}

static const cdr_call_t cdr_calls[CDEV_NR_RQ] = {
	[CDEV_OPEN - CDEV_RQ_BASE] = call_open,
	[CDEV_CLOSE - CDEV_RQ_BASE] = call_close,
	[CDEV_READ - CDEV_RQ_BASE] = call_read,
	[CDEV_WRITE - CDEV_RQ_BASE] = call_write,
	[CDEV_IOCTL - CDEV_RQ_BASE] = call_ioctl,
	[CDEV_CANCEL - CDEV_RQ_BASE] = call_cancel,
};

static void decode_fields(const message *m, struct cdev_req *rq)
{
	switch (m->m_type) {
	case CDEV_OPEN:
	case CDEV_CLOSE:
		rq->minor = m->m_cdev_oc.minor;
		rq->id = m->m_cdev_oc.id;
		rq->flags = m->m_cdev_oc.access;
		rq->user = m->m_cdev_oc.user;
		rq->pgrp = m->m_cdev_oc.sid;	/* OPEN with CDEV_CTTY */
		break;
	case CDEV_READ:
	case CDEV_WRITE:
		rq->minor = m->m_cdev_rw.minor;
		rq->id = m->m_cdev_rw.id;
		rq->grant = m->m_cdev_rw.grant;
		rq->count = m->m_cdev_rw.count;
		rq->pos = m->m_cdev_rw.pos;
		rq->flags = m->m_cdev_rw.flags;
		rq->user = m->m_cdev_rw.user;
		rq->pgrp = m->m_cdev_rw.pgrp;
		break;
	case CDEV_IOCTL:
		rq->minor = m->m_cdev_ioctl.minor;
		rq->id = m->m_cdev_ioctl.id;
		rq->request = m->m_cdev_ioctl.request;
		rq->grant = m->m_cdev_ioctl.grant;
		rq->flags = m->m_cdev_ioctl.flags;
		rq->user = m->m_cdev_ioctl.user;
		break;
	case CDEV_CANCEL:
		rq->minor = m->m_cdev_cancel.minor;
		rq->id = m->m_cdev_cancel.id;
		break;
	case CDEV_SELECT:
		rq->minor = m->m_cdev_select.minor;
		rq->flags = m->m_cdev_select.ops;
		break;
	}
}

int chardriver_decode(const message *m, struct cdev_req *rq, int nr_minors)
{
	u32_t i = (u32_t)(m->m_type - CDEV_RQ_BASE);

	*rq = (struct cdev_req){ .caller = m->m_source };
	if (m->m_type < CDEV_RQ_BASE || i >= CDEV_NR_RQ)
		return -ENOSYS;
	decode_fields(m, rq);
	if (rq->minor < 0 || rq->minor >= nr_minors)
		return -ENXIO;
	if (m->m_type == CDEV_SELECT && (rq->flags & ~(CDEV_OP_ALL | CDEV_NOTIFY)))
		return -EINVAL;
	return OK;
}

static int send_reply(endpoint_t dst, message *m)
{
	int r = ipc_sendnb(dst, m);

	return r == -ENOTREADY ? asynsend(dst, m) : r;
}

int chardriver_reply(endpoint_t caller, u32_t id, int status)
{
	message m = { .m_type = CDEV_REPLY };

	m.m_cdev_reply.id = id;
	m.m_cdev_reply.status = status;
	return send_reply(caller, &m);
}

static int sel_reply(endpoint_t caller, int type, int minor, int status)
{
	message m = { .m_type = type };

	m.m_cdev_sel.minor = minor;
	m.m_cdev_sel.status = status;
	return send_reply(caller, &m);
}

int chardriver_sel2(endpoint_t caller, int minor, u32_t ops)
{
	return sel_reply(caller, CDEV_SEL2_REPLY, minor, (int)ops);
}

static void notification(const struct chardriver *cdr, const message *m)
{
	if (m->m_source == HARDWARE && cdr->cdr_intr)
		cdr->cdr_intr(m->m_notify.interrupts);
	else if (m->m_source == CLOCK && cdr->cdr_alarm)
		cdr->cdr_alarm(m->m_notify.timestamp);
	else if (cdr->cdr_other)
		cdr->cdr_other(m);
}

static void do_select(const struct chardriver *cdr, int r,
	const struct cdev_req *rq)
{
	if (r == OK)
		r = cdr->cdr_select ? cdr->cdr_select(rq, rq->flags) : -ENOSYS;
	sel_reply(rq->caller, CDEV_SEL1_REPLY, rq->minor, r);
}

void chardriver_process(const struct chardriver *cdr, int nr_minors,
	message *m)
{
	struct cdev_req rq;
	int r;

	if (IS_NOTIFY(m)) {
		notification(cdr, m);
		return;
	}
	r = chardriver_decode(m, &rq, nr_minors);
	if (m->m_type == CDEV_SELECT) {
		do_select(cdr, r, &rq);
		return;
	}
	if (r == -ENOSYS && cdr->cdr_other) {
		cdr->cdr_other(m);
		return;
	}
	if (r == OK)
		r = cdr_calls[m->m_type - CDEV_RQ_BASE](cdr, &rq);
	if (r != CHARDRIVER_SUSPEND)
		chardriver_reply(rq.caller, rq.id, r);
}

int chardriver_task(const struct chardriver *cdr, int nr_minors)
{
	message m;
	int r;

	for (;;) {
		if ((r = sef_receive(ANY, &m)) != OK)
			return r;
		chardriver_process(cdr, nr_minors, &m);
	}
}
