/*
 * exec.c - PM's part of exec: check the request, hand the caller's path
 * and stack frame to VFS by indirect grants (VFS reads the binary, asks
 * VM for the new image and fills it), and when VFS answers start the new
 * program with SYS_EXEC.  Caught signals go back to their default,
 * ignored ones stay ignored, mask and pending set are kept (POSIX).  A
 * successful exec is never answered: the caller's old image is gone.
 */
#include "pm.h"
#include <mica/exec.h>

#define PM_PATH_MAX 4096	/* with the NUL: the VFS path limit */

int do_exec(void)
{
	mess_lc_pm_exec *q = &m_in.m_lc_pm_exec;
	cp_grant_id_t pg, fg;
	message m;

	if (q->path_len == 0)
		return -ENOENT;
	if (q->path_len >= PM_PATH_MAX)
		return -ENAMETOOLONG;
	if (q->frame_len < 16 || q->frame_len > EXEC_FRAME_MAX ||
	    (q->frame_len & 15))
		return q->frame_len > EXEC_FRAME_MAX ? -E2BIG : -EINVAL;
	if (!vfs_present())
		return -ENOSYS;
	cmdline_exec_start(mp, q->frame, q->frame_len);
	pg = cpf_grant_indirect(VFS_PROC_NR, mp->ep, q->path, 0, q->path_len,
		CPF_READ);
	fg = cpf_grant_indirect(VFS_PROC_NR, mp->ep, q->frame, 0, q->frame_len,
		CPF_READ);
	if (pg == GRANT_INVALID || fg == GRANT_INVALID) {
		if (pg != GRANT_INVALID)
			cpf_revoke(pg);
		if (fg != GRANT_INVALID)
			cpf_revoke(fg);
		return -ENOMEM;
	}
	memset(&m, 0, sizeof(m));
	m.m_pm_vfs_exec.endpt = mp->ep;
	m.m_pm_vfs_exec.pid = mp->pid;
	m.m_pm_vfs_exec.path = pg;
	m.m_pm_vfs_exec.path_len = q->path_len;
	m.m_pm_vfs_exec.frame = fg;
	m.m_pm_vfs_exec.frame_len = q->frame_len;
	mp->vfs_grants[0] = pg;
	mp->vfs_grants[1] = fg;
	mp->flags |= MP_EXECING;
	if (vfs_request(mp, VFS_PM_EXEC, &m) != OK) {
		mp->flags &= ~MP_EXECING;
		cpf_revoke(pg);
		cpf_revoke(fg);
		mp->vfs_grants[0] = mp->vfs_grants[1] = GRANT_INVALID;
		return -EAGAIN;
	}
	return PM_NO_REPLY;
}

void vfs_reply_exec(struct mproc *p, const message *m)
{
	const mess_vfs_pm_exec *r = &m->m_vfs_pm_exec;
	char name[PROC_NAME_LEN];

	for (int i = 0; i < 2; i++)
		if (p->vfs_grants[i] != GRANT_INVALID) {
			cpf_revoke(p->vfs_grants[i]);
			p->vfs_grants[i] = GRANT_INVALID;
		}
	p->flags &= ~MP_EXECING;
	if (r->result != OK || r->pc < USER_BASE || r->pc >= USER_TOP ||
	    r->sp <= USER_BASE || r->sp > USER_TOP) {
		if (r->result == OK || (r->flags & VFS_EXEC_NOIMAGE)) {
			p->exit_after_vfs = wait_status_sig(MICA_SIGKILL, 0);
			return;		/* vfs.c ends it now */
		}
		reply(p, r->result, NULL);
		sig_check_pending(p);
		return;
	}
	memcpy(name, r->name, PROC_NAME_LEN);
	name[PROC_NAME_LEN - 1] = '\0';
	if (sys_exec_named(p->ep, r->pc, r->sp, name) != OK) {
		p->exit_after_vfs = wait_status_sig(MICA_SIGKILL, 0);
		return;
	}
	if (r->flags & VFS_EXEC_SETUID)
		p->euid = r->uid;
	if (r->flags & VFS_EXEC_SETGID)
		p->egid = r->gid;
	p->suid = p->euid;
	p->sgid = p->egid;
	memcpy(p->name, name, PROC_NAME_LEN);
	cmdline_exec_done(p);
	p->flags |= MP_EXECED;
	sig_exec_reset(p);
	sig_check_pending(p);
}
