/*
 * test_nameidx.c - the shared name index of large directories
 * (lib/libfsdriver/nameidx.c): hash values, colliding hashes, removal,
 * growth (and a growth without memory) and the drop when a slot finds no
 * memory.  Allocation failures are injected through the linker's
 * --wrap=malloc/calloc (tests/unit/fsdriver/module.mk).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include <mica/fsdriver_nameidx.h>
#include "tests.h"

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);

/* Armed: fail the next allocation of this kind; counts calloc calls. */
static int fail_malloc, fail_calloc;
static unsigned int callocs;

void *__wrap_malloc(size_t size)
{
	if (fail_malloc) {
		fail_malloc = 0;
		return NULL;
	}
	return __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
	callocs++;
	if (fail_calloc) {
		fail_calloc = 0;
		return NULL;
	}
	return __real_calloc(n, size);
}

/* How many positions next() gives for 'hash', and whether 'pos' is one. */
static unsigned int lookup(const struct fsdriver_nameidx *ix, uint32_t hash,
    uint64_t pos, int *found)
{
	void *cursor = NULL;
	uint64_t p;
	unsigned int n = 0;

	*found = 0;
	while (fsdriver_nameidx_next(ix, hash, &cursor, &p)) {
		n++;
		if (p == pos)
			*found = 1;
	}
	return n;
}

static void test_hash(void)
{
	/* FNV-1a, 32 bits: the offset basis, and two published values. */
	CU_ASSERT_EQUAL(fsdriver_nameidx_hash("", 0), 0x811c9dc5u);
	CU_ASSERT_EQUAL(fsdriver_nameidx_hash("a", 1), 0xe40c292cu);
	CU_ASSERT_EQUAL(fsdriver_nameidx_hash("foobar", 6), 0xbf9cf968u);
	/* Only 'len' bytes count; bytes above 0x7f are unsigned. */
	CU_ASSERT_EQUAL(fsdriver_nameidx_hash("ab", 1), 0xe40c292cu);
	CU_ASSERT_NOT_EQUAL(fsdriver_nameidx_hash("\xff", 1),
	    fsdriver_nameidx_hash("\x7f", 1));
}

static void test_collisions(void)
{
	struct fsdriver_nameidx *ix = NULL;
	uint64_t big = (uint64_t)7 << 32 | 12;
	void *cursor = NULL;
	uint64_t p;
	int found;

	CU_ASSERT_EQUAL_FATAL(fsdriver_nameidx_new(&ix), 0);
	CU_ASSERT_EQUAL(lookup(ix, 42, 0, &found), 0);
	/* Three entries with one hash, one in the same bucket (256 apart). */
	fsdriver_nameidx_add(&ix, 42, 64);
	fsdriver_nameidx_add(&ix, 42, 128);
	fsdriver_nameidx_add(&ix, 42, big);
	fsdriver_nameidx_add(&ix, 42 + 256, 192);
	CU_ASSERT_EQUAL(lookup(ix, 42, 64, &found), 3);
	CU_ASSERT(found);
	CU_ASSERT_EQUAL(lookup(ix, 42, 192, &found), 3);
	CU_ASSERT(!found);
	CU_ASSERT_EQUAL(lookup(ix, 42 + 256, 192, &found), 1);
	CU_ASSERT(found);
	CU_ASSERT_EQUAL(lookup(ix, 43, 64, &found), 0);
	/* Newest first, and the whole 64-bit position comes back. */
	CU_ASSERT(fsdriver_nameidx_next(ix, 42, &cursor, &p));
	CU_ASSERT_EQUAL(p, big);
	fsdriver_nameidx_free(&ix);
	CU_ASSERT_PTR_NULL(ix);
	fsdriver_nameidx_free(&ix);		/* twice: harmless */
}

static void test_remove(void)
{
	struct fsdriver_nameidx *ix = NULL;
	int found;

	CU_ASSERT_EQUAL_FATAL(fsdriver_nameidx_new(&ix), 0);
	fsdriver_nameidx_add(&ix, 5, 10);
	fsdriver_nameidx_add(&ix, 5, 20);
	fsdriver_nameidx_add(&ix, 6, 10);
	/* A wrong hash or a wrong position removes nothing. */
	fsdriver_nameidx_remove(ix, 7, 10);
	fsdriver_nameidx_remove(ix, 5, 30);
	CU_ASSERT_EQUAL(lookup(ix, 5, 10, &found), 2);
	/* Only the slot with both. */
	fsdriver_nameidx_remove(ix, 5, 10);
	CU_ASSERT_EQUAL(lookup(ix, 5, 10, &found), 1);
	CU_ASSERT(!found);
	CU_ASSERT_EQUAL(lookup(ix, 5, 20, &found), 1);
	CU_ASSERT(found);
	CU_ASSERT_EQUAL(lookup(ix, 6, 10, &found), 1);
	CU_ASSERT(found);
	fsdriver_nameidx_remove(ix, 5, 20);
	CU_ASSERT_EQUAL(lookup(ix, 5, 20, &found), 0);
	/* Position 10 can be recorded again. */
	fsdriver_nameidx_add(&ix, 5, 10);
	CU_ASSERT_EQUAL(lookup(ix, 5, 10, &found), 1);
	CU_ASSERT(found);
	fsdriver_nameidx_free(&ix);
}

/* Add 'n' entries (hash i * 3, position i, for i from 'base'); each
 * must be found, once. */
static int add_check(struct fsdriver_nameidx **ixp, uint32_t base,
    uint32_t n)
{
	uint32_t i;
	int found, ok = 1;

	for (i = base; i < base + n; i++)
		fsdriver_nameidx_add(ixp, i * 3, i);
	for (i = base; i < base + n && *ixp != NULL; i++)
		if (lookup(*ixp, i * 3, i, &found) != 1 || !found)
			ok = 0;
	return ok && *ixp != NULL;
}

static void test_growth(void)
{
	struct fsdriver_nameidx *ix = NULL;
	unsigned int before;

	CU_ASSERT_EQUAL_FATAL(fsdriver_nameidx_new(&ix), 0);
	/* 512 slots fit 256 buckets; the 513th doubles them. */
	before = callocs;
	CU_ASSERT(add_check(&ix, 0, 512));
	CU_ASSERT_EQUAL(callocs, before);
	fsdriver_nameidx_add(&ix, 999999, 999999);
	CU_ASSERT_EQUAL(callocs, before + 1);
	fsdriver_nameidx_free(&ix);

	/* Many doublings: everything is still found. */
	CU_ASSERT_EQUAL_FATAL(fsdriver_nameidx_new(&ix), 0);
	CU_ASSERT(add_check(&ix, 0, 20000));
	fsdriver_nameidx_free(&ix);

	/* A doubling without memory keeps the old table, and the index. */
	CU_ASSERT_EQUAL_FATAL(fsdriver_nameidx_new(&ix), 0);
	CU_ASSERT(add_check(&ix, 0, 512));
	fail_calloc = 1;
	fsdriver_nameidx_add(&ix, 999999, 999999);
	CU_ASSERT_EQUAL(fail_calloc, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ix);
	CU_ASSERT(add_check(&ix, 512, 3000));	/* grows later */
	fsdriver_nameidx_free(&ix);
}

static void test_enomem(void)
{
	struct fsdriver_nameidx *ix = NULL;
	void *cursor = NULL;
	uint64_t p;

	/* No memory for the table: -ENOMEM, no index. */
	fail_calloc = 1;
	CU_ASSERT_EQUAL(fsdriver_nameidx_new(&ix), -ENOMEM);
	CU_ASSERT_PTR_NULL(ix);
	/* No memory for a slot: the whole index is dropped. */
	CU_ASSERT_EQUAL_FATAL(fsdriver_nameidx_new(&ix), 0);
	fsdriver_nameidx_add(&ix, 1, 1);
	fail_malloc = 1;
	fsdriver_nameidx_add(&ix, 2, 2);
	CU_ASSERT_EQUAL(fail_malloc, 0);
	CU_ASSERT_PTR_NULL(ix);
	/* Every call takes the missing index. */
	fsdriver_nameidx_add(&ix, 3, 3);
	CU_ASSERT_PTR_NULL(ix);
	fsdriver_nameidx_remove(ix, 1, 1);
	CU_ASSERT_EQUAL(fsdriver_nameidx_next(ix, 1, &cursor, &p), 0);
	fsdriver_nameidx_free(&ix);
	/* new replaces an existing index (no leak under ASan). */
	CU_ASSERT_EQUAL_FATAL(fsdriver_nameidx_new(&ix), 0);
	fsdriver_nameidx_add(&ix, 1, 1);
	CU_ASSERT_EQUAL_FATAL(fsdriver_nameidx_new(&ix), 0);
	CU_ASSERT_EQUAL(fsdriver_nameidx_next(ix, 1, &cursor, &p), 0);
	fsdriver_nameidx_free(&ix);
}

void test_nameidx_register(void)
{
	CU_pSuite s = CU_add_suite("fsdriver_nameidx", NULL, NULL);

	CU_add_test(s, "FNV-1a hash", test_hash);
	CU_add_test(s, "colliding hashes", test_collisions);
	CU_add_test(s, "removal", test_remove);
	CU_add_test(s, "growth", test_growth);
	CU_add_test(s, "no memory", test_enomem);
}
