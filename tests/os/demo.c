/*
 * demo.c - what `make run` shows: two boot modules, "ping" and "pong",
 * talk over IPC (sendrec, notify, a grant + safecopy), ask for a debug
 * dump of the process table, and power the machine off.
 *   boot: demo role=ping priv=sys, demo role=pong
 */
#include <mica/syslib.h>

#define PONG 1
#define OP_MUL 1
#define OP_FETCH 2

static char greeting[] = "a string pong copies through a grant";

static int ping(void)
{
	message m;
	cp_grant_id_t g;
	int i, r;

	printf("ping (endpoint %d): hello from ring 3\n", sys_self);
	for (i = 1; i <= 3; i++) {
		memset(&m, 0, sizeof(m));
		m.m_type = OP_MUL;
		m.m_u32.data[0] = i;
		r = ipc_sendrec(PONG, &m);
		printf("ping: sendrec %d -> pong answered %u (r=%d, from %d)\n", i,
			m.m_u32.data[0], r, m.m_source);
	}
	g = cpf_grant_direct(PONG, (vir_bytes)greeting, sizeof(greeting), CPF_READ);
	memset(&m, 0, sizeof(m));
	m.m_type = OP_FETCH;
	m.m_u32.data[0] = (u32_t)g;
	m.m_u32.data[1] = sizeof(greeting);
	r = ipc_sendrec(PONG, &m);
	printf("ping: granted %u bytes (grant %d), pong copied them: r=%d\n",
		(u32_t)sizeof(greeting), g, r);
	ipc_notify(PONG);
	sys_setalarm(2, NULL);		/* give pong a moment to print */
	ipc_receive(CLOCK, &m);
	sys_diag_dump();
	printf("ping: IPC works, powering off\n");
	sys_shutdown(0);
	return 0;
}

static void pong_fetch(message *m)
{
	char buf[64];
	u32_t n = m->m_u32.data[1] < sizeof(buf) - 1 ? m->m_u32.data[1] : sizeof(buf) - 1;
	int r = sys_safecopyfrom(m->m_source, (cp_grant_id_t)m->m_u32.data[0], 0,
		buf, n);

	buf[r == OK ? n : 0] = 0;
	printf("pong: safecopy from ping: r=%d \"%s\"\n", r, buf);
	m->m_u32.data[0] = (u32_t)r;
}

static int pong(void)
{
	message m;

	while (ipc_receive(ANY, &m) == OK) {
		if (IS_NOTIFY(&m)) {
			printf("pong: notification from %d\n", m.m_source);
			continue;
		}
		if (m.m_type == OP_FETCH)
			pong_fetch(&m);
		else
			m.m_u32.data[0] *= 10;
		ipc_send(m.m_source, &m);
	}
	return 1;
}

int main(const char *args)
{
	const char *role = arg_value(args, "role");

	if (role && !memcmp(role, "ping", 4))
		return ping();
	return pong();
}
