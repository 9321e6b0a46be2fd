/*
 * os_task.c - fsdriver_task(), the main loop of a file-system server:
 * start through SEF, then receive a request, check who sent it and that
 * a mount exists (os_call.c does the rest), reply.
 *
 * FS_CACHESTAT is the one request served to anyone, before a mount too
 * (procfs asks every file-system server it finds).
 *
 * SEF: fresh start serves nothing until FS_MOUNT; restart remounts what
 * the previous instance had (os_mount.c); live update is the identity
 * transfer (the mount record and the cache are memory).  Requests are
 * answered before the next receive, so every live-update state is
 * reached at the top of the loop.
 */
#include <errno.h>

#include <mica/sef.h>
#include "os_priv.h"
#include "os_calls.h"

static const struct fsdriver *os_fdp;	/* for the restart callback */

static int os_init_restart(int type, const sef_init_info_t *info)
{
	(void)type, (void)info;
	return os_state_restore(os_fdp);
}

/* Sender and mount checks; then the table. */
static int os_serve(const struct fsdriver *fdp, message *m)
{
	struct os_req rq = { fdp, m->m_source, m };

	if (m->m_type == FS_CACHESTAT)	/* statistics: anyone, any time */
		return os_cachestat(&rq);
	if (!fsdriver_os_mnt.mounted && m->m_type != FS_MOUNT &&
	    m->m_type > FS_RQ_BASE && m->m_type < FS_RQ_BASE + FS_NR_RQ)
		return -EINVAL;
	if (!fsdriver_os_mnt.mounted)
		return os_call(&rq);
	if (m->m_source != fsdriver_os_mnt.owner)
		return os_delegated(m) ? os_call(&rq) : -EPERM;
	if (m->m_type == FS_DELEGATE)
		return os_delegate(m);
	return os_call(&rq);
}

void fsdriver_process(const struct fsdriver *fdp, message *m)
{
	endpoint_t who = m->m_source;

	if (IS_NOTIFY(m))
		return;
	m->m_type = os_serve(fdp, m);
	(void)ipc_sendnb(who, m);
}

const struct fsdriver_fstype *fsdriver_os_fstype;

int fsdriver_task_fstype(const struct fsdriver_fstype *type)
{
	fsdriver_os_fstype = type;
	return fsdriver_task(type->table);
}

int fsdriver_task(const struct fsdriver *fdp)
{
	message m;
	int r;

	os_fdp = fdp;
	sef_setcb_init_restart(os_init_restart);
	sef_setcb_lu_state_isreached(sef_cb_lu_state_isreached_all);
	if ((r = sef_startup()) != OK)
		return r;
	for (;;) {
		if ((r = sef_receive(ANY, &m)) != OK)
			return r;
		fsdriver_process(fdp, &m);
	}
}
