/*
 * pm_proc.c - process calls to PM: exit, fork, wait, identities, groups
 * and sessions, kill, exec.  The newlib reentrant layer reaches several of
 * these by their underscore names (_exit, _fork, _getpid, _kill, _wait).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/reboot.h>
#include <signal.h>
#include <mica/exec.h>
#include <mica/procinfo.h>
#include <mica/pmvfs.h>
#include <limits.h>
#include "posix.h"

static message lc_msg(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	return m;
}

/* PM does not answer an exit; if nobody is there, leave through the kernel. */
void _exit(int status)
{
	message m = lc_msg();

	m.m_lc_pm_exit.status = status & 0xff;
	lc_call(PM_PROC_NR, PM_EXIT, &m);
	sys_exit(status & 0xff);
}

pid_t fork(void)
{
	message m = lc_msg();
	int r = lc_call(PM_PROC_NR, PM_FORK, &m);

	if (r == 0)
		lc_self = NONE;		/* the child's endpoint is new: ask again */
	return r;
}
pid_t _fork(void) { return fork(); }

pid_t waitpid(pid_t pid, int *status, int options)
{
	message m = lc_msg();
	int r;

	m.m_lc_pm_waitpid.pid = pid;
	m.m_lc_pm_waitpid.options = options;
	if ((r = lc_call(PM_PROC_NR, PM_WAITPID, &m)) > 0 && status) {
		int st = m.m_pm_lc_waitpid.status;

		if (lc_copyout(status, &st, sizeof(st)) < 0)
			return -1;
	}
	return r;
}

pid_t wait(int *status) { return waitpid(-1, status, 0); }
pid_t _wait(int *status) { return wait(status); }

static int get_ids(mess_pm_lc_ids *ids)
{
	message m = lc_msg();

	if (lc_call(PM_PROC_NR, PM_GETIDS, &m) < 0)
		return -1;
	*ids = m.m_pm_lc_ids;
	return 0;
}

#define ID_GETTER(type, name, field) \
	type name(void) \
	{ \
		mess_pm_lc_ids ids; \
		return get_ids(&ids) < 0 ? (type)-1 : (type)ids.field; \
	}
ID_GETTER(pid_t, getpid, pid)
ID_GETTER(pid_t, getppid, ppid)
ID_GETTER(pid_t, getpgrp, pgrp)
ID_GETTER(uid_t, getuid, uid)
ID_GETTER(uid_t, geteuid, euid)
ID_GETTER(gid_t, getgid, gid)
ID_GETTER(gid_t, getegid, egid)
pid_t _getpid(void) { return getpid(); }

pid_t getsid(pid_t pid)
{
	mess_pm_lc_ids ids;

	if (pid != 0 && pid != getpid())
		return lc_err(-ENOSYS);
	return get_ids(&ids) < 0 ? -1 : ids.sid;
}

pid_t setsid(void)
{
	message m = lc_msg();

	return lc_call(PM_PROC_NR, PM_SETSID, &m);
}

int setpgid(pid_t pid, pid_t pgid)
{
	message m = lc_msg();

	m.m_lc_pm_pgid.pid = pid;
	m.m_lc_pm_pgid.pgid = pgid;
	return lc_call(PM_PROC_NR, PM_SETPGID, &m);
}

pid_t getpgid(pid_t pid)
{
	message m = lc_msg();

	m.m_lc_pm_pgid.pid = pid;
	return lc_call(PM_PROC_NR, PM_GETPGID, &m);
}

int kill(pid_t pid, int sig)
{
	message m = lc_msg();

	if (sig < 0 || sig >= MICA_NSIG)
		return lc_err(-EINVAL);
	m.m_lc_pm_kill.pid = pid;
	m.m_lc_pm_kill.sig = sig;
	return lc_call(PM_PROC_NR, PM_KILL, &m);
}
int _kill(pid_t pid, int sig) { return kill(pid, sig); }

int killpg(pid_t pgrp, int sig)
{
	if (pgrp <= 1)
		return lc_err(-EINVAL);
	return kill(-pgrp, sig);
}

static int set_id(int callnr, u32_t id)
{
	message m = lc_msg();

	m.m_lc_pm_setid.id = id;
	return lc_call(PM_PROC_NR, callnr, &m);
}
int setuid(uid_t uid) { return set_id(PM_SETUID, uid); }
int seteuid(uid_t uid) { return set_id(PM_SETEUID, uid); }
int setgid(gid_t gid) { return set_id(PM_SETGID, gid); }
int setegid(gid_t gid) { return set_id(PM_SETEGID, gid); }

/* Groups travel as u32_t; gid_t is narrower in newlib, so convert.  The
 * caller's list is read or filled through the kernel (usercopy.c): a
 * bogus pointer is EFAULT. */
int getgroups(int n, gid_t list[])
{
	u32_t wire[PMVFS_NGROUPS_MAX];
	gid_t out[PMVFS_NGROUPS_MAX];
	message m = lc_msg();
	int r;

	if (n < 0)
		return lc_err(-EINVAL);
	if (n > PMVFS_NGROUPS_MAX)
		n = PMVFS_NGROUPS_MAX;
	m.m_lc_pm_groups.count = n;
	r = lc_call_buf(PM_PROC_NR, PM_GETGROUPS, &m, &m.m_lc_pm_groups.grant,
		wire, sizeof(wire), CPF_WRITE);
	if (r < 0 || n == 0)
		return r;
	if (r > n)
		return lc_err(-EINVAL);
	for (int i = 0; i < r; i++)
		out[i] = (gid_t)wire[i];
	return lc_copyout(list, out, r * sizeof(gid_t)) < 0 ? -1 : r;
}

int setgroups(int n, const gid_t *list)
{
	u32_t wire[PMVFS_NGROUPS_MAX];
	gid_t in[PMVFS_NGROUPS_MAX];
	message m = lc_msg();

	if (n < 0 || n > PMVFS_NGROUPS_MAX)
		return lc_err(-EINVAL);
	if (lc_copyin(in, list, n * sizeof(gid_t)) < 0)
		return -1;
	for (int i = 0; i < n; i++)
		wire[i] = in[i];
	m.m_lc_pm_groups.count = n;
	return lc_call_buf(PM_PROC_NR, PM_SETGROUPS, &m, &m.m_lc_pm_groups.grant,
		wire, n ? n * sizeof(u32_t) : sizeof(u32_t), CPF_READ);
}

/* PM answers only a refusal: on success the system goes down, with
 * 'status' as the machine's exit status (0 for reboot()). */
int reboot_status(int howto, int status)
{
	message m = lc_msg();

	m.m_lc_pm_reboot.how = howto;
	m.m_lc_pm_reboot.status = (u32_t)status & 0xff;
	return lc_call(PM_PROC_NR, PM_REBOOT, &m);
}

int reboot(int howto)
{
	return reboot_status(howto, 0);
}

/*
 * execve: the frame the new program will find at its stack pointer is
 * built here, for the address PM says the stack ends at (USER_STACK_TOP),
 * and handed to PM with the path; PM (with VFS and VM) checks it again.
 */
int execve(const char *path, char *const argv[], char *const envp[])
{
	struct exec_auxv aux[] = { { AT_PAGESZ, PAGE_SIZE } };
	message m = lc_msg();
	cp_grant_id_t pg = -1, fg = -1;
	u8_t *frame;
	size_t plen;
	int size, r;

	if (!argv || lc_strlen_user(path, PATH_MAX, &plen) < 0)
		return !argv ? lc_err(-EFAULT) : -1;
	/* argv, envp and their strings through the kernel first: a bogus
	 * pointer in them is EFAULT, not SIGSEGV in exec_frame_size */
	if (lc_strvec_user(argv, EXEC_FRAME_MAX) < 0 ||
	    (envp && lc_strvec_user(envp, EXEC_FRAME_MAX) < 0))
		return -1;
	if ((size = exec_frame_size(argv, envp, 1)) < 0)
		return lc_err(size);
	if (!(frame = malloc(size)))
		return lc_err(-ENOMEM);
	r = exec_frame_build(frame, size, USER_STACK_TOP - size, argv, envp, aux, 1);
	if (r == OK && ((pg = lc_grant(PM_PROC_NR, path, plen, CPF_READ)) < 0 ||
	    (fg = lc_grant(PM_PROC_NR, frame, size, CPF_READ)) < 0))
		r = -errno;
	if (r == OK) {
		m.m_lc_pm_exec.path = pg;
		m.m_lc_pm_exec.path_len = plen;
		m.m_lc_pm_exec.frame = fg;
		m.m_lc_pm_exec.frame_len = size;
		r = lc_call(PM_PROC_NR, PM_EXEC, &m) < 0 ? -errno : OK;
	}
	lc_ungrant(pg);
	lc_ungrant(fg);
	free(frame);
	return lc_err(r);
}
int _execve(const char *path, char *const argv[], char *const envp[])
{
	return execve(path, argv, envp);
}

int mica_getprocs(struct mica_procinfo *buf, int count)
{
	message m = lc_msg();

	if (count < 0)
		return lc_err(-EINVAL);
	if (count > 65536)		/* more than PM could ever list */
		count = 65536;
	m.m_lc_pm_getprocs.count = count;
	m.m_lc_pm_getprocs.size = sizeof(*buf);
	if (count == 0) {
		m.m_lc_pm_getprocs.grant = GRANT_INVALID;
		return lc_call(PM_PROC_NR, PM_GETPROCS, &m);
	}
	return lc_call_buf(PM_PROC_NR, PM_GETPROCS, &m,
		&m.m_lc_pm_getprocs.grant, buf, count * sizeof(*buf), CPF_WRITE);
}
