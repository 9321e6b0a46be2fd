/*
 * t_vmpc.c - CUnit tests of VM's page-cache index (vm/pcache.c): pages
 * are found by (object, page) and only so, across hash collisions and
 * removals in any order; the table fills to VM_PC_SLOTS and no further;
 * the CLOCK victim is a valid clean page not used since the hand passed,
 * never a dirty, busy or filling one, and a page the caller refuses
 * (still mapped) costs a try and is not chosen.
 */
#include <CUnit/Basic.h>
#include <string.h>
#include "pcache.h"
#include "../lib/cu_main.h"

static struct vm_pcache pc;

static int add(u32_t obj, u32_t pgno, int valid)
{
	int s = pc_free_slot(&pc);

	if (s < 0)
		return -1;
	pc_insert(&pc, s, obj, pgno);
	if (valid)
		pc.pages[s].state = PG_VALID;
	return s;
}

static void test_find(void)
{
	int a, b, c;

	pc_init(&pc);
	a = add(1, 0, 1);
	b = add(1, 1, 1);
	c = add(2, 0, 1);
	CU_ASSERT(a >= 0 && b >= 0 && c >= 0 && a != b && b != c);
	CU_ASSERT_EQUAL(pc_find(&pc, 1, 0), a);
	CU_ASSERT_EQUAL(pc_find(&pc, 1, 1), b);
	CU_ASSERT_EQUAL(pc_find(&pc, 2, 0), c);
	CU_ASSERT_EQUAL(pc_find(&pc, 2, 1), -1);
	CU_ASSERT_EQUAL(pc_find(&pc, 3, 0), -1);
	CU_ASSERT_EQUAL(pc.used, 3);
	pc_remove(&pc, b);
	CU_ASSERT_EQUAL(pc_find(&pc, 1, 1), -1);
	CU_ASSERT_EQUAL(pc_find(&pc, 1, 0), a);
	CU_ASSERT_EQUAL(pc_find(&pc, 2, 0), c);
	CU_ASSERT_EQUAL(pc.used, 2);
	pc_remove(&pc, b);		/* twice: nothing */
	CU_ASSERT_EQUAL(pc.used, 2);
}

/* Many pages (more than buckets: chains), removed in a scrambled order. */
static void test_chains(void)
{
	int i, slot[VM_PC_SLOTS], ok = 1;

	pc_init(&pc);
	for (i = 0; i < VM_PC_SLOTS; i++)
		slot[i] = add((u32_t)(i % 7) + 1, (u32_t)i * 3, 1);
	CU_ASSERT_EQUAL(pc_free_slot(&pc), -1);
	CU_ASSERT_EQUAL(add(9, 9, 1), -1);
	for (i = 0; i < VM_PC_SLOTS; i++)
		ok &= pc_find(&pc, (u32_t)(i % 7) + 1, (u32_t)i * 3) == slot[i];
	CU_ASSERT(ok);
	for (i = 0; i < VM_PC_SLOTS; i += 2)
		pc_remove(&pc, slot[(i * 37) % VM_PC_SLOTS]);
	for (i = 0; i < VM_PC_SLOTS; i++) {
		int gone = 0, j;
		for (j = 0; j < VM_PC_SLOTS; j += 2)
			gone |= (j * 37) % VM_PC_SLOTS == i;
		ok &= pc_find(&pc, (u32_t)(i % 7) + 1, (u32_t)i * 3) ==
			(gone ? -1 : slot[i]);
	}
	CU_ASSERT(ok);
	CU_ASSERT_EQUAL(pc.used, VM_PC_SLOTS / 2);
	CU_ASSERT(pc_free_slot(&pc) >= 0);
}

static int refused[VM_PC_SLOTS], asked;

static int can_drop(void *ctx, int slot)
{
	(void)ctx;
	asked++;
	return !refused[slot];
}

/* CLOCK: a used page is passed over once (its bit cleared), dirty, busy
 * and filling pages never go, a refused page costs a try. */
static void test_victim(void)
{
	int a, b, c, d, f;

	pc_init(&pc);
	memset(refused, 0, sizeof(refused));
	a = add(1, 0, 1);
	b = add(1, 1, 1);
	c = add(1, 2, 1);
	d = add(1, 3, 1);
	f = add(1, 4, 0);		/* still filling */
	pc.pages[b].flags |= PGF_DIRTY;
	CU_ASSERT_EQUAL(pc_victim(&pc, can_drop, NULL, 8), a);	/* all used: one sweep */
	pc_touch(&pc, c);
	CU_ASSERT_EQUAL(pc_victim(&pc, can_drop, NULL, 8), d);	/* c had a second chance */
	pc.pages[c].flags |= PGF_BUSY;
	refused[a] = 1;
	asked = 0;
	CU_ASSERT_EQUAL(pc_victim(&pc, can_drop, NULL, 8), d);
	CU_ASSERT_EQUAL(asked, 2);			/* a refused, then d */
	refused[d] = 1;
	asked = 0;
	CU_ASSERT_EQUAL(pc_victim(&pc, can_drop, NULL, 5), -1);
	CU_ASSERT_EQUAL(asked, 4);	/* a and d, for two turns of the hand at most */
	pc.pages[c].flags &= ~PGF_BUSY;
	CU_ASSERT_EQUAL(pc_victim(&pc, can_drop, NULL, 8), c);
	CU_ASSERT(f >= 0 && pc.pages[f].state == PG_FILLING);
	pc_remove(&pc, f);
	CU_ASSERT_EQUAL(pc.used, 4);
}

static const struct cu_case cases[] = {
	{ "find by (object, page), remove", test_find },
	{ "chains, a full table, scrambled removal", test_chains },
	{ "CLOCK victim: clean valid only, second chance", test_victim },
};

int main(void)
{
	return cu_main("vmpc", cases, CU_CASES(cases));
}
