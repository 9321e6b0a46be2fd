/*
 * test_cow.c - deliveries never kill a receiver for an absent or
 * read-only buffer when there is a VM: a process blocked in receive whose
 * buffer page becomes copy-on-write (shared with a fork child, read-only)
 * gets a notification after VM breaks the sharing, and survives; a senda
 * message into a read-only buffer waits the same way; a safecopy through
 * a grant table VM has made inaccessible is retried after VM restores it.
 * The fault information says the page was present (protection fault).
 * A sender's senda table VM has made inaccessible before the receiver
 * takes the message faults to VM for the sender's page, and the
 * receiver's receive runs again.
 *   boot: test_cow role=vm priv=sys, test_cow role=rcv, test_cow role=sender,
 *         test_cow role=peer, test_cow role=sender2
 */
#include "tap.h"
#include "lib/as_vm.h"

#define VM 0
#define RCV 1
#define SENDER 2
#define PEER 3
#define SENDER2 4
#define OP_PAUSE 0x77
#define PAGE_OF(a) ((vir_bytes)(a) & ~(PAGE_SIZE - 1))

static message rbuf __attribute__((aligned(PAGE_SIZE)));
static cp_grant_t gtab[4] __attribute__((aligned(PAGE_SIZE)));
static char gdata[16] __attribute__((aligned(PAGE_SIZE))) = "granted!";
static asynmsg_t atab[1];
static asynmsg_t atab2[1] __attribute__((aligned(PAGE_SIZE)));

static int rcv(void)
{
	u32_t epoch = 0;
	message m;

	sys_setgrant(gtab, 4, 0, &epoch);
	gtab[0].to = PEER;
	gtab[0].addr = (vir_bytes)gdata;
	gtab[0].len = sizeof(gdata);
	gtab[0].flags = CPF_USED | CPF_DIRECT | CPF_READ;
	memset(&m, 0, sizeof(m));
	m.m_u32.data[0] = (u32_t)MAKE_GRANT(0, 0, epoch);
	ipc_send(VM, &m);
	for (;;) {
		if (ipc_receive(ANY, &rbuf) != OK)
			continue;
		if (rbuf.m_source == VM && rbuf.m_type == OP_PAUSE) {
			ipc_receive(VM, &m);	/* only VM until it says go */
			continue;
		}
		memset(&m, 0, sizeof(m));
		m.m_u32.data[0] = (u32_t)rbuf.m_source;
		m.m_u32.data[1] = (u32_t)rbuf.m_type;
		m.m_u32.data[2] = rbuf.m_u32.data[0];
		ipc_send(VM, &m);
	}
	return 1;
}

static int sender(void)
{
	message m;

	ipc_receive(VM, &m);
	atab[0].dst = RCV;
	atab[0].msg.m_type = 55;
	atab[0].flags = AMF_VALID;
	ipc_senda(atab, 1);
	for (;;)
		ipc_receive(VM, &m);
	return 1;
}

static int sender2(void)
{
	message m;

	ipc_receive(VM, &m);
	atab2[0].dst = RCV;
	atab2[0].msg.m_type = 66;
	atab2[0].flags = AMF_VALID;
	ipc_senda(atab2, 1);
	for (;;)
		ipc_receive(VM, &m);
	return 1;
}

static int peer(void)
{
	message m;
	char buf[16];

	ipc_receive(VM, &m);
	memset(buf, 0, sizeof(buf));
	m.m_type = sys_safecopyfrom(RCV, (cp_grant_id_t)m.m_u32.data[0], 0, buf, 9);
	memcpy(&m.m_u32.data[1], buf, 12);
	ipc_send(VM, &m);
	return 0;
}

static void cow_notify(void)
{
	mess_lsys_krn_vmctl f;
	endpoint_t child = sys_fork_flags(RCV, FORK_NOCOPY | FORK_HOLD);
	u32_t prot = 0, refs = 0;
	phys_bytes pa;
	message m;

	tap_is(sys_vmshare(child, PAGE_OF(&rbuf), RCV, PAGE_OF(&rbuf), PAGE_SIZE,
		VMPROT_READ), OK, "share the receiver's buffer page with a fork child");
	tap_is(sys_vmprot(RCV, PAGE_OF(&rbuf), PAGE_SIZE, VMPROT_READ), OK,
		"and make it read-only: copy-on-write");
	tap_sleep(2);
	tap_is(ipc_notify(RCV), OK, "notify the receiver");
	f = as_vm_next_fault();
	tap_ok(f.endpt == RCV && f.owner == RCV && PAGE_OF(f.addr) == PAGE_OF(&rbuf),
		"the delivery became a fault of the receiver's buffer (%d %x)", f.endpt, f.addr);
	tap_ok(f.write && f.present, "a write to a present page (%u %u)", f.write, f.present);
	sys_vmquery(RCV, f.addr, &pa, &prot, &refs);
	tap_ok(refs == 2, "the frame is shared (%u)", refs);
	tap_is(sys_vmreplace(RCV, PAGE_OF(f.addr), PAGE_SIZE, VMPROT_RW), OK,
		"VM gives the receiver its own copy");
	tap_is(sys_vmctl_resume(RCV, OK), OK, "and resumes it");
	tap_ok(ipc_receive(RCV, &m) == OK && m.m_u32.data[0] == VM &&
		m.m_u32.data[1] == NOTIFY_MESSAGE, "the receiver got the notification and lives");
	sys_vmquery(child, PAGE_OF(&rbuf), &pa, &prot, &refs);
	tap_ok(refs == 1 && prot == VMPROT_READ, "the child keeps the old frame alone");
	sys_clear(child);
}

static void ro_senda(void)
{
	mess_lsys_krn_vmctl f;
	message m;

	sys_vmprot(RCV, PAGE_OF(&rbuf), PAGE_SIZE, VMPROT_READ);
	memset(&m, 0, sizeof(m));
	ipc_send(SENDER, &m);
	f = as_vm_next_fault();
	tap_ok(f.endpt == RCV && f.present && f.write,
		"a senda delivery into a read-only buffer waits for VM");
	sys_vmprot(RCV, PAGE_OF(f.addr), PAGE_SIZE, VMPROT_RW);
	sys_vmctl_resume(RCV, OK);
	tap_ok(ipc_receive(RCV, &m) == OK && m.m_u32.data[0] == SENDER &&
		m.m_u32.data[1] == 55, "then arrives, once VM made it writable");
}

static void grant_table(cp_grant_id_t gid)
{
	mess_lsys_krn_vmctl f;
	message m;

	tap_is(sys_vmprot(RCV, PAGE_OF(gtab), PAGE_SIZE, VMPROT_NONE), OK,
		"VM takes all access to the receiver's grant table");
	memset(&m, 0, sizeof(m));
	m.m_u32.data[0] = (u32_t)gid;
	ipc_send(PEER, &m);
	f = as_vm_next_fault();
	tap_ok(f.endpt == PEER && f.owner == RCV && PAGE_OF(f.addr) == PAGE_OF(gtab) &&
		!f.write && f.present, "reading the grant table faults to VM (%d %d %x)",
		f.endpt, f.owner, f.addr);
	sys_vmprot(RCV, PAGE_OF(gtab), PAGE_SIZE, VMPROT_RW);
	sys_vmctl_resume(PEER, OK);
	tap_ok(ipc_receive(PEER, &m) == OK && m.m_type == OK &&
		!memcmp(&m.m_u32.data[1], "granted!", 8), "the safecopy is retried and succeeds");
}

static void sender_table(void)
{
	mess_lsys_krn_vmctl f;
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = OP_PAUSE;
	ipc_send(RCV, &m);			/* RCV listens to me only now */
	memset(&m, 0, sizeof(m));
	ipc_send(SENDER2, &m);			/* senda to RCV: stays pending */
	tap_sleep(2);
	tap_is(sys_vmprot(SENDER2, PAGE_OF(atab2), PAGE_SIZE, VMPROT_NONE), OK,
		"VM takes all access to a pending sender's senda table");
	memset(&m, 0, sizeof(m));
	ipc_send(RCV, &m);			/* RCV receives from anyone again */
	f = as_vm_next_fault();
	tap_ok(f.endpt == RCV && f.owner == SENDER2 && PAGE_OF(f.addr) == PAGE_OF(atab2) &&
		f.present, "the receiver's receive faults on the sender's table (%d %d %x)",
		f.endpt, f.owner, f.addr);
	sys_vmprot(SENDER2, PAGE_OF(atab2), PAGE_SIZE, VMPROT_RW);
	sys_vmctl_resume(RCV, OK);
	tap_ok(ipc_receive(RCV, &m) == OK && m.m_u32.data[0] == SENDER2 &&
		m.m_u32.data[1] == 66, "and then gets the message, once");
}

int main(const char *args)
{
	struct priv_info pv;
	message m;

	if (tap_role(args, "rcv"))
		return rcv();
	if (tap_role(args, "sender"))
		return sender();
	if (tap_role(args, "peer"))
		return peer();
	if (tap_role(args, "sender2"))
		return sender2();
	memset(&pv, 0, sizeof(pv));
	sys_privctl(SELF, PRIV_GET, &pv);
	pv.flags |= PF_VM;
	tap_is(sys_privctl(SELF, PRIV_SET, &pv), OK, "register as VM");
	ipc_receive(RCV, &m);
	cow_notify();
	ro_senda();
	grant_table((cp_grant_id_t)m.m_u32.data[0]);
	sender_table();
	tap_done();
}
