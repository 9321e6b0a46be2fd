/*
 * test_ipc.c - IPC primitives between boot modules.
 *   boot: test_ipc role=main priv=sys, test_ipc role=peer,
 *         test_ipc role=peer2, test_ipc role=exiter, test_ipc role=dier
 * Slots (= endpoints) follow that order.  Covers sendrec/send/receive round
 * trips, receive from a given endpoint and from ANY, notify coalescing,
 * sendnb, senda, deadlock detection (ELOCKED) and dead endpoints.
 */
#include "tap.h"

#define MAIN 0
#define PEER 1
#define PEER2 2
#define EXITER 3
#define DIER 4

enum { OP_SINK, OP_ECHO, OP_NOTIFY3, OP_SENDBACK, OP_RECVMAIN, OP_TOMAIN,
	OP_SENDTO };

static message msg(int type, u32_t v)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	m.m_u32.data[0] = v;
	return m;
}

static int peer(void)
{
	message m;

	while (ipc_receive(ANY, &m) == OK) {
		endpoint_t from = m.m_source;

		switch (m.m_type) {
		case OP_ECHO:
		case OP_TOMAIN:
			m.m_u32.data[0]++;
			ipc_send(from, &m);
			break;
		case OP_NOTIFY3:
			ipc_notify(from), ipc_notify(from), ipc_notify(from);
			ipc_send(from, &m);
			break;
		case OP_SENDBACK:
			ipc_send(from, &m);
			m = msg(OP_ECHO, 77);
			ipc_send(from, &m);
			break;
		case OP_RECVMAIN:
			ipc_send(from, &m);
			ipc_receive(MAIN, &m);
			break;
		case OP_SENDTO: {		/* block sending to data[0] */
			endpoint_t to = (endpoint_t)m.m_u32.data[0];

			ipc_send(from, &m);
			m = msg(OP_SINK, 0);
			ipc_send(to, &m);
			break;
		}
		}
	}
	return 1;
}

static void test_round_trips(void)
{
	message m = msg(OP_ECHO, 41);
	int r = ipc_sendrec(PEER, &m);

	tap_ok(r == OK && m.m_u32.data[0] == 42 && m.m_source == PEER,
		"sendrec round trip (r=%d v=%u src=%d)", r, m.m_u32.data[0], m.m_source);
	m = msg(OP_ECHO, 7);
	tap_is(ipc_send(PEER, &m), OK, "send to a waiting receiver");
	r = ipc_receive(PEER, &m);
	tap_ok(r == OK && m.m_u32.data[0] == 8, "receive the answer (r=%d v=%u)",
		r, m.m_u32.data[0]);
}

static void test_receive_specific(void)
{
	message m = msg(OP_TOMAIN, 1);
	int r;

	ipc_send(PEER2, &m);		/* peer2 answers first ... */
	m = msg(OP_ECHO, 100);
	ipc_send(PEER, &m);		/* ... then peer */
	tap_sleep(3);			/* both now blocked sending to us */
	r = ipc_receive(PEER, &m);
	tap_ok(r == OK && m.m_source == PEER && m.m_u32.data[0] == 101,
		"receive(PEER) skips an earlier sender (r=%d src=%d)", r, m.m_source);
	r = ipc_receive(ANY, &m);
	tap_ok(r == OK && m.m_source == PEER2 && m.m_u32.data[0] == 2,
		"receive(ANY) takes the queued one (r=%d src=%d)", r, m.m_source);
}

static void test_notify(void)
{
	message m = msg(OP_NOTIFY3, 0);
	int r;

	tap_is(ipc_sendrec(PEER, &m), OK, "peer notified three times");
	m = msg(OP_TOMAIN, 9);
	ipc_send(PEER2, &m);		/* a normal message queued after them */
	tap_sleep(2);
	r = ipc_receive(ANY, &m);
	tap_ok(r == OK && m.m_source == PEER && IS_NOTIFY(&m),
		"a notification arrives (r=%d src=%d type=%x)", r, m.m_source, m.m_type);
	r = ipc_receive(ANY, &m);
	tap_ok(r == OK && m.m_source == PEER2 && !IS_NOTIFY(&m),
		"three notifications coalesced into one (src=%d type=%x)",
		m.m_source, m.m_type);
	tap_is(ipc_notify(PEER2), OK, "notify a waiting receiver");
	tap_is(ipc_notify(MAIN), OK, "notify self is pending");
	r = ipc_receive(MAIN, &m);
	tap_ok(r == OK && IS_NOTIFY(&m) && m.m_source == MAIN,
		"receive(self) gets own notification (r=%d)", r);
}

static void test_sendnb(void)
{
	message m = msg(OP_ECHO, 5);

	tap_is(ipc_sendnb(MAIN, &m), -ENOTREADY, "sendnb to a non-receiver: ENOTREADY");
	tap_is(ipc_sendnb(PEER, &m), OK, "sendnb to a waiting receiver");
	tap_ok(ipc_receive(PEER, &m) == OK && m.m_u32.data[0] == 6, "sendnb answered");
}

static asynmsg_t table[4];

static void test_senda(void)
{
	message m;
	int r;

	memset(table, 0, sizeof(table));
	table[0] = (asynmsg_t){ AMF_VALID, PEER, 0, 0, msg(OP_ECHO, 10) };
	table[1] = (asynmsg_t){ AMF_VALID, PEER, 0, 0, msg(OP_ECHO, 20) };
	table[2] = (asynmsg_t){ AMF_VALID, EXITER, 0, 0, msg(OP_ECHO, 0) };
	table[3] = (asynmsg_t){ AMF_VALID, ANY, 0, 0, msg(OP_ECHO, 0) };
	tap_is(ipc_senda(table, 4), OK, "senda accepts a table");
	tap_ok((table[0].flags & AMF_DONE) && table[0].result == OK,
		"first entry delivered at once (flags %x)", table[0].flags);
	tap_ok(!(table[1].flags & AMF_DONE), "second entry pending");
	tap_is(table[2].result, -EDEADSRCDST, "senda to a dead endpoint");
	tap_is(table[3].result, -EBADEPT, "senda to ANY: bad endpoint");
	r = ipc_receive(PEER, &m);
	tap_ok(r == OK && m.m_u32.data[0] == 11, "answer to the first (v=%u)",
		m.m_u32.data[0]);
	r = ipc_receive(PEER, &m);
	tap_ok(r == OK && m.m_u32.data[0] == 21, "second delivered when peer received (v=%u)",
		m.m_u32.data[0]);
	tap_ok((table[1].flags & AMF_DONE) && table[1].result == OK,
		"second entry marked done");
}

/* main -> peer -> peer2 -> main: the third send closes the cycle. */
static void test_deadlock3(void)
{
	message m = msg(OP_SENDTO, MAIN);

	ipc_sendrec(PEER2, &m);		/* peer2 blocks sending to main */
	m = msg(OP_SENDTO, PEER2);
	ipc_sendrec(PEER, &m);		/* peer blocks sending to peer2 */
	tap_sleep(2);
	m = msg(OP_ECHO, 1);
	tap_is(ipc_send(PEER, &m), -ELOCKED, "a three-process cycle: ELOCKED");
	tap_is(ipc_receive(PEER2, &m), OK, "unwind the cycle");
	tap_sleep(2);			/* peer2 takes peer's message */
	m = msg(OP_ECHO, 3);
	tap_ok(ipc_sendrec(PEER, &m) == OK && m.m_u32.data[0] == 4,
		"both peers serve again");
}

static void test_deadlock(void)
{
	message m = msg(OP_SENDBACK, 0);
	int r;

	tap_is(ipc_send(MAIN, &m), -ELOCKED, "send to self: ELOCKED");
	tap_is(ipc_sendrec(PEER, &m), OK, "peer will send back");
	tap_sleep(2);			/* peer now blocked sending to us */
	m = msg(OP_ECHO, 1);
	tap_is(ipc_send(PEER, &m), -ELOCKED, "send to a process sending to us: ELOCKED");
	r = ipc_receive(PEER, &m);
	tap_ok(r == OK && m.m_u32.data[0] == 77, "its message still arrives");
	m = msg(OP_RECVMAIN, 0);
	tap_is(ipc_sendrec(PEER, &m), OK, "peer will receive from us");
	tap_sleep(2);
	tap_is(ipc_receive(PEER, &m), -ELOCKED, "receive from a process receiving from us: ELOCKED");
	m = msg(0, 0);
	tap_is(ipc_send(PEER, &m), OK, "release it");
	test_deadlock3();
}

static void test_dead(void)
{
	message m = msg(OP_ECHO, 0);

	tap_is(ipc_send(EXITER, &m), -EDEADSRCDST, "send to an exited process");
	tap_is(ipc_sendrec(EXITER, &m), -EDEADSRCDST, "sendrec to an exited process");
	tap_is(ipc_notify(EXITER), -EDEADSRCDST, "notify an exited process");
	tap_is(ipc_receive(EXITER, &m), -EDEADSRCDST, "receive from an exited process");
	tap_is(ipc_sendrec(DIER, &m), -EDEADSRCDST, "peer dies before replying");
	tap_is(ipc_send(5000, &m), -EBADEPT, "send to a slot that does not exist");
	tap_is(ipc_send(ANY, &m), -EBADEPT, "send to ANY");
	tap_is(ipc_raw(99, PEER, (vir_bytes)&m, 0), -ENOSYS, "unknown IPC operation");
}

int main(const char *args)
{
	message m;

	if (tap_role(args, "peer") || tap_role(args, "peer2"))
		return peer();
	if (tap_role(args, "exiter"))
		return 0;
	if (tap_role(args, "dier")) {
		ipc_receive(ANY, &m);
		return 0;
	}
	tap_sleep(1);			/* let exiter exit */
	test_round_trips();
	test_receive_specific();
	test_notify();
	test_sendnb();
	test_senda();
	test_deadlock();
	test_dead();
	tap_done();
}
