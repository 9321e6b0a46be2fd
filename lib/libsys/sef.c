/*
 * sef.c - the System Event Framework's core: callback registration,
 * start-up and the receive loop that takes SEF's own messages out of a
 * service's stream (the contract is in mica/sef.h and README.md).
 *
 * Requests from RS (mica/rs.h) are dispatched through sef_rq_table; they
 * count only when they come from RS_PROC_NR, so a client cannot forge an
 * init or a signal: from anyone else they reach the service as unknown
 * work, which it answers with an error.  The kernel's SYSTEM notification
 * is SEF's only when the service registered a signal manager callback.
 */
#include "sef_priv.h"

struct sef_state sef_st;

void sef_setcb_init_fresh(sef_cb_init_t cb) { sef_st.cb.init_fresh = cb; }
void sef_setcb_init_restart(sef_cb_init_t cb) { sef_st.cb.init_restart = cb; }
void sef_setcb_init_lu(sef_cb_init_t cb) { sef_st.cb.init_lu = cb; }
void sef_setcb_state_restore(sef_cb_init_t cb) { sef_st.cb.state_restore = cb; }
void sef_setcb_signal_handler(sef_cb_signal_handler_t cb) { sef_st.cb.signal_handler = cb; }
void sef_setcb_signal_manager(sef_cb_signal_manager_t cb) { sef_st.cb.signal_manager = cb; }
void sef_setcb_lu_state_isvalid(sef_cb_lu_state_t cb) { sef_st.cb.lu_isvalid = cb; }
void sef_setcb_lu_state_isreached(sef_cb_lu_state_t cb) { sef_st.cb.lu_isreached = cb; }
void sef_setcb_lu_state_save(sef_cb_lu_state_t cb) { sef_st.cb.lu_save = cb; }

void sef_reset(void)
{
	struct sef_state zero = { 0 };

	sef_st = zero;
}

const char *sef_label(void) { return sef_st.info.label; }
endpoint_t sef_self(void) { return sef_st.self; }
int sef_rs_inited(void) { return sef_st.initialised && sef_st.info.rs == RS_PROC_NR; }

static void sef_do_ping(const message *m)
{
	message r = { 0 };

	r.m_rs_pong.seq = m->m_rs_ping.seq;
	sef_reply_rs(RS_PING_REPLY, &r);
}

typedef void (*sef_rq_handler_t)(const message *m);

static const sef_rq_handler_t sef_rq_table[RS_NR_RQ] = {
	[RS_INIT - RS_RQ_BASE] = sef_do_init,
	[RS_PING - RS_RQ_BASE] = sef_do_ping,
	[RS_LU_PREPARE - RS_RQ_BASE] = sef_do_lu_prepare,
	[RS_SIGNAL - RS_RQ_BASE] = sef_do_signal,
};

void sef_reply_rs(int type, message *m)
{
	m->m_type = type;
	asynsend(RS_PROC_NR, m);
}

/* 1 if m was SEF's and has been handled. */
static int sef_consume(const message *m)
{
	sef_rq_handler_t h;

	if (m->m_source == SYSTEM && IS_NOTIFY(m))
		return sef_do_ksig(m);
	if (m->m_source != RS_PROC_NR || !IS_RS_RQ(m->m_type))
		return 0;
	if (!(h = sef_rq_table[m->m_type - RS_RQ_BASE]))
		return 0;
	h(m);
	return 1;
}

/* Is there an RS to wait for?  Not if we are RS, or its slot is empty. */
static int sef_rs_present(void)
{
	return sef_st.self != RS_PROC_NR &&
		sys_times(RS_PROC_NR, NULL, NULL) == OK;
}

int sef_startup(void)
{
	sef_init_info_t info = { .type = SEF_INIT_FRESH, .rs = NONE,
		.old_ep = NONE };
	message m, reply;
	int r;

	if ((r = sys_getinfo(&sef_st.self, NULL)) != OK)
		return r;
	if (!sef_rs_present())
		return sef_init_run(&info);
	for (;;) {
		if ((r = ipc_receive(RS_PROC_NR, &m)) != OK)
			return r;
		if (m.m_type != RS_INIT)
			continue;		/* nothing else before init */
		/* RS may have swapped us into the old instance's slot (live
		 * update) before sending the init: who are we now? */
		if ((r = sys_getinfo(&sef_st.self, NULL)) != OK)
			return r;
		sef_init_decode(&m, &info);
		r = sef_init_run(&info);
		reply = (message){ 0 };
		reply.m_rs_init_reply.result = r;
		reply.m_rs_init_reply.type = info.type;
		sef_reply_rs(RS_INIT_REPLY, &reply);
		if (info.type >= SEF_INIT_FRESH && info.type < SEF_INIT_NR)
			return r;
	}
}

int sef_receive(endpoint_t src, message *m)
{
	int r;

	for (;;) {
		if (sef_st.lu_state != SEF_LU_STATE_NULL && !sef_st.lu_prepared)
			sef_lu_check();
		r = ipc_receive(sef_st.lu_prepared ? RS_PROC_NR : src, m);
		if (r != OK)
			return r;
		if (!sef_consume(m))
			return OK;
	}
}
