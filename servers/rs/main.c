/*
 * main.c - RS, the reincarnation server, at boot: start through SEF (RS
 * is the one service that does not wait for an init), start every boot
 * service (boot.c), then serve messages through a table by type.  RS
 * never blocks on a service: inits, pings, signals and DS requests go
 * out by senda, and services answer by senda (DS by sendnb).  RS itself
 * answers only requests (m_type > 0) it does not know, with ENOSYS by
 * sendnb, and never an answer: two servers must not bounce errors.
 */
#include "rs.h"

typedef void (*rs_handler_t)(struct rs_service *s, const message *m);

static void on_init_reply(struct rs_service *s, const message *m)
{
	svc_init_reply(s, m);
}

static const rs_handler_t rs_calls[RS_NR_RQ] = {
	[RS_INIT_REPLY - RS_RQ_BASE] = on_init_reply,
	[RS_PING_REPLY - RS_RQ_BASE] = ping_reply,
	[RS_PANIC - RS_RQ_BASE] = svc_panic,
};

static const char *rs_args;

static int rs_init(int type, const sef_init_info_t *info)
{
	(void)type, (void)info;
	return rs_boot(rs_args);
}

static void rs_handle(message *m)
{
	struct rs_service *s;
	u32_t i = (u32_t)(m->m_type - RS_RQ_BASE);

	if (IS_NOTIFY(m)) {
		if (m->m_source == CLOCK)
			expire_timers(m->m_notify.timestamp);
		return;
	}
	if (m->m_type == RS_GETSVCS) {	/* anyone's: the service table */
		svc_query(m);
		return;
	}
	s = svc_by_ep(m->m_source);
	if (s && IS_RS_RQ(m->m_type) && rs_calls[i]) {
		rs_calls[i](s, m);
		return;
	}
	if (m->m_type <= 0) {		/* an answer, not a request */
		if (s && s->ep == DS_PROC_NR)
			ds_answer(m);
		return;
	}
	/* A request RS does not serve: ENOSYS (sendnb: RS never waits). */
	m->m_type = -ENOSYS;
	ipc_sendnb(m->m_source, m);
}

int main(const char *args)
{
	message m;
	int r;

	rs_args = args;
	sef_setcb_init_fresh(rs_init);
	sef_setcb_signal_manager(svc_signals);
	if ((r = sef_startup()) != OK)
		panic("rs: boot failed (%d)", r);
	for (;;) {
		if ((r = sef_receive(ANY, &m)) != OK) {
			printf("rs: receive failed (%d)\n", r);
			continue;
		}
		rs_handle(&m);
		svc_send_inits();	/* any that found the senda table full */
	}
}
