/*
 * test_priv.c - privileges: kernel-call mask (EPERM), allowed IPC targets
 * and operations (ECALLDENIED), I/O ports.
 *   boot: test_priv role=main priv=sys, test_priv role=user,
 *         test_priv role=other, test_priv role=vmcalls, test_priv role=sigcalls
 * "vmcalls" (user privileges) tries every memory/slot call meant for VM,
 * PM and RS and reports which were refused.
 * The unprivileged "user" runs its checks when main tells it to and
 * reports each result back in a message; main prints the TAP lines.
 */
#include "tap.h"

#define MAIN 0
#define USER 1
#define OTHER 2
#define NR_CHECKS 10

static const char *const check_names[NR_CHECKS] = {
	"user: privctl gives EPERM",
	"user: devio gives EPERM",
	"user: memmap gives EPERM",
	"user: update (slot swap) gives EPERM",
	"user: shutdown gives EPERM",
	"user: fork gives EPERM",
	"user: send to a forbidden target gives ECALLDENIED",
	"user: notify a forbidden target gives ECALLDENIED",
	"user: senda to a forbidden target completes with ECALLDENIED",
	"user: a removed IPC operation (notify) gives ECALLDENIED",
};
static const int check_want[NR_CHECKS] = { -EPERM, -EPERM, -EPERM, -EPERM,
	-EPERM, -EPERM, -ECALLDENIED, -ECALLDENIED, -ECALLDENIED, -ECALLDENIED };

static int user(void)
{
	static asynmsg_t a[1];
	message m;
	u32_t v = 0;
	int *res = (int *)m.m_u32.data;

	ipc_receive(MAIN, &m);		/* main has restricted us by now */
	memset(&m, 0, sizeof(m));
	res[0] = sys_privctl(USER, PRIV_GET, NULL);
	res[1] = sys_inb(0x71, &v);
	res[2] = sys_memmap(SELF, 0x80000000, 4096, MAP_WRITE);
	res[3] = sys_update(USER, OTHER);
	res[4] = sys_shutdown(0);
	res[5] = sys_fork(SELF);
	{
		message x;

		memset(&x, 0, sizeof(x));
		res[6] = ipc_send(OTHER, &x);
		res[7] = ipc_notify(OTHER);
		a[0].flags = AMF_VALID;
		a[0].dst = OTHER;
		ipc_senda(a, 1);
		res[8] = a[0].result;
	}
	res[9] = 0;
	ipc_send(MAIN, &m);		/* report; main then removes notify */
	ipc_receive(MAIN, &m);
	res[9] = ipc_notify(MAIN);
	ipc_send(MAIN, &m);
	return 0;
}

#define VMCALLS 3

/* Every call for VM/PM/RS from an ordinary process: EPERM, nothing done. */
static int vmcalls(void)
{
	message m;
	phys_bytes pa;
	int *res = (int *)m.m_u32.data, n = 0;

	memset(&m, 0, sizeof(m));
	res[n++] = sys_vmshare(SELF, 0x80000000u, SELF, 0x40000000u, PAGE_SIZE, VMPROT_READ);
	res[n++] = sys_vmprot(SELF, 0x40000000u, PAGE_SIZE, VMPROT_NONE);
	res[n++] = sys_vmreplace(SELF, 0x40000000u, PAGE_SIZE, VMPROT_RW);
	res[n++] = sys_physmap(SELF, 0x80000000u, 0xb8000, PAGE_SIZE, VMPROT_RW);
	res[n++] = sys_contigalloc(SELF, 0x80000000u, PAGE_SIZE, VMPROT_RW, &pa);
	res[n++] = sys_umap(SELF, 0x40000000u, 4, &pa);
	res[n++] = sys_vmquery(SELF, 0x40000000u, &pa, NULL, NULL);
	res[n++] = sys_clearrefs(MAIN, 0);
	res[n++] = sys_sigmgr(SELF, SELF);
	res[n++] = sys_hold(MAIN);
	res[n++] = sys_fork_flags(SELF, FORK_NOCOPY | FORK_HOLD);
	res[n++] = sys_vmctl_inhibit(MAIN, 1);
	res[13] = n;
	ipc_send(MAIN, &m);
	return 0;
}

static void vmcalls_refused(void)
{
	message m;
	int *res = (int *)m.m_u32.data, i, bad = -1;

	tap_is(ipc_receive(VMCALLS, &m), OK, "vmcalls reports");
	for (i = 0; i < res[13]; i++)
		if (res[i] != -EPERM && bad < 0)
			bad = i;
	tap_ok(res[13] == 12 && bad < 0,
		"user: all 12 VM/PM/RS memory and slot calls give EPERM (first other: #%d = %d)",
		bad, bad >= 0 ? res[bad] : 0);
}

#define SIGCALLS 4

/* The signal calls for PM from an ordinary process: EPERM, nothing done. */
static int sigcalls(void)
{
	message m;
	int *res = (int *)m.m_u32.data, n = 0;

	memset(&m, 0, sizeof(m));
	res[n++] = sys_runctl(MAIN, RC_STOP);
	res[n++] = sys_runctl(OTHER, RC_STOP | RC_DELAY);
	res[n++] = sys_endksig(MAIN, KSIG_HOLD);
	res[n++] = sys_sigsend(MAIN, SIGSEGV, 0, 0x40000000u, 0x40000000u, 0, 0, NULL);
	res[n++] = sys_sigreturn(MAIN, 0x40000000u);
	res[13] = n;
	ipc_send(MAIN, &m);
	return 0;
}

static void sigcalls_refused(void)
{
	message m;
	int *res = (int *)m.m_u32.data, i, bad = -1;

	tap_is(ipc_receive(SIGCALLS, &m), OK, "sigcalls reports");
	for (i = 0; i < res[13]; i++)
		if (res[i] != -EPERM && bad < 0)
			bad = i;
	tap_ok(res[13] == 5 && bad < 0,
		"user: runctl, endksig, sigsend, sigreturn give EPERM (first other: #%d = %d)",
		bad, bad >= 0 ? res[bad] : 0);
}

static void restrict_user(void)
{
	struct priv_info pv;
	int r;

	memset(&pv, 0, sizeof(pv));
	tap_is(sys_privctl(USER, PRIV_GET, &pv), OK, "main: read user's privileges");
	tap_ok(!PRIV_CALL_ISSET(&pv, KCALL_NR(SYS_PRIVCTL)), "user set lacks privctl");
	pv.ipc_to[0] = pv.ipc_to[1] = 0;
	pv.ipc_to[(NR_TASKS + MAIN) / 32] |= 1u << ((NR_TASKS + MAIN) % 32);
	r = sys_privctl(USER, PRIV_SET, &pv);
	tap_is(r, OK, "main: restrict user's IPC targets to main");
}

static void remove_notify(void)
{
	struct priv_info pv;

	memset(&pv, 0, sizeof(pv));
	sys_privctl(USER, PRIV_GET, &pv);
	pv.ipc_ops &= ~(1u << IPC_NOTIFY);
	tap_is(sys_privctl(USER, PRIV_SET, &pv), OK, "main: remove notify from user");
}

int main(const char *args)
{
	message m;
	u32_t v = 0;
	int i, *res = (int *)m.m_u32.data;

	if (tap_role(args, "user"))
		return user();
	if (tap_role(args, "vmcalls"))
		return vmcalls();
	if (tap_role(args, "sigcalls"))
		return sigcalls();
	if (tap_role(args, "other")) {
		ipc_receive(ANY, &m);
		return 0;
	}
	restrict_user();
	memset(&m, 0, sizeof(m));
	ipc_send(USER, &m);
	tap_is(ipc_receive(USER, &m), OK, "user reports");
	remove_notify();
	ipc_send(USER, &m);
	ipc_receive(USER, &m);
	for (i = 0; i < NR_CHECKS; i++)
		tap_is(res[i], check_want[i], check_names[i]);
	tap_is(sys_outb(0x70, 0x0a), OK, "system process: devio out");
	tap_is(sys_inb(0x71, &v), OK, "system process: devio in (RTC register A)");
	tap_is(sys_privctl(5000, PRIV_GET, NULL), -EINVAL, "privctl on a bad endpoint");
	tap_is(sys_privctl(12345, PRIV_GET, NULL), -ESRCH, "privctl on a dead endpoint");
	vmcalls_refused();
	sigcalls_refused();
	tap_done();
}
