/*
 * ping.c - heartbeats: every rs_ping_ticks, each service that is up gets
 * RS_PING (by senda) unless its last ping is still unanswered; a service
 * whose ping went a whole period without an answer is reported once
 * ("not answering pings"), and again as answering when it does.  A
 * service whose init goes unanswered for a period is reported the same
 * way.  One ping in flight per service keeps RS's senda table from
 * filling with pings to a service that never receives.  Reports only: the
 * restart policy that would replace a stuck service comes later.
 */
#include "rs.h"

static sys_timer_t ping_timer;

static void ping_round(int arg)
{
	struct rs_service *s;
	message m;
	u32_t now;
	int i, r;

	(void)arg;
	if (sys_times(SELF, &now, NULL) != OK)
		now = 0;
	for (i = 0; i < RS_MAX_SERVICES; i++) {
		s = &rs_table[i];
		if (s->state == SVC_INIT && s->init_queued && !s->init_late &&
		    now - s->init_sent >= rs_ping_ticks) {
			s->init_late = 1;
			printf("rs: %s (%d): not answering its init\n",
				s->label, s->ep);
		}
		if (s->state != SVC_UP)
			continue;
		if (s->ping_out) {
			if (!s->mute)
				printf("rs: %s (%d): not answering pings "
					"(%u ticks)\n", s->label, s->ep,
					rs_ping_ticks);
			s->mute = 1;
			continue;
		}
		memset(&m, 0, sizeof(m));
		m.m_type = RS_PING;
		m.m_rs_ping.seq = ++s->ping_seq;
		if ((r = asynsend(s->ep, &m)) == OK)
			s->ping_out = 1;
		else
			printf("rs: %s (%d): ping not sent (%d)\n", s->label,
				s->ep, r);
	}
	set_timer(&ping_timer, rs_ping_ticks, ping_round, 0);
}

void ping_start(void)
{
	init_timer(&ping_timer);
	set_timer(&ping_timer, rs_ping_ticks, ping_round, 0);
}

void ping_reply(struct rs_service *s, const message *m)
{
	if (s->state != SVC_UP || !s->ping_out ||
	    m->m_rs_pong.seq != s->ping_seq)
		return;				/* stale or forged */
	s->ping_out = 0;
	if (s->mute)
		printf("rs: %s (%d): answering pings again\n", s->label, s->ep);
	s->mute = 0;
}
