/*
 * main.c - DS, the data store: start through SEF, then answer requests
 * one at a time through a table of handlers (requests.c).  Replies go
 * with sendnb: a client that sent a request without waiting for the
 * answer loses it, and DS never blocks on a client.  Notifications sent
 * to DS are ignored; unknown requests get ENOSYS.
 */
#include "ds.h"
#include <mica/sef.h>

typedef int (*ds_handler_t)(message *m);

static const ds_handler_t ds_calls[DS_NR_RQ] = {
	[DS_PUBLISH - DS_RQ_BASE] = do_publish,
	[DS_RETRIEVE - DS_RQ_BASE] = do_retrieve,
	[DS_DELETE - DS_RQ_BASE] = do_delete,
	[DS_SUBSCRIBE - DS_RQ_BASE] = do_subscribe,
	[DS_UNSUBSCRIBE - DS_RQ_BASE] = do_unsubscribe,
	[DS_CHECK - DS_RQ_BASE] = do_check,
};

/* Fresh start (and restart: the store starts empty, see README.md):
 * DS publishes its own label, so lookups of "ds" work like any other. */
static int ds_init(int type, const sef_init_info_t *info)
{
	message m = { 0 };

	(void)type, (void)info;
	m.m_source = sef_self();
	m.m_type = DS_PUBLISH;
	ds_copy_str(m.m_ds.key, "ds", DS_KEY_LEN);
	m.m_ds.flags = DSF_TYPE_LABEL | DSF_OVERWRITE;
	m.m_ds.val.endpt = sef_self();
	return do_publish(&m);
}

static void ds_handle(message *m)
{
	u32_t i = (u32_t)(m->m_type - DS_RQ_BASE);
	endpoint_t who = m->m_source;
	int r;

	if (IS_NOTIFY(m))
		return;
	if (m->m_type >= DS_RQ_BASE && i < DS_NR_RQ && ds_calls[i])
		r = ds_calls[i](m);
	else
		r = -ENOSYS;
	m->m_type = r;
	ipc_sendnb(who, m);
}

int main(const char *args)
{
	message m;
	int r;

	(void)args;
	sef_setcb_init_fresh(ds_init);
	sef_setcb_lu_state_isreached(sef_cb_lu_state_isreached_all);
	if ((r = sef_startup()) != OK)
		panic("ds: init failed (%d)", r);
	for (;;) {
		if ((r = sef_receive(ANY, &m)) != OK)
			panic("ds: receive failed (%d)", r);
		ds_handle(&m);
	}
}
