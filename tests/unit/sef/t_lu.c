/*
 * t_lu.c - live update through SEF: prepare states accepted, deferred and
 * refused; the old instance hearing only RS once prepared, and resuming on
 * cancel; state save then (new instance) transfer, restore, init reply in
 * that order; the identity transfer's region rules and what it keeps.
 */
#include <string.h>

#include "sef_priv.h"
#include "sef_test.h"

static int busy;			/* the service has a request open */

static int cb_reached(int state)
{
	fake_trace("reached %d;", state);
	return state == SEF_LU_STATE_WORK_FREE || !busy;
}

static int save_result;

static int cb_save(int state)
{
	fake_trace("save %d;", state);
	return save_result;
}

static int cb_restore(int type, const sef_init_info_t *info)
{
	fake_trace("restore %d %d;", type, info->old_ep);
	return OK;
}

static int cb_valid_custom(int state)
{
	return state == SEF_LU_STATE_CUSTOM_BASE + 4;
}

static void boot(void)
{
	fake_reset();
	busy = 0;
	save_result = OK;
	fake_boot(SEF_INIT_FRESH);
	fk.out_n = 0;
	fk.trace[0] = 0;
}

static void prepare(int state)
{
	fake_push(RS_PROC_NR, RS_LU_PREPARE)->m_rs_lu_prepare.state = state;
}

static void test_work_free(void)
{
	message m;

	boot();
	sef_setcb_lu_state_save(cb_save);
	prepare(SEF_LU_STATE_WORK_FREE);
	fake_push(CLIENT, 1);
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), -EINTR);	/* client not heard */
	CU_ASSERT_EQUAL_FATAL(fk.out_n, 1);
	CU_ASSERT_EQUAL(fk.out[0].m_type, RS_LU_READY);
	CU_ASSERT_EQUAL(fk.out[0].m_rs_lu_ready.result, OK);
	CU_ASSERT_EQUAL(fk.out[0].m_rs_lu_ready.state, SEF_LU_STATE_WORK_FREE);
	CU_ASSERT_STRING_EQUAL(fk.trace, "save 1;send 1105;");
	CU_ASSERT_EQUAL(fk.recv_src[fk.recv_n - 1], RS_PROC_NR);
	fake_push(RS_PROC_NR, RS_PING);		/* still answers pings */
	prepare(SEF_LU_STATE_NULL);		/* rollback: carry on */
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), OK);
	CU_ASSERT_EQUAL(m.m_source, CLIENT);
	CU_ASSERT_EQUAL(fk.out[1].m_type, RS_PING_REPLY);
	CU_ASSERT_EQUAL(fk.recv_src[fk.recv_n - 1], ANY);
}

static void test_deferred(void)
{
	message m;

	boot();
	prepare(SEF_LU_STATE_REQUEST_FREE);	/* default: never reached */
	fake_push(CLIENT, 1);
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), OK);
	CU_ASSERT_EQUAL(m.m_source, CLIENT);
	CU_ASSERT_EQUAL(fk.out_n, 0);
	prepare(SEF_LU_STATE_NULL);

	boot();
	sef_setcb_lu_state_isreached(cb_reached);
	busy = 1;
	prepare(SEF_LU_STATE_REQUEST_FREE);
	fake_push(CLIENT, 1);
	fake_push(CLIENT, 2);
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), OK);	/* deferred: work goes on */
	CU_ASSERT_EQUAL(m.m_type, 1);
	CU_ASSERT_EQUAL(fk.out_n, 0);
	busy = 0;				/* the open request is answered */
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), -EINTR);
	CU_ASSERT_EQUAL_FATAL(fk.out_n, 1);
	CU_ASSERT_EQUAL(fk.out[0].m_rs_lu_ready.result, OK);
	CU_ASSERT_EQUAL(fk.out[0].m_rs_lu_ready.state, SEF_LU_STATE_REQUEST_FREE);
	CU_ASSERT_EQUAL(fake_pending(), 1);	/* message 2 waits */
}

static void test_refused(void)
{
	static const int bad[] = { -1, SEF_LU_STATE_MAX + 1, 9999,
		SEF_LU_STATE_CUSTOM_BASE + 4 };
	message m;
	unsigned i;

	boot();
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		prepare(bad[i]);
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), -EINTR);
	CU_ASSERT_EQUAL_FATAL(fk.out_n, 4);
	for (i = 0; i < 4; i++)
		CU_ASSERT_EQUAL(fk.out[i].m_rs_lu_ready.result, -EINVAL);
	sef_setcb_lu_state_isvalid(cb_valid_custom);
	sef_setcb_lu_state_isreached(sef_cb_lu_state_isreached_all);
	prepare(SEF_LU_STATE_CUSTOM_BASE + 4);
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), -EINTR);
	CU_ASSERT_EQUAL_FATAL(fk.out_n, 5);
	CU_ASSERT_EQUAL(fk.out[4].m_rs_lu_ready.result, OK);
}

static void test_busy_and_save_failure(void)
{
	message m;

	boot();
	sef_setcb_lu_state_save(cb_save);
	prepare(SEF_LU_STATE_REQUEST_FREE);	/* pending, not reached */
	prepare(SEF_LU_STATE_WORK_FREE);
	fake_push(CLIENT, 1);
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), OK);
	CU_ASSERT_EQUAL_FATAL(fk.out_n, 1);
	CU_ASSERT_EQUAL(fk.out[0].m_rs_lu_ready.result, -EBUSY);
	prepare(SEF_LU_STATE_NULL);
	save_result = -ENOMEM;
	prepare(SEF_LU_STATE_WORK_FREE);
	fake_push(CLIENT, 2);
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), OK);	/* not prepared: clients heard */
	CU_ASSERT_EQUAL(m.m_type, 2);
	CU_ASSERT_EQUAL_FATAL(fk.out_n, 2);
	CU_ASSERT_EQUAL(fk.out[1].m_rs_lu_ready.result, -ENOMEM);
}

static int victim[8];

static void regions(void)
{
	fk.nregions = 3;
	fk.regions[0] = (struct sef_region){ 0x40000000, 0x3000, 0 };
	fk.regions[1] = (struct sef_region){ 0x40010000, 0x1000, 0 };
	fk.regions[2] = (struct sef_region){ 0xBFFF0000, 0x10000, SEF_REGION_STACK };
	fk.mem[0] = (struct fake_mem){ 0x40000000, &sef_st, sizeof(sef_st) };
	fk.mem[1] = (struct fake_mem){ 0x40010000, victim, sizeof(victim) };
	fk.nmem = 2;
}

/* Old instance: save; new instance: transfer, restore, reply. */
static void test_order(void)
{
	message m;

	boot();
	sef_setcb_lu_state_isreached(cb_reached);
	sef_setcb_lu_state_save(cb_save);
	prepare(SEF_LU_STATE_PROTOCOL_FREE);
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), -EINTR);
	CU_ASSERT_STRING_EQUAL(fk.trace, "reached 3;save 3;send 1105;");

	fake_reset();
	fk.trace[0] = 0;
	fk.swap_self = 9;			/* the new instance takes the old slot */
	regions();
	memset(victim, 0, sizeof(victim));
	sef_setcb_state_restore(cb_restore);
	cpf_grant_direct(CLIENT, 0x1000, 10, CPF_READ);	/* registers the table */
	fk.setgrant_calls = 0;
	CU_ASSERT_EQUAL(fake_boot(SEF_INIT_LU), OK);
	CU_ASSERT_STRING_EQUAL(fk.trace,
		"regions 42;copy 40000000;copy 40010000;restore 3 42;send 1101;");
	CU_ASSERT_EQUAL(victim[3], (int)0xAAAAAAAA);	/* program state copied */
	CU_ASSERT_STRING_EQUAL(sef_label(), "svc");	/* SEF's own kept */
	CU_ASSERT_EQUAL(sef_self(), 9);			/* the endpoint after the swap */
	CU_ASSERT_EQUAL(fk.copy_dst, 9);
	CU_ASSERT_EQUAL(fk.setgrant_calls, 1);		/* grant table reloaded */
	CU_ASSERT_EQUAL(fk.out[0].m_rs_init_reply.result, OK);
}

static void test_transfer_errors(void)
{
	boot();
	regions();
	fk.regions[1].addr += 1;			/* unaligned: nothing copied */
	CU_ASSERT_EQUAL(sef_transfer_identity(42), -EINVAL);
	CU_ASSERT_EQUAL(fk.ncopies, 0);
	regions();
	fk.regions[1].len = 0;
	CU_ASSERT_EQUAL(sef_transfer_identity(42), -EINVAL);
	regions();
	fk.regions[0] = (struct sef_region){ 0xFFFFF000, 0x2000, 0 };	/* wraps */
	CU_ASSERT_EQUAL(sef_transfer_identity(42), -EINVAL);
	regions();
	fk.nregions = SEF_REGIONS_MAX + 1;
	CU_ASSERT_EQUAL(sef_transfer_identity(42), -E2BIG);
	regions();
	fk.copy_fail_at = 0;
	fk.senda_hold = RS_PROC_NR;
	asynsend(RS_PROC_NR, &(message){ .m_type = 9 });	/* stays queued */
	CU_ASSERT_EQUAL(sef_transfer_identity(42), -EFAULT);
	CU_ASSERT_EQUAL(fk.ncopies, 1);			/* stops at the failure */
	CU_ASSERT_STRING_EQUAL(sef_label(), "svc");	/* SEF state put back */
	fk.senda_hold = NONE;
	asynsend(CLIENT, &(message){ .m_type = 10 });
	CU_ASSERT_EQUAL_FATAL(fk.out_n, 1);		/* the queued 9 was dropped */
	CU_ASSERT_EQUAL(fk.out[0].m_type, 10);
}

void suite_lu(void)
{
	CU_pSuite s = CU_add_suite("live update", NULL, NULL);

	CU_add_test(s, "work-free: ready, only RS heard, cancel resumes", test_work_free);
	CU_add_test(s, "request-free deferred until reached", test_deferred);
	CU_add_test(s, "invalid and custom states", test_refused);
	CU_add_test(s, "second request busy, save failure reported", test_busy_and_save_failure);
	CU_add_test(s, "save, transfer, restore, reply in order", test_order);
	CU_add_test(s, "identity transfer checks regions, keeps SEF", test_transfer_errors);
}
