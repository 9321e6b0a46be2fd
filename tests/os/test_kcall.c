/*
 * test_kcall.c - process and memory kernel calls: fork, exec, clear,
 * memmap/unmap, kill and the signal hooks, schedctl, getinfo, unknown calls.
 *   boot: test_kcall role=main priv=sys, test_kcall role=sigmgr priv=sys
 */
#include "tap.h"

#define MAIN 0
#define SIGMGR 1
#define MAP_AT 0x90000000u

static volatile u32_t exec_flag;

static void exec_entry(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_u32.data[0] = 0xe7ec;
	ipc_send(MAIN, &m);
	sys_exit(0);
}

static void test_fork(void)
{
	message m;
	int child = sys_fork(SELF);

	if (child == 0) {			/* the child */
		memset(&m, 0, sizeof(m));
		m.m_u32.data[0] = 0xc1d;
		ipc_send(MAIN, &m);
		ipc_receive(ANY, &m);		/* wait to be killed */
		sys_exit(0);
	}
	tap_ok(child > 0, "fork returns the child's endpoint (%d)", child);
	tap_ok(ipc_receive(child, &m) == OK && m.m_u32.data[0] == 0xc1d,
		"the child runs a copy of us and talks to the parent");
	tap_is(sys_exec(child, (vir_bytes)exec_entry, USER_STACK_TOP - 4096), OK,
		"exec sets the child's entry point");
	tap_ok(ipc_receive(child, &m) == OK && m.m_u32.data[0] == 0xe7ec,
		"the child runs from the new entry point");
	tap_is(sys_clear(child), -ESRCH, "the child exited by itself");
	child = sys_fork(SELF);
	if (child == 0)
		for (;;)
			ipc_receive(ANY, &m);
	tap_is(sys_kill(child, SIGKILL), OK, "kill with no signal manager");
	tap_is(ipc_send(child, &m), -EDEADSRCDST, "the default action killed it");
}

static void test_memmap(void)
{
	volatile u32_t *p = (u32_t *)MAP_AT;

	tap_is(sys_memmap(SELF, MAP_AT, 8192, MAP_WRITE), OK, "map two pages");
	p[0] = 0x1234;
	p[2047] = 0x5678;
	tap_ok(p[0] == 0x1234 && p[2047] == 0x5678 && p[1] == 0, "they are zeroed and usable");
	tap_is(sys_memmap(SELF, MAP_AT + 1, 4096, MAP_WRITE), -EINVAL, "unaligned map");
	tap_is(sys_memmap(SELF, 0x1000, 4096, MAP_WRITE), -EINVAL, "map below user space");
	tap_is(sys_memmap(SELF, 0xfffff000, 8192, MAP_WRITE), -EINVAL, "map past the top");
	tap_is(sys_unmap(SELF, MAP_AT, 8192), OK, "unmap them");
	tap_is(sys_diag_print((const char *)MAP_AT, 4), -EFAULT, "unmapped memory is gone");
}

static void test_signals(void)
{
	message m;
	endpoint_t who;
	u32_t map;
	struct priv_info pv;

	tap_is(sys_getksig(&who, &map), -EPERM, "getksig without being the signal manager");
	memset(&pv, 0, sizeof(pv));
	sys_privctl(SIGMGR, PRIV_GET, &pv);
	pv.flags |= PF_SIG_MGR;
	tap_is(sys_privctl(SIGMGR, PRIV_SET, &pv), OK, "make sigmgr the signal manager");
	tap_is(sys_kill(MAIN, 15), OK, "post SIGTERM to main");
	tap_ok(ipc_receive(SIGMGR, &m) == OK && m.m_u32.data[0] == MAIN &&
		m.m_u32.data[1] == (1u << 15),
		"the manager is notified and fetches it (%d %x)", (int)m.m_u32.data[0],
		m.m_u32.data[1]);
}

static int sigmgr(void)
{
	message m;
	endpoint_t who = NONE;
	u32_t map = 0;

	ipc_receive(SYSTEM, &m);
	sys_getksig(&who, &map);
	memset(&m, 0, sizeof(m));
	m.m_u32.data[0] = (u32_t)who;
	m.m_u32.data[1] = map;
	ipc_send(MAIN, &m);
	return 0;
}

int main(const char *args)
{
	message m;
	endpoint_t self;
	int slot;

	if (tap_role(args, "sigmgr"))
		return sigmgr();
	tap_ok(sys_getinfo(&self, &slot) == OK && self == MAIN && slot == 0,
		"getinfo: endpoint and slot");
	memset(&m, 0, sizeof(m));
	m.m_type = KERNEL_CALL + NR_KERNEL_CALLS - 1;	/* unassigned */
	tap_is(kernel_call(&m), -ENOSYS, "unknown kernel call");
	m.m_type = 5;
	tap_is(kernel_call(&m), -ENOSYS, "a call number below the range");
	tap_is(sys_schedctl(SELF, 4, 10), OK, "schedctl raises our priority");
	tap_is(sys_schedctl(SELF, NR_SCHED_QUEUES, 10), -EINVAL, "schedctl range check");
	test_fork();
	test_memmap();
	test_signals();
	(void)exec_flag;
	tap_done();
}
