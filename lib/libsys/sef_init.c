/*
 * sef_init.c - the init message: decode it, pick the callback for its
 * type (with the defaults of mica/sef.h), run it, and answer a second
 * init after start-up.
 */
#include "sef_priv.h"

static int sef_cb_init_null(int type, const sef_init_info_t *info)
{
	(void)type, (void)info;
	return OK;
}

/* Default live-update init: identity transfer, then the restore callback. */
int sef_cb_init_lu_identity(int type, const sef_init_info_t *info)
{
	int r = sef_transfer_identity(info->old_ep);

	if (r != OK || !sef_st.cb.state_restore)
		return r;
	return sef_st.cb.state_restore(type, info);
}

static sef_cb_init_t sef_init_pick(int type)
{
	const struct sef_callbacks *cb = &sef_st.cb;
	sef_cb_init_t fresh = cb->init_fresh ? cb->init_fresh : sef_cb_init_null;

	switch (type) {
	case SEF_INIT_FRESH:
		return fresh;
	case SEF_INIT_RESTART:
		return cb->init_restart ? cb->init_restart : fresh;
	case SEF_INIT_LU:
		return cb->init_lu ? cb->init_lu : sef_cb_init_lu_identity;
	default:
		return NULL;
	}
}

void sef_init_decode(const message *m, sef_init_info_t *info)
{
	const mess_rs_lsys_init *in = &m->m_rs_init;
	u32_t i;

	info->type = in->type;
	info->rs = m->m_source;
	info->old_ep = in->old_ep;
	info->prepare_state = in->prepare_state;
	info->restarts = in->restarts;
	for (i = 0; i + 1 < RS_LABEL_LEN && in->label[i]; i++)
		info->label[i] = in->label[i];
	info->label[i] = 0;
}

/* Run the init callback for info->type; OK or its error (EINVAL: bad type). */
int sef_init_run(sef_init_info_t *info)
{
	sef_cb_init_t cb = sef_init_pick(info->type);
	int r;

	if (!cb)
		return -EINVAL;
	sef_st.info = *info;
	r = cb(info->type, info);
	if (r == OK)
		sef_st.initialised = 1;
	return r;
}

/* An init after start-up: refused, the service is already running. */
void sef_do_init(const message *m)
{
	message reply = { 0 };

	reply.m_rs_init_reply.result = -EBUSY;
	reply.m_rs_init_reply.type = m->m_rs_init.type;
	sef_reply_rs(RS_INIT_REPLY, &reply);
}
