/*
 * do_priv.c - SYS_PRIVCTL (a process's IPC, kernel-call, IRQ and I/O
 * privileges, as RS sets them from a service's configuration) and
 * SYS_SCHEDCTL (priority and quantum, as a scheduler sets them).
 */
#include "system.h"

static void priv_to_msg(const struct priv *pv, mess_lsys_krn_privctl *pm)
{
	int i;

	pm->flags = pv->flags;
	pm->ipc_ops = pv->ipc_ops;
	for (i = 0; i < BITMAP_WORDS; i++)
		pm->ipc_to[i] = pv->ipc_to.w[i];
	pm->calls = pv->calls;
	pm->irqs = pv->irqs;
	for (i = 0; i < NR_IO_RANGES; i++) {
		pm->io_base[i] = pv->io_base[i];
		pm->io_len[i] = pv->io_len[i];
	}
}

static void msg_to_priv(const mess_lsys_krn_privctl *pm, struct priv *pv)
{
	int i;

	pv->flags = pm->flags;
	pv->ipc_ops = pm->ipc_ops;
	for (i = 0; i < BITMAP_WORDS; i++)
		pv->ipc_to.w[i] = pm->ipc_to[i];
	pv->calls = pm->calls;
	pv->irqs = pm->irqs;
	for (i = 0; i < NR_IO_RANGES; i++) {
		pv->io_base[i] = pm->io_base[i];
		pv->io_len[i] = pm->io_len[i];
	}
}

int do_privctl(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if ((r = kcall_target(caller, m->m_privctl.endpt, &p)) != OK)
		return r;
	switch (m->m_privctl.request) {
	case PRIV_GET:
		priv_to_msg(&p->priv, &m->m_privctl);
		return OK;
	case PRIV_SET:
		msg_to_priv(&m->m_privctl, &p->priv);
		if (p->rts_flags & RTS_NO_PRIV)
			rts_clear(p, RTS_NO_PRIV);
		return OK;
	default:
		return -EINVAL;
	}
}

int do_schedctl(struct proc *caller, message *m)
{
	mess_lsys_krn_schedctl *sm = &m->m_schedctl;
	struct proc *p;
	int r;

	if ((r = kcall_target(caller, sm->endpt, &p)) != OK)
		return r;
	if (sm->priority < 0 || sm->priority >= IDLE_Q || sm->quantum <= 0 ||
	    sm->quantum > 100 * HZ)
		return -EINVAL;
	sched_dequeue(p);
	p->priority = sm->priority;
	p->quantum = p->ticks_left = sm->quantum;
	sched_requeue(p);
	return OK;
}
