/*
 * test_ipcfast.c - the kernel's IPC fast path (kernel/ipc_fast.c) is taken
 * for the plain case and falls back to the slow path, with the slow
 * path's result, in every case it must not handle.  The kernel's counters
 * (SYS_DIAGCTL DIAG_IPCSTAT) say which path each trap took, so every check
 * is "the right result" and "by the path it should have taken".
 *   boot: test_ipcfast role=main priv=sys, test_ipcfast role=rcv,
 *         test_ipcfast role=sender, test_ipcfast role=echo
 * main is VM (PF_VM) and the signal manager of rcv.
 *  - sendrec to echo, waiting in receive(ANY): fast both ways; echo sees
 *    m_source set by the kernel, not the value main wrote there.
 *  - rcv waits in receive(ANY) with its buffer page read-only (as after a
 *    fork: copy-on-write) or with no access: sender's send is not fast,
 *    faults to VM (main) for rcv's page, and once VM restores the page the
 *    retried send delivers the message.
 *  - rcv stopped (RC_STOP) or held (SYS_HOLD) while waiting: a sendnb is
 *    not fast, and is delivered (the slow path's rule) when rcv runs again.
 *  - a notification pending for rcv while it listened to main only: its
 *    next receive(ANY) is not fast and gets the notification first.
 *  - and afterwards the plain case is fast again.
 */
#include "tap.h"
#include "lib/as_vm.h"

#define MAIN 0
#define RCV 1
#define SENDER 2
#define ECHO 3
#define OP_REPORT 0x51		/* rcv -> main: what it received */
#define OP_LISTEN_MAIN 0x52	/* main -> rcv: receive from main only, once */
#define OP_SEND 0x53		/* main -> sender: send to rcv */
#define OP_NOTIFY 0x54		/* main -> sender: notify rcv */
#define PAGE_OF(a) ((vir_bytes)(a) & ~(PAGE_SIZE - 1))

static message rbuf __attribute__((aligned(PAGE_SIZE)));

/* rcv: receive(ANY) into its own page, report each message to main. */
static int rcv(void)
{
	message m;

	for (;;) {
		if (ipc_receive(ANY, &rbuf) != OK)
			continue;
		if (rbuf.m_source == MAIN && rbuf.m_type == OP_LISTEN_MAIN) {
			ipc_receive(MAIN, &m);
			continue;
		}
		memset(&m, 0, sizeof(m));
		m.m_type = OP_REPORT;
		m.m_u32.data[0] = (u32_t)rbuf.m_source;
		m.m_u32.data[1] = (u32_t)rbuf.m_type;
		m.m_u32.data[2] = rbuf.m_u32.data[0];
		ipc_send(MAIN, &m);
	}
	return 1;
}

/* sender: on main's word, send (or notify) to rcv, then say how it went. */
static int sender(void)
{
	message m, out;

	for (;;) {
		if (ipc_receive(MAIN, &m) != OK)
			continue;
		memset(&out, 0, sizeof(out));
		out.m_type = 0x600d;
		out.m_u32.data[0] = m.m_u32.data[0];
		m.m_u32.data[1] = (u32_t)(m.m_type == OP_NOTIFY ?
			ipc_notify(RCV) : ipc_send(RCV, &out));
		ipc_send(MAIN, &m);
	}
	return 1;
}

/* echo: the server loop of every Mica server: receive(ANY), answer. */
static int echo(void)
{
	message m;

	for (;;) {
		if (ipc_receive(ANY, &m) != OK)
			continue;
		m.m_u32.data[1] = (u32_t)m.m_source;
		m.m_u32.data[0]++;
		ipc_send(m.m_source, &m);
	}
	return 1;
}

static struct ipc_stats s0, s1;

static void snap(struct ipc_stats *s)
{
	if (sys_ipc_stats(s) != OK)
		memset(s, 0xff, sizeof(*s));
}

#define DELTA(f, op) (s1.f[op] - s0.f[op])

static void plain(const char *when)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_source = 12345;		/* forged: the kernel must overwrite it */
	m.m_u32.data[0] = 41;
	snap(&s0);
	r = ipc_sendrec(ECHO, &m);
	snap(&s1);
	tap_ok(r == OK && m.m_source == ECHO && m.m_u32.data[0] == 42 &&
		m.m_u32.data[1] == MAIN, "%s: sendrec to a waiting server is "
		"answered, m_source set by the kernel (%d %d %u %u)", when, r,
		m.m_source, m.m_u32.data[0], m.m_u32.data[1]);
	tap_ok(DELTA(traps, IPC_SENDREC) == 1 && DELTA(fast, IPC_SENDREC) == 1 &&
		DELTA(fast, IPC_SEND) == 1 && DELTA(fast, IPC_RECEIVE) == 1,
		"%s: the sendrec, the server's reply and its next receive took the "
		"fast path (%u/%u %u %u)", when, DELTA(fast, IPC_SENDREC),
		DELTA(traps, IPC_SENDREC), DELTA(fast, IPC_SEND),
		DELTA(fast, IPC_RECEIVE));
}

/* rcv's report of the next message it got. */
static int report(u32_t *from, u32_t *type, u32_t *data)
{
	message m;

	if (ipc_receive(RCV, &m) != OK || m.m_type != OP_REPORT)
		return 0;
	*from = m.m_u32.data[0], *type = m.m_u32.data[1], *data = m.m_u32.data[2];
	return 1;
}

static void buffer_to_vm(u32_t prot, const char *what, u32_t tag)
{
	mess_lsys_krn_vmctl f;
	u32_t from = 0, type = 0, data = 0;
	message m;
	int r;

	tap_is(sys_vmprot(RCV, PAGE_OF(&rbuf), PAGE_SIZE, prot), OK, what);
	memset(&m, 0, sizeof(m));
	m.m_type = OP_SEND;
	m.m_u32.data[0] = tag;
	snap(&s0);
	ipc_send(SENDER, &m);
	f = as_vm_next_fault();
	snap(&s1);
	tap_ok(f.endpt == SENDER && f.owner == RCV && f.write &&
		PAGE_OF(f.addr) == PAGE_OF(&rbuf), "the send to it went the "
		"slow way and faulted to VM for the receiver's page (%d %d %x)",
		f.endpt, f.owner, f.addr);
	tap_ok(DELTA(traps, IPC_SEND) == 2 && DELTA(fast, IPC_SEND) <= 1,
		"two sends (main's word to the sender, the sender's to rcv), "
		"the second not by the fast path (%u of %u fast)",
		DELTA(fast, IPC_SEND), DELTA(traps, IPC_SEND));
	tap_is(sys_vmprot(RCV, PAGE_OF(&rbuf), PAGE_SIZE, VMPROT_RW), OK,
		"VM makes the page writable again");
	tap_is(sys_vmctl_resume(SENDER, OK), OK, "and resumes the sender");
	tap_ok(ipc_receive(SENDER, &m) == OK && (int)m.m_u32.data[1] == OK,
		"the retried send succeeds (%d)", (int)m.m_u32.data[1]);
	r = report(&from, &type, &data);
	tap_ok(r && from == SENDER && type == 0x600d &&
		data == tag, "the receiver got the message, once (%u %x %u)",
		from, type, data);
}

static void blocked(int held)
{
	const char *how = held ? "held (SYS_HOLD)" : "stopped (RC_STOP)";
	u32_t from = 0, type = 0, data = 0;
	message m;
	int r;

	r = held ? sys_hold(RCV) : sys_runctl(RCV, RC_STOP);
	tap_is(r, OK, held ? "hold the waiting receiver" : "stop the waiting receiver");
	memset(&m, 0, sizeof(m));
	m.m_type = 0x7e57;
	m.m_u32.data[0] = held ? 2 : 1;
	snap(&s0);
	r = ipc_sendnb(RCV, &m);
	snap(&s1);
	tap_ok(r == OK && DELTA(traps, IPC_SENDNB) == 1 &&
		DELTA(fast, IPC_SENDNB) == 0, "sendnb to a %s receiver: OK by the "
		"slow path (%d, fast %u)", how, r, DELTA(fast, IPC_SENDNB));
	r = held ? sys_release(RCV) : sys_runctl(RCV, RC_RESUME);
	tap_is(r, OK, "let it run");
	r = report(&from, &type, &data);
	tap_ok(r && from == MAIN && type == 0x7e57 &&
		data == (held ? 2u : 1u), "it got the message (%u %x %u)", from,
		type, data);
}

static void notify_pending(void)
{
	u32_t from = 0, type = 0, data = 0;
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_type = OP_LISTEN_MAIN;
	tap_is(ipc_send(RCV, &m), OK, "rcv listens to main only");
	memset(&m, 0, sizeof(m));
	m.m_type = OP_NOTIFY;
	ipc_send(SENDER, &m);
	tap_ok(ipc_receive(SENDER, &m) == OK && (int)m.m_u32.data[1] == OK,
		"a notification for rcv meanwhile stays pending");
	memset(&m, 0, sizeof(m));
	snap(&s0);
	ipc_send(RCV, &m);		/* rcv goes back to receive(ANY) */
	r = report(&from, &type, &data);
	tap_ok(r && from == SENDER &&
		type == NOTIFY_MESSAGE, "its next receive(ANY) gets the "
		"notification (%u %x)", from, type);
	snap(&s1);
	/* receives meanwhile: main's from rcv (never fast: not ANY), rcv's
	 * receive(ANY) that found the notification, and maybe rcv's next one,
	 * fast again once it has seen the maps empty */
	tap_ok(DELTA(traps, IPC_RECEIVE) - DELTA(fast, IPC_RECEIVE) == 2,
		"that receive(ANY) went the slow way (%u of %u fast)",
		DELTA(fast, IPC_RECEIVE), DELTA(traps, IPC_RECEIVE));
}

int main(const char *args)
{
	struct priv_info pv;

	if (tap_role(args, "rcv"))
		return rcv();
	if (tap_role(args, "sender"))
		return sender();
	if (tap_role(args, "echo"))
		return echo();
	memset(&pv, 0, sizeof(pv));
	sys_privctl(SELF, PRIV_GET, &pv);
	pv.flags |= PF_VM;
	tap_is(sys_privctl(SELF, PRIV_SET, &pv), OK, "register as VM");
	tap_is(sys_sigmgr(RCV, SELF), OK, "and as rcv's signal manager");
	tap_sleep(2);			/* everybody waits in receive */
	plain("first");
	buffer_to_vm(VMPROT_READ, "the receiver's buffer becomes read-only (COW)", 7);
	buffer_to_vm(VMPROT_NONE, "the receiver's buffer loses all access", 8);
	blocked(0);
	blocked(1);
	notify_pending();
	plain("afterwards");
	tap_done();
}
