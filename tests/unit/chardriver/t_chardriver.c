/*
 * t_chardriver.c - CUnit tests of lib/libchardriver on the host: request
 * decoding and validation, dispatch, suspension and late replies, the
 * sendnb -> asynsend fallback, select replies and notifications.  The
 * kernel is faked here: ipc_sendnb and asynsend record what was sent
 * (sendnb fails with ENOTREADY when fake_waiting is 0).
 */
#include <CUnit/Basic.h>
#include "../lib/cu_main.h"
#include <string.h>
#include <mica/chardriver.h>
#include <mica/sef.h>

#define CLIENT 7
#define NR_MINORS 2

static message sent[8];
static int sent_n, sent_async, fake_waiting;
static struct cdev_req seen;
static int seen_n, handler_ret;
static u32_t intr_bits, seen_ops;
static clock_t_m alarm_at;
static int others;

static void record(message *m)
{
	if (sent_n < 8)
		sent[sent_n++] = *m;
}

int ipc_sendnb(endpoint_t dst, message *m)
{
	CU_ASSERT_EQUAL(dst, CLIENT);
	if (!fake_waiting)
		return -ENOTREADY;
	record(m);
	return OK;
}

int asynsend(endpoint_t dst, message *m)
{
	CU_ASSERT_EQUAL(dst, CLIENT);
	sent_async++;
	record(m);
	return OK;
}

int sef_receive(endpoint_t src, message *m)
{
	(void)src, (void)m;
	return -EINTR;			/* ends chardriver_task */
}

static int h_req(const struct cdev_req *rq)
{
	seen = *rq;
	seen_n++;
	return handler_ret;
}

static int h_select(const struct cdev_req *rq, u32_t ops)
{
	seen = *rq;
	seen_ops = ops;
	return CDEV_OP_WR;
}

static void h_intr(u32_t bits) { intr_bits = bits; }
static void h_alarm(clock_t_m now) { alarm_at = now; }
static void h_other(const message *m) { (void)m; others++; }

static const struct chardriver full = {
	.cdr_open = h_req, .cdr_close = h_req, .cdr_read = h_req,
	.cdr_write = h_req, .cdr_ioctl = h_req, .cdr_cancel = h_req,
	.cdr_select = h_select, .cdr_intr = h_intr, .cdr_alarm = h_alarm,
};
static const struct chardriver empty = { 0 };

static message req(int type)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_source = CLIENT;
	m.m_type = type;
	return m;
}

static void setup(void)
{
	sent_n = sent_async = seen_n = others = 0;
	fake_waiting = 1;
	handler_ret = OK;
	intr_bits = 0;
	alarm_at = 0;
	memset(&seen, 0, sizeof(seen));
}

static void test_read_decoded(void)
{
	message m = req(CDEV_READ);

	setup();
	m.m_cdev_rw = (mess_vfs_cdev_readwrite){ .minor = 1, .id = 55,
		.grant = 9, .count = 100, .pos = 1ull << 40,
		.flags = CDEV_NONBLOCK, .user = 33, .pgrp = 21 };
	handler_ret = 17;
	chardriver_process(&full, NR_MINORS, &m);
	CU_ASSERT_EQUAL(seen_n, 1);
	CU_ASSERT_EQUAL(seen.caller, CLIENT);
	CU_ASSERT_EQUAL(seen.minor, 1);
	CU_ASSERT_EQUAL(seen.id, 55);
	CU_ASSERT_EQUAL(seen.grant, 9);
	CU_ASSERT_EQUAL(seen.count, 100);
	CU_ASSERT_EQUAL(seen.pos, 1ull << 40);
	CU_ASSERT_EQUAL(seen.flags, CDEV_NONBLOCK);
	CU_ASSERT_EQUAL(seen.user, 33);
	CU_ASSERT_EQUAL(seen.pgrp, 21);
	CU_ASSERT_EQUAL(sent_n, 1);
	CU_ASSERT_EQUAL(sent[0].m_type, CDEV_REPLY);
	CU_ASSERT_EQUAL(sent[0].m_cdev_reply.id, 55);
	CU_ASSERT_EQUAL(sent[0].m_cdev_reply.status, 17);
	CU_ASSERT_EQUAL(sent_async, 0);
}

static void test_ioctl_open_decoded(void)
{
	message m = req(CDEV_IOCTL);

	setup();
	m.m_cdev_ioctl = (mess_vfs_cdev_ioctl){ .minor = 0, .id = 3,
		.request = 0x5401, .grant = 4, .user = 8 };
	chardriver_process(&full, NR_MINORS, &m);
	CU_ASSERT_EQUAL(seen.request, 0x5401);
	CU_ASSERT_EQUAL(seen.grant, 4);
	CU_ASSERT_EQUAL(seen.user, 8);
	m = req(CDEV_OPEN);
	m.m_cdev_oc = (mess_vfs_cdev_openclose){ .minor = 1, .id = 4,
		.access = CDEV_R | CDEV_NOCTTY, .user = 12 };
	chardriver_process(&full, NR_MINORS, &m);
	CU_ASSERT_EQUAL(seen.flags, CDEV_R | CDEV_NOCTTY);
	CU_ASSERT_EQUAL(seen.user, 12);
	CU_ASSERT_EQUAL(sent[1].m_cdev_reply.id, 4);
}

static void test_bad_requests(void)
{
	message m = req(CDEV_WRITE);

	setup();
	m.m_cdev_rw.minor = NR_MINORS;
	m.m_cdev_rw.id = 5;
	chardriver_process(&full, NR_MINORS, &m);
	m.m_cdev_rw.minor = -1;
	chardriver_process(&full, NR_MINORS, &m);
	m = req(CDEV_RQ_BASE + CDEV_NR_RQ);
	chardriver_process(&full, NR_MINORS, &m);
	m = req(CDEV_RQ_BASE - 1);
	chardriver_process(&full, NR_MINORS, &m);
	CU_ASSERT_EQUAL(seen_n, 0);		/* no handler saw any */
	CU_ASSERT_EQUAL(sent_n, 4);
	CU_ASSERT_EQUAL(sent[0].m_cdev_reply.status, -ENXIO);
	CU_ASSERT_EQUAL(sent[0].m_cdev_reply.id, 5);
	CU_ASSERT_EQUAL(sent[1].m_cdev_reply.status, -ENXIO);
	CU_ASSERT_EQUAL(sent[2].m_cdev_reply.status, -ENOSYS);
	CU_ASSERT_EQUAL(sent[3].m_cdev_reply.status, -ENOSYS);
}

static void test_suspend_and_late_reply(void)
{
	message m = req(CDEV_READ);

	setup();
	m.m_cdev_rw.id = 77;
	handler_ret = CHARDRIVER_SUSPEND;
	chardriver_process(&full, NR_MINORS, &m);
	CU_ASSERT_EQUAL(seen_n, 1);
	CU_ASSERT_EQUAL(sent_n, 0);
	fake_waiting = 0;			/* the caller went on: asynsend */
	CU_ASSERT_EQUAL(chardriver_reply(seen.caller, seen.id, 4), OK);
	CU_ASSERT_EQUAL(sent_async, 1);
	CU_ASSERT_EQUAL(sent[0].m_cdev_reply.id, 77);
	CU_ASSERT_EQUAL(sent[0].m_cdev_reply.status, 4);
}

static void test_missing_handlers(void)
{
	message m = req(CDEV_OPEN);

	setup();
	chardriver_process(&empty, NR_MINORS, &m);
	m = req(CDEV_CLOSE);
	chardriver_process(&empty, NR_MINORS, &m);
	m = req(CDEV_CANCEL);
	chardriver_process(&empty, NR_MINORS, &m);	/* no reply */
	m = req(CDEV_SELECT);
	chardriver_process(&empty, NR_MINORS, &m);
	CU_ASSERT_EQUAL(sent_n, 3);
	CU_ASSERT_EQUAL(sent[0].m_cdev_reply.status, -ENOSYS);
	CU_ASSERT_EQUAL(sent[1].m_cdev_reply.status, OK);
	CU_ASSERT_EQUAL(sent[2].m_type, CDEV_SEL1_REPLY);
	CU_ASSERT_EQUAL(sent[2].m_cdev_sel.status, -ENOSYS);
}

static void test_select(void)
{
	message m = req(CDEV_SELECT);

	setup();
	m.m_cdev_select.minor = 1;
	m.m_cdev_select.ops = CDEV_OP_RD | CDEV_OP_WR | CDEV_NOTIFY;
	chardriver_process(&full, NR_MINORS, &m);
	CU_ASSERT_EQUAL(seen_ops, CDEV_OP_RD | CDEV_OP_WR | CDEV_NOTIFY);
	CU_ASSERT_EQUAL(sent[0].m_type, CDEV_SEL1_REPLY);
	CU_ASSERT_EQUAL(sent[0].m_cdev_sel.minor, 1);
	CU_ASSERT_EQUAL(sent[0].m_cdev_sel.status, CDEV_OP_WR);
	m.m_cdev_select.ops = 0x40;		/* unknown bit */
	seen_ops = 0;
	chardriver_process(&full, NR_MINORS, &m);
	CU_ASSERT_EQUAL(seen_ops, 0);
	CU_ASSERT_EQUAL(sent[1].m_cdev_sel.status, -EINVAL);
	m.m_cdev_select.minor = 9;
	m.m_cdev_select.ops = CDEV_OP_RD;
	chardriver_process(&full, NR_MINORS, &m);
	CU_ASSERT_EQUAL(sent[2].m_cdev_sel.status, -ENXIO);
	CU_ASSERT_EQUAL(chardriver_sel2(CLIENT, 1, CDEV_OP_RD), OK);
	CU_ASSERT_EQUAL(sent[3].m_type, CDEV_SEL2_REPLY);
	CU_ASSERT_EQUAL(sent[3].m_cdev_sel.status, CDEV_OP_RD);
}

static void test_notifications(void)
{
	struct chardriver with_other = full;
	message m = req(NOTIFY_MESSAGE);

	setup();
	m.m_source = HARDWARE;
	m.m_notify.interrupts = 0x11;
	chardriver_process(&full, NR_MINORS, &m);
	CU_ASSERT_EQUAL(intr_bits, 0x11);
	m.m_source = CLOCK;
	m.m_notify.timestamp = 1234;
	chardriver_process(&full, NR_MINORS, &m);
	CU_ASSERT_EQUAL(alarm_at, 1234);
	m.m_source = 42;
	chardriver_process(&full, NR_MINORS, &m);	/* ignored */
	with_other.cdr_other = h_other;
	chardriver_process(&with_other, NR_MINORS, &m);
	m = req(0x4444);				/* not cdev: to cdr_other */
	chardriver_process(&with_other, NR_MINORS, &m);
	CU_ASSERT_EQUAL(others, 2);
	CU_ASSERT_EQUAL(sent_n, 0);
	CU_ASSERT_EQUAL(chardriver_task(&full, NR_MINORS), -EINTR);
}

static const struct cu_case cases[] = {
	{ "read decoded and answered", test_read_decoded },
	{ "ioctl and open decoded", test_ioctl_open_decoded },
	{ "bad minor and type", test_bad_requests },
	{ "suspend, late reply by asynsend", test_suspend_and_late_reply },
	{ "missing handlers", test_missing_handlers },
	{ "select", test_select },
	{ "notifications", test_notifications },
};

int main(void)
{
	return cu_main("chardriver", cases, CU_CASES(cases));
}
