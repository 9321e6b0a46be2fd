/*
 * sef_lu.c - live update, the old instance's side: accept a prepare
 * request, check at the top of each sef_receive whether the state is
 * reached, save state and report RS_LU_READY, then hear only RS until it
 * cancels (rollback: carry on) or removes this instance.
 *
 * A request is answered at once with an error when the state is not valid
 * for this service (EINVAL) or another request is pending (EBUSY); a state
 * not yet reached is deferred: the service keeps working, and the check
 * runs again before the next receive.
 */
#include "sef_priv.h"

static int sef_lu_isvalid_default(int state)
{
	return state == SEF_LU_STATE_WORK_FREE ||
		state == SEF_LU_STATE_REQUEST_FREE ||
		state == SEF_LU_STATE_PROTOCOL_FREE;
}

static int sef_lu_isreached_default(int state)
{
	return state == SEF_LU_STATE_WORK_FREE;
}

/* For services that answer every request before they receive again. */
int sef_cb_lu_state_isreached_all(int state)
{
	(void)state;
	return 1;
}

static void sef_lu_reply(int result, int state)
{
	message m = { 0 };

	m.m_rs_lu_ready.result = result;
	m.m_rs_lu_ready.state = state;
	sef_reply_rs(RS_LU_READY, &m);
}

void sef_do_lu_prepare(const message *m)
{
	int state = m->m_rs_lu_prepare.state;
	sef_cb_lu_state_t valid = sef_st.cb.lu_isvalid ?
		sef_st.cb.lu_isvalid : sef_lu_isvalid_default;

	if (state == SEF_LU_STATE_NULL) {
		sef_st.lu_state = SEF_LU_STATE_NULL;
		sef_st.lu_prepared = 0;
		return;
	}
	if (sef_st.lu_state != SEF_LU_STATE_NULL) {
		sef_lu_reply(-EBUSY, state);
		return;
	}
	if (state < 0 || state > SEF_LU_STATE_MAX || !valid(state)) {
		sef_lu_reply(-EINVAL, state);
		return;
	}
	sef_st.lu_state = state;
}

void sef_lu_check(void)
{
	int state = sef_st.lu_state, r = OK;
	sef_cb_lu_state_t reached = sef_st.cb.lu_isreached ?
		sef_st.cb.lu_isreached : sef_lu_isreached_default;

	if (!reached(state))
		return;
	if (sef_st.cb.lu_save)
		r = sef_st.cb.lu_save(state);
	sef_lu_reply(r, state);
	if (r == OK)
		sef_st.lu_prepared = 1;
	else
		sef_st.lu_state = SEF_LU_STATE_NULL;
}
