/*
 * t_grants.c - the grant table: registered on first use, grows by
 * doubling with every id still valid, stops at GRANT_MAX, survives
 * allocation and registration failures, and reloads.  The tests share
 * the table (it cannot be reset), so they run in order.
 */
#include "sef_test.h"

static cp_grant_id_t ids[GRANT_MAX];

static void test_initial(void)
{
	int i;

	fake_reset();
	CU_ASSERT_EQUAL(cpf_table_size(), GRANT_INITIAL);
	CU_ASSERT_EQUAL(cpf_reload(), OK);	/* not registered: nothing */
	CU_ASSERT_EQUAL(fk.setgrant_calls, 0);
	for (i = 0; i < GRANT_INITIAL; i++)
		ids[i] = cpf_grant_direct(CLIENT, 0x1000 + (u32_t)i, 4, CPF_READ);
	CU_ASSERT_EQUAL(fk.setgrant_calls, 1);
	CU_ASSERT_EQUAL(fk.grant_count, GRANT_INITIAL);
	for (i = 0; i < GRANT_INITIAL; i++)
		CU_ASSERT_EQUAL(GRANT_IDX(ids[i]), i);
	CU_ASSERT_EQUAL(cpf_table_size(), GRANT_INITIAL);
	CU_ASSERT_EQUAL(fk.setgrant_flags, 0);		/* a new table: new epoch */
	CU_ASSERT_NOT_EQUAL(fk.grant_epoch, 0);
	for (i = 0; i < GRANT_INITIAL; i++)
		CU_ASSERT_EQUAL(GRANT_EPOCH(ids[i]), fk.grant_epoch);
}

static void test_grow(void)
{
	cp_grant_id_t g = cpf_grant_direct(CLIENT, 0x2000, 8, CPF_WRITE);
	int i;

	CU_ASSERT_EQUAL(GRANT_IDX(g), GRANT_INITIAL);
	CU_ASSERT_EQUAL(fk.setgrant_flags, SETGRANT_EPOCH);	/* growth keeps the epoch */
	CU_ASSERT_EQUAL(GRANT_EPOCH(g), GRANT_EPOCH(ids[0]));
	CU_ASSERT_EQUAL(fk.grant_epoch, GRANT_EPOCH(ids[0]));
	CU_ASSERT_EQUAL(cpf_revoke(MAKE_GRANT(GRANT_IDX(ids[5]), GRANT_SEQ(ids[5]),
		GRANT_EPOCH(ids[5]) + 1)), -EINVAL);		/* another table's id */
	CU_ASSERT_EQUAL(cpf_table_size(), 2 * GRANT_INITIAL);
	CU_ASSERT_EQUAL(fk.grant_count, 2 * GRANT_INITIAL);
	CU_ASSERT_EQUAL(fk.pages_live, 1);
	for (i = 0; i < GRANT_INITIAL; i++)		/* old entries moved */
		CU_ASSERT_EQUAL(fk.grant_table[i].addr, 0x1000u + (u32_t)i);
	CU_ASSERT_EQUAL(fk.grant_table[GRANT_INITIAL].addr, 0x2000);
	CU_ASSERT_EQUAL(fk.grant_table[GRANT_INITIAL].flags,
		CPF_USED | CPF_DIRECT | CPF_WRITE);
	CU_ASSERT_EQUAL(cpf_revoke(ids[3]), OK);	/* old ids still valid */
	CU_ASSERT_EQUAL(cpf_revoke(ids[3]), -EINVAL);
	ids[3] = cpf_grant_direct(CLIENT, 0x3000, 1, CPF_READ);
	CU_ASSERT_EQUAL(GRANT_IDX(ids[3]), 3);		/* reused, new sequence */
	CU_ASSERT_NOT_EQUAL(GRANT_SEQ(ids[3]), 0);
	ids[GRANT_INITIAL] = g;
}

static void test_failures(void)
{
	int i;

	for (i = GRANT_INITIAL + 1; i < 2 * GRANT_INITIAL; i++)
		ids[i] = cpf_grant_direct(CLIENT, 0x4000, 1, CPF_READ);
	fk.pages_fail = 1;
	CU_ASSERT_EQUAL(cpf_grant_direct(CLIENT, 0, 1, CPF_READ), GRANT_INVALID);
	CU_ASSERT_EQUAL(cpf_table_size(), 2 * GRANT_INITIAL);
	fk.pages_fail = 0;
	fk.setgrant_fail = 1;
	CU_ASSERT_EQUAL(cpf_grant_direct(CLIENT, 0, 1, CPF_READ), GRANT_INVALID);
	CU_ASSERT_EQUAL(fk.pages_live, 1);		/* the new table freed */
	CU_ASSERT_EQUAL(cpf_table_size(), 2 * GRANT_INITIAL);
	fk.setgrant_fail = 0;
	CU_ASSERT_EQUAL(cpf_revoke(ids[40]), OK);	/* table intact */
	ids[40] = cpf_grant_direct(CLIENT, 0, 1, CPF_READ);
	CU_ASSERT_EQUAL(GRANT_IDX(ids[40]), 40);
}

static void test_max(void)
{
	int i, ok = 1;

	for (i = 2 * GRANT_INITIAL; i < GRANT_MAX; i++) {
		ids[i] = cpf_grant_indirect(CLIENT, 3, 5, 0, 1, CPF_READ);
		ok &= GRANT_IDX(ids[i]) == i;
	}
	CU_ASSERT_TRUE(ok);
	CU_ASSERT_EQUAL(cpf_table_size(), GRANT_MAX);
	CU_ASSERT_EQUAL(fk.pages_live, 1);		/* old tables freed */
	CU_ASSERT_EQUAL(cpf_grant_magic(CLIENT, 3, 0, 1, CPF_READ), GRANT_INVALID);
	CU_ASSERT_EQUAL(cpf_revoke(ids[0]), OK);
	CU_ASSERT_EQUAL(GRANT_IDX(cpf_grant_magic(CLIENT, 3, 0, 1, CPF_READ)), 0);
	CU_ASSERT_EQUAL(cpf_revoke(-5), -EINVAL);
	CU_ASSERT_EQUAL(cpf_revoke(MAKE_GRANT(GRANT_MAX, 0, 0)), -EINVAL);
	fk.setgrant_calls = 0;
	CU_ASSERT_EQUAL(cpf_reload(), OK);
	CU_ASSERT_EQUAL(fk.setgrant_calls, 1);
	CU_ASSERT_EQUAL(fk.grant_count, GRANT_MAX);
	CU_ASSERT_EQUAL(fk.setgrant_flags, SETGRANT_EPOCH);	/* reload keeps it */
	CU_ASSERT_EQUAL(fk.grant_epoch, GRANT_EPOCH(ids[0]));
}

void suite_grants(void)
{
	CU_pSuite s = CU_add_suite("grants", NULL, NULL);

	CU_add_test(s, "initial table registered on first use", test_initial);
	CU_add_test(s, "full table doubles, ids stay valid", test_grow);
	CU_add_test(s, "allocation and registration failures", test_failures);
	CU_add_test(s, "growth stops at GRANT_MAX; reload", test_max);
}
