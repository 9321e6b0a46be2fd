/*
 * table.c - the process table: lookups by endpoint and pid, slots, pids,
 * replies, and the processes that exist at boot.
 *
 * Boot: every boot module the kernel started is found by probing its
 * boot endpoint (slot i, generation 0).  Modules without system
 * privileges are user processes: PM becomes their signal manager and
 * gives them pids in slot order, so the first one is init (pid 1), the
 * adopter of orphans.  System services get pids after them and are only
 * recorded.  VFS hears of every process (VFS_PM_INIT).
 */
#include "pm.h"

struct mproc mproc[NR_MPROCS];
struct mproc *init_mp;
static int next_pid = INIT_PID;

struct mproc *mp_by_ep(endpoint_t ep)
{
	struct mproc *p;

	if (ep < 0)
		return NULL;
	p = &mproc[ENDPOINT_SLOT(ep) % NR_MPROCS];
	/* the kernel's slot index is the first guess (mp_alloc) */
	if ((p->flags & MP_IN_USE) && !(p->flags & MP_ZOMBIE) && p->ep == ep)
		return p;
	for (p = mproc; p < mproc + NR_MPROCS; p++)
		if ((p->flags & MP_IN_USE) && !(p->flags & MP_ZOMBIE) &&
		    p->ep == ep)
			return p;
	return NULL;
}

struct mproc *mp_by_pid(int pid)
{
	struct mproc *p;

	if (pid <= 0)
		return NULL;
	for (p = mproc; p < mproc + NR_MPROCS; p++)
		if ((p->flags & MP_IN_USE) && p->pid == pid)
			return p;
	return NULL;
}

struct mproc *mp_alloc(endpoint_t ep)
{
	struct mproc *p = &mproc[ENDPOINT_SLOT(ep) % NR_MPROCS];

	if (ep < 0 || (p->flags & MP_IN_USE))
		for (p = mproc; p < mproc + NR_MPROCS; p++)
			if (!(p->flags & MP_IN_USE))
				break;
	for (; p < mproc + NR_MPROCS; p++)
		if (!(p->flags & MP_IN_USE)) {
			memset(p, 0, sizeof(*p));
			p->flags = MP_IN_USE;
			p->ep = NONE;
			p->exit_after_vfs = -1;
			p->vfs_grants[0] = p->vfs_grants[1] = GRANT_INVALID;
			p->restart_grant = GRANT_INVALID;
			init_timer(&p->alarm);
			init_timer(&p->sleep);
			return p;
		}
	return NULL;
}

void mp_free(struct mproc *p)
{
	time_proc_gone(p);
	if (p->restart_grant != GRANT_INVALID)
		cpf_revoke(p->restart_grant);
	p->restart_grant = GRANT_INVALID;
	p->flags = 0;
	p->ep = NONE;
	p->pid = 0;
}

/* A pid no process, group or session uses; 0 if none is left. */
int pid_alloc(void)
{
	int tries, pid;
	struct mproc *p;

	for (tries = 0; tries < PID_MAX; tries++) {
		pid = next_pid;
		next_pid = next_pid >= PID_MAX ? INIT_PID + 1 : next_pid + 1;
		for (p = mproc; p < mproc + NR_MPROCS; p++)
			if ((p->flags & MP_IN_USE) &&
			    (p->pid == pid || p->pgrp == pid || p->sid == pid))
				break;
		if (p == mproc + NR_MPROCS)
			return pid;
	}
	return 0;
}

/* Answer p's pending call.  Never blocks: p is waiting in sendrec. */
void reply(struct mproc *p, int result, message *m)
{
	message r;

	if (!m) {
		memset(&r, 0, sizeof(r));
		m = &r;
	}
	m->m_type = result;
	ipc_sendnb(p->ep, m);
}

int is_user(const struct mproc *p)
{
	return (p->flags & MP_IN_USE) && !(p->flags & MP_SYSTEM);
}

static void boot_proc(endpoint_t ep, int system)
{
	struct mproc *p = mp_alloc(ep);
	message m;

	if (!p)
		panic("no slot for boot process %d", ep);
	p->ep = ep;
	p->pid = next_pid++;
	p->pgrp = p->sid = system ? 0 : INIT_PID;
	if (system)
		p->flags |= MP_SYSTEM;
	else if (sys_sigmgr(ep, sef_self()) != OK ||
	    sys_endksig(ep, KSIG_HOLD) != OK)
		panic("cannot manage the signals of %d", ep);
	if (p->pid == INIT_PID)
		init_mp = p;
	memset(&m, 0, sizeof(m));
	m.m_pm_vfs_proc.endpt = ep;
	m.m_pm_vfs_proc.pid = p->pid;
	m.m_pm_vfs_proc.pgrp = p->pgrp;
	m.m_pm_vfs_proc.sid = p->sid;
	vfs_request(NULL, VFS_PM_INIT, &m);
}

void pm_boot_procs(void)
{
	struct priv_info pi;
	int pass, slot;

	for (pass = 0; pass < 2; pass++)
		for (slot = 0; slot < NR_PROCS; slot++) {
			int system;

			if (sys_times(slot, NULL, NULL) != OK ||
			    sys_privctl(slot, PRIV_GET, &pi) != OK)
				continue;
			system = !!(pi.flags & PF_SYS_PROC);
			if (system == pass)
				boot_proc(slot, system);
		}
	for (slot = 0; slot < NR_MPROCS; slot++)
		if (is_user(&mproc[slot]) && &mproc[slot] != init_mp)
			mproc[slot].parent = init_mp;
}
