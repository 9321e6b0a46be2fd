/*
 * bench_vmsrv.c - the VM server (vm/) under load, per operation, in TSC
 * cycles (guest instructions under -icount shift=0) and nanoseconds:
 *   anon-fault    a first touch of an anonymous private page: fault,
 *                 KERNEL notification, VM fetches it, finds the region,
 *                 SYS_MEMMAP of a zeroed frame, resume, the write again
 *   cow-fault     a write to a page shared copy-on-write with a fork
 *                 child (VM queries the share count, copies the frame)
 *   fork-exit     SYS_FORK (FORK_NOCOPY|FORK_HOLD) + VM_FORK + VM_EXIT +
 *                 SYS_CLEAR of a process with 64 touched heap pages and
 *                 its boot image: the memory work of fork+exit
 *   fork-eager    the same process forked by the kernel's eager copy and
 *                 cleared (no VM): what copy-on-write saves
 *   null-kernel-call  the reference, measured in the same boot
 *   boot: vm priv=sys, bench_vmsrv role=main priv=sys, kernel, kernel,
 *         bench_vmsrv role=other
 * Prints "bench: <what> <n> iterations <cycles> cycles <ns> ns".
 */
#include <mica/syslib.h>
#include "../lib/bench_sys.h"
#include <mica/abi.h>
#include <mica/callnr.h>
#include <mica/vmif.h>
#include <mica/sef.h>

#define VM 0
#define MAIN 1
#define OTHER 4
#define PAGES 2000
#define ROUNDS 200
#define T_DONE 0x7100
#define CMD_MAP 1		/* OTHER: map and touch PAGES pages */
#define CMD_TOUCH 2		/* OTHER: write them again (COW), report */

static int vm_call(int type, message *m)
{
	m->m_type = type;
	if (ipc_sendrec(VM, m) != OK)
		return -1;
	return m->m_type;
}

static vir_bytes map_anon(u32_t len)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_lc_vm_mmap.len = len;
	m.m_lc_vm_mmap.prot = MICA_PROT_READ | MICA_PROT_WRITE;
	m.m_lc_vm_mmap.flags = MICA_MAP_ANONYMOUS | MICA_MAP_PRIVATE;
	m.m_lc_vm_mmap.fd = -1;
	return vm_call(VM_MMAP, &m) == OK ? m.m_lc_vm_mmap.addr : 0;
}

static void touch(vir_bytes a, u32_t pages)
{
	u32_t i;

	for (i = 0; i < pages; i++)
		*(volatile u32_t *)(a + i * PAGE_SIZE) = i;
}

static endpoint_t vm_forked(endpoint_t parent)
{
	endpoint_t c = sys_fork_flags(parent, FORK_NOCOPY | FORK_HOLD);
	message m;

	memset(&m, 0, sizeof(m));
	m.m_vm_fork.parent = parent;
	m.m_vm_fork.child = c;
	if (c < 0 || vm_call(VM_FORK, &m) != OK)
		panic("bench: VM_FORK failed");
	return c;
}

static void vm_gone(endpoint_t c)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_vm_proc.endpt = c;
	vm_call(VM_EXIT, &m);
	sys_clear(c);
}

/* Tell OTHER to do cmd; wait for its answer. */
static void other_do(int cmd)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = cmd;
	ipc_sendrec(OTHER, &m);
}

static void faults(void)
{
	vir_bytes a = map_anon((PAGES + 1) * PAGE_SIZE);
	struct bench_mark s;
	endpoint_t c;

	touch(a + PAGES * PAGE_SIZE, 1);	/* warm the path */
	s = bench_now();
	touch(a, PAGES);
	bench_report("anon-fault", PAGES, s);
	other_do(CMD_MAP);
	c = vm_forked(OTHER);			/* its pages go copy-on-write */
	other_do(CMD_TOUCH);
	vm_gone(c);
}

static void fork_exit(void)
{
	struct bench_mark s;
	endpoint_t c;
	u32_t i;

	s = bench_now();
	for (i = 0; i < ROUNDS; i++)
		vm_gone(vm_forked(OTHER));
	bench_report("fork-exit", ROUNDS, s);
	s = bench_now();
	for (i = 0; i < ROUNDS; i++) {
		if ((c = sys_fork_flags(OTHER, FORK_HOLD)) < 0)
			panic("bench: eager fork failed");
		sys_clear(c);
	}
	bench_report("fork-eager", ROUNDS, s);
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

/* A small process: its boot image plus 64 touched heap pages; on
 * request it maps PAGES more, and times their copy-on-write faults. */
static void __attribute__((noreturn)) other(void)
{
	vir_bytes b, big = 0;
	struct bench_mark s;
	message m;

	memset(&m, 0, sizeof(m));
	vm_call(VM_BRK, &m);
	b = (m.m_lc_vm_brk.addr + PAGE_SIZE - 1) & ~(vir_bytes)(PAGE_SIZE - 1);
	m.m_lc_vm_brk.addr = b + 64 * PAGE_SIZE;
	vm_call(VM_BRK, &m);
	touch(b, 64);
	memset(&m, 0, sizeof(m));
	m.m_type = T_DONE;
	ipc_send(MAIN, &m);
	for (;;) {
		if (ipc_receive(MAIN, &m) != OK)
			continue;
		if (m.m_type == CMD_MAP) {
			big = map_anon(PAGES * PAGE_SIZE);
			touch(big, PAGES);
		} else if (m.m_type == CMD_TOUCH) {
			s = bench_now();
			touch(big, PAGES);
			bench_report("cow-fault", PAGES, s);
			memset(&m, 0, sizeof(m));
			m.m_lc_vm_mmap.addr = big;
			m.m_lc_vm_mmap.len = PAGES * PAGE_SIZE;
			vm_call(VM_MUNMAP, &m);
		}
		ipc_send(MAIN, &m);
	}
}

int main(const char *args)
{
	message m;

	if (arg_value(args, "role") && !memcmp(arg_value(args, "role"), "other", 5))
		other();
	ipc_receive(OTHER, &m);
	faults();
	fork_exit();
	null_calls();
	sys_shutdown(0);
	return 0;
}
