/*
 * test_fault.c - faulting user processes are killed, the kernel and the
 * other processes carry on.
 *   boot: test_fault role=main priv=sys, test_fault crash=null,
 *         test_fault crash=kernel, test_fault crash=gp, test_fault crash=ud,
 *         test_fault crash=div, test_fault crash=stack,
 *         test_fault role=victim priv=sys, test_fault role=waiter
 * Each crasher faults its own way; main checks that each is gone
 * (EDEADSRCDST), that a process blocked sending to a crasher was released
 * with an error, and that unmapping a blocked receiver's buffer kills the
 * receiver at delivery instead of crashing the kernel.
 */
#include "tap.h"

#define MAIN 0
#define NR_CRASHERS 6
#define VICTIM 7
#define WAITER 8
#define VICTIM_BUF 0x80000000u

static const char *const crash_names[NR_CRASHERS] = { "null", "kernel", "gp",
	"ud", "div", "stack" };

static void crash(const char *how)
{
	volatile u32_t zero = 0;

	if (!memcmp(how, "null", 4))
		*(volatile u32_t *)0 = 1;
	else if (!memcmp(how, "kernel", 6))
		*(volatile u32_t *)0x100000 = 1;	/* kernel text, supervisor */
	else if (!memcmp(how, "gp", 2))
		__asm__ volatile("cli");
	else if (!memcmp(how, "ud", 2))
		__asm__ volatile("ud2");
	else if (!memcmp(how, "div", 3))
		zero = 5 / zero;
	else if (!memcmp(how, "stack", 5))
		__asm__ volatile("movl $0x1000, %%esp; pushl $1" : : : "memory");
	printf("crasher %s survived?\n", how);
}

static int victim(void)
{
	message *m = (message *)VICTIM_BUF;

	if (sys_memmap(SELF, VICTIM_BUF, 4096, MAP_WRITE) != OK)
		return 1;
	ipc_receive(ANY, m);		/* main unmaps this buffer meanwhile */
	printf("victim: survived a receive into an unmapped buffer?\n");
	return 0;
}

int main(const char *args)
{
	const char *how = arg_value(args, "crash");
	message m;
	int i;

	if (how) {
		crash(how);
		return 0;
	}
	if (tap_role(args, "victim"))
		return victim();
	if (tap_role(args, "waiter")) {
		memset(&m, 0, sizeof(m));
		m.m_u32.data[0] = (u32_t)ipc_sendrec(1, &m);	/* 1 will crash */
		ipc_send(MAIN, &m);
		return 0;
	}
	tap_sleep(5);
	memset(&m, 0, sizeof(m));
	for (i = 0; i < NR_CRASHERS; i++)
		tap_is(ipc_sendnb(1 + i, &m), -EDEADSRCDST, crash_names[i]);
	tap_ok(ipc_receive(WAITER, &m) == OK &&
		(int)m.m_u32.data[0] == -EDEADSRCDST,
		"a sender blocked on a process that crashed gets EDEADSRCDST (%d)",
		(int)m.m_u32.data[0]);
	tap_is(sys_unmap(VICTIM, VICTIM_BUF, 4096), OK, "unmap a blocked receiver's buffer");
	memset(&m, 0, sizeof(m));
	tap_is(ipc_send(VICTIM, &m), -EDEADSRCDST, "delivery into it fails");
	tap_is(ipc_sendnb(VICTIM, &m), -EDEADSRCDST, "and the receiver was killed");
	tap_ok(1, "main still runs after %d faults", NR_CRASHERS + 1);
	tap_done();
}
