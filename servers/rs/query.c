/*
 * query.c - RS_GETSVCS (mica/rs.h): the service table for whoever asks
 * (procfs's /proc/services), RS itself first.  RS's table is the authority on labels,
 * endpoints, state and restarts; PM knows pids, so a reader joins the two
 * by endpoint.  The answer goes by sendnb (RS never waits on anyone): a
 * caller that did not wait in sendrec loses it.
 */
#include "rs.h"

static void svc_info(const struct rs_service *s, struct rs_svcinfo *si)
{
	memset(si, 0, sizeof(*si));
	memcpy(si->label, s->label, RS_LABEL_LEN - 1);
	si->endpoint = s->ep;
	si->flags = RS_SVC_SYS;
	if (s->state == SVC_UP)
		si->flags |= RS_SVC_UP;
	if (s->state == SVC_DEAD)
		si->flags |= RS_SVC_DEAD;
	si->restarts = s->restarts;
}

/* Copy min(count, n) records into the caller's grant; n, or an error. */
static int svc_list(const message *m)
{
	const mess_lsys_rs_getsvcs *q = &m->m_rs_getsvcs;
	struct rs_svcinfo si;
	u32_t n = 0;
	int r;

	if (q->size != sizeof(si))
		return -EINVAL;
	if (q->count > 0) {		/* RS itself first: it has no entry */
		memset(&si, 0, sizeof(si));
		memcpy(si.label, "rs", 3);
		si.endpoint = RS_PROC_NR;
		si.flags = RS_SVC_UP | RS_SVC_SYS;
		if (sys_safecopyto(m->m_source, q->grant, 0, &si,
		    sizeof(si)) != OK)
			return -EFAULT;
	}
	n++;
	for (int i = 0; i < RS_MAX_SERVICES; i++) {
		if (rs_table[i].state == SVC_FREE)
			continue;
		if (n < q->count) {
			svc_info(&rs_table[i], &si);
			if ((r = sys_safecopyto(m->m_source, q->grant,
			    n * sizeof(si), &si, sizeof(si))) != OK)
				return -EFAULT;
		}
		n++;
	}
	return (int)n;
}

void svc_query(const message *m)
{
	message reply;

	memset(&reply, 0, sizeof(reply));
	reply.m_type = svc_list(m);
	(void)ipc_sendnb(m->m_source, &reply);
}
