/*
 * test_update.c - the live-update slot swap keeps pending messages with
 * the endpoint, and the same call rolls back.
 *   boot: test_update role=main priv=sys, test_update role=old,
 *         test_update role=new, test_update role=client
 * The client queues a message and a notification for "old" (endpoint 1)
 * while old only listens to main.  main swaps old and new: the new
 * instance, now endpoint 1, must find both.  A second swap brings old back.
 */
#include "tap.h"

#define MAIN 0
#define OLD 1
#define NEW 2
#define CLIENT 3

static int instance(u32_t tag)
{
	message m;
	endpoint_t self;
	u32_t got_notify = 0, got_msg = 0;

	for (;;) {
		ipc_receive(MAIN, &m);		/* "go" */
		if (m.m_type == 2) {		/* "who are you" */
			m.m_u32.data[0] = tag;
			ipc_send(MAIN, &m);
			continue;
		}
		while ((!got_notify || !got_msg) && ipc_receive(ANY, &m) == OK) {
			if (m.m_source == CLIENT && IS_NOTIFY(&m))
				got_notify = 1;
			else if (m.m_source == CLIENT && m.m_u32.data[0] == 42)
				got_msg = 1;
		}
		sys_getinfo(&self, NULL);
		memset(&m, 0, sizeof(m));
		m.m_u32.data[0] = tag;
		m.m_u32.data[1] = got_notify;
		m.m_u32.data[2] = got_msg;
		m.m_u32.data[3] = (u32_t)self;
		ipc_send(MAIN, &m);
	}
	return 1;
}

static int client(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_u32.data[0] = 42;
	ipc_notify(OLD);
	ipc_notify(MAIN);			/* "about to block" */
	ipc_send(OLD, &m);			/* queued: old listens to main only */
	m.m_u32.data[0] = 43;
	ipc_send(MAIN, &m);
	return 0;
}

int main(const char *args)
{
	message m;
	int r;

	if (tap_role(args, "old"))
		return instance('O');
	if (tap_role(args, "new"))
		return instance('N');
	if (tap_role(args, "client"))
		return client();
	ipc_receive(CLIENT, &m);
	tap_sleep(2);				/* client blocked sending to old */
	tap_is(sys_update(OLD, MAIN), -EINVAL, "the caller cannot swap itself");
	tap_is(sys_update(OLD, NEW), -EBUSY, "running processes are not swapped");
	sys_hold(OLD);
	tap_is(sys_update(OLD, NEW), -EBUSY, "both must be held");
	sys_hold(NEW);
	tap_is(sys_update(OLD, NEW), OK, "swap old and new");
	sys_release(OLD);
	sys_release(NEW);
	memset(&m, 0, sizeof(m));
	m.m_type = 1;
	r = ipc_sendrec(OLD, &m);
	tap_ok(r == OK && m.m_u32.data[0] == 'N', "endpoint 1 is now the new instance (%c)",
		(char)m.m_u32.data[0]);
	tap_ok(m.m_u32.data[1] == 1, "pending notification kept across the swap");
	tap_ok(m.m_u32.data[2] == 1, "queued message kept across the swap");
	tap_is((int)m.m_u32.data[3], OLD, "the new instance has the old endpoint");
	r = ipc_receive(CLIENT, &m);
	tap_ok(r == OK && m.m_u32.data[0] == 43, "the client was released normally");
	memset(&m, 0, sizeof(m));
	m.m_type = 2;
	r = ipc_sendrec(NEW, &m);
	tap_ok(r == OK && m.m_u32.data[0] == 'O', "the old instance answers at endpoint 2 (%c)",
		(char)m.m_u32.data[0]);
	sys_hold(OLD);
	sys_hold(NEW);
	tap_is(sys_update(OLD, NEW), OK, "swap back (rollback)");
	sys_release(OLD);
	sys_release(NEW);
	memset(&m, 0, sizeof(m));
	m.m_type = 2;
	r = ipc_sendrec(OLD, &m);
	tap_ok(r == OK && m.m_u32.data[0] == 'O', "endpoint 1 is the old instance again (%c)",
		(char)m.m_u32.data[0]);
	tap_done();
}
