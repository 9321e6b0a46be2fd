/*
 * test_vmrestart.c - VM is replaceable: three processes wait on page
 * faults that the first VM fetched and never answered; it exits; a second
 * process becomes VM, is offered the same three faults, maps the pages,
 * and all three clients complete.  VMCTL_INHIBIT keeps a process off the
 * CPU even once its fault is resolved, until the flag is cleared.
 * Then VM crashes with a manager: its slot is kept, a fault arriving
 * meanwhile waits, and the new instance started in the slot serves it.
 * Last, VM is swapped (SYS_UPDATE) while holding a fetched, unanswered
 * fault: the program now behind VM's endpoint is offered it again.
 *   boot: test_vmrestart role=main priv=sys, test_vmrestart role=vm1 priv=sys,
 *         test_vmrestart role=client, test_vmrestart role=client,
 *         test_vmrestart role=client, test_vmrestart role=vm2 priv=sys,
 *         test_vmrestart role=client, test_vmrestart role=client,
 *         test_vmrestart role=vm3 priv=sys
 */
#include "tap.h"

#define MAIN 0
#define VM1 1
#define C1 2
#define NCLIENTS 3
#define VM2 5
#define LATE 6
#define LATE2 7
#define VM3 8
#define OP_CRASH 9
#define OP_FETCH_ONLY 10
#define LAZY 0x90000000u

static void become_vm(void)
{
	struct priv_info pv;

	memset(&pv, 0, sizeof(pv));
	sys_privctl(SELF, PRIV_GET, &pv);
	pv.flags |= PF_VM;
	sys_privctl(SELF, PRIV_SET, &pv);
}

static int client(void)
{
	volatile u32_t *p = (u32_t *)LAZY;
	endpoint_t self;
	message m;

	ipc_receive(MAIN, &m);
	sys_getinfo(&self, NULL);
	*p = 0x1000u + (u32_t)self;		/* page fault, left waiting */
	memset(&m, 0, sizeof(m));
	m.m_u32.data[0] = *p;
	ipc_send(MAIN, &m);
	return 0;
}

/* Fetch every fault offered, answer none, report the count, exit. */
static int vm1(void)
{
	mess_lsys_krn_vmctl f;
	message m;
	u32_t fetched = 0;

	become_vm();
	memset(&m, 0, sizeof(m));
	ipc_send(MAIN, &m);
	while (fetched < NCLIENTS) {
		ipc_receive(ANY, &m);
		while (sys_vmctl_get_fault(&f) == OK && f.endpt != NONE)
			fetched++;
	}
	m.m_u32.data[0] = fetched;
	ipc_send(MAIN, &m);
	return 0;				/* VM exits with faults held */
}

static int vm2(void)
{
	mess_lsys_krn_vmctl f;
	message m;
	u32_t served = 0, inhibited = 0, absent = 0;

	ipc_receive(MAIN, &m);
	become_vm();
	while (served < NCLIENTS) {
		ipc_receive(ANY, &m);
		while (sys_vmctl_get_fault(&f) == OK && f.endpt != NONE) {
			absent += !f.present;
			if (f.endpt == C1 && !inhibited)
				inhibited = sys_vmctl_inhibit(C1, 1) == OK;
			sys_memmap(f.owner, f.addr & ~(PAGE_SIZE - 1), PAGE_SIZE,
				MAP_WRITE);
			sys_vmctl_resume(f.endpt, OK);
			served++;
		}
	}
	memset(&m, 0, sizeof(m));
	m.m_u32.data[0] = served;
	m.m_u32.data[1] = inhibited;
	m.m_u32.data[2] = absent;
	ipc_send(MAIN, &m);
	ipc_receive(MAIN, &m);			/* "let C1 go" */
	m.m_type = sys_vmctl_inhibit(C1, 0);
	ipc_send(MAIN, &m);
	for (;;)
		if (ipc_receive(ANY, &m) == OK && m.m_source == MAIN &&
		    m.m_type == OP_CRASH)
			*(volatile u32_t *)0 = 1;	/* VM crashes */
	return 0;
}

static u32_t vm_stack[2048];

/* The restarted VM: the slot keeps PF_VM; serve faults for ever, or
 * (told OP_FETCH_ONLY) fetch them and answer none, reporting each. */
static void vm_again(void)
{
	mess_lsys_krn_vmctl f;
	message m;
	int fetch_only = 0;

	for (;;) {
		ipc_receive(ANY, &m);
		if (m.m_source == MAIN && m.m_type == OP_FETCH_ONLY) {
			fetch_only = 1;
			continue;
		}
		while (fetch_only && sys_vmctl_get_fault(&f) == OK &&
		    f.endpt != NONE) {
			m.m_u32.data[0] = (u32_t)f.endpt;
			ipc_send(MAIN, &m);
		}
		while (sys_vmctl_get_fault(&f) == OK && f.endpt != NONE)
			sys_vmctl_resume_map(f.endpt, OK, VMCTL_MAP_RW);	/* map + resume */
	}
}

static void vm_crash(void)
{
	endpoint_t who;
	u32_t map = 0;
	message m;

	tap_is(sys_sigmgr(VM2, SELF), OK, "I manage VM");
	memset(&m, 0, sizeof(m));
	m.m_type = OP_CRASH;
	ipc_send(VM2, &m);
	while (ipc_receive(SYSTEM, &m) != OK)
		;
	sys_getksig(&who, &map);
	tap_ok(who == VM2 && (map & (1u << SIGSEGV)), "VM crashed and is stopped");
	memset(&m, 0, sizeof(m));
	ipc_send(LATE, &m);			/* faults while there is no VM running */
	tap_sleep(3);
	tap_is(ipc_sendnb(LATE, &m), -ENOTREADY, "a fault waits while VM is down");
	tap_is(sys_exec(VM2, (vir_bytes)vm_again, (vir_bytes)&vm_stack[2040]), OK,
		"start a new VM instance in the kept slot");
	tap_ok(ipc_receive(LATE, &m) == OK && m.m_u32.data[0] == 0x1000u + LATE,
		"the new instance served the waiting fault");
}

/* A program waiting to take over VM's endpoint by a slot swap. */
static int vm3(void)
{
	message m;

	ipc_receive(MAIN, &m);			/* runs only after the swap */
	vm_again();
	return 0;
}

static void vm_swap(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = OP_FETCH_ONLY;
	ipc_send(VM2, &m);
	memset(&m, 0, sizeof(m));
	ipc_send(LATE2, &m);
	tap_ok(ipc_receive(VM2, &m) == OK && m.m_u32.data[0] == LATE2,
		"VM fetched the next fault and keeps it");
	sys_hold(VM2);
	sys_hold(VM3);
	tap_is(sys_update(VM2, VM3), OK, "swap VM with a new program");
	sys_release(VM2);
	sys_release(VM3);
	memset(&m, 0, sizeof(m));
	ipc_send(VM2, &m);			/* the program now at VM's endpoint */
	tap_ok(ipc_receive(LATE2, &m) == OK && m.m_u32.data[0] == 0x1000u + LATE2,
		"the fault is offered to the new program and served");
}

int main(const char *args)
{
	message m;
	int i, r, ok = 1, got = 0;

	if (tap_role(args, "client"))
		return client();
	if (tap_role(args, "vm1"))
		return vm1();
	if (tap_role(args, "vm2"))
		return vm2();
	if (tap_role(args, "vm3"))
		return vm3();
	ipc_receive(VM1, &m);
	memset(&m, 0, sizeof(m));
	for (i = 0; i < NCLIENTS; i++)
		ipc_send(C1 + i, &m);
	r = ipc_receive(VM1, &m);
	tap_ok(r == OK && m.m_u32.data[0] == NCLIENTS,
		"the first VM fetched the three faults (%u)", m.m_u32.data[0]);
	tap_sleep(3);				/* VM1 has exited */
	memset(&m, 0, sizeof(m));
	tap_is(ipc_sendnb(VM1, &m), -EDEADSRCDST, "the first VM is gone");
	ipc_send(VM2, &m);			/* become VM */
	r = ipc_receive(VM2, &m);
	tap_ok(r == OK && m.m_u32.data[0] == NCLIENTS,
		"the new VM was offered all three faults (%u)", m.m_u32.data[0]);
	tap_ok(m.m_u32.data[1] == 1, "it inhibited the first client");
	tap_is((int)m.m_u32.data[2], NCLIENTS, "faults on missing pages say present=0");
	for (i = 1; i < NCLIENTS; i++)
		if (ipc_receive(C1 + i, &m) != OK ||
		    m.m_u32.data[0] != 0x1000u + (u32_t)(C1 + i))
			ok = 0;
	tap_ok(ok, "the other two clients completed with their pages");
	tap_sleep(3);
	tap_is(ipc_sendnb(C1, &m), -ENOTREADY, "the inhibited client has not run");
	memset(&m, 0, sizeof(m));
	tap_ok(ipc_sendrec(VM2, &m) == OK && m.m_type == OK, "VM lifts the inhibition");
	if (ipc_receive(C1, &m) == OK && m.m_u32.data[0] == 0x1000u + C1)
		got = 1;
	tap_ok(got, "and the first client completes too");
	vm_crash();
	vm_swap();
	tap_done();
}
