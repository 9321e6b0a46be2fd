/*
 * test_vmsrv.c - the VM server (vm/) with a stand-in PM: the main role
 * sits in PM's slot and drives VM_FORK / VM_EXIT / VM_EXEC_NEWMEM itself,
 * and is also a client of the C library's calls (brk, mmap, munmap,
 * mprotect) as libposix would send them.  A forker process asks it to
 * fork, exactly as libc asks PM: blocked in sendrec, it is forked with
 * SYS_FORK (FORK_NOCOPY|FORK_HOLD), VM_FORK makes the child's memory,
 * the child is released and both get their reply.  Its children check
 * copy-on-write isolation, the fault rule (guard pages, read-only pages,
 * outside any region: the child dies of SIGSEGV) and exhaustion; fork
 * storms must give every frame back; hostile requests get errors; an
 * exec layout is loaded and run (W^X).
 *   boot: vm priv=sys, test_vmsrv role=main priv=sys, kernel, kernel,
 *         test_vmsrv role=other, test_vmsrv role=forker
 */
#include "tap.h"
#include <mica/abi.h>
#include <mica/callnr.h>
#include <mica/vmif.h>
#include <mica/sef.h>

#define VM 0
#define MAIN 1
#define OTHER 4
#define FORKER 5

/* Between main (the stand-in PM), the forker and its children. */
#define T_FORK  0x7001		/* sendrec: fork me; reply child / 0 */
#define T_REAP  0x7002		/* sendrec: VM_EXIT + clear data[0] */
#define T_REP   0x7003		/* send: a result, data[0..2] */
#define CMD_COW     1
#define CMD_GUARD   2		/* map the fault-rule pages; reply addr */
#define CMD_SEGV    3		/* fork a child that does one bad access */
#define CMD_RESTORE 4
#define CMD_STORM   5
#define CMD_HOG     6
#define CMD_BIG     9		/* 100 MiB forked, then touched */
#define CMD_LUSRC   7		/* map LU_AT, write page 0 */
#define CMD_LUCHECK 8		/* report page 0 */
#define LU_AT 0xB8000000u
#define PAGE_OF(a) ((vir_bytes)(a) & ~(PAGE_SIZE - 1))
#define RW (MICA_PROT_READ | MICA_PROT_WRITE)
#define ANON (MICA_MAP_ANONYMOUS | MICA_MAP_PRIVATE)

static volatile char cow_page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

static int vm_call(int type, message *m)
{
	int r;

	m->m_type = type;
	if ((r = ipc_sendrec(VM, m)) != OK)
		return r;
	return m->m_type;
}

static int vm_brk(vir_bytes addr, vir_bytes *now)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_lc_vm_brk.addr = addr;
	r = vm_call(VM_BRK, &m);
	if (now)
		*now = m.m_lc_vm_brk.addr;
	return r;
}

static int vm_map(int call, vir_bytes addr, u32_t len, int prot, int flags,
	int fd, vir_bytes *out)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_lc_vm_mmap.addr = addr;
	m.m_lc_vm_mmap.len = len;
	m.m_lc_vm_mmap.prot = prot;
	m.m_lc_vm_mmap.flags = flags;
	m.m_lc_vm_mmap.fd = fd;
	r = vm_call(call, &m);
	if (out)
		*out = m.m_lc_vm_mmap.addr;
	return r;
}

static vir_bytes mmap_anon(u32_t len, int flags)
{
	vir_bytes a = 0;

	return vm_map(VM_MMAP, 0, len, RW, flags, -1, &a) == OK ? a : 0;
}

static int vm_proc_call(int type, endpoint_t ep)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_vm_proc.endpt = ep;
	return vm_call(type, &m);
}

static int vm_info(endpoint_t ep, mess_vm_info *out)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_vm_info.endpt = ep;
	r = vm_call(VM_INFO, &m);
	*out = m.m_vm_info;
	return r;
}

static int vm_regions(endpoint_t ep, struct vm_region_info *ri, u32_t max,
	u32_t *count)
{
	cp_grant_id_t g = cpf_grant_direct(VM, (vir_bytes)ri, max * sizeof(*ri),
		CPF_WRITE);
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_vm_regions.endpt = ep;
	m.m_vm_regions.grant = g;
	m.m_vm_regions.max = max;
	r = vm_call(VM_REGIONS, &m);
	*count = m.m_vm_regions.count;
	cpf_revoke(g);
	return r;
}

static int is_alive(endpoint_t ep)
{
	u32_t up, user;

	return sys_times(ep, &up, &user) == OK;
}

/* Wait until ep is gone (killed by the kernel's fault rule). */
static int died(endpoint_t ep)
{
	int i;

	for (i = 0; i < 200 && is_alive(ep); i++)
		tap_sleep(1);
	return !is_alive(ep);
}

/* Main as PM: fork the blocked requester, VM_FORK, release, reply to
 * both (the child's reply is 0). */
static void pm_do_fork(endpoint_t parent)
{
	endpoint_t c = sys_fork_flags(parent, FORK_NOCOPY | FORK_HOLD);
	message m;
	int r = c < 0 ? c : OK;

	if (c > 0) {
		memset(&m, 0, sizeof(m));
		m.m_vm_fork.parent = parent;
		m.m_vm_fork.child = c;
		if ((r = vm_call(VM_FORK, &m)) != OK) {
			sys_clear(c);
		} else {
			sys_release(c);
			memset(&m, 0, sizeof(m));
			m.m_type = 0;
			ipc_send(c, &m);
		}
	}
	memset(&m, 0, sizeof(m));
	m.m_type = r == OK ? c : r;
	ipc_send(parent, &m);
}

/* The PM way of ending a child: VM frees its memory, the slot goes. */
static int pm_reap(endpoint_t c)
{
	int r = vm_proc_call(VM_EXIT, c);

	sys_clear(c);
	return r;
}

/* Serve fork and reap requests until a report arrives; return it. */
static message serve(void)
{
	message m;

	for (;;) {
		if (ipc_receive(ANY, &m) != OK)
			continue;
		if (m.m_type == T_FORK) {
			pm_do_fork(m.m_source);
		} else if (m.m_type == T_REAP) {
			m.m_type = pm_reap((endpoint_t)m.m_u32.data[0]);
			ipc_send(m.m_source, &m);
		} else if (m.m_type == T_REP) {
			return m;
		}
	}
}

/* Tell the forker to do cmd, serve it, return its report. */
static message forker_do(u32_t cmd, u32_t a0, u32_t a1)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = (int)cmd;
	m.m_u32.data[0] = a0;
	m.m_u32.data[1] = a1;
	ipc_send(FORKER, &m);
	return serve();
}

static void info(void)
{
	mess_vm_info in;
	struct vm_region_info ri[32];
	u32_t n = 0;

	tap_is(vm_info(NONE, &in), OK, "VM_INFO of the system");
	tap_ok(in.total_pages > 1000 && in.free_pages < in.total_pages,
		"pool of %u frames, %u free", in.total_pages, in.free_pages);
	tap_ok(in.procs >= 2, "boot processes adopted: %u", in.procs);
	tap_is(vm_info(SELF, &in), -EINVAL, "VM_INFO of SELF (not an endpoint): EINVAL");
	tap_is(vm_info(MAIN, &in), OK, "VM_INFO of a process");
	tap_ok(in.vsize >= 64 * 1024 && in.rss > 0 && in.regions >= 2,
		"my memory: %u bytes, %u resident, %u regions", in.vsize, in.rss, in.regions);
	tap_is(vm_regions(MAIN, ri, 32, &n), OK, "VM_REGIONS");
	tap_ok(n >= 2 && ri[n - 1].addr + ri[n - 1].len == USER_STACK_TOP &&
		ri[n - 1].kind == VM_RK_STACK, "the last region is the stack (%u regions)", n);
	tap_ok(ri[0].addr == USER_BASE && ri[0].kind == VM_RK_BOOT,
		"the first is the boot image at USER_BASE");
}

static void brk_calls(void)
{
	vir_bytes b0 = 0, b = 0;
	volatile u32_t *p;
	int zero = 1, i;

	tap_is(vm_brk(0, &b0), OK, "brk(0) tells the break");
	tap_ok(b0 > USER_BASE && b0 < VM_MMAP_BASE, "break %x after the image", b0);
	tap_is(vm_brk(b0 + 5 * PAGE_SIZE + 10, &b), OK, "grow the break by 5 pages and a bit");
	tap_ok(b == b0 + 5 * PAGE_SIZE + 10, "the reply says where it is");
	p = (u32_t *)b0;
	for (i = 0; i < 6 * PAGE_SIZE / 4 - 4; i += 1024)
		zero &= p[i] == 0;
	for (i = 0; i < 6 * PAGE_SIZE / 4 - 4; i += 1024)
		p[i] = i + 1;
	tap_ok(zero && p[1024] == 1025, "heap pages are zero-filled and written on demand");
	tap_is(vm_brk(b0 + PAGE_SIZE, NULL), OK, "shrink the break");
	tap_is(vm_brk(b0 + 3 * PAGE_SIZE, NULL), OK, "grow it again");
	tap_ok(p[2 * 1024] == 0, "the page given back comes back zeroed");
	tap_is(vm_brk(0x3000, NULL), -ENOMEM, "break below user space: ENOMEM");
	tap_is(vm_brk(0xfffff001u, NULL), -ENOMEM, "break that wraps: ENOMEM");
	tap_is(vm_brk(VM_MMAP_BASE - PAGE_SIZE, NULL), -ENOMEM,
		"break of 1 GiB (more than memory): ENOMEM");
	tap_is(vm_brk(b0, NULL), OK, "back to the start");
}

static void mmap_calls(void)
{
	struct vm_region_info ri[64];
	vir_bytes a, b = 0, hint;
	volatile u32_t *p;
	u32_t n = 0, i, pieces = 0;

	a = mmap_anon(3 * PAGE_SIZE, ANON);
	tap_ok(a >= VM_MMAP_BASE && !(a & (PAGE_SIZE - 1)), "anonymous private mmap at %x", a);
	p = (u32_t *)a;
	p[0] = 11;
	p[1024] = 22;
	p[2048] = 33;
	tap_ok(p[0] + p[1024] + p[2048] == 66, "its pages are written and read");
	tap_is(vm_map(VM_MUNMAP, a + PAGE_SIZE, PAGE_SIZE, 0, 0, -1, NULL), OK,
		"unmap the middle page");
	vm_regions(MAIN, ri, 64, &n);
	for (i = 0; i < n; i++)
		if (ri[i].addr == a || ri[i].addr == a + 2 * PAGE_SIZE)
			pieces += ri[i].len == PAGE_SIZE;
	tap_ok(pieces == 2, "the region is split in two pages");
	tap_ok(p[0] == 11 && p[2048] == 33, "both ends keep their contents");
	hint = 0xB0000000u;
	tap_is(vm_map(VM_MMAP, hint, PAGE_SIZE, RW, ANON, -1, &b), OK, "mmap with a free hint");
	tap_ok(b == hint, "the hint is taken (%x)", b);
	tap_is(vm_map(VM_MMAP, a + PAGE_SIZE, PAGE_SIZE, RW, ANON | MICA_MAP_FIXED, -1, &b),
		OK, "MAP_FIXED into the hole");
	tap_ok(b == a + PAGE_SIZE && p[1024] == 0, "exactly there, zero-filled");
	p[1024] = 44;
	tap_is(vm_map(VM_MMAP, a, 2 * PAGE_SIZE, RW, ANON | MICA_MAP_FIXED, -1, &b), OK,
		"MAP_FIXED over existing pages replaces them");
	tap_ok(p[0] == 0 && p[1024] == 0 && p[2048] == 33, "the old contents are gone, the rest stays");
	tap_is(vm_map(VM_MMAP, a, PAGE_SIZE, RW, ANON, -1, &b), OK, "a hint on a used page");
	tap_ok(b != a, "goes elsewhere (%x)", b);
	vm_map(VM_MUNMAP, b, PAGE_SIZE, 0, 0, -1, NULL);
	tap_is(vm_map(VM_MUNMAP, a, 3 * PAGE_SIZE, 0, 0, -1, NULL), OK, "unmap all of it");
	tap_is(vm_map(VM_MUNMAP, a, 3 * PAGE_SIZE, 0, 0, -1, NULL), OK,
		"unmapping nothing is fine (POSIX)");
	vm_map(VM_MUNMAP, hint, PAGE_SIZE, 0, 0, -1, NULL);
}

#define VGA_TEXT 0xb8000u	/* device memory below the frame pool */

static int vm_phys(int type, phys_bytes phys, u32_t len, vir_bytes *addr,
	phys_bytes *got)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_vm_phys.phys = phys;
	m.m_vm_phys.len = len;
	r = vm_call(type, &m);
	*addr = m.m_vm_phys.addr;
	if (got)
		*got = m.m_vm_phys.phys;
	return r;
}

/* Driver memory: contiguous DMA memory and listed physical ranges. */
static void drivers(void)
{
	u32_t before = sys_free_frames();
	struct priv_info pv;
	volatile u16_t *vga;
	phys_bytes pa = 0, pu = 1;
	vir_bytes a = 0;
	u16_t old;

	tap_is(vm_phys(VM_CONTIG, 0, 3 * PAGE_SIZE, &a, &pa), OK, "VM_CONTIG of 3 pages");
	tap_ok(sys_umap(MAIN, a, 3 * PAGE_SIZE, &pu) == OK && pu == pa && pa,
		"physically contiguous at %x, as VM said", pa);
	*(volatile u32_t *)(a + 2 * PAGE_SIZE) = 9;
	tap_ok(*(volatile u32_t *)(a + 2 * PAGE_SIZE) == 9 && *(volatile u32_t *)a == 0,
		"zeroed and writable");
	tap_is(vm_map(VM_MUNMAP, a, 3 * PAGE_SIZE, 0, 0, -1, NULL), OK, "munmap it");
	tap_ok(sys_free_frames() == before, "its frames are back");
	tap_is(vm_phys(VM_CONTIG, 0, 0, &a, NULL), -EINVAL, "VM_CONTIG of 0 bytes: EINVAL");
	tap_is(vm_phys(VM_CONTIG, 0, 100, &a, NULL), -EINVAL, "VM_CONTIG of a part page: EINVAL");
	tap_is(vm_phys(VM_CONTIG, 0, 0x40000000u, &a, NULL), -ENOMEM, "VM_CONTIG of 1 GiB: ENOMEM");
	tap_is(vm_phys(VM_MAP_PHYS, VGA_TEXT, PAGE_SIZE, &a, NULL), -EPERM,
		"VM_MAP_PHYS of a range my privileges do not list: EPERM");
	memset(&pv, 0, sizeof(pv));
	sys_privctl(SELF, PRIV_GET, &pv);
	pv.mem_base[0] = VGA_TEXT;
	pv.mem_len[0] = 2 * PAGE_SIZE;
	sys_privctl(SELF, PRIV_SET, &pv);
	tap_is(vm_phys(VM_MAP_PHYS, VGA_TEXT + PAGE_SIZE, 2 * PAGE_SIZE, &a, NULL), -EPERM,
		"a range sticking out of the listed one: EPERM");
	tap_is(vm_phys(VM_MAP_PHYS, VGA_TEXT + 8, PAGE_SIZE, &a, NULL), -EINVAL,
		"unaligned: EINVAL");
	tap_is(vm_phys(VM_MAP_PHYS, 0xfffff000u, 2 * PAGE_SIZE, &a, NULL), -EINVAL,
		"wrapping: EINVAL");
	tap_is(vm_phys(VM_MAP_PHYS, VGA_TEXT, PAGE_SIZE, &a, NULL), OK,
		"VM_MAP_PHYS of the listed VGA text memory");
	vga = (u16_t *)a;
	old = vga[0];
	vga[0] = 0x1f4d;
	tap_ok(vga[0] == 0x1f4d, "device memory written and read back at %x", a);
	vga[0] = old;
	tap_is(vm_map(VM_MUNMAP, a, PAGE_SIZE, 0, 0, -1, NULL), OK, "and unmapped");
	pv.mem_len[0] = 0;
	sys_privctl(SELF, PRIV_SET, &pv);
}

static void hostile(void)
{
	message m;
	vir_bytes a;
	int i, bad = 0;

	tap_is(vm_map(VM_MMAP, 0, 0, RW, ANON, -1, &a), -EINVAL, "mmap of 0 bytes: EINVAL");
	tap_is(vm_map(VM_MMAP, 0, 0xfffff001u, RW, ANON, -1, &a), -EINVAL,
		"mmap whose length wraps when rounded: EINVAL");
	tap_is(vm_map(VM_MMAP, 0, 0x40000000u, RW, ANON, -1, &a), -ENOMEM,
		"mmap of 1 GiB: ENOMEM");
	tap_is(vm_map(VM_MMAP, 0, PAGE_SIZE, 0x80, ANON, -1, &a), -EINVAL, "unknown prot: EINVAL");
	tap_is(vm_map(VM_MMAP, 0, PAGE_SIZE, RW, ANON | 0x4000, -1, &a), -EINVAL,
		"unknown flag: EINVAL");
	tap_is(vm_map(VM_MMAP, 0, PAGE_SIZE, RW, MICA_MAP_ANONYMOUS, -1, &a), -EINVAL,
		"neither shared nor private: EINVAL");
	tap_is(vm_map(VM_MMAP, 0, PAGE_SIZE, RW, MICA_MAP_PRIVATE, 3, &a), -ENODEV,
		"a file mapping: ENODEV");
	tap_is(vm_map(VM_MMAP, 0x1000, PAGE_SIZE, RW, ANON | MICA_MAP_FIXED, -1, &a), -EINVAL,
		"MAP_FIXED in kernel space: EINVAL");
	tap_is(vm_map(VM_MMAP, 0x90000010u, PAGE_SIZE, RW, ANON | MICA_MAP_FIXED, -1, &a),
		-EINVAL, "MAP_FIXED unaligned: EINVAL");
	tap_is(vm_map(VM_MMAP, 0xeffff000u, 0x2000, RW, ANON | MICA_MAP_FIXED, -1, &a),
		-EINVAL, "MAP_FIXED past user space: EINVAL");
	tap_is(vm_map(VM_MUNMAP, 0x90000010u, PAGE_SIZE, 0, 0, -1, NULL), -EINVAL,
		"munmap unaligned: EINVAL");
	tap_is(vm_map(VM_MUNMAP, 0x90000000u, 0, 0, 0, -1, NULL), -EINVAL, "munmap of 0: EINVAL");
	tap_is(vm_map(VM_MUNMAP, 0xfffff000u, 0x2000, 0, 0, -1, NULL), -EINVAL,
		"munmap wrapping: EINVAL");
	tap_is(vm_map(VM_MPROTECT, 0x90000000u, PAGE_SIZE, MICA_PROT_READ, 0, -1, NULL),
		-ENOMEM, "mprotect of unmapped memory: ENOMEM");
	tap_is(vm_map(VM_MPROTECT, 0x90000000u, PAGE_SIZE, 0x100, 0, -1, NULL), -EINVAL,
		"mprotect with an unknown prot: EINVAL");
	tap_is(vm_proc_call(VM_EXIT, 4321), -EINVAL, "VM_EXIT of a bogus endpoint: EINVAL");
	tap_is(vm_proc_call(VM_EXIT, VM), -EINVAL, "VM_EXIT of VM itself: EINVAL");
	tap_is(vm_proc_call(VM_EXEC_DONE, -7), -EINVAL, "VM_EXEC_DONE of -7: EINVAL");
	memset(&m, 0, sizeof(m));
	m.m_vm_fork.parent = MAIN;
	m.m_vm_fork.child = OTHER;
	tap_is(vm_call(VM_FORK, &m), -EINVAL, "VM_FORK onto a process VM knows: EINVAL");
	m.m_vm_fork.child = 77;
	tap_is(vm_call(VM_FORK, &m), -EINVAL, "VM_FORK onto no process: EINVAL");
	m.m_vm_fork.child = sys_fork_flags(OTHER, FORK_HOLD);	/* eager copy */
	tap_is(vm_call(VM_FORK, &m), -EINVAL,
		"VM_FORK onto a process that holds memory: EINVAL");
	sys_clear(m.m_vm_fork.child);
	memset(&m, 0, sizeof(m));
	m.m_vm_regions.endpt = MAIN;
	m.m_vm_regions.max = 1u << 30;
	tap_is(vm_call(VM_REGIONS, &m), -EINVAL, "VM_REGIONS with a huge count: EINVAL");
	m.m_vm_regions.max = 4;
	m.m_vm_regions.grant = 12345;
	tap_ok(vm_call(VM_REGIONS, &m) < 0, "VM_REGIONS into a bad grant: an error");
	memset(&m, 0, sizeof(m));
	tap_is(vm_call(0x2399, &m), -ENOSYS, "an unknown request: ENOSYS");
	memset(&m, 0, sizeof(m));
	m.m_u32.data[0] = 1;
	ipc_send(OTHER, &m);
	tap_ok(ipc_receive(OTHER, &m) == OK && (int)m.m_u32.data[0] == -EPERM &&
		(int)m.m_u32.data[1] == -EPERM && (int)m.m_u32.data[2] == -EPERM,
		"VM_FORK, VM_EXIT, VM_EXEC_NEWMEM from a non-server: EPERM");
	tap_ok((int)m.m_u32.data[3] == -EPERM, "VM_CONTIG from a user process: EPERM");
	tap_ok((int)m.m_u32.data[4] == -EPERM, "VM_LU_COPY from a user process: EPERM");
	for (i = 0; i < 7; i++)
		bad += (int)m.m_u32.data[5 + i] != -EPERM;
	tap_is(bad, 0, "VM_FILE_MAP .. VM_FILE_PREFAULT from anyone but VFS: EPERM");
}

static void cow_isolation(void)
{
	mess_vm_info before, after;
	message m;

	vm_info(NONE, &before);
	m = forker_do(CMD_COW, 0, 0);
	tap_ok(m.m_u32.data[0] == ('P' | 'C' << 8),
		"the child saw the parent's page, then wrote its own (%x)", m.m_u32.data[0]);
	tap_ok(m.m_u32.data[1] == 'Q', "the parent's page stays its own, and writable");
	tap_ok(m.m_u32.data[2] == 2, "a MAP_SHARED page is shared with the child");
	vm_info(NONE, &after);
	tap_ok(after.cow_copies > before.cow_copies && after.faults > before.faults,
		"copy-on-write copies: %u -> %u", before.cow_copies, after.cow_copies);
	tap_is(vm_proc_call(VM_EXIT, (endpoint_t)m.m_u32.data[3]), -EINVAL,
		"VM_EXIT of the reaped child again: EINVAL");
}

/* The forker's child does one bad access and must die of it. */
static void segv_child(vir_bytes addr, int write, const char *what)
{
	message m = forker_do(CMD_SEGV, addr, write);
	endpoint_t c = (endpoint_t)m.m_u32.data[0];

	tap_ok(c > 0 && died(c), "%s: SIGSEGV", what);
	vm_proc_call(VM_EXIT, c);
}

static void fault_rule(void)
{
	message m = forker_do(CMD_GUARD, 0, 0);
	vir_bytes a = m.m_u32.data[0];

	tap_ok(a >= VM_MMAP_BASE && m.m_u32.data[1] == 0,
		"mprotect PROT_NONE (guard page) and PROT_READ");
	segv_child(a + PAGE_SIZE, 0, "reading the guard page");
	segv_child(a + PAGE_SIZE + 8, 1, "writing the guard page");
	segv_child(a, 1, "writing a read-only page");
	segv_child(0x9f000000u, 0, "reading outside every region");
	segv_child(USER_STACK_TOP - USER_STACK_SIZE - PAGE_SIZE, 1, "writing below the stack");
	m = forker_do(CMD_RESTORE, a, 0);
	tap_ok(m.m_u32.data[0] == 0, "mprotect back to read-write");
	tap_ok(m.m_u32.data[1] == 0x1234, "the guard page kept its contents");
	tap_ok(m.m_u32.data[2] == 5, "and the read-only page is writable again");
}

/* Issue 9's isolation check at size: 100 MiB forked, then touched. */
static void big_fork(void)
{
	u32_t before = sys_free_frames();
	message m = forker_do(CMD_BIG, 0, 0);

	tap_ok(m.m_u32.data[0] == 1, "100 MiB mapped and touched");
	tap_ok(m.m_u32.data[1] == 1, "the fork child sees all of it and writes its own page");
	tap_ok(m.m_u32.data[2] == 1, "then the parent writes every page (taken over, not copied)");
	tap_ok(sys_free_frames() + 26 >= before,
		"and it all comes back but the 25 page tables kept (%u, was %u)",
		sys_free_frames(), before);
}

static void fork_storm(void)
{
	u32_t before, after = 0, tries;
	message m;

	forker_do(CMD_STORM, 2, 0);		/* VM's own pools warmed */
	before = sys_free_frames();
	m = forker_do(CMD_STORM, 200, 0);
	for (tries = 0; tries < 20 && (after = sys_free_frames()) != before; tries++)
		tap_sleep(1);
	tap_ok(m.m_u32.data[0] == 200, "200 fork/write/exit rounds (%u)", m.m_u32.data[0]);
	tap_ok(after == before, "free frames back to the start: %u, was %u", after, before);
	tap_ok(m.m_u32.data[1] == 1, "the parent's pages never changed");
}

/* Live update's needs: regions (stack flagged) and a copy-on-write copy
 * of another instance's memory over the caller's. */
static void live_update(void)
{
	struct sef_region r[SEF_REGIONS_MAX];
	volatile u32_t *p = (u32_t *)LU_AT;
	int n, i, stack = 0;
	message m;

	n = vm_lu_regions(MAIN, r, SEF_REGIONS_MAX);
	for (i = 0; i < n; i++)
		stack += (r[i].flags & SEF_REGION_STACK) &&
			r[i].addr + r[i].len == USER_STACK_TOP;
	tap_ok(n >= 2 && stack == 1, "vm_lu_regions: %d regions, the stack flagged", n);
	tap_is(vm_lu_regions(MAIN, r, 1), -E2BIG, "vm_lu_regions with too small a table: E2BIG");
	m = forker_do(CMD_LUSRC, 0, 0);
	tap_is(vm_lu_copy(FORKER, MAIN, LU_AT, 2 * PAGE_SIZE), OK,
		"vm_lu_copy of another process's mapping over my addresses");
	tap_ok(p[0] == 0xfeed && p[1024] == 0, "its contents, and its never-touched page is mine to fill");
	p[0] = 1;
	m = forker_do(CMD_LUCHECK, 0, 0);
	tap_ok(m.m_u32.data[0] == 0xfeed && p[0] == 1, "copy-on-write: each keeps its own");
	tap_is(vm_lu_copy(FORKER, OTHER, LU_AT, PAGE_SIZE), -EINVAL,
		"vm_lu_copy into someone else: EINVAL");
	tap_is(vm_lu_copy(FORKER, MAIN, LU_AT + 4, PAGE_SIZE), -EINVAL,
		"vm_lu_copy unaligned: EINVAL");
	vm_map(VM_MUNMAP, LU_AT, 2 * PAGE_SIZE, 0, 0, -1, NULL);
}

static void exhaustion(void)
{
	u32_t before = sys_free_frames();
	mess_vm_info in;
	message m = forker_do(CMD_HOG, 0, 0);

	tap_ok(m.m_u32.data[0] > 16 && m.m_u32.data[0] < 1024,
		"mmap+touch until ENOMEM: %u MiB, then ENOMEM", m.m_u32.data[0]);
	tap_is(vm_info(NONE, &in), OK, "VM still answers");
	tap_ok(in.ooms > 0, "and counted the refusal (%u)", in.ooms);
	tap_ok(sys_free_frames() + 8 >= before, "the hog's memory is back (%u, was %u)",
		sys_free_frames(), before);
}

/* Hand-made program: store 0x1234 at DATA_AT, wait until DATA_AT+4 is
 * not zero, then write its own text (W^X: SIGSEGV). */
static const u8_t prog[] = {
	0xc7, 0x05, 0x00, 0x00, 0x40, 0x40, 0x34, 0x12, 0x00, 0x00,
	0xa1, 0x04, 0x00, 0x40, 0x40,		/* 1: mov DATA_AT+4, %eax */
	0x85, 0xc0, 0x74, 0xf7,			/* test; jz 1b */
	0xc7, 0x05, 0x00, 0x00, 0x20, 0x40, 0x01, 0x00, 0x00, 0x00,
	0xeb, 0xfe,
};
#define TEXT_AT 0x40200000u
#define DATA_AT 0x40400000u

static int newmem(endpoint_t c, struct vm_exec_seg *s, u32_t n, u32_t stack,
	mess_vm_exec *out)
{
	cp_grant_id_t g = cpf_grant_direct(VM, (vir_bytes)s, n * sizeof(*s), CPF_READ);
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_vm_exec.endpt = c;
	m.m_vm_exec.segs = g;
	m.m_vm_exec.nsegs = n;
	m.m_vm_exec.stack_size = stack;
	m.m_vm_exec.frame_len = 64;
	r = vm_call(VM_EXEC_NEWMEM, &m);
	cpf_revoke(g);
	if (out)
		*out = m.m_vm_exec;
	return r;
}

static void exec_layout(void)
{
	struct vm_exec_seg s[2] = {
		{ TEXT_AT, 2 * PAGE_SIZE, sizeof(prog), MICA_PROT_READ | MICA_PROT_EXEC },
		{ DATA_AT, 3 * PAGE_SIZE + 100, 16, RW },
	}, bad[2];
	struct vm_region_info ri[8];
	endpoint_t c = sys_fork_flags(OTHER, FORK_NOCOPY | FORK_HOLD);
	cp_grant_id_t gt, gd, gp;
	mess_vm_exec ex;
	u32_t n = 0, v = 0, i, go = 1;
	message m;

	memset(&m, 0, sizeof(m));
	m.m_vm_fork.parent = OTHER;
	m.m_vm_fork.child = c;
	tap_is(vm_call(VM_FORK, &m), OK, "a held child for exec");
	memcpy(bad, s, sizeof(s));
	bad[1].vaddr = TEXT_AT + PAGE_SIZE + 8;
	tap_is(newmem(c, bad, 2, 0, NULL), -EINVAL, "segments sharing a page: EINVAL");
	memcpy(bad, s, sizeof(s));
	bad[0].filesz = 3 * PAGE_SIZE;
	tap_is(newmem(c, bad, 2, 0, NULL), -EINVAL, "filesz > memsz: EINVAL");
	memcpy(bad, s, sizeof(s));
	bad[1].memsz = 0xfffff000u;
	tap_is(newmem(c, bad, 2, 0, NULL), -EINVAL, "a segment that wraps: EINVAL");
	tap_is(newmem(c, s, 0, 0, NULL), -EINVAL, "no segments: EINVAL");
	tap_is(newmem(c, s, 2, VM_STACK_MAX + PAGE_SIZE, NULL), -EINVAL, "a huge stack: EINVAL");
	tap_is(newmem(c, s, 2, 0, &ex), OK, "VM_EXEC_NEWMEM");
	tap_ok(ex.stack_top == USER_STACK_TOP && ex.brk == DATA_AT + 4 * PAGE_SIZE,
		"stack top %x, first break %x", ex.stack_top, ex.brk);
	vm_regions(c, ri, 8, &n);
	tap_ok(n == 3 && ri[0].kind == VM_RK_TEXT && ri[1].kind == VM_RK_DATA &&
		ri[2].kind == VM_RK_STACK && ri[2].len == VM_STACK_DEFAULT,
		"text, data and stack regions (%u)", n);
	gt = cpf_grant_magic(MAIN, c, TEXT_AT, sizeof(prog), CPF_WRITE);
	gd = cpf_grant_magic(MAIN, c, DATA_AT + 3 * PAGE_SIZE, 4, CPF_READ);
	tap_is(sys_safecopyto(MAIN, gt, 0, prog, sizeof(prog)), OK,
		"the loader writes the text before VM_EXEC_DONE");
	tap_ok(sys_safecopyfrom(MAIN, gd, 0, &v, 4) == OK && v == 0,
		"bss is zero-filled on demand (through a copy)");
	tap_is(vm_proc_call(VM_EXEC_DONE, c), OK, "VM_EXEC_DONE");
	tap_ok(sys_safecopyto(MAIN, gt, 0, prog, sizeof(prog)) < 0,
		"then the text is read-only, even to the loader");
	sys_exec(c, TEXT_AT, USER_STACK_TOP - 64);
	sys_release(c);
	gp = cpf_grant_magic(MAIN, c, DATA_AT, 8, CPF_READ | CPF_WRITE);
	for (i = 0, v = 0; i < 200 && v != 0x1234; i++) {
		tap_sleep(1);
		sys_safecopyfrom(MAIN, gp, 0, &v, 4);
	}
	tap_ok(v == 0x1234, "the program runs and writes its data");
	sys_safecopyto(MAIN, gp, 4, &go, 4);
	tap_ok(died(c), "then dies writing its own text (W^X)");
	cpf_revoke(gt);
	cpf_revoke(gd);
	cpf_revoke(gp);
	vm_proc_call(VM_EXIT, c);
}

/* ---- the forker and its children ---- */

static endpoint_t forker_self;

static endpoint_t do_fork(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = T_FORK;
	if (ipc_sendrec(MAIN, &m) != OK)
		return -1;
	return m.m_type;
}

static void report(u32_t a, u32_t b, u32_t c, u32_t d)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = T_REP;
	m.m_u32.data[0] = a;
	m.m_u32.data[1] = b;
	m.m_u32.data[2] = c;
	m.m_u32.data[3] = d;
	ipc_send(MAIN, &m);
}

/* In a child: give v to the forker, then wait to be reaped. */
static void child_done(u32_t v)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_u32.data[0] = v;
	ipc_send(forker_self, &m);
	for (;;)
		ipc_receive(MAIN, &m);
}

/* In the forker: the child's value, then have it reaped. */
static u32_t child_result(endpoint_t c)
{
	message m;
	u32_t v = 0xdead;

	if (ipc_receive(c, &m) == OK)
		v = m.m_u32.data[0];
	memset(&m, 0, sizeof(m));
	m.m_type = T_REAP;
	m.m_u32.data[0] = (u32_t)c;
	ipc_sendrec(MAIN, &m);
	return v;
}

static void f_cow(void)
{
	volatile u32_t *sp = (u32_t *)mmap_anon(PAGE_SIZE,
		MICA_MAP_ANONYMOUS | MICA_MAP_SHARED);
	endpoint_t c;
	u32_t v;

	cow_page[0] = 'P';
	sp[0] = 1;
	if ((c = do_fork()) == 0) {
		u32_t saw = cow_page[0];

		cow_page[0] = 'C';
		sp[0] = 2;
		child_done(saw | (u32_t)cow_page[0] << 8);
	}
	v = child_result(c);
	cow_page[0] = cow_page[0] == 'P' ? 'Q' : 'X';
	report(v, cow_page[0], sp[0], (u32_t)c);
	vm_map(VM_MUNMAP, (vir_bytes)sp, PAGE_SIZE, 0, 0, -1, NULL);
}

static vir_bytes guard;

static void f_guard(void)
{
	volatile u32_t *p;
	int r;

	guard = mmap_anon(3 * PAGE_SIZE, ANON);
	p = (u32_t *)guard;
	p[1024] = 0x1234;
	r = vm_map(VM_MPROTECT, guard + PAGE_SIZE, PAGE_SIZE, MICA_PROT_NONE, 0, -1, NULL);
	r |= vm_map(VM_MPROTECT, guard, PAGE_SIZE, MICA_PROT_READ, 0, -1, NULL);
	report(guard, (u32_t)r, 0, 0);
}

static void f_segv(vir_bytes addr, int write)
{
	endpoint_t c = do_fork();

	if (c == 0) {
		if (write)
			*(volatile u32_t *)addr = 1;
		else
			(void)*(volatile u32_t *)addr;
		child_done(0x600d);
	}
	report((u32_t)c, 0, 0, 0);
}

static void f_restore(void)
{
	volatile u32_t *p = (u32_t *)guard;
	int r = vm_map(VM_MPROTECT, guard, 2 * PAGE_SIZE, RW, 0, -1, NULL);

	p[0] = 5;
	report((u32_t)r, p[1024], p[0], 0);
	vm_map(VM_MUNMAP, guard, 3 * PAGE_SIZE, 0, 0, -1, NULL);
}

static void f_storm(u32_t rounds)
{
	vir_bytes a = mmap_anon(8 * PAGE_SIZE, ANON);
	volatile u32_t *p = (u32_t *)a;
	u32_t i, good = 0, same = 1;
	endpoint_t c;

	for (i = 0; i < 8; i++)
		p[i * 1024] = i;
	for (i = 0; i < rounds; i++) {
		if ((c = do_fork()) == 0) {
			p[(i % 8) * 1024] += 100;
			child_done(p[(i % 8) * 1024]);
		}
		if (c > 0 && child_result(c) == (i % 8) + 100)
			good++;
	}
	for (i = 0; i < 8; i++)
		same &= p[i * 1024] == i;
	vm_map(VM_MUNMAP, a, 8 * PAGE_SIZE, 0, 0, -1, NULL);
	report(good, same, 0, 0);
}

#define BIG (100u << 20)

static void f_big(void)
{
	vir_bytes a = mmap_anon(BIG, ANON);
	volatile u32_t *p = (u32_t *)a;
	u32_t i, ok = 1, n = BIG / PAGE_SIZE;
	endpoint_t c;

	if (!a) {
		report(0, 0, 0, 0);
		return;
	}
	for (i = 0; i < n; i++)
		p[i * 1024] = i;
	if ((c = do_fork()) == 0) {
		for (i = 0; i < n; i += 97)
			ok &= p[i * 1024] == i;
		p[0] = 0xc;
		child_done(ok && p[0] == 0xc);
	}
	ok = child_result(c) == 1;
	for (i = 0; i < n; i++)
		p[i * 1024] += 1;
	for (i = 0; i < n; i++)
		if (p[i * 1024] != i + 1)
			break;
	vm_map(VM_MUNMAP, a, BIG, 0, 0, -1, NULL);
	report(1, ok, i == n, 0);
}

static void f_hog(void)
{
	endpoint_t c = do_fork();

	if (c == 0) {
		u32_t n = 0, i;
		vir_bytes a;

		while ((a = mmap_anon(1 << 20, ANON)) != 0) {
			for (i = 0; i < (1 << 20); i += PAGE_SIZE)
				*(volatile u32_t *)(a + i) = i;
			n++;
		}
		child_done(n);
	}
	report(child_result(c), 0, 0, 0);
}

static void __attribute__((noreturn)) forker(void)
{
	message m;

	sys_getinfo(&forker_self, NULL);
	for (;;) {
		if (ipc_receive(MAIN, &m) != OK)
			continue;
		switch (m.m_type) {
		case CMD_COW: f_cow(); break;
		case CMD_GUARD: f_guard(); break;
		case CMD_SEGV: f_segv(m.m_u32.data[0], (int)m.m_u32.data[1]); break;
		case CMD_RESTORE: f_restore(); break;
		case CMD_STORM: f_storm(m.m_u32.data[0]); break;
		case CMD_HOG: f_hog(); break;
		case CMD_BIG: f_big(); break;
		case CMD_LUSRC:
			vm_map(VM_MMAP, LU_AT, 2 * PAGE_SIZE, RW, ANON | MICA_MAP_FIXED, -1, NULL);
			*(volatile u32_t *)LU_AT = 0xfeed;
			report(0, 0, 0, 0);
			break;
		case CMD_LUCHECK: report(*(volatile u32_t *)LU_AT, 0, 0, 0); break;
		}
	}
}

/* Ask VM, with the request in an mmap'd page, to unmap that page: the
 * reply cannot arrive. */
static void unmap_own_buffer(void)
{
	vir_bytes a = mmap_anon(PAGE_SIZE, ANON);
	message *q = (message *)a;

	memset(q, 0, sizeof(*q));
	q->m_lc_vm_mmap.addr = a;
	q->m_lc_vm_mmap.len = PAGE_SIZE;
	vm_call(VM_MUNMAP, q);
	child_done(0xbad);	/* never: VM's reply had nowhere to go */
}

/* The non-server: tries the server calls, reports the results. */
static void __attribute__((noreturn)) other(void)
{
	message m, q;
	int i;

	ipc_receive(MAIN, &m);
	memset(&q, 0, sizeof(q));
	q.m_vm_fork.parent = OTHER;
	q.m_vm_fork.child = OTHER;
	m.m_u32.data[0] = (u32_t)vm_call(VM_FORK, &q);
	memset(&q, 0, sizeof(q));
	q.m_vm_proc.endpt = MAIN;
	m.m_u32.data[1] = (u32_t)vm_call(VM_EXIT, &q);
	memset(&q, 0, sizeof(q));
	q.m_vm_exec.endpt = MAIN;
	m.m_u32.data[2] = (u32_t)vm_call(VM_EXEC_NEWMEM, &q);
	memset(&q, 0, sizeof(q));
	q.m_vm_phys.len = PAGE_SIZE;
	m.m_u32.data[3] = (u32_t)vm_call(VM_CONTIG, &q);
	memset(&q, 0, sizeof(q));
	q.m_vm_lu_copy.src = MAIN;
	q.m_vm_lu_copy.dst = OTHER;
	q.m_vm_lu_copy.addr = USER_BASE;
	q.m_vm_lu_copy.len = PAGE_SIZE;
	m.m_u32.data[4] = (u32_t)vm_call(VM_LU_COPY, &q);
	for (i = 0; i < 7; i++) {	/* the file calls are VFS's alone */
		memset(&q, 0, sizeof(q));
		q.m_vm_file_map.endpt = OTHER;
		q.m_vm_file_map.len = PAGE_SIZE;
		q.m_vm_file_map.prot = MICA_PROT_READ;
		q.m_vm_file_map.flags = MICA_MAP_PRIVATE;
		q.m_vm_file_map.obj = 1;
		m.m_u32.data[5 + i] = (u32_t)vm_call(VM_FILE_MAP + i, &q);
	}
	ipc_send(MAIN, &m);
	ipc_receive(MAIN, &m);
	unmap_own_buffer();
	for (;;)
		ipc_receive(MAIN, &m);
}

/* A request that takes away its own reply buffer: SIGSEGV, not a hang. */
static void suicide(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	ipc_send(OTHER, &m);
	tap_ok(died(OTHER), "a client that unmaps its own reply buffer dies (SIGSEGV), never hangs");
}

int main(const char *args)
{
	if (tap_role(args, "other"))
		other();
	if (tap_role(args, "forker"))
		forker();
	info();
	brk_calls();
	mmap_calls();
	hostile();
	drivers();
	cow_isolation();
	fault_rule();
	exec_layout();
	big_fork();
	fork_storm();
	live_update();
	exhaustion();
	suicide();
	tap_done();
}
