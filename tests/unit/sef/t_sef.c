/*
 * t_sef.c - SEF start-up and dispatch: each init type and its defaults,
 * boot without RS, bad and late inits, pings, signals (handler, default,
 * signal manager), forged SEF messages, and asynsend never blocking.
 */
#include <string.h>

#include "sef_test.h"

static int calls_fresh, calls_restart, last_type, init_result;
static sef_init_info_t last_info;

static int cb_fresh(int type, const sef_init_info_t *info)
{
	calls_fresh++;
	last_type = type;
	last_info = *info;
	return init_result;
}

static int cb_restart(int type, const sef_init_info_t *info)
{
	calls_restart++;
	last_type = type;
	last_info = *info;
	return OK;
}

static void reset(void)
{
	fake_reset();
	calls_fresh = calls_restart = last_type = init_result = 0;
	memset(&last_info, 0, sizeof(last_info));
	sef_setcb_init_fresh(cb_fresh);
}

static void test_no_rs(void)
{
	reset();
	CU_ASSERT_EQUAL(sef_startup(), OK);
	CU_ASSERT_EQUAL(calls_fresh, 1);
	CU_ASSERT_EQUAL(last_type, SEF_INIT_FRESH);
	CU_ASSERT_EQUAL(last_info.rs, NONE);
	CU_ASSERT_EQUAL(fk.recv_n, 0);		/* nobody waited for */
	CU_ASSERT_EQUAL(fk.out_n, 0);		/* nobody answered */
	CU_ASSERT_FALSE(sef_rs_inited());
	CU_ASSERT_EQUAL(sef_self(), 7);
}

static void test_rs_itself(void)
{
	reset();
	fk.self = RS_PROC_NR;
	fk.rs_alive = 1;
	CU_ASSERT_EQUAL(sef_startup(), OK);
	CU_ASSERT_EQUAL(calls_fresh, 1);
	CU_ASSERT_EQUAL(fk.recv_n, 0);
}

static void test_fresh(void)
{
	reset();
	fake_push(CLIENT, 1);			/* early client: must wait */
	CU_ASSERT_EQUAL(fake_boot(SEF_INIT_FRESH), OK);
	CU_ASSERT_EQUAL(calls_fresh, 1);
	CU_ASSERT_EQUAL(last_info.rs, RS_PROC_NR);
	CU_ASSERT_STRING_EQUAL(sef_label(), "svc");
	CU_ASSERT_TRUE(sef_rs_inited());
	CU_ASSERT_EQUAL(fk.recv_src[0], RS_PROC_NR);
	CU_ASSERT_EQUAL_FATAL(fk.out_n, 1);
	CU_ASSERT_EQUAL(fk.out_dst[0], RS_PROC_NR);
	CU_ASSERT_EQUAL(fk.out[0].m_type, RS_INIT_REPLY);
	CU_ASSERT_EQUAL(fk.out[0].m_rs_init_reply.result, OK);
	CU_ASSERT_EQUAL(fk.out[0].m_rs_init_reply.type, SEF_INIT_FRESH);
	CU_ASSERT_EQUAL(fake_pending(), 1);	/* the client is still queued */
}

static void test_restart(void)
{
	reset();
	CU_ASSERT_EQUAL(fake_boot(SEF_INIT_RESTART), OK);
	CU_ASSERT_EQUAL(calls_fresh, 1);	/* default: fresh start */
	CU_ASSERT_EQUAL(last_type, SEF_INIT_RESTART);
	CU_ASSERT_EQUAL(last_info.old_ep, 42);
	reset();
	sef_setcb_init_restart(cb_restart);
	CU_ASSERT_EQUAL(fake_boot(SEF_INIT_RESTART), OK);
	CU_ASSERT_EQUAL(calls_restart, 1);
	CU_ASSERT_EQUAL(calls_fresh, 0);
	CU_ASSERT_EQUAL(fk.out[0].m_rs_init_reply.type, SEF_INIT_RESTART);
}

static void test_lu_default_unwired(void)
{
	reset();
	fk.regions_err = -ENOSYS;		/* as on the OS until VM exists */
	CU_ASSERT_EQUAL(fake_boot(SEF_INIT_LU), -ENOSYS);
	CU_ASSERT_EQUAL(calls_fresh, 0);
	CU_ASSERT_EQUAL_FATAL(fk.out_n, 1);
	CU_ASSERT_EQUAL(fk.out[0].m_rs_init_reply.result, -ENOSYS);
	CU_ASSERT_EQUAL(fk.out[0].m_rs_init_reply.type, SEF_INIT_LU);
}

static void test_init_fails(void)
{
	reset();
	init_result = -ENOMEM;
	CU_ASSERT_EQUAL(fake_boot(SEF_INIT_FRESH), -ENOMEM);
	CU_ASSERT_EQUAL(fk.out[0].m_rs_init_reply.result, -ENOMEM);
	CU_ASSERT_FALSE(sef_rs_inited());
}

static void test_bad_init(void)
{
	message *m;

	reset();
	fk.rs_alive = 1;
	fake_push(RS_PROC_NR, RS_PING);		/* before init: dropped */
	m = fake_push(RS_PROC_NR, RS_INIT);
	m->m_rs_init.type = 99;
	memset(m->m_rs_init.label, 'x', sizeof(m->m_rs_init.label));
	m = fake_push(RS_PROC_NR, RS_INIT);
	m->m_rs_init.type = SEF_INIT_FRESH;
	memset(m->m_rs_init.label, 'y', sizeof(m->m_rs_init.label));
	CU_ASSERT_EQUAL(sef_startup(), OK);
	CU_ASSERT_EQUAL_FATAL(fk.out_n, 2);
	CU_ASSERT_EQUAL(fk.out[0].m_rs_init_reply.result, -EINVAL);
	CU_ASSERT_EQUAL(fk.out[1].m_rs_init_reply.result, OK);
	CU_ASSERT_EQUAL(calls_fresh, 1);
	CU_ASSERT_EQUAL(strlen(sef_label()), RS_LABEL_LEN - 1);	/* cut, terminated */
}

static void test_ping_and_work(void)
{
	message m, *p;

	reset();
	fake_boot(SEF_INIT_FRESH);
	p = fake_push(RS_PROC_NR, RS_PING);
	p->m_rs_ping.seq = 77;
	fake_push(CLIENT, 5);
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), OK);
	CU_ASSERT_EQUAL(m.m_source, CLIENT);
	CU_ASSERT_EQUAL(m.m_type, 5);
	CU_ASSERT_EQUAL_FATAL(fk.out_n, 2);
	CU_ASSERT_EQUAL(fk.out[1].m_type, RS_PING_REPLY);
	CU_ASSERT_EQUAL(fk.out[1].m_rs_pong.seq, 77);
	CU_ASSERT_EQUAL(fk.out_dst[1], RS_PROC_NR);
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), -EINTR);	/* IPC errors pass up */
}

static void test_forged(void)
{
	message m;

	reset();
	fake_boot(SEF_INIT_FRESH);
	fake_push(CLIENT, RS_PING);
	fake_push(CLIENT, RS_SIGNAL)->m_rs_sig.sigmap = 1u << SIGTERM;
	fake_push(RS_PROC_NR, RS_PING_REPLY);	/* a number SEF does not take */
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), OK);
	CU_ASSERT_EQUAL(m.m_type, RS_PING);
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), OK);
	CU_ASSERT_EQUAL(m.m_type, RS_SIGNAL);
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), OK);
	CU_ASSERT_EQUAL(m.m_type, RS_PING_REPLY);
	CU_ASSERT_EQUAL(fk.out_n, 1);		/* only the init reply */
}

static void test_late_init(void)
{
	message m;

	reset();
	fake_boot(SEF_INIT_FRESH);
	fake_push(RS_PROC_NR, RS_INIT)->m_rs_init.type = SEF_INIT_FRESH;
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), -EINTR);
	CU_ASSERT_EQUAL(calls_fresh, 1);
	CU_ASSERT_EQUAL_FATAL(fk.out_n, 2);
	CU_ASSERT_EQUAL(fk.out[1].m_rs_init_reply.result, -EBUSY);
}

static int sigs[8], nsigs;

static void cb_signal(int signo)
{
	if (nsigs < 8)
		sigs[nsigs++] = signo;
}

static void test_signals(void)
{
	message m;

	reset();
	nsigs = 0;
	sef_setcb_signal_handler(cb_signal);
	fake_boot(SEF_INIT_FRESH);
	fake_push(RS_PROC_NR, RS_SIGNAL)->m_rs_sig.sigmap =
		(1u << 15) | (1u << 1) | (1u << 31) | 1u;
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), -EINTR);
	CU_ASSERT_EQUAL_FATAL(nsigs, 3);	/* bit 0 is no signal */
	CU_ASSERT_EQUAL(sigs[0], 1);
	CU_ASSERT_EQUAL(sigs[1], 15);
	CU_ASSERT_EQUAL(sigs[2], 31);
}

static void test_sigterm_default(void)
{
	message m;

	reset();
	fake_boot(SEF_INIT_FRESH);
	fake_push(RS_PROC_NR, RS_SIGNAL)->m_rs_sig.sigmap = 1u << 1;
	fake_push(RS_PROC_NR, RS_SIGNAL)->m_rs_sig.sigmap = 1u << SIGTERM;
	if (FAKE_EXIT() == 0)
		sef_receive(ANY, &m);
	CU_ASSERT_TRUE(fk.exited);
	CU_ASSERT_EQUAL(fk.exit_status, 0);
	CU_ASSERT_EQUAL(fake_pending(), 0);
}

static endpoint_t mgr_ep[4];
static u32_t mgr_map[4];
static int nmgr;

static void cb_sigmgr(endpoint_t e, u32_t map, vir_bytes addr, int code)
{
	(void)addr;
	(void)code;
	mgr_ep[nmgr] = e;
	mgr_map[nmgr++] = map;
}

static void test_signal_manager(void)
{
	message m;

	reset();
	fake_boot(SEF_INIT_FRESH);
	fake_push(SYSTEM, NOTIFY_MESSAGE);
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), OK);	/* not a manager: work */
	CU_ASSERT_EQUAL(m.m_source, SYSTEM);
	nmgr = 0;
	sef_setcb_signal_manager(cb_sigmgr);
	fk.ksig_ep[0] = 20, fk.ksig_map[0] = 1u << SIGSEGV;
	fk.ksig_ep[1] = 21, fk.ksig_map[1] = 1u << SIGKILL;
	fk.ksig_n = 2;
	fake_push(SYSTEM, NOTIFY_MESSAGE);
	CU_ASSERT_EQUAL(sef_receive(ANY, &m), -EINTR);
	CU_ASSERT_EQUAL_FATAL(nmgr, 2);
	CU_ASSERT_EQUAL(mgr_ep[0], 20);
	CU_ASSERT_EQUAL(mgr_map[0], 1u << SIGSEGV);
	CU_ASSERT_EQUAL(mgr_ep[1], 21);
}

static void test_asynsend_never_blocks(void)
{
	message m = { 0 };
	int i;

	reset();
	fk.senda_hold = RS_PROC_NR;		/* RS is busy, not receiving */
	for (i = 0; i < ASYN_NR; i++)
		CU_ASSERT_EQUAL(asynsend(RS_PROC_NR, &m), OK);
	CU_ASSERT_EQUAL(asynsend(RS_PROC_NR, &m), -EAGAIN);
	CU_ASSERT_EQUAL(fk.out_n, 0);
	fk.senda_hold = NONE;			/* RS receives: all delivered */
	CU_ASSERT_EQUAL(asynsend(CLIENT, &m), -EAGAIN);
	m.m_type = 3;
	asynsend_reset();
	CU_ASSERT_EQUAL(asynsend(CLIENT, &m), OK);
	CU_ASSERT_EQUAL(fk.out_n, 1);
	CU_ASSERT_EQUAL(fk.out[0].m_type, 3);
	for (i = 0; i < 40; i++)		/* done entries are reused */
		CU_ASSERT_EQUAL(asynsend(CLIENT, &m), OK);
}

/* A service's own traffic cannot take the entries SEF's replies to RS
 * need (PM's VFS notices once starved its init reply). */
static void test_asynsend_rs_reserve(void)
{
	message m = { 0 };
	int i;

	reset();
	fk.senda_hold = CLIENT;			/* the client is not receiving */
	for (i = 0; i < ASYN_NR - ASYN_RS_RESERVE; i++)
		CU_ASSERT_EQUAL(asynsend(CLIENT, &m), OK);
	CU_ASSERT_EQUAL(asynsend(CLIENT, &m), -EAGAIN);
	m.m_type = 7;
	CU_ASSERT_EQUAL(asynsend(RS_PROC_NR, &m), OK);
	CU_ASSERT_EQUAL(fk.out_n, 1);		/* RS got it */
	CU_ASSERT_EQUAL(fk.out[0].m_type, 7);
	CU_ASSERT_EQUAL(asynsend(CLIENT, &m), -EAGAIN);
	fk.senda_hold = NONE;
}

void suite_sef(void)
{
	CU_pSuite s = CU_add_suite("sef", NULL, NULL);

	CU_add_test(s, "boot without RS: fresh init, no reply", test_no_rs);
	CU_add_test(s, "RS itself inits locally", test_rs_itself);
	CU_add_test(s, "asynsend keeps entries for RS", test_asynsend_rs_reserve);
	CU_add_test(s, "fresh init from RS, reply, clients wait", test_fresh);
	CU_add_test(s, "restart init: default and callback", test_restart);
	CU_add_test(s, "live-update init without VM fails cleanly", test_lu_default_unwired);
	CU_add_test(s, "init callback error reaches RS", test_init_fails);
	CU_add_test(s, "bad init type refused, label cut", test_bad_init);
	CU_add_test(s, "ping answered, work returned", test_ping_and_work);
	CU_add_test(s, "SEF messages from others are work", test_forged);
	CU_add_test(s, "second init refused", test_late_init);
	CU_add_test(s, "signals reach the handler in order", test_signals);
	CU_add_test(s, "SIGTERM exits by default", test_sigterm_default);
	CU_add_test(s, "signal manager gets kernel signals", test_signal_manager);
	CU_add_test(s, "asynsend never blocks", test_asynsend_never_blocks);
}
