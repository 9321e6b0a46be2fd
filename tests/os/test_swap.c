/*
 * test_swap.c - a slot swap (SYS_UPDATE) is refused unless both sides are
 * held and neither is mid-sendrec; what was pending arrives exactly once
 * after the swap and after its rollback: an alarm, a signal, a senda
 * message; the old instance's grant ids never resolve in the new table.
 *   boot: test_swap role=main priv=sys, test_swap role=inst tag=A,
 *         test_swap role=inst tag=B, test_swap role=sink
 */
#include "tap.h"

#define MAIN 0
#define A 1
#define B 2
#define SINK 3

enum { CMD_TAG = 1, CMD_ALARM, CMD_SENDA, CMD_GRANT, CMD_SENDREC };

static asynmsg_t table[2];
static char grant_buf[8];

static int instance(const char *args)
{
	const char *t = arg_value(args, "tag");
	u32_t tag = t ? (u32_t)t[0] : '?', clocks = 0;
	message m;

	grant_buf[0] = (char)tag;
	for (;;) {
		if (ipc_receive(ANY, &m) != OK)
			continue;
		if (m.m_source == CLOCK) {
			clocks++;
			continue;
		}
		if (m.m_source != MAIN)
			continue;
		switch (m.m_type) {
		case CMD_ALARM:
			sys_setalarm(m.m_u32.data[0], NULL);
			break;
		case CMD_SENDA:
			memset(table, 0, sizeof(table));
			table[0].dst = SINK;
			table[0].msg.m_u32.data[0] = tag;
			table[0].flags = AMF_VALID;
			ipc_senda(table, 1);
			break;
		case CMD_GRANT:
			m.m_u32.data[0] = (u32_t)cpf_grant_direct(MAIN,
				(vir_bytes)grant_buf, sizeof(grant_buf), CPF_READ);
			break;
		case CMD_SENDREC:
			ipc_sendrec(MAIN, &m);
			continue;
		}
		m.m_u32.data[1] = tag;
		m.m_u32.data[2] = clocks;
		ipc_send(MAIN, &m);
	}
	return 1;
}

static int sink(void)
{
	message m;
	u32_t got = 0, src = 0, tag = 0;

	ipc_receive(MAIN, &m);		/* not receiving from anyone else until now */
	for (;;) {
		if (ipc_receive(ANY, &m) != OK)
			continue;
		if (m.m_source != MAIN) {
			got++;
			src = (u32_t)m.m_source;
			tag = m.m_u32.data[0];
			continue;
		}
		m.m_u32.data[0] = got;
		m.m_u32.data[1] = src;
		m.m_u32.data[2] = tag;
		ipc_send(MAIN, &m);
	}
	return 1;
}

static message cmd(endpoint_t e, int type, u32_t arg)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	m.m_u32.data[0] = arg;
	if (ipc_sendrec(e, &m) != OK)
		m.m_u32.data[1] = 0;
	return m;
}

static int swap(void)
{
	int r;

	sys_hold(A);
	sys_hold(B);
	r = sys_update(A, B);
	sys_release(A);
	sys_release(B);
	return r;
}

static void refusals(void)
{
	message m;

	tap_is(sys_update(A, B), -EBUSY, "swap of running processes: EBUSY");
	memset(&m, 0, sizeof(m));
	m.m_type = CMD_SENDREC;
	ipc_send(A, &m);
	tap_ok(ipc_receive(A, &m) == OK, "A is now in sendrec with me");
	sys_hold(A);
	sys_hold(B);
	tap_is(sys_update(A, B), -EBUSY, "A held but mid-sendrec: EBUSY");
	sys_release(A);
	tap_is(sys_update(A, B), -EBUSY, "A not held: EBUSY");
	sys_release(B);
	tap_is(sys_hold(MAIN), -EINVAL, "holding oneself: EINVAL");
	tap_is(sys_release(A), -EINVAL, "releasing what is not held: EINVAL");
	memset(&m, 0, sizeof(m));
	ipc_send(A, &m);			/* the reply A waits for */
}

static u32_t ksig(endpoint_t *who)
{
	u32_t map = 0;

	*who = NONE;
	sys_getksig(who, &map);
	return map;
}

int main(const char *args)
{
	cp_grant_id_t ga;
	endpoint_t who;
	message m, ma, mb;
	char buf[8];
	u32_t map;

	if (tap_role(args, "inst"))
		return instance(args);
	if (tap_role(args, "sink"))
		return sink();
	sys_sigmgr(A, SELF);
	sys_sigmgr(B, SELF);
	refusals();
	cmd(A, CMD_ALARM, 4);
	cmd(A, CMD_SENDA, 0);
	ga = (cp_grant_id_t)cmd(A, CMD_GRANT, 0).m_u32.data[0];
	cmd(B, CMD_GRANT, 0);
	tap_ok(sys_safecopyfrom(A, ga, 0, buf, 1) == OK && buf[0] == 'A',
		"A's grant reads A's memory");
	tap_is(sys_kill(A, SIGTERM), OK, "signal A (its manager is me)");
	tap_is(swap(), OK, "held, not in sendrec: swap A and B");
	tap_is(sys_safecopyfrom(A, ga, 0, buf, 1), -EINVAL,
		"the old instance's grant id does not resolve in the new table");
	tap_ok(sys_safecopyfrom(B, ga, 0, buf, 1) == OK && buf[0] == 'A',
		"it does in the old instance's table, now at B");
	map = ksig(&who);
	tap_ok(who == A && map == (1u << SIGTERM), "the signal is A's (endpoint) once (%d %x)",
		who, map);
	ksig(&who);
	tap_is(who, NONE, "and only once");
	tap_sleep(8);
	ma = cmd(A, CMD_TAG, 0);
	mb = cmd(B, CMD_TAG, 0);
	tap_ok(ma.m_u32.data[1] == 'B' && mb.m_u32.data[1] == 'A', "instances swapped (%c %c)",
		(char)ma.m_u32.data[1], (char)mb.m_u32.data[1]);
	tap_ok(ma.m_u32.data[2] + mb.m_u32.data[2] == 1 && ma.m_u32.data[2] == 1,
		"the alarm came once, at its endpoint (%u %u)", ma.m_u32.data[2],
		mb.m_u32.data[2]);
	memset(&m, 0, sizeof(m));
	ipc_send(SINK, &m);			/* the sink now receives from anyone */
	tap_sleep(2);
	m = cmd(SINK, 0, 0);
	tap_ok(m.m_u32.data[0] == 1 && m.m_u32.data[2] == 'A' && m.m_u32.data[1] == B,
		"the senda message arrived once, from its program's endpoint (%u %d)",
		m.m_u32.data[0], (int)m.m_u32.data[1]);
	tap_is(swap(), OK, "rollback");
	ksig(&who);
	tap_is(who, NONE, "no signal again after the rollback");
	tap_sleep(8);
	ma = cmd(A, CMD_TAG, 0);
	mb = cmd(B, CMD_TAG, 0);
	tap_ok(ma.m_u32.data[1] == 'A' && mb.m_u32.data[1] == 'B', "instances back");
	tap_ok(ma.m_u32.data[2] + mb.m_u32.data[2] == 1, "still one alarm in all");
	m = cmd(SINK, 0, 0);
	tap_is((int)m.m_u32.data[0], 1, "still one senda message in all");
	tap_ok(sys_safecopyfrom(A, ga, 0, buf, 1) == OK && buf[0] == 'A',
		"A's grant id resolves again after the rollback");
	tap_done();
}
