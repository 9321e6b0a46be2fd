/*
 * test_vm.c - faults handed to a VM: page faults resolved by mapping,
 * IPC and kernel-call copies retried once after VM mapped the page, VM
 * refusing (the call returns EFAULT), and a second failure after VM
 * claimed success (SIGSEGV: the offender is killed, no loop).
 *   boot: test_vm role=vm priv=sys, test_vm role=client,
 *         test_vm role=liar, test_vm role=liarcall, test_vm role=victim,
 *         test_vm role=sender
 * The victim receives into an unmapped page (its receive is retried once
 * VM mapped it); VM then unmaps that page behind its back, and the
 * sender's delivery into it faults and is retried after VM maps it again.
 * "vm" registers itself as VM (PF_VM) and serves faults by address:
 * LAZY pages are mapped on demand, BOGUS ones refused, LIAR ones "fixed"
 * without mapping anything.
 */
#include "tap.h"

#define VM 0
#define CLIENT 1
#define LIAR 2
#define LIARCALL 3
#define VICTIM 4
#define SENDER 5
#define VICTIM_BUF (LAZY + 0x5000)
#define LAZY  0x90000000u
#define BOGUS 0xa0000000u
#define LIARP 0xb0000000u
#define REGION 0x00100000u
#define OP_REPORT 7

static int in(vir_bytes a, vir_bytes base) { return a >= base && a < base + REGION; }

static int client(void)
{
	message m, *lazy_msg = (message *)(LAZY + 0x1000);
	volatile u32_t *lazy = (u32_t *)LAZY;
	int r1, r2, r3;

	ipc_receive(VM, &m);			/* wait until VM is set up */
	*lazy = 0x5a5a;				/* page fault -> VM maps it */
	r1 = ipc_sendrec(VM, lazy_msg);		/* copy fault -> VM maps -> retry */
	r2 = ipc_sendrec(VM, (message *)BOGUS);	/* VM refuses -> EFAULT */
	r3 = kernel_call((message *)(BOGUS + 0x100));
	memset(&m, 0, sizeof(m));
	m.m_type = OP_REPORT;
	m.m_u32.data[0] = *lazy;
	m.m_u32.data[1] = (u32_t)r1;
	m.m_u32.data[2] = lazy_msg->m_u32.data[0];
	m.m_u32.data[3] = (u32_t)r2;
	m.m_u32.data[4] = (u32_t)r3;
	ipc_sendrec(VM, &m);
	return 0;
}

static int victim(void)
{
	message *m = (message *)VICTIM_BUF;
	message rep;

	ipc_receive(ANY, m);		/* buffer unmapped: VM maps it, retried */
	memset(&rep, 0, sizeof(rep));
	rep.m_type = OP_REPORT;
	rep.m_u32.data[0] = (u32_t)m->m_source;
	rep.m_u32.data[1] = m->m_u32.data[0];
	ipc_send(VM, &rep);
	return 0;
}

static int sender(void)
{
	message m;

	ipc_receive(VM, &m);		/* "go": victim is waiting */
	memset(&m, 0, sizeof(m));
	m.m_u32.data[0] = 0xfeed;
	m.m_u32.data[1] = (u32_t)ipc_send(VICTIM, &m);
	ipc_send(VM, &m);
	return 0;
}

struct vm_state {
	int faults[6];		/* per slot */
	int call_faults;
	message report, victim_report, sender_report;
	int reported;
};

static void serve_faults(struct vm_state *st)
{
	mess_lsys_krn_vmctl f;

	while (sys_vmctl_get_fault(&f) == OK && f.endpt != NONE) {
		int r = -EFAULT;

		if (f.endpt >= 0 && f.endpt < 6)
			st->faults[f.endpt]++;
		st->call_faults += f.in_call;
		if (in(f.addr, LAZY))
			r = sys_memmap(f.owner, f.addr & ~(PAGE_SIZE - 1), PAGE_SIZE,
				MAP_WRITE);
		else if (in(f.addr, LIARP))
			r = OK;			/* claims success, maps nothing */
		sys_vmctl_resume(f.endpt, r);
	}
}

static void vm_loop(struct vm_state *st)
{
	message m;

	while (!st->reported || st->faults[LIAR] == 0 || st->faults[LIARCALL] == 0 ||
	    !st->victim_report.m_type || !st->sender_report.m_source) {
		if (ipc_receive(ANY, &m) != OK)
			continue;
		if (m.m_source == KERNEL && IS_NOTIFY(&m)) {
			serve_faults(st);
		} else if (m.m_source == CLIENT && m.m_type == OP_REPORT) {
			st->report = m;
			st->reported = 1;
			ipc_send(CLIENT, &m);
		} else if (m.m_source == VICTIM) {
			st->victim_report = m;
		} else if (m.m_source == SENDER) {
			st->sender_report = m;
		} else if (m.m_source == CLIENT) {
			m.m_u32.data[0] = 0x77;	/* answer the retried sendrec */
			ipc_send(CLIENT, &m);
		}
	}
}

/* Let the victim block receiving, then take its buffer page away. */
static void vic_setup(struct vm_state *st)
{
	message m;

	while (st->faults[VICTIM] == 0 && ipc_receive(KERNEL, &m) == OK)
		serve_faults(st);
	tap_sleep(2);
	tap_is(sys_unmap(VICTIM, VICTIM_BUF & ~(PAGE_SIZE - 1), PAGE_SIZE), OK,
		"unmap the waiting victim's buffer");
	memset(&m, 0, sizeof(m));
	ipc_send(SENDER, &m);
}

int main(const char *args)
{
	struct vm_state st;
	struct priv_info pv;
	message m;

	if (tap_role(args, "client"))
		return client();
	if (tap_role(args, "victim"))
		return victim();
	if (tap_role(args, "sender"))
		return sender();
	if (tap_role(args, "liar")) {
		*(volatile u32_t *)LIARP = 1;
		printf("liar: survived?\n");
		return 0;
	}
	if (tap_role(args, "liarcall")) {
		ipc_sendrec(VM, (message *)(LIARP + 0x2000));
		printf("liarcall: survived?\n");
		return 0;
	}
	memset(&st, 0, sizeof(st));
	sys_privctl(SELF, PRIV_GET, &pv);
	pv.flags |= PF_VM;
	tap_is(sys_privctl(SELF, PRIV_SET, &pv), OK, "register as VM");
	memset(&m, 0, sizeof(m));
	ipc_send(CLIENT, &m);
	vic_setup(&st);
	vm_loop(&st);
	tap_sleep(3);
	tap_is(st.report.m_u32.data[0], 0x5a5a, "a page fault resolved by VM: the write landed");
	tap_is((int)st.report.m_u32.data[1], OK, "sendrec with an unmapped buffer succeeds after VM");
	tap_is(st.report.m_u32.data[2], 0x77, "and the reply landed in the new page");
	tap_is((int)st.report.m_u32.data[3], -EFAULT, "sendrec with a buffer VM refuses: EFAULT");
	tap_is((int)st.report.m_u32.data[4], -EFAULT, "kernel call with a message VM refuses: EFAULT");
	tap_is(st.faults[CLIENT], 4, "client faults seen by VM (1 page fault, 3 copies)");
	tap_is(st.faults[LIAR], 1, "a fault VM did not really fix is retried once only");
	tap_is(ipc_sendnb(LIAR, &m), -EDEADSRCDST, "then the offender is killed (SIGSEGV)");
	tap_is(st.faults[LIARCALL], 1, "a copy fault VM did not fix is retried once only");
	tap_is(ipc_sendnb(LIARCALL, &m), -EDEADSRCDST, "then the offender is killed (SIGSEGV)");
	tap_is(st.faults[VICTIM], 1, "a receive into an unmapped buffer went to VM once");
	tap_ok(st.victim_report.m_u32.data[0] == SENDER &&
		st.victim_report.m_u32.data[1] == 0xfeed,
		"the victim got the message after VM restored its buffer");
	tap_is((int)st.sender_report.m_u32.data[1], OK, "the sender's retried send succeeded");
	tap_is(st.faults[SENDER], 1, "the delivery fault went to VM once");
	tap_is(sys_vmctl_resume(SELF, OK), -EINVAL, "resume a process that is not waiting");
	tap_is(sys_vmctl_resume_map(SELF, OK, VMCTL_MAP_RW), -EINVAL,
		"resume-and-map a process that is not waiting");
	tap_is(sys_vmctl_resume_map(SELF, OK, 7), -EINVAL, "resume with a bogus map: EINVAL");
	tap_done();
}
