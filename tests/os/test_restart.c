/*
 * test_restart.c - slots outlive crashes until their manager clears them:
 * a crashed server is stopped and its manager told; SYS_CLEARREFS fails
 * the client blocked on it and keeps the slot; a new instance behind the
 * same endpoint (exec of the kept slot) answers the client's next
 * sendrec.  An exit with a manager keeps the slot until SYS_CLEAR.
 *   boot: test_restart role=rs priv=sys, test_restart role=server,
 *         test_restart role=client, test_restart role=exiter
 */
#include "tap.h"

#define RS 0
#define SERVER 1
#define CLIENT 2
#define EXITER 3
#define OP_PING 1
#define OP_CRASH 2

static u32_t server_stack[2048];

/* The server's body; 'generation' says which instance answers. */
static void serve(u32_t generation)
{
	message m;

	for (;;) {
		if (ipc_receive(ANY, &m) != OK)
			continue;
		if (m.m_type == OP_CRASH)
			*(volatile u32_t *)0 = 1;	/* page fault: crash */
		m.m_u32.data[0] = generation;
		ipc_send(m.m_source, &m);
	}
}

static void second_instance(void)
{
	serve(2);
}

static int client(void)
{
	message m, rep;
	int r1, r2, r3;

	memset(&m, 0, sizeof(m));
	m.m_type = OP_PING;
	r1 = ipc_sendrec(SERVER, &m);
	rep.m_u32.data[0] = m.m_u32.data[0];
	m.m_type = OP_CRASH;
	r2 = ipc_sendrec(SERVER, &m);		/* the server dies on it */
	m.m_type = OP_PING;
	m.m_u32.data[0] = 0;
	r3 = ipc_sendrec(SERVER, &m);		/* a new instance answers */
	rep.m_type = 0;
	rep.m_u32.data[1] = (u32_t)r1;
	rep.m_u32.data[2] = (u32_t)r2;
	rep.m_u32.data[3] = (u32_t)r3;
	rep.m_u32.data[4] = m.m_u32.data[0];
	ipc_send(RS, &rep);
	return 0;
}

static int exiter(void)
{
	message m;

	ipc_receive(RS, &m);
	return 0;				/* sys_exit with a manager */
}

/* Wait for a SYSTEM notification, then fetch who was signalled. */
static u32_t wait_signal(endpoint_t *who)
{
	message m;
	u32_t map = 0;

	while (ipc_receive(SYSTEM, &m) != OK)
		;
	sys_getksig(who, &map);
	return map;
}

int main(const char *args)
{
	struct priv_info pv;
	endpoint_t who;
	message m;
	u32_t map;

	if (tap_role(args, "server"))
		serve(1);
	if (tap_role(args, "client"))
		return client();
	if (tap_role(args, "exiter"))
		return exiter();
	tap_is(sys_sigmgr(SERVER, SELF), OK, "I manage the server");
	tap_is(sys_sigmgr(EXITER, SELF), OK, "and the exiter");
	tap_is(sys_sigmgr(SERVER, 12345), -ESRCH, "a dead manager: ESRCH");
	tap_is(sys_sigmgr(5000, SELF), -EINVAL, "a bogus endpoint: EINVAL");
	map = wait_signal(&who);
	tap_ok(who == SERVER && (map & (1u << SIGSEGV)), "the crash is reported (%d %x)", who, map);
	tap_is(sys_privctl(SERVER, PRIV_GET, &pv), OK, "the crashed server's slot is kept");
	tap_is(sys_clearrefs(SERVER, 1), -EINVAL, "clearrefs with a non-error: EINVAL");
	tap_is(sys_clearrefs(SERVER, 0), OK, "clear the server's IPC references");
	tap_is(sys_exec(SERVER, (vir_bytes)second_instance,
		(vir_bytes)&server_stack[2040]), OK, "start a new instance in the kept slot");
	tap_ok(ipc_receive(CLIENT, &m) == OK, "the client reports");
	tap_ok(m.m_u32.data[1] == OK && m.m_u32.data[0] == 1, "first sendrec answered by instance 1");
	tap_is((int)m.m_u32.data[2], -EDEADSRCDST, "the blocked client got EDEADSRCDST");
	tap_ok(m.m_u32.data[3] == OK && m.m_u32.data[4] == 2,
		"its next sendrec to the same endpoint is answered by instance 2 (%d %u)",
		(int)m.m_u32.data[3], m.m_u32.data[4]);
	memset(&m, 0, sizeof(m));
	ipc_send(EXITER, &m);
	map = wait_signal(&who);
	tap_ok(who == EXITER && map == (1u << SIGKEXIT), "the exit is reported (%d %x)", who, map);
	tap_is(sys_privctl(EXITER, PRIV_GET, &pv), OK, "the exited process's slot is kept");
	tap_is(ipc_sendnb(EXITER, &m), -ENOTREADY, "it does not run any more");
	tap_is(sys_clear(EXITER), OK, "clear it");
	tap_is(sys_privctl(EXITER, PRIV_GET, &pv), -ESRCH, "now the slot is free");
	tap_done();
}
