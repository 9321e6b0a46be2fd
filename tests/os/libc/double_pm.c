/*
 * double_pm.c - PM's part of the stand-in, for one client: identities,
 * signal actions/mask/pending (recorded, never delivered: a signal that
 * would need delivery is refused with ENOSYS), kill, groups, clocks from
 * the kernel's uptime, nanosleep on the kernel alarm, times, and exit:
 * the client's exit status decides the power-off status of the run.
 */
#include "double.h"
#include <mica/exec.h>
#include "../tap.h"

#define CLIENT_PID   7
#define EPOCH        1700000000		/* the stand-in's "now" at boot */

static struct {
	u32_t handler[MICA_NSIG], mask[MICA_NSIG], flags[MICA_NSIG];
	u32_t blocked, pending;
	u32_t uid, euid, gid, egid;
	int pgrp, sid;
} pm = { .pgrp = CLIENT_PID, .sid = CLIENT_PID };

static int pm_exit(message *m)
{
	int st = m->m_lc_pm_exit.status;

	if (st != 0)
		printf("not ok - libc client exited with status %d\n", st);
	sys_shutdown(st == 0 ? 0 : 1);
	return OK;
}

static int pm_getids(message *m)
{
	mess_pm_lc_ids *r = &m->m_pm_lc_ids;

	memset(r, 0, sizeof(*r));
	r->pid = CLIENT_PID;
	r->ppid = 1;
	r->pgrp = pm.pgrp;
	r->sid = pm.sid;
	r->uid = pm.uid; r->euid = pm.euid;
	r->gid = pm.gid; r->egid = pm.egid;
	return OK;
}

static int bad_sig(int sig)
{
	return sig <= 0 || sig >= MICA_NSIG;
}

static int pm_kill(message *m)
{
	int pid = m->m_lc_pm_kill.pid, sig = m->m_lc_pm_kill.sig;

	if (sig < 0 || sig >= MICA_NSIG)
		return -EINVAL;
	if (pid != CLIENT_PID && pid != 0 && pid != -1 && pid != -pm.pgrp)
		return -ESRCH;
	if (sig == 0 || pm.handler[sig] == 1)	/* probe, or SIG_IGN */
		return OK;
	if ((pm.blocked >> sig) & 1) {
		pm.pending |= 1u << sig;
		return OK;
	}
	return -ENOSYS;				/* delivery: the real PM's */
}

static int pm_sigaction(message *m)
{
	mess_lc_pm_sigaction *a = &m->m_lc_pm_sigaction;
	int sig = a->sig;
	u32_t h = a->handler, mk = a->mask, fl = a->flags;

	if (bad_sig(sig) || (a->set && (sig == MICA_SIGKILL || sig == MICA_SIGSTOP)))
		return -EINVAL;
	if (a->set && h > 1 && (h < USER_BASE || a->trampoline < USER_BASE))
		return -EFAULT;
	a->handler = pm.handler[sig];
	a->mask = pm.mask[sig];
	a->flags = pm.flags[sig];
	if (a->set) {
		pm.handler[sig] = h;
		pm.mask[sig] = mk;
		pm.flags[sig] = fl;
	}
	return OK;
}

static const u32_t unblockable = (1u << MICA_SIGKILL) | (1u << MICA_SIGSTOP) | 1u;

static int pm_sigprocmask(message *m)
{
	mess_lc_pm_sigmask *s = &m->m_lc_pm_sigmask;
	u32_t old = pm.blocked;

	switch (s->how) {
	case MICA_SIG_BLOCK: pm.blocked |= s->mask; break;
	case MICA_SIG_UNBLOCK: pm.blocked &= ~s->mask; break;
	case MICA_SIG_SETMASK: pm.blocked = s->mask; break;
	default: return -EINVAL;
	}
	pm.blocked &= ~unblockable;
	s->mask = old;
	if (pm.pending & ~pm.blocked) {		/* would be delivered now */
		pm.pending &= pm.blocked;
		return -ENOSYS;
	}
	return OK;
}

static int pm_sigpending(message *m)
{
	m->m_lc_pm_sigmask.mask = pm.pending;
	return OK;
}

static int pm_setid(message *m, u32_t *real, u32_t *eff, int only_eff)
{
	u32_t id = m->m_lc_pm_setid.id;

	if (pm.euid != 0 && id != *real && id != *eff)
		return -EPERM;
	if (!only_eff && pm.euid == 0)
		*real = id;
	*eff = id;
	return OK;
}
static int pm_setuid(message *m) { return pm_setid(m, &pm.uid, &pm.euid, 0); }
static int pm_seteuid(message *m) { return pm_setid(m, &pm.uid, &pm.euid, 1); }
static int pm_setgid(message *m) { return pm_setid(m, &pm.gid, &pm.egid, 0); }
static int pm_setegid(message *m) { return pm_setid(m, &pm.gid, &pm.egid, 1); }

static int pm_getgroups(message *m)
{
	static const u32_t groups[] = { 0, 100 };
	u32_t n = m->m_lc_pm_groups.count, want = sizeof(groups) / sizeof(groups[0]);
	int r;

	if (n == 0)
		return want;
	if (n < want)
		return -EINVAL;
	r = sys_safecopyto(m->m_source, m->m_lc_pm_groups.grant, 0, groups, sizeof(groups));
	return r == OK ? (int)want : r;
}

static u32_t uptime_ticks(void)
{
	u32_t up = 0, user;

	sys_times(SELF, &up, &user);
	return up;
}

static int pm_clock_get(message *m)
{
	u32_t up = uptime_ticks();

	int c = m->m_lc_pm_time.clock;

	if (c != MICA_CLOCK_REALTIME && c != MICA_CLOCK_MONOTONIC)
		return -EINVAL;
	m->m_lc_pm_time.sec = (c == MICA_CLOCK_REALTIME ? EPOCH : 0) + up / HZ;
	m->m_lc_pm_time.nsec = (up % HZ) * (1000000000 / HZ);
	return OK;
}

static int pm_nanosleep(message *m)
{
	i64_t sec = m->m_lc_pm_time.sec;
	u32_t ticks;

	if (sec < 0 || sec > 1000 || m->m_lc_pm_time.nsec >= 1000000000u)
		return -EINVAL;
	ticks = (u32_t)sec * HZ + (m->m_lc_pm_time.nsec + 10000000 - 1) / 10000000;
	if (ticks)
		tap_sleep(ticks);
	m->m_lc_pm_time.sec = 0;
	m->m_lc_pm_time.nsec = 0;
	return OK;
}

static int pm_times(message *m)
{
	u32_t up = 0, user = 0;

	sys_times(SELF, &up, &user);
	memset(&m->m_pm_lc_times, 0, sizeof(m->m_pm_lc_times));
	if (sys_times(m->m_source, &up, &user) == OK)
		m->m_pm_lc_times.utime = user;
	m->m_pm_lc_times.uptime = up;
	return OK;
}

static int pm_getpgid(message *m)
{
	int pid = m->m_lc_pm_pgid.pid;

	return pid == 0 || pid == CLIENT_PID ? pm.pgrp : -ESRCH;
}

/*
 * exec: the stand-in cannot start a program, but it checks the request
 * as PM must (the path, then the frame with the shared parser, for the
 * address the stack will end at) and answers ENOEXEC for a good request.
 */
static int pm_exec(message *m)
{
	static u8_t frame[EXEC_FRAME_MAX];
	mess_lc_pm_exec *q = &m->m_lc_pm_exec;
	struct exec_frame f;
	char path[64];
	int r;

	if ((r = double_path(m->m_source, q->path, q->path_len, path, sizeof(path))) != OK)
		return r;
	if (q->frame_len == 0 || q->frame_len > EXEC_FRAME_MAX || q->frame_len % 16)
		return -E2BIG;
	if ((r = sys_safecopyfrom(m->m_source, q->frame, 0, frame, q->frame_len)) != OK)
		return r;
	if (exec_frame_parse(frame, q->frame_len, USER_STACK_TOP - q->frame_len, &f) != OK ||
	    f.argc == 0)
		return -EINVAL;
	printf("# PM stand-in: exec %s, frame of %u bytes, argc %u, envc %u\n", path,
		q->frame_len, f.argc, f.envc);
	return -ENOEXEC;
}

static const double_fn pm_calls[PM_NR_CALLS] = {
	[PM_EXEC - PM_RQ_BASE] = pm_exec,
	[PM_EXIT - PM_RQ_BASE] = pm_exit,
	[PM_GETIDS - PM_RQ_BASE] = pm_getids,
	[PM_GETPGID - PM_RQ_BASE] = pm_getpgid,
	[PM_KILL - PM_RQ_BASE] = pm_kill,
	[PM_SIGACTION - PM_RQ_BASE] = pm_sigaction,
	[PM_SIGPROCMASK - PM_RQ_BASE] = pm_sigprocmask,
	[PM_SIGPENDING - PM_RQ_BASE] = pm_sigpending,
	[PM_SETUID - PM_RQ_BASE] = pm_setuid,
	[PM_SETEUID - PM_RQ_BASE] = pm_seteuid,
	[PM_SETGID - PM_RQ_BASE] = pm_setgid,
	[PM_SETEGID - PM_RQ_BASE] = pm_setegid,
	[PM_GETGROUPS - PM_RQ_BASE] = pm_getgroups,
	[PM_CLOCK_GET - PM_RQ_BASE] = pm_clock_get,
	[PM_NANOSLEEP - PM_RQ_BASE] = pm_nanosleep,
	[PM_TIMES - PM_RQ_BASE] = pm_times,
};

const struct double_role double_pm = { "pm", PM_RQ_BASE, PM_NR_CALLS, pm_calls, NULL };
