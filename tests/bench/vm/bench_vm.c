/*
 * bench_vm.c - a page fault resolved through VM (fault, KERNEL
 * notification, VMCTL_GET_FAULT, SYS_MEMMAP of a zeroed page, VMCTL_RESUME,
 * the instruction again) and a copy-on-write fault (the same with
 * SYS_VMQUERY + SYS_VMREPLACE copying the frame), per fault, in TSC cycles
 * and nanoseconds, against a null kernel call measured in the same boot.
 *   boot: bench_vm role=vm priv=sys, bench_vm role=client
 * Prints "bench: <what> <n> iterations <cycles> cycles <ns> ns" lines; under
 * -icount shift=0 the cycles are guest instructions.
 */
#include <mica/syslib.h>
#include "../lib/bench_sys.h"

#define VM 0
#define CLIENT 1
#define PAGES 2000
#define LAZY 0x90000000u
#define COW  0xa0000000u
#define CMD_COW 1
#define CMD_DONE 2

/* Write one word into each of PAGES pages at base: one fault each. */
static void touch(const char *what, vir_bytes base)
{
	struct bench_mark s = bench_now();
	u32_t i;

	for (i = 0; i < PAGES; i++)
		*(volatile u32_t *)(base + i * PAGE_SIZE) = i;
	bench_report(what, PAGES, s);
}

static void null_calls(void)
{
	struct bench_mark s = bench_now();
	endpoint_t e;
	u32_t i;

	for (i = 0; i < 20000; i++)
		sys_getinfo(&e, NULL);
	bench_report("null-kernel-call", 20000, s);
}

static int client(void)
{
	message m;

	ipc_receive(VM, &m);
	*(volatile u32_t *)(LAZY - PAGE_SIZE) = 1;	/* warm the path */
	touch("vm-pagefault", LAZY);
	memset(&m, 0, sizeof(m));
	m.m_type = CMD_COW;
	ipc_sendrec(VM, &m);
	touch("cow-fault", COW);
	null_calls();
	m.m_type = CMD_DONE;
	ipc_sendrec(VM, &m);
	return 0;
}

static void serve_faults(void)
{
	mess_lsys_krn_vmctl f;
	vir_bytes page;
	u32_t refs = 0, prot;
	phys_bytes pa;

	while (sys_vmctl_get_fault(&f) == OK && f.endpt != NONE) {
		page = f.addr & ~(PAGE_SIZE - 1);
		if (!f.present)
			sys_memmap(f.owner, page, PAGE_SIZE, MAP_WRITE);
		else if (sys_vmquery(f.owner, page, &pa, &prot, &refs) == OK &&
		    refs > 1)
			sys_vmreplace(f.owner, page, PAGE_SIZE, VMPROT_RW);
		else
			sys_vmprot(f.owner, page, PAGE_SIZE, VMPROT_RW);
		sys_vmctl_resume(f.endpt, OK);
	}
}

int main(const char *args)
{
	struct priv_info pv;
	const char *role = arg_value(args, "role");
	endpoint_t child;
	message m;

	if (role && !memcmp(role, "client", 6))
		return client();
	memset(&pv, 0, sizeof(pv));
	sys_privctl(SELF, PRIV_GET, &pv);
	pv.flags |= PF_VM;
	sys_privctl(SELF, PRIV_SET, &pv);
	memset(&m, 0, sizeof(m));
	ipc_send(CLIENT, &m);
	for (;;) {
		if (ipc_receive(ANY, &m) != OK)
			continue;
		if (m.m_source == KERNEL) {
			serve_faults();
			continue;
		}
		if (m.m_type == CMD_DONE)
			sys_shutdown(0);
		/* CMD_COW: the client's pages shared with a fork child */
		sys_memmap(CLIENT, COW, PAGES * PAGE_SIZE, MAP_WRITE);
		child = sys_fork_flags(CLIENT, FORK_NOCOPY | FORK_HOLD);
		sys_vmshare(child, COW, CLIENT, COW, PAGES * PAGE_SIZE, VMPROT_READ);
		sys_vmprot(CLIENT, COW, PAGES * PAGE_SIZE, VMPROT_READ);
		ipc_send(CLIENT, &m);
	}
}
