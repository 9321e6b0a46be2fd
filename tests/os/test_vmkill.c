/*
 * test_vmkill.c - the VM server survives its own death, and never blocks
 * on RS.  A stand-in RS in RS's slot:
 *   - inits VM by senda and, before taking VM's reply, asks VM for heap
 *     and touches it (a page fault into VM): VM's init reply must not
 *     block on RS (it goes by senda, as SEF does);
 *   - lets a client lay out memory (mmap, brk), then crashes VM (SIGSEGV
 *     with RS as manager: VM is stopped, its slot kept), while the client
 *     faults on a lazily filled page and waits;
 *   - swaps a second VM instance into VM's slot (SYS_UPDATE), inits it
 *     with SEF_INIT_RESTART naming the old instance; the new VM takes the
 *     old state window over: the waiting fault is answered, the client's
 *     regions, break and VM's statistics are all still known; then the
 *     old instance is cleared and everything keeps working.
 *   boot: vm priv=sys, kernel, kernel, test_vmkill role=rs priv=sys,
 *         test_vmkill role=client, vm priv=sys
 */
#include "tap.h"
#include <mica/abi.h>
#include <mica/callnr.h>
#include <mica/vmif.h>
#include <mica/sef.h>

#define VM 0
#define RS 3
#define CLIENT 4
#define VM2 5
#define RW (MICA_PROT_READ | MICA_PROT_WRITE)
#define PG_UP(a) (((a) + PAGE_SIZE - 1) & ~(vir_bytes)(PAGE_SIZE - 1))

static int vm_call(int type, message *m)
{
	int r;

	m->m_type = type;
	if ((r = ipc_sendrec(VM, m)) != OK)
		return r;
	return m->m_type;
}

static int brk_to(vir_bytes addr, vir_bytes *now)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_lc_vm_brk.addr = addr;
	r = vm_call(VM_BRK, &m);
	*now = m.m_lc_vm_brk.addr;
	return r;
}

static message init_msg(int type, endpoint_t old)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = RS_INIT;
	m.m_rs_init.type = type;
	m.m_rs_init.old_ep = old;
	memcpy(m.m_rs_init.label, "vm", 3);
	return m;
}

static int init_reply(endpoint_t ep)
{
	message m;

	if (ipc_receive(ep, &m) != OK || m.m_type != RS_INIT_REPLY)
		return -9999;
	return m.m_rs_init_reply.result;
}

/* Ask the client to do step n; its answer, unless 'nowait'. */
static message client_step(u32_t n)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_u32.data[0] = n;
	ipc_send(CLIENT, &m);
	ipc_receive(CLIENT, &m);
	return m;
}

static void boot_init(void)
{
	message m = init_msg(SEF_INIT_FRESH, NONE);
	vir_bytes b = 0, now = 0;

	tap_is(asynsend(VM, &m), OK, "RS inits VM by senda");
	tap_is(brk_to(0, &b), OK, "and asks VM for its break before the reply");
	tap_is(brk_to(b + 2 * PAGE_SIZE, &now), OK, "grows its heap");
	*(volatile u32_t *)PG_UP(b) = 77;
	tap_ok(*(volatile u32_t *)PG_UP(b) == 77,
		"touches fresh memory (a fault into VM) while VM's reply is pending");
	tap_is(init_reply(VM), OK, "then VM's init reply arrives: OK");
}

static void crash_and_restart(void)
{
	mess_vm_info before, after;
	message m, q;

	memset(&q, 0, sizeof(q));
	q.m_vm_info.endpt = NONE;
	vm_call(VM_INFO, &q);
	before = q.m_vm_info;
	m = client_step(1);
	tap_ok(m.m_u32.data[0] == OK, "the client maps memory and grows its heap");
	tap_is(sys_sigmgr(VM, SELF), OK, "RS manages VM");
	tap_is(sys_kill(VM, SIGSEGV), OK, "VM crashes (stopped, slot kept)");
	memset(&m, 0, sizeof(m));
	m.m_u32.data[0] = 2;
	ipc_send(CLIENT, &m);		/* it faults and waits for a VM */
	tap_sleep(5);
	tap_is(sys_hold(VM2), OK, "hold the new instance");
	tap_is(sys_update(VM2, VM), OK, "swap it into VM's slot");
	tap_is(sys_release(VM), OK, "let it run");
	m = init_msg(SEF_INIT_RESTART, VM2);
	tap_is(ipc_send(VM, &m), OK, "init it: restart, the old instance named");
	tap_is(init_reply(VM), OK, "it took the old state over");
	ipc_receive(CLIENT, &m);
	tap_ok(m.m_u32.data[0] == 0x5151, "the fault that waited through the crash is answered");
	m = client_step(3);
	tap_ok(m.m_u32.data[0] == OK && m.m_u32.data[1] == 0x1111 && m.m_u32.data[2] == 0,
		"the client's regions are still known (old page kept, new page zero-filled)");
	tap_ok(m.m_u32.data[3] == OK, "its break is still known (shrink from the old top)");
	memset(&q, 0, sizeof(q));
	q.m_vm_info.endpt = NONE;
	tap_is(vm_call(VM_INFO, &q), OK, "VM_INFO from the new instance");
	after = q.m_vm_info;
	tap_ok(after.faults > before.faults && after.procs == before.procs,
		"statistics carried over: faults %u -> %u, %u processes", before.faults,
		after.faults, after.procs);
	tap_is(sys_clear(VM2), OK, "the old instance is cleared");
	m = client_step(4);
	tap_ok(m.m_u32.data[0] == OK && m.m_u32.data[1] == 0x2222,
		"and the system carries on: mmap, fault, munmap");
}

static vir_bytes area, heap;

/* The client's steps; it answers each with results in data[]. */
static void client_do(u32_t step, message *m)
{
	volatile u32_t *p = (u32_t *)area;
	vir_bytes now = 0;
	message q;

	memset(m, 0, sizeof(*m));
	if (step == 1) {
		memset(&q, 0, sizeof(q));
		q.m_lc_vm_mmap.len = 4 * PAGE_SIZE;
		q.m_lc_vm_mmap.prot = RW;
		q.m_lc_vm_mmap.flags = MICA_MAP_ANONYMOUS | MICA_MAP_PRIVATE;
		q.m_lc_vm_mmap.fd = -1;
		m->m_u32.data[0] = (u32_t)vm_call(VM_MMAP, &q);
		area = q.m_lc_vm_mmap.addr;
		((volatile u32_t *)area)[0] = 0x1111;
		brk_to(0, &heap);
		m->m_u32.data[0] |= (u32_t)brk_to(heap + 3 * PAGE_SIZE, &now);
	} else if (step == 2) {
		p[1024] = 0x5151;		/* page 1: VM is down */
		m->m_u32.data[0] = p[1024];
	} else if (step == 3) {
		m->m_u32.data[1] = p[0];
		m->m_u32.data[2] = p[2048];	/* page 2: never touched */
		m->m_u32.data[3] = (u32_t)brk_to(heap + PAGE_SIZE, &now);
	} else if (step == 4) {
		memset(&q, 0, sizeof(q));
		q.m_lc_vm_mmap.len = PAGE_SIZE;
		q.m_lc_vm_mmap.prot = RW;
		q.m_lc_vm_mmap.flags = MICA_MAP_ANONYMOUS | MICA_MAP_PRIVATE;
		q.m_lc_vm_mmap.fd = -1;
		m->m_u32.data[0] = (u32_t)vm_call(VM_MMAP, &q);
		*(volatile u32_t *)q.m_lc_vm_mmap.addr = 0x2222;
		m->m_u32.data[1] = *(volatile u32_t *)q.m_lc_vm_mmap.addr;
		p[3 * 1024] = 1;
		m->m_u32.data[0] |= (u32_t)vm_call(VM_MUNMAP, &q);
	}
}

static void __attribute__((noreturn)) client(void)
{
	message m;

	for (;;) {
		if (ipc_receive(RS, &m) != OK)
			continue;
		client_do(m.m_u32.data[0], &m);
		ipc_send(RS, &m);
	}
}

int main(const char *args)
{
	if (tap_role(args, "client"))
		client();
	boot_init();
	crash_and_restart();
	tap_done();
}
