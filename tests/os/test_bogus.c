/*
 * test_bogus.c - bogus user pointers in every IPC and kernel-call path
 * return an error (EFAULT, or the grant error for grant tables) and never
 * crash the kernel.
 *   boot: test_bogus role=main priv=sys, test_bogus role=peer
 */
#include "tap.h"

#define MAIN 0
#define PEER 1

static const vir_bytes bad_ptrs[] = {
	0,			/* NULL */
	0x100000,		/* kernel image (supervisor page) */
	0x3ffffff0,		/* below user space */
	0x7ffff000,		/* unmapped user page */
	0xfffffff0,		/* top of memory, wraps */
};
#define NR_BAD (sizeof(bad_ptrs) / sizeof(bad_ptrs[0]))

static int peer(void)
{
	message m;

	while (ipc_receive(ANY, &m) == OK)
		ipc_send(m.m_source, &m);
	return 1;
}

/* Every bad pointer must give want for op; one TAP line per op. */
static void each_bad(const char *what, int (*op)(vir_bytes p), int want)
{
	u32_t i;
	int r = 0, bad = -1;

	for (i = 0; i < NR_BAD; i++)
		if ((r = op(bad_ptrs[i])) != want) {
			bad = (int)i;
			break;
		}
	if (bad < 0)
		tap_ok(1, "%s", what);
	else
		tap_ok(0, "%s: pointer 0x%x gave %d, want %d", what, bad_ptrs[bad], r, want);
}

static int op_send(vir_bytes p) { return ipc_send(PEER, (message *)p); }
static int op_sendnb(vir_bytes p) { return ipc_sendnb(PEER, (message *)p); }
static int op_sendrec(vir_bytes p) { return ipc_sendrec(PEER, (message *)p); }
static int op_receive(vir_bytes p) { return ipc_receive(ANY, (message *)p); }
static int op_senda(vir_bytes p) { return ipc_senda((asynmsg_t *)p, 2); }
static int op_kcall(vir_bytes p) { return kernel_call((message *)p); }
static int op_diag(vir_bytes p) { return sys_diag_print((const char *)p, 8); }
static int op_ipcstat(vir_bytes p) { return sys_ipc_stats((struct ipc_stats *)p); }
static int op_privctl(vir_bytes p) { return sys_privctl(SELF, PRIV_GET, (void *)p); }
static int op_privset(vir_bytes p) { return sys_privctl(SELF, PRIV_SET, (void *)p); }
static int op_copyfrom_local(vir_bytes p);
static int op_copyto_local(vir_bytes p);
static int op_grant_table(vir_bytes p);

/* A message that starts in a mapped page and runs into an unmapped one:
 * the IPC fast path and the kernel-call message walk take only messages
 * wholly in one page, so these go the slow, checked way: EFAULT. */
#define STRADDLE_PAGE 0x70000000u
static void straddling(void)
{
	vir_bytes p = STRADDLE_PAGE + PAGE_SIZE - 32;
	message m;

	if (sys_memmap(SELF, STRADDLE_PAGE, PAGE_SIZE, MAP_WRITE) != OK) {
		tap_ok(0, "map a page for the straddling messages");
		return;
	}
	tap_is(ipc_send(PEER, (message *)p), -EFAULT, "send of a message running off its page: EFAULT");
	tap_is(ipc_sendrec(PEER, (message *)p), -EFAULT, "sendrec of one: EFAULT");
	tap_is(kernel_call((message *)p), -EFAULT, "kernel call with one: EFAULT");
	tap_is(ipc_receive(ANY, (message *)p), -EFAULT, "receive into one: EFAULT");
	memset(&m, 0, sizeof(m));
	m.m_diagctl.request = DIAG_IPCSTAT;
	m.m_diagctl.buf = (vir_bytes)&m;
	m.m_diagctl.len = 3;
	m.m_type = SYS_DIAGCTL;
	tap_is(kernel_call(&m), -EINVAL, "DIAG_IPCSTAT with a wrong length: EINVAL");
}

static char data[32] = "grant data";
static cp_grant_id_t self_grant;

static int op_copyfrom_local(vir_bytes p)
{
	return sys_safecopyfrom(MAIN, self_grant, 0, (void *)p, 8);
}

static int op_copyto_local(vir_bytes p)
{
	return sys_safecopyto(MAIN, self_grant, 0, (const void *)p, 8);
}

static int op_grant_table(vir_bytes p)
{
	char out[8];
	int r;

	sys_setgrant((cp_grant_t *)p, 4, 0, NULL);
	r = sys_safecopyfrom(MAIN, 0, 0, out, 1);
	return r;
}

static int op_grant_addr(vir_bytes p)
{
	char out[8];
	cp_grant_id_t g = cpf_grant_direct(MAIN, p, 8, CPF_READ | CPF_WRITE);
	int r = sys_safecopyfrom(MAIN, g, 0, out, 8);

	cpf_revoke(g);
	return r;
}

/* The memory and slot calls for VM/PM/RS, with endpoint e or ranges bad. */
#define AREA 0x90000000u
static int vm_call(int which, endpoint_t e, vir_bytes a, u32_t len)
{
	phys_bytes pa;

	switch (which) {
	case 0: return sys_vmshare(e, a, SELF, a, len, VMPROT_READ);
	case 1: return sys_vmshare(SELF, a, e, a, len, VMPROT_READ);
	case 2: return sys_vmprot(e, a, len, VMPROT_READ);
	case 3: return sys_vmreplace(e, a, len, VMPROT_RW);
	case 4: return sys_physmap(e, a, 0xb8000, len, VMPROT_RW);
	case 5: return sys_contigalloc(e, a, len, VMPROT_RW, &pa);
	case 6: return sys_umap(e, a, len, &pa);
	case 7: return sys_vmquery(e, a, &pa, NULL, NULL);
	case 8: return sys_clearrefs(e, 0);
	case 9: return sys_sigmgr(e, SELF);
	case 10: return sys_sigmgr(SELF, e);
	case 11: return sys_hold(e);
	case 12: return sys_fork_flags(e, FORK_NOCOPY | FORK_HOLD);
	default: return sys_vmctl_inhibit(e, 1);
	}
}
#define NR_VM_CALLS 13	/* the last one (inhibit) is EPERM first: not VM */

static void bogus_vm_calls(void)
{
	int i, r, bad = -1, badr = 0;

	for (i = 0; i < NR_VM_CALLS && bad < 0; i++)
		if ((r = vm_call(i, 5000, AREA, PAGE_SIZE)) != -EINVAL)
			bad = i, badr = r;
	tap_ok(bad < 0, "VM/slot calls on a malformed endpoint: EINVAL (#%d gave %d)", bad, badr);
	for (i = 0, bad = -1; i < NR_VM_CALLS && bad < 0; i++)
		if ((r = vm_call(i, 12345, AREA, PAGE_SIZE)) != -ESRCH)
			bad = i, badr = r;
	tap_ok(bad < 0, "VM/slot calls on a dead endpoint: ESRCH (#%d gave %d)", bad, badr);
	for (i = 0, bad = -1; i < 6 && bad < 0; i++)
		if ((r = vm_call(i, SELF, AREA + 1, PAGE_SIZE)) != -EINVAL ||
		    (r = vm_call(i, SELF, AREA, PAGE_SIZE + 3)) != -EINVAL ||
		    (r = vm_call(i, SELF, 0xfffff000u, 2 * PAGE_SIZE)) != -EINVAL ||
		    (r = vm_call(i, SELF, 0x1000, PAGE_SIZE)) != -EINVAL)
			bad = i, badr = r;
	tap_ok(bad < 0, "memory calls on unaligned, odd-sized, wrapping or kernel ranges: EINVAL (#%d gave %d)",
		bad, badr);
	tap_is(sys_fork_flags(SELF, 0x80), -EINVAL, "fork with unknown flags: EINVAL");
	tap_is(sys_clearrefs(SELF, 0), -EINVAL, "clearrefs on oneself: EINVAL");
	tap_is(sys_vmctl_inhibit(PEER, 1), -EPERM, "inhibit without being VM: EPERM");
}

/* The signal calls for PM on bad endpoints, on a process main does not
 * manage, and on one that is not stopped. */
static int sig_call(int which, endpoint_t e)
{
	switch (which) {
	case 0: return sys_runctl(e, RC_STOP);
	case 1: return sys_endksig(e, KSIG_DONE);
	case 2: return sys_sigsend(e, SIGSEGV, 0, 0x40000000u, 0x40000000u, 0, 0, NULL);
	default: return sys_sigreturn(e, 0x40000000u);
	}
}
#define NR_SIG_CALLS 4

static void bogus_sig_calls(void)
{
	static const struct { endpoint_t e; int want; const char *what; } cases[] = {
		{ 5000, -EINVAL, "a malformed endpoint: EINVAL" },
		{ 12345, -ESRCH, "a dead endpoint: ESRCH" },
		{ SELF, -EINVAL, "oneself: EINVAL" },
		{ NONE, -EINVAL, "NONE: EINVAL" },
		{ PEER, -EPERM, "a process main does not manage: EPERM" },
	};
	u32_t c;
	int i, r, bad;

	for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		for (i = 0, bad = -1, r = 0; i < NR_SIG_CALLS && bad < 0; i++)
			if ((r = sig_call(i, cases[c].e)) != cases[c].want)
				bad = i;
		tap_ok(bad < 0, "signal calls on %s (#%d gave %d)", cases[c].what,
			bad, bad >= 0 ? r : 0);
	}
	tap_is(sys_sigmgr(PEER, SELF), OK, "main manages the peer now");
	tap_is(sig_call(2, PEER), -EBUSY, "sigsend to a process blocked in receive: EBUSY");
	tap_is(sig_call(3, PEER), -EBUSY, "sigreturn of a process blocked in receive: EBUSY");
	tap_is(sys_sigsend(PEER, 32, 0, 0x40000000u, 0x40000000u, 0, 0, NULL), -EINVAL,
		"sigsend of signal 32: EINVAL");
	tap_is(sys_sigsend(PEER, 1, 0, 0x40000000u, 0xf0000000u, 0, 0, NULL), -EINVAL,
		"sigsend with a kernel-space trampoline: EINVAL");
	tap_is(sys_sigsend(PEER, 1, 0, 0x40000000u, 0x40000000u, 0x1000, 0, NULL), -EINVAL,
		"sigsend with a kernel-space stack: EINVAL");
	tap_is(sys_runctl(PEER, RC_RESUME | RC_DELAY), -EINVAL, "runctl resume|delay: EINVAL");
	tap_is(sys_runctl(PEER, RC_RESUME), OK, "resuming a running process is harmless");
}

int main(const char *args)
{
	message m;

	if (tap_role(args, "peer"))
		return peer();
	each_bad("send with bogus message pointers: EFAULT", op_send, -EFAULT);
	each_bad("sendnb with bogus message pointers: EFAULT", op_sendnb, -EFAULT);
	each_bad("sendrec with bogus message pointers: EFAULT", op_sendrec, -EFAULT);
	each_bad("receive with bogus buffers: EFAULT", op_receive, -EFAULT);
	each_bad("senda with bogus tables: EFAULT", op_senda, -EFAULT);
	each_bad("kernel call with bogus message pointers: EFAULT", op_kcall, -EFAULT);
	each_bad("diagnostic print of bogus text: EFAULT", op_diag, -EFAULT);
	each_bad("IPC counters into bogus memory: EFAULT", op_ipcstat, -EFAULT);
	straddling();
	self_grant = cpf_grant_direct(MAIN, (vir_bytes)data, sizeof(data),
		CPF_READ | CPF_WRITE);
	each_bad("safecopyfrom into bogus local memory: EFAULT", op_copyfrom_local, -EFAULT);
	each_bad("safecopyto from bogus local memory: EFAULT", op_copyto_local, -EFAULT);
	each_bad("grants over bogus granter memory: EFAULT", op_grant_addr, -EFAULT);
	each_bad("bogus grant tables: EINVAL", op_grant_table, -EINVAL);
	each_bad("privctl get into bogus memory: EFAULT", op_privctl, -EFAULT);
	each_bad("privctl set from bogus memory: EFAULT", op_privset, -EFAULT);
	bogus_vm_calls();
	bogus_sig_calls();
	memset(&m, 0, sizeof(m));
	m.m_type = OK;
	tap_ok(ipc_sendrec(PEER, &m) == OK, "IPC still works afterwards");
	tap_done();
}
