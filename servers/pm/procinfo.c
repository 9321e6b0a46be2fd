/*
 * procinfo.c - PM_GETPROCS (mica/procinfo.h): every process PM knows as
 * a struct mica_procinfo, for ps and a later procfs; and how PM knows the
 * system services at all.
 *
 * Services: the boot image's are found at start (table.c, pm_boot_procs);
 * those RS starts later, and the names of all of them, come from RS.  The
 * first time anyone asks for the list — not at start: DS and RS run after
 * PM and PM must not wait for them there — PM subscribes to every DS key
 * ("*") and takes the whole table from RS (RS_GETSVCS, mica/rs.h);
 * afterwards it drains DS's changes (RS's label publications) whenever DS
 * notifies it, and takes RS's table again when DS says changes were lost
 * (DSF_OVERRUN: DS keeps 16 per subscriber).  It does not ask DS for the
 * existing keys (DSF_INITIAL): with more than 16 of them (16 services and
 * the file systems' mount records) that report itself overran, and PM,
 * which then subscribed again, recursed until its stack was gone.  A label names the service
 * at its endpoint; a live endpoint PM does not know becomes a new system
 * entry with a pid of its own; a deleted label, or a service whose
 * endpoint died, frees the entry.  DS answers at once and never calls PM,
 * so PM's sendrec to it cannot deadlock (as with VM).  Without DS, or
 * without a label of PM's own (DS then refuses the subscription: test
 * images without RS), services are listed nameless.
 */
#include "pm.h"
#include <mica/ds.h>
#include <mica/procinfo.h>
#include <mica/rs.h>

static int subscribed;

static int alive(endpoint_t ep)
{
	return ep != NONE && sys_times(ep, NULL, NULL) == OK;
}

/* label as a process name: cut to PROC_NAME_LEN - 1, NUL-padded */
static void svc_name(char name[PROC_NAME_LEN], const char *label)
{
	size_t n = strlen(label);

	if (n > PROC_NAME_LEN - 1)
		n = PROC_NAME_LEN - 1;
	memset(name, 0, PROC_NAME_LEN);
	memcpy(name, label, n);
}

/* A label was published for ep. */
static void svc_published(const char *label, endpoint_t ep)
{
	struct mproc *p = mp_by_ep(ep);

	if (p) {
		if (p->flags & MP_SYSTEM)
			svc_name(p->name, label);
		return;			/* a user process: its program's name */
	}
	if (!alive(ep) || !(p = mp_alloc(ep)))
		return;
	p->ep = ep;
	p->pid = pid_alloc();
	p->flags |= MP_SYSTEM;
	svc_name(p->name, label);
}

static void svc_deleted(const char *label)
{
	char name[PROC_NAME_LEN];

	svc_name(name, label);
	for (struct mproc *p = mproc; p < mproc + NR_MPROCS; p++)
		if ((p->flags & MP_IN_USE) && (p->flags & MP_SYSTEM) &&
		    !memcmp(p->name, name, PROC_NAME_LEN) && !alive(p->ep))
			mp_free(p);
}

/* RS's whole table (RS answers at once, by sendnb, and never waits for
 * PM); each live service named by its label. */
static void svc_from_rs(void)
{
	static struct rs_svcinfo svcs[RS_CONF_MAX + 1];
	cp_grant_id_t g;
	message m;
	int n;

	g = cpf_grant_direct(RS_PROC_NR, (vir_bytes)svcs, sizeof(svcs),
		CPF_WRITE);
	if (g == GRANT_INVALID)
		return;
	memset(&m, 0, sizeof(m));
	m.m_type = RS_GETSVCS;
	m.m_rs_getsvcs.grant = g;
	m.m_rs_getsvcs.count = RS_CONF_MAX + 1;
	m.m_rs_getsvcs.size = sizeof(svcs[0]);
	n = ipc_sendrec(RS_PROC_NR, &m) == OK ? m.m_type : -1;
	cpf_revoke(g);
	if (n > RS_CONF_MAX + 1)
		n = RS_CONF_MAX + 1;
	for (int i = 0; i < n; i++) {
		svcs[i].label[RS_LABEL_LEN - 1] = '\0';
		if (svcs[i].label[0] && !(svcs[i].flags & RS_SVC_DEAD))
			svc_published(svcs[i].label, svcs[i].endpoint);
	}
}

/* Take every change DS has for PM (subscribing first if not yet). */
void svc_sync(void)
{
	char key[DS_KEY_LEN];
	u32_t flags;
	endpoint_t owner, ep;

	if (!subscribed) {
		if (ds_subscribe("*", 0) != OK)
			return;
		subscribed = 1;
		svc_from_rs();
	}
	while (ds_check(key, &flags, &owner) == OK) {
		key[sizeof(key) - 1] = '\0';
		if (flags & DSF_OVERRUN) {	/* changes lost: RS has them all */
			svc_from_rs();
			continue;
		}
		if ((flags & DSF_TYPE_MASK) != DSF_TYPE_LABEL)
			continue;
		if (flags & DSF_DELETED)
			svc_deleted(key);
		else if (ds_retrieve_label_endpt(key, &ep) == OK)
			svc_published(key, ep);
	}
}

static char proc_state(const struct mproc *p)
{
	if (p->flags & MP_ZOMBIE)
		return 'Z';
	if (p->flags & MP_STOPPED)
		return 'T';
	if (p->flags & (MP_WAITING | MP_SIGSUSPEND | MP_SLEEPING))
		return 'S';
	return 'R';
}

static void fill(struct mica_procinfo *pi, struct mproc *p)
{
	memset(pi, 0, sizeof(*pi));
	pi->pid = p->pid;
	pi->ppid = p->parent ? p->parent->pid : 0;
	pi->pgid = p->pgrp;
	pi->sid = p->sid;
	pi->uid = p->ruid;
	pi->euid = p->euid;
	pi->gid = p->rgid;
	pi->egid = p->egid;
	pi->endpoint = (p->flags & MP_ZOMBIE) ? NONE : p->ep;
	pi->flags = (p->flags & MP_SYSTEM) ? MICA_PI_SYSTEM : 0;
	pi->state = proc_state(p);
	if (!(p->flags & MP_ZOMBIE)) {
		sys_times(p->ep, NULL, &pi->utime);
		vm_info(p->ep, &pi->vsize, &pi->rss);
	}
	if (p->name[0])
		memcpy(pi->name, p->name, sizeof(pi->name) - 1);
	else if (p == init_mp)		/* a boot module: the kernel's name
					   is not PM's to read */
		memcpy(pi->name, "init", 5);
	else if (p->ep == RS_PROC_NR)	/* the publisher of labels has none */
		memcpy(pi->name, "rs", 3);
}

int do_getprocs(void)
{
	const mess_lc_pm_getprocs *q = &m_in.m_lc_pm_getprocs;
	struct mica_procinfo pi;
	u32_t n = 0;
	int r;

	if (q->size != sizeof(pi))
		return -EINVAL;
	svc_sync();
	for (struct mproc *p = mproc; p < mproc + NR_MPROCS; p++) {
		if (!(p->flags & MP_IN_USE))
			continue;
		if ((p->flags & MP_SYSTEM) && !alive(p->ep)) {
			mp_free(p);	/* a service that has gone */
			continue;
		}
		if (n < q->count) {
			fill(&pi, p);
			if ((r = sys_safecopyto(m_in.m_source, q->grant,
			    n * sizeof(pi), &pi, sizeof(pi))) != OK)
				return r == -EPERM || r == -EINVAL ? -EFAULT : r;
		}
		n++;
	}
	return n;
}
