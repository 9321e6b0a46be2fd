/*
 * main.c - PM's start and main loop: SEF start-up (PM is the signal
 * manager of user processes: SEF hands it the kernel's signals), then
 * one message at a time: a system call from the table below, a reply
 * from VFS, a clock tick for the timers, a terminal's signal.
 */
#include "pm.h"
#include <mica/cdev.h>

struct mproc *mp;
message m_in;
int pm_in_call;

typedef int (*pm_call_t)(void);

static const pm_call_t pm_calls[PM_NR_CALLS] = {
	[PM_EXIT - PM_RQ_BASE] = do_exit,
	[PM_FORK - PM_RQ_BASE] = do_fork,
	[PM_WAITPID - PM_RQ_BASE] = do_waitpid,
	[PM_GETIDS - PM_RQ_BASE] = do_getids,
	[PM_SETSID - PM_RQ_BASE] = do_setsid,
	[PM_SETPGID - PM_RQ_BASE] = do_setpgid,
	[PM_GETPGID - PM_RQ_BASE] = do_getpgid,
	[PM_KILL - PM_RQ_BASE] = do_kill,
	[PM_SIGACTION - PM_RQ_BASE] = do_sigaction,
	[PM_SIGPROCMASK - PM_RQ_BASE] = do_sigprocmask,
	[PM_SIGPENDING - PM_RQ_BASE] = do_sigpending,
	[PM_SIGSUSPEND - PM_RQ_BASE] = do_sigsuspend,
	[PM_SIGRETURN - PM_RQ_BASE] = do_sigreturn,
	[PM_SETUID - PM_RQ_BASE] = do_setid,
	[PM_SETEUID - PM_RQ_BASE] = do_setid,
	[PM_SETGID - PM_RQ_BASE] = do_setid,
	[PM_SETEGID - PM_RQ_BASE] = do_setid,
	[PM_GETGROUPS - PM_RQ_BASE] = do_getgroups,
	[PM_SETGROUPS - PM_RQ_BASE] = do_setgroups,
	[PM_CLOCK_GET - PM_RQ_BASE] = do_clock_get,
	[PM_CLOCK_SET - PM_RQ_BASE] = do_clock_set,
	[PM_NANOSLEEP - PM_RQ_BASE] = do_nanosleep,
	[PM_ITIMER - PM_RQ_BASE] = do_itimer,
	[PM_TIMES - PM_RQ_BASE] = do_times,
	[PM_EXEC - PM_RQ_BASE] = do_exec,
	[PM_REBOOT - PM_RQ_BASE] = do_reboot,
	[PM_SIGALTSTACK - PM_RQ_BASE] = do_sigaltstack,
	[PM_GETPROCS - PM_RQ_BASE] = do_getprocs,
	[PM_GETCMDLINE - PM_RQ_BASE] = do_getcmdline,
};

static int pm_init(int type, const sef_init_info_t *info)
{
	(void)type;
	(void)info;
	time_init();
	pm_boot_procs();
	return OK;
}

static void handle_notify(void)
{
	if (m_in.m_source == CLOCK)
		expire_timers(m_in.m_notify.timestamp);
	else if (m_in.m_source == DS_PROC_NR)
		svc_sync();		/* a label came or went */
}

/* A system call: the caller must be a process PM knows, not on its way out. */
static void handle_call(void)
{
	int nr = m_in.m_type - PM_RQ_BASE, r;

	if (!(mp = mp_by_ep(m_in.m_source))) {
		m_in.m_type = -ESRCH;
		ipc_sendnb(m_in.m_source, &m_in);
		return;
	}
	if (mp->flags & (MP_EXITING | MP_FORKING | MP_EXECING))
		return;			/* it is not running: a stale message */
	mp->restart_req.m_type = 0;	/* it ran: no file call to restart */
	pm_in_call = 1;
	r = pm_calls[nr] ? pm_calls[nr]() : -ENOSYS;
	pm_in_call = 0;
	if (!is_user(mp) && !(mp->flags & MP_SYSTEM))
		return;			/* it is gone */
	if (mp->flags & (MP_EXITING | MP_ZOMBIE))
		return;
	if (r != PM_NO_REPLY)
		sig_reply(mp, r, &m_in);	/* handlers first, if any */
	if (is_user(mp))
		sig_check_pending(mp);	/* signals the call left pending */
}

int main(const char *args)
{
	int r;

	(void)args;
	sef_setcb_init_fresh(pm_init);
	sef_setcb_signal_manager(ksig_handler);
	if ((r = sef_startup()) != OK)
		panic("init failed: %d", r);
	for (;;) {
		if (sef_receive(ANY, &m_in) != OK)
			continue;
		if (IS_NOTIFY(&m_in))
			handle_notify();
		else if (m_in.m_type >= PM_RQ_BASE &&
		    m_in.m_type < PM_RQ_BASE + PM_NR_CALLS)
			handle_call();
		else if (IS_VFS_PM_REPLY(m_in.m_type) &&
		    m_in.m_source == VFS_PROC_NR)
			vfs_reply(&m_in);
		else if (m_in.m_type == CDEV_SIGNAL)
			tty_signal(&m_in);
		else {
			m_in.m_type = -ENOSYS;
			ipc_sendnb(m_in.m_source, &m_in);
		}
	}
}
