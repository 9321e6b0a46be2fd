/*
 * ids.c - identities, process groups and sessions.
 *
 * set*id follow POSIX with saved set-ids: with effective uid 0, setuid
 * sets all three uids (setgid all three gids) and seteuid/setegid any
 * effective id; otherwise the effective id may become the real or the
 * saved id only.  Every change is made here, mirrored to VFS
 * (mica/pmvfs.h), and the caller is answered when VFS has taken it, so
 * its next file call already runs with the new ids.
 */
#include "pm.h"

#define ID_NONE 0xffffffffu

int do_getids(void)
{
	mess_pm_lc_ids *r = &m_in.m_pm_lc_ids;

	memset(r, 0, sizeof(*r));
	r->pid = mp->pid;
	r->ppid = mp->parent ? mp->parent->pid : 0;
	r->pgrp = mp->pgrp;
	r->sid = mp->sid;
	r->uid = mp->ruid;
	r->euid = mp->euid;
	r->gid = mp->rgid;
	r->egid = mp->egid;
	return mp->pid;
}

/* Tell VFS that p changed; mp's call is answered 'answer' when VFS has. */
static int mirror(struct mproc *p, int type, message *m, int answer)
{
	m->m_pm_vfs_proc.endpt = p->ep;
	m->m_pm_vfs_proc.pid = p->pid;
	p->vfs_answer = answer;
	p->vfs_answer_to = mp;
	if (vfs_request(p, type, m) != OK) {
		p->vfs_answer_to = NULL;
		return -EAGAIN;
	}
	return PM_NO_REPLY;
}

void vfs_reply_ids(struct mproc *p, int type, int result)
{
	struct mproc *caller = p->vfs_answer_to;

	if (p->vfs_grants[0] != GRANT_INVALID) {
		cpf_revoke(p->vfs_grants[0]);
		p->vfs_grants[0] = GRANT_INVALID;
	}
	p->vfs_answer_to = NULL;
	if (type != VFS_PM_UNPAUSE && caller && is_user(caller) &&
	    !(caller->flags & (MP_EXITING | MP_ZOMBIE)))
		reply(caller, result < 0 ? result : p->vfs_answer, NULL);
	if (type == VFS_PM_UNPAUSE)	/* VFS has let go: deliver now */
		p->flags |= MP_QUIET;
	sig_check_pending(p);
	p->flags &= ~MP_QUIET;
	sig_unpause_done(p);
	if (caller && caller != p)
		sig_check_pending(caller);
}

static int ids_message(int type, u32_t real, u32_t eff)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_pm_vfs_ids.real = real;
	m.m_pm_vfs_ids.effective = eff;
	return mirror(mp, type, &m, OK);
}

int do_setid(void)
{
	u32_t id = m_in.m_lc_pm_setid.id;
	int root = mp->euid == 0;

	if (id == ID_NONE)
		return -EINVAL;
	switch (m_in.m_type) {
	case PM_SETUID:
		if (root)
			mp->ruid = mp->suid = id;
		else if (id != mp->ruid && id != mp->suid)
			return -EPERM;
		mp->euid = id;
		break;
	case PM_SETEUID:
		if (!root && id != mp->ruid && id != mp->suid)
			return -EPERM;
		mp->euid = id;
		break;
	case PM_SETGID:
		if (root)
			mp->rgid = mp->sgid = id;
		else if (id != mp->rgid && id != mp->sgid)
			return -EPERM;
		mp->egid = id;
		break;
	default:			/* PM_SETEGID */
		if (!root && id != mp->rgid && id != mp->sgid)
			return -EPERM;
		mp->egid = id;
		break;
	}
	if (m_in.m_type == PM_SETUID || m_in.m_type == PM_SETEUID)
		return ids_message(VFS_PM_SETUID, mp->ruid, mp->euid);
	return ids_message(VFS_PM_SETGID, mp->rgid, mp->egid);
}

int do_getgroups(void)
{
	u32_t n = m_in.m_lc_pm_groups.count;

	if (n == 0)
		return mp->ngroups;
	if (n < mp->ngroups)
		return -EINVAL;
	if (mp->ngroups && sys_safecopyto(mp->ep, m_in.m_lc_pm_groups.grant, 0,
	    mp->groups, mp->ngroups * sizeof(u32_t)) != OK)
		return -EFAULT;
	return mp->ngroups;
}

int do_setgroups(void)
{
	u32_t n = m_in.m_lc_pm_groups.count, g[NGROUPS_PM] = { 0 };
	message m;
	cp_grant_id_t grant = GRANT_INVALID;
	int r;

	if (mp->euid != 0)
		return -EPERM;
	if (n > NGROUPS_PM)
		return -EINVAL;
	if (n && sys_safecopyfrom(mp->ep, m_in.m_lc_pm_groups.grant, 0, g,
	    n * sizeof(u32_t)) != OK)
		return -EFAULT;
	memcpy(mp->groups, g, n * sizeof(u32_t));
	mp->ngroups = n;
	if (n && vfs_present() &&
	    (grant = cpf_grant_direct(VFS_PROC_NR, (vir_bytes)mp->groups,
	    n * sizeof(u32_t), CPF_READ)) == GRANT_INVALID)
		return -ENOMEM;
	memset(&m, 0, sizeof(m));
	m.m_pm_vfs_groups.grant = grant;
	m.m_pm_vfs_groups.count = n;
	mp->vfs_grants[0] = grant;	/* revoked when VFS answers */
	if ((r = mirror(mp, VFS_PM_SETGROUPS, &m, OK)) != PM_NO_REPLY &&
	    grant != GRANT_INVALID) {
		cpf_revoke(grant);
		mp->vfs_grants[0] = GRANT_INVALID;
	}
	return r;
}

static int group_exists(int pgrp, int sid)
{
	for (struct mproc *p = mproc; p < mproc + NR_MPROCS; p++)
		if (is_user(p) && !(p->flags & MP_ZOMBIE) && p->pgrp == pgrp &&
		    p->sid == sid)
			return 1;
	return 0;
}

int do_setsid(void)
{
	message m;

	for (struct mproc *p = mproc; p < mproc + NR_MPROCS; p++)
		if (is_user(p) && p->pgrp == mp->pid)
			return -EPERM;	/* already leads a group */
	mp->sid = mp->pgrp = mp->pid;
	memset(&m, 0, sizeof(m));
	m.m_pm_vfs_proc.pgrp = mp->pgrp;
	m.m_pm_vfs_proc.sid = mp->sid;
	return mirror(mp, VFS_PM_SETSID, &m, mp->sid);
}

int do_setpgid(void)
{
	int pid = m_in.m_lc_pm_pgid.pid, pgid = m_in.m_lc_pm_pgid.pgid;
	struct mproc *t;
	message m;

	if (pid < 0 || pgid < 0)
		return -EINVAL;
	if (pid == 0 || pid == mp->pid)
		t = mp;
	else if (!(t = mp_by_pid(pid)) || t->parent != mp ||
	    (t->flags & MP_ZOMBIE))
		return -ESRCH;
	if (t != mp && t->sid != mp->sid)
		return -EPERM;
	if (t != mp && (t->flags & MP_EXECED))
		return -EACCES;
	if (t->sid == t->pid)
		return -EPERM;		/* a session leader */
	if (pgid == 0)
		pgid = t->pid;
	if (pgid != t->pid && !group_exists(pgid, mp->sid))
		return -EPERM;
	if (t->pgrp == pgid)
		return OK;
	if (t->flags & (MP_FORKING | MP_EXECING | MP_EXITING))
		return -ESRCH;
	t->pgrp = pgid;
	memset(&m, 0, sizeof(m));
	m.m_pm_vfs_proc.pgrp = pgid;
	m.m_pm_vfs_proc.sid = t->sid;
	return mirror(t, VFS_PM_SETPGID, &m, OK);
}

int do_getpgid(void)
{
	int pid = m_in.m_lc_pm_pgid.pid;
	struct mproc *t = pid == 0 ? mp : mp_by_pid(pid);

	if (pid < 0)
		return -EINVAL;
	if (!t || !is_user(t))
		return -ESRCH;
	return t->pgrp;
}
