/*
 * test_mem.c - the memory calls and fork/exec for VM and PM: reference
 * counted frames (1,000 fork/exit rounds give every frame back), sharing,
 * protection in place, replacement, physical ranges only where the
 * privileges list them, contiguous memory and umap, fork flags (hold,
 * no copy), what a child inherits, exec resetting the name, a child forked
 * while its parent waits for a sendrec reply, and 256 process slots.
 *   boot: test_mem role=main priv=sys, test_mem role=client
 */
#include "tap.h"

#define MAIN 0
#define CLIENT 1
#define AREA 0x90000000u	/* scratch virtual addresses */
#define VGA_TEXT 0xb8000u	/* device memory below the frame pool */

static char pattern[64] = "shared frame contents";

static void sleep_ticks(u32_t n) { tap_sleep(n); }

static void fork_exit_rounds(void)
{
	u32_t before = sys_free_frames(), after = 0, i, tries;
	int r = OK, bad = 0;
	message m;

	for (i = 0; i < 1000 && !bad; i++) {
		r = sys_fork(SELF);
		if (r == 0) {
			memset(&m, 0, sizeof(m));
			ipc_send(MAIN, &m);
			sys_exit(0);
		}
		if (r < 0 || ipc_receive(r, &m) != OK)
			bad = 1;
	}
	for (tries = 0; tries < 50 && (after = sys_free_frames()) != before; tries++)
		sleep_ticks(1);
	tap_ok(!bad, "1000 fork/exit rounds (last result %d)", r);
	tap_ok(after == before, "free frames back to the start: %u, was %u", after, before);
}

/* A child that never runs: an address space to act on. */
static endpoint_t held_child(void)
{
	return sys_fork_flags(SELF, FORK_NOCOPY | FORK_HOLD);
}

static void share_and_replace(void)
{
	u32_t before, prot = 0, refs = 0, refs2 = 0;
	phys_bytes pa = 0, pb = 0;
	endpoint_t c;
	char *a = (char *)AREA;

	sys_memmap(SELF, AREA, PAGE_SIZE, 0);	/* page table stays: count it out */
	sys_unmap(SELF, AREA, PAGE_SIZE);
	before = sys_free_frames();
	c = held_child();

	tap_ok(c > 0, "fork NOCOPY|HOLD gives a child (%d)", c);
	tap_is(sys_memmap(SELF, AREA, PAGE_SIZE, MAP_WRITE), OK, "map a page");
	memcpy(a, pattern, sizeof(pattern));
	tap_is(sys_vmshare(c, AREA + PAGE_SIZE, SELF, AREA, PAGE_SIZE, VMPROT_READ),
		OK, "share the frame into the child, read-only");
	sys_vmquery(SELF, AREA, &pa, &prot, &refs);
	sys_vmquery(c, AREA + PAGE_SIZE, &pb, &prot, &refs2);
	tap_ok(pa == pb && refs == 2 && refs2 == 2 && prot == VMPROT_READ,
		"query: one frame, two mappings, child read-only (%x %x %u %u %u)",
		pa, pb, refs, refs2, prot);
	tap_is(sys_vmreplace(c, AREA + PAGE_SIZE, PAGE_SIZE, VMPROT_RW), OK,
		"replace the child's page by a copy");
	sys_vmquery(SELF, AREA, &pa, &prot, &refs);
	sys_vmquery(c, AREA + PAGE_SIZE, &pb, &prot, &refs2);
	tap_ok(pa != pb && refs == 1 && refs2 == 1 && prot == VMPROT_RW,
		"after replace: two frames, one mapping each, child rw");
	tap_is(sys_vmprot(SELF, AREA, PAGE_SIZE, VMPROT_READ), OK, "protect my page read-only");
	sys_vmquery(SELF, AREA, &pa, &prot, &refs);
	tap_ok(prot == VMPROT_READ, "query says read-only");
	tap_is(ipc_receive(ANY, (message *)AREA), -EFAULT,
		"the kernel will not write a read-only page any more");
	tap_ok(strcmp(a, pattern) == 0, "still readable");
	tap_is(sys_vmprot(SELF, AREA, PAGE_SIZE, VMPROT_NONE), OK, "protection none");
	tap_is(sys_vmquery(SELF, AREA, &pa, &prot, &refs), OK, "a none page still holds its frame");
	tap_ok(prot == VMPROT_NONE && refs == 1, "query: none, one mapping");
	tap_is(sys_vmprot(SELF, AREA, PAGE_SIZE, VMPROT_RW), OK, "back to read-write");
	tap_ok(strcmp(a, pattern) == 0, "contents kept through none");
	tap_is(sys_clear(c), OK, "clear the held child");
	tap_is(sys_unmap(SELF, AREA, PAGE_SIZE), OK, "unmap my page");
	tap_is((int)sys_free_frames(), (int)before, "every frame given back");
}

static void bad_memory_calls(void)
{
	phys_bytes pa;

	tap_is(sys_vmprot(SELF, AREA + 1, PAGE_SIZE, VMPROT_READ), -EINVAL, "vmprot unaligned: EINVAL");
	tap_is(sys_vmprot(SELF, 0xfffff000u, 0x2000, VMPROT_READ), -EINVAL, "vmprot wrapping: EINVAL");
	tap_is(sys_vmprot(SELF, AREA, PAGE_SIZE, 0x80), -EINVAL, "vmprot bad protection: EINVAL");
	tap_is(sys_vmshare(SELF, AREA, SELF, 0x10000000u, PAGE_SIZE, VMPROT_READ), -EINVAL,
		"share from kernel space: EINVAL");
	tap_is(sys_vmshare(SELF, AREA, SELF, AREA + 0x100000, PAGE_SIZE, VMPROT_READ), -EFAULT,
		"share of an unmapped page: EFAULT");
	tap_is(sys_vmshare(12345, AREA, SELF, AREA, PAGE_SIZE, VMPROT_READ), -ESRCH,
		"share into a dead endpoint: ESRCH");
	tap_is(sys_vmreplace(SELF, USER_TOP - PAGE_SIZE, 2 * PAGE_SIZE, VMPROT_RW), -EINVAL,
		"replace past user space: EINVAL");
	tap_is(sys_vmquery(SELF, AREA + 0x200000, &pa, NULL, NULL), -EFAULT, "query of nothing: EFAULT");
	tap_is(sys_umap(SELF, 0x1000, 4, &pa), -EINVAL, "umap of kernel space: EINVAL");
	tap_is(sys_umap(SELF, 0xfffffff0u, 0x100, &pa), -EINVAL, "umap wrapping: EINVAL");
	tap_is(sys_contigalloc(SELF, AREA, 0x40000000u, VMPROT_RW, &pa), -ENOMEM,
		"contiguous 1 GiB: ENOMEM");
	tap_is(sys_physmap(SELF, AREA, 0x123, PAGE_SIZE, VMPROT_RW), -EINVAL,
		"physmap unaligned: EINVAL");
	tap_is(sys_physmap(SELF, AREA, 0xfffff000u, 0x2000, VMPROT_RW), -EINVAL,
		"physmap wrapping: EINVAL");
}

/* VMQUERY with a length finds runs of held pages of one protection. */
static void query_runs(void)
{
	vir_bytes base = AREA + 0x400000, a = AREA;
	u32_t run = 0, prot = 0;

	sys_memmap(SELF, base, 3 * PAGE_SIZE, MAP_WRITE);
	sys_vmprot(SELF, base + 2 * PAGE_SIZE, PAGE_SIZE, VMPROT_READ);
	tap_ok(sys_vmquery_run(SELF, &a, 0x800000, &run, &prot, NULL) == OK &&
		a == base && run == 2 * PAGE_SIZE && prot == VMPROT_RW,
		"run query: first held page and the run of one protection (%x %x)", a, run);
	a = base + 2 * PAGE_SIZE;
	tap_ok(sys_vmquery_run(SELF, &a, 0x100000, &run, &prot, NULL) == OK &&
		a == base + 2 * PAGE_SIZE && run == PAGE_SIZE && prot == VMPROT_READ,
		"the read-only page is a run of its own");
	a = base + 3 * PAGE_SIZE;
	tap_is(sys_vmquery_run(SELF, &a, 0x10000000, &run, NULL, NULL), -EFAULT,
		"nothing held up to 0xa0400000: EFAULT");
	a = base + 1;
	tap_is(sys_vmquery_run(SELF, &a, PAGE_SIZE, &run, NULL, NULL), -EINVAL,
		"run query unaligned: EINVAL");
	a = 0xfffff000u;
	tap_is(sys_vmquery_run(SELF, &a, 0x2000, &run, NULL, NULL), -EINVAL,
		"run query wrapping: EINVAL");
	sys_unmap(SELF, base, 3 * PAGE_SIZE);
	tap_ok(sys_total_frames() > sys_free_frames() && sys_free_frames() > 0,
		"pool size reported (%u frames, %u free)", sys_total_frames(), sys_free_frames());
}

static void physical_ranges(void)
{
	struct priv_info pv;
	volatile u16_t *vga = (u16_t *)AREA;
	phys_bytes pa = 0;
	u16_t old;

	tap_is(sys_physmap(SELF, AREA, VGA_TEXT, PAGE_SIZE, VMPROT_RW), -EPERM,
		"physmap of a range not in my privileges: EPERM");
	memset(&pv, 0, sizeof(pv));
	sys_privctl(SELF, PRIV_GET, &pv);
	pv.mem_base[0] = VGA_TEXT;
	pv.mem_len[0] = 2 * PAGE_SIZE;
	tap_is(sys_privctl(SELF, PRIV_SET, &pv), OK, "list the VGA text memory");
	tap_is(sys_physmap(SELF, AREA, VGA_TEXT + PAGE_SIZE, 2 * PAGE_SIZE, VMPROT_RW), -EPERM,
		"a range sticking out of the listed one: EPERM");
	tap_is(sys_physmap(SELF, AREA, VGA_TEXT, PAGE_SIZE, VMPROT_RW), OK, "physmap VGA text");
	old = vga[0];
	vga[0] = 0x1f4d;
	tap_ok(vga[0] == 0x1f4d, "device memory is written and read back");
	vga[0] = old;
	tap_is(sys_umap(SELF, AREA + 6, 2, &pa), OK, "umap of device memory");
	tap_ok(pa == VGA_TEXT + 6, "umap gives its physical address (%x)", pa);
	tap_is(sys_unmap(SELF, AREA, PAGE_SIZE), OK, "unmap it (not a pool frame)");
	sys_memmap(SELF, AREA, PAGE_SIZE, MAP_WRITE);
	sys_umap(SELF, AREA, 1, &pa);
	pv.mem_base[1] = pa;
	pv.mem_len[1] = PAGE_SIZE;
	sys_privctl(SELF, PRIV_SET, &pv);
	tap_is(sys_physmap(SELF, AREA + PAGE_SIZE, pa, PAGE_SIZE, VMPROT_RW), -EPERM,
		"physmap of kernel-managed memory, even listed: EPERM");
	sys_unmap(SELF, AREA, PAGE_SIZE);
	pv.mem_len[0] = pv.mem_len[1] = 0;
	sys_privctl(SELF, PRIV_SET, &pv);
}

static void contiguous(void)
{
	u32_t before = sys_free_frames(), i;
	phys_bytes pa = 0, p2 = 0;
	int ok = 1;

	tap_is(sys_contigalloc(SELF, AREA, 16 * PAGE_SIZE, VMPROT_RW, &pa), OK,
		"16 contiguous pages");
	for (i = 0; i < 16; i++)
		if (sys_umap(SELF, AREA + i * PAGE_SIZE + 5, 1, &p2) != OK ||
		    p2 != pa + i * PAGE_SIZE + 5)
			ok = 0;
	tap_ok(ok && !(pa & (PAGE_SIZE - 1)), "each page is where umap says (%x)", pa);
	tap_ok(sys_umap(SELF, AREA + 100, 16 * PAGE_SIZE - 100, &p2) == OK &&
		p2 == pa + 100, "umap of the whole buffer in one piece");
	tap_is(sys_unmap(SELF, AREA, 16 * PAGE_SIZE), OK, "unmap it");
	tap_is((int)sys_free_frames(), (int)before, "frames given back");
}

static volatile int hold_ran;

static void hold_and_inherit(void)
{
	struct priv_info pv;
	message m;
	endpoint_t c;
	char buf[32];
	cp_grant_id_t g;

	memset(&pv, 0, sizeof(pv));
	sys_privctl(SELF, PRIV_GET, &pv);
	pv.flags |= PF_SIG_MGR;
	sys_privctl(SELF, PRIV_SET, &pv);
	g = cpf_grant_direct(MAIN, (vir_bytes)pattern, sizeof(pattern), CPF_READ);
	c = sys_fork_flags(SELF, FORK_HOLD);
	if (c == 0) {
		hold_ran = 1;
		memset(&m, 0, sizeof(m));
		m.m_u32.data[0] = (u32_t)cpf_grant_direct(MAIN, (vir_bytes)pattern,
			sizeof(pattern), CPF_READ);
		m.m_u32.data[1] = (u32_t)g;
		ipc_send(MAIN, &m);
		ipc_receive(MAIN, &m);
		sys_exit(0);
	}
	pv.flags &= ~PF_SIG_MGR;
	sys_privctl(SELF, PRIV_SET, &pv);
	memset(&pv, 0, sizeof(pv));
	tap_is(sys_privctl(c, PRIV_GET, &pv), OK, "read the child's privileges");
	tap_ok(!(pv.flags & (PF_SIG_MGR | PF_VM)) && (pv.flags & PF_SYS_PROC),
		"PF_SIG_MGR not inherited, the rest is (%x)", pv.flags);
	sys_setalarm(3, NULL);
	tap_ok(ipc_receive(ANY, &m) == OK && m.m_source == CLOCK,
		"a held child does not run (the alarm comes first)");
	tap_is(sys_release(c), OK, "release it");
	tap_is(sys_release(c), -EINVAL, "release twice: EINVAL");
	tap_ok(ipc_receive(c, &m) == OK, "the released child runs");
	memset(buf, 0, sizeof(buf));
	tap_is(sys_safecopyfrom(c, (cp_grant_id_t)m.m_u32.data[0], 0, buf, 8), OK,
		"a grant made by the child works (it has a grant table)");
	tap_is(sys_safecopyfrom(c, (cp_grant_id_t)m.m_u32.data[1], 0, buf, 8), OK,
		"the parent's grant is valid in the child's inherited table");
	cpf_revoke(g);
	memset(&m, 0, sizeof(m));
	ipc_send(c, &m);
}

static void exec_child(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	sys_getname(m.m_u32.data);
	m.m_type = 77;
	ipc_send(MAIN, &m);
	sys_exit(0);
}

static u32_t exec_stack[1024];

/* Exec cancels the receive, resets the grant table, renames. */
static void exec_resets(void)
{
	message m;
	endpoint_t c = sys_fork(SELF);
	char buf[8];
	cp_grant_id_t g;

	if (c == 0) {
		memset(&m, 0, sizeof(m));
		m.m_u32.data[0] = (u32_t)cpf_grant_direct(MAIN, (vir_bytes)pattern,
			sizeof(pattern), CPF_READ);
		ipc_send(MAIN, &m);
		ipc_receive(MAIN, &m);		/* exec'd while waiting */
		sys_exit(1);
	}
	ipc_receive(c, &m);
	g = (cp_grant_id_t)m.m_u32.data[0];
	tap_is(sys_safecopyfrom(c, g, 0, buf, 4), OK, "the child's grant works before exec");
	tap_is(sys_exec_named(c, (vir_bytes)exec_child,
		(vir_bytes)&exec_stack[1020], "newname"), OK, "exec the child at a new entry");
	tap_is(sys_safecopyfrom(c, g, 0, buf, 4), -EINVAL, "exec reset its grant table");
	tap_ok(ipc_receive(c, &m) == OK && m.m_type == 77,
		"it runs the new entry, its receive cancelled");
	tap_ok(!strcmp((char *)m.m_u32.data, "newname"), "and has the new name (%s)",
		(char *)m.m_u32.data);
}

/* The client asks MAIN; MAIN forks it while it waits, then answers both. */
static void fork_in_sendrec(void)
{
	message m, rep;
	endpoint_t c;
	int got = 0, i;

	tap_ok(ipc_receive(CLIENT, &m) == OK, "client's request");
	c = sys_fork(CLIENT);
	tap_ok(c > 0, "fork the client while it waits for my reply");
	memset(&rep, 0, sizeof(rep));
	rep.m_type = 99;
	tap_is(ipc_send(CLIENT, &rep), OK, "reply to the client");
	tap_is(ipc_send(c, &rep), OK, "the child waits for a reply too");
	for (i = 0; i < 2; i++)
		if (ipc_receive(ANY, &m) == OK && m.m_type == 99 &&
		    (m.m_source == CLIENT || m.m_source == c))
			got++;
	tap_is(got, 2, "both report the reply");
}

static int client(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	ipc_sendrec(MAIN, &m);
	ipc_send(MAIN, &m);
	return 0;
}

static void many_slots(void)
{
	static endpoint_t kids[NR_PROCS];
	u32_t before = sys_free_frames();
	int n = 0, r, i;

	while (n < NR_PROCS && (r = held_child()) > 0)
		kids[n++] = r;
	tap_ok(n >= 250, "%d held children: at least 256 slots in all", n);
	for (i = 0; i < n; i++)
		sys_clear(kids[i]);
	tap_is((int)sys_free_frames(), (int)before, "all cleared, frames back");
}

int main(const char *args)
{
	if (tap_role(args, "client"))
		return client();
	fork_in_sendrec();
	share_and_replace();
	bad_memory_calls();
	query_runs();
	physical_ranges();
	contiguous();
	hold_and_inherit();
	exec_resets();
	many_slots();
	fork_exit_rounds();
	(void)hold_ran;
	tap_done();
}
