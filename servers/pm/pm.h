/*
 * pm.h - the process manager's shared state: the process table and the
 * functions the call handlers (one file per concern) use on it.
 *
 * PM knows every user process: its pid and endpoint, parent, process
 * group and session, identities, signal state and timers.  System
 * services are RS's; PM records them only to answer getpid and to leave
 * them out of kill(-1).  A slot lives from fork (or boot) until the
 * parent has waited for the zombie; the kernel slot is cleared earlier,
 * as soon as VFS and VM have let go of the process (exit.c), so a
 * zombie's endpoint is dead and a zombie is found by pid only.
 *
 * Requests to VFS are asynchronous (mica/pmvfs.h, vfs.c): a process has
 * at most one outstanding, named by mp_vfs_wait, and the handler that
 * sent it continues when the reply arrives (vfs_reply_* in the file of
 * the operation).  A call whose answer must wait (waitpid, sigsuspend,
 * nanosleep, fork, exec) is answered later with reply(); calls that end
 * in a reply now return the result from their handler.
 */
#ifndef PM_PM_H
#define PM_PM_H

#include <mica/syslib.h>
#include <mica/sef.h>
#include <mica/callnr.h>
#include <mica/abi.h>
#include <mica/pmvfs.h>
#include <mica/timers.h>
#include <mica/procinfo.h>

#define NR_MPROCS   (2 * NR_PROCS)	/* live processes and zombies */
#define PM_NO_REPLY 0x7ffffff0	/* handler result: answered later or never */
#define PID_MAX     30000	/* pids run 2..PID_MAX then wrap (1 is init) */
#define INIT_PID    1
#define NGROUPS_PM  PMVFS_NGROUPS_MAX

/* mp_flags */
#define MP_IN_USE     0x0001
#define MP_ZOMBIE     0x0002	/* exited, kernel slot cleared, not waited */
#define MP_EXITING    0x0004	/* on its way out (VFS, VM) */
#define MP_WAITING    0x0008	/* blocked in waitpid */
#define MP_SIGSUSPEND 0x0010	/* blocked in sigsuspend */
#define MP_SLEEPING   0x0020	/* blocked in nanosleep */
#define MP_STOPPED    0x0040	/* stopped by a signal (held by the kernel) */
#define MP_STOP_NEWS  0x0080	/* stop not yet reported to waitpid */
#define MP_SYSTEM     0x0100	/* a system service: not PM's to signal */
#define MP_FORKING    0x0200	/* child being built: not yet running */
#define MP_EXECING    0x0400	/* exec with VFS in progress */
#define MP_TRAP_STOP  0x0800	/* stopped by the kernel (fault signal) */
#define MP_EXECED     0x1000	/* has exec'd since fork (setpgid: EACCES) */
#define MP_SIG_RETRY  0x2000	/* a handler could not be entered yet */
#define MP_REPLYING   0x4000	/* its call's answer waits for a handler */
#define MP_QUIET      0x8000	/* known out of VFS: no VFS_PM_UNPAUSE needed */
#define MP_UNPAUSED   0x10000	/* held still (RC_STOP) from UNPAUSE until its
				   handler is entered: it must not run on
				   VFS's EINTR before the frame is built */
#define MP_IN_PM      (MP_WAITING | MP_SIGSUSPEND | MP_SLEEPING | MP_REPLYING)

struct sigact {
	vir_bytes handler;	/* MICA_SIG_DFL, MICA_SIG_IGN or a function */
	u32_t mask;
	u32_t flags;
};

struct mproc {
	u32_t flags;
	endpoint_t ep;
	int pid;
	struct mproc *parent;
	int pgrp, sid;
	u32_t ruid, euid, suid;
	u32_t rgid, egid, sgid;
	u32_t ngroups;
	u32_t groups[NGROUPS_PM];
	int exit_status;		/* wait status once a zombie */
	int wait_pid, wait_options;	/* MP_WAITING: what waitpid asked */
	u32_t sig_mask, sig_pending;
	u32_t sig_saved_mask;		/* MP_SIGSUSPEND: restored after */
	vir_bytes fault_addr;		/* MP_TRAP_STOP: the kernel's si_addr */
	int fault_code;			/* and si_code (MICA_SEGV_*, MICA_SI_KERNEL) */
	struct {			/* the siginfo, per pending signal: */
		int code;		/* MICA_SI_*, MICA_CLD_*; 0: SI_KERNEL */
		int pid;		/* kill()'s sender, SIGCHLD's child */
		u32_t uid;		/* its real uid */
		int status;		/* SIGCHLD: exit code or signal */
	} sig_from[MICA_NSIG];
	struct sigact act[MICA_NSIG];
	vir_bytes sig_tramp;		/* libc's return path for handlers */
	vir_bytes alt_sp;		/* sigaltstack */
	u32_t alt_size, alt_flags;
	int alt_active;			/* a handler runs on the alternate stack */
	sys_timer_t alarm;		/* ITIMER_REAL */
	u32_t alarm_interval;		/* ticks, 0: one-shot */
	sys_timer_t sleep;		/* nanosleep */
	u32_t sleep_end;		/* uptime when the sleep ends */
	u32_t child_utime, child_stime;	/* of waited-for children */
	int vfs_wait;			/* VFS_PM_* outstanding, 0 none */
	int exit_after_vfs;		/* wait status to exit with after it, -1 */
	cp_grant_id_t vfs_grants[2];	/* made for the VFS request, revoked after */
	int vfs_answer;			/* the result to give when VFS says OK */
	struct mproc *vfs_answer_to;	/* whose call waits for that, or NULL */
	cp_grant_id_t restart_grant;	/* VFS's, on restart_req (pmvfs.h) */
	message restart_req;		/* a file call to restart; m_type 0: none */
	char name[PROC_NAME_LEN];
	u16_t cmdline_len, exec_cmdline_len;	/* cmdline.c */
	char cmdline[MICA_CMDLINE_MAX];		/* argv, NUL after each */
	char exec_cmdline[MICA_CMDLINE_MAX];	/* an exec's, until it is done */
};

extern struct mproc mproc[NR_MPROCS];
extern struct mproc *init_mp;

/* Current request: who sent it (its slot), the message. */
extern struct mproc *mp;
extern message m_in;
extern int pm_in_call;		/* mp's call is being served: no reply yet */

/* table.c */
struct mproc *mp_by_ep(endpoint_t ep);		/* live (not zombie) only */
struct mproc *mp_by_pid(int pid);		/* zombies too */
struct mproc *mp_alloc(endpoint_t ep);	/* at ep's slot index if free */
void mp_free(struct mproc *p);
int pid_alloc(void);
void reply(struct mproc *p, int result, message *m);	/* m may be NULL */
int is_user(const struct mproc *p);
void pm_boot_procs(void);

/* forkexit.c */
int do_fork(void);
int do_exit(void);
int do_waitpid(void);
void exit_proc(struct mproc *p, int wait_status);
void vfs_reply_fork(struct mproc *child, int result);
void vfs_reply_exit(struct mproc *p, int result);
void check_parent_wait(struct mproc *child);
int wait_status_exit(int code);
int wait_status_sig(int sig, int core);
int wait_status_stop(int sig);

/* exec.c */
int do_exec(void);
void vfs_reply_exec(struct mproc *p, const message *m);

/* signal.c */
int do_kill(void);
int do_sigaction(void);
int do_sigprocmask(void);
int do_sigpending(void);
int do_sigsuspend(void);
int do_sigreturn(void);
int do_sigaltstack(void);
int check_sig(int pid, int sig, int from_kernel);
void sig_proc(struct mproc *p, int sig, int from_kernel);
void sig_child(struct mproc *parent, const struct mproc *child);
void sig_check_pending(struct mproc *p);
void sig_reply(struct mproc *p, int result, message *m);
void ksig_handler(endpoint_t ep, u32_t sigmap, vir_bytes addr, int code);
void tty_signal(const message *m);
void sig_exec_reset(struct mproc *p);
void sig_fork_copy(struct mproc *child, const struct mproc *parent);

/* sigdeliver.c: enter a handler (SYS_SIGSEND): OK, -EBUSY (pending
 * again, retried), or an error (no frame could be built). */
int sig_deliver(struct mproc *p, int sig, u32_t old_mask, vir_bytes *scp);
int sig_restart(struct mproc *p, vir_bytes scp, message *req);
int sig_return(struct mproc *p, vir_bytes context);
void sig_retry_later(struct mproc *p);	/* sig_check_pending a tick later */
void sig_unpause_done(struct mproc *p);	/* resume an MP_UNPAUSED p if due */

/* ids.c */
int do_getids(void);
int do_setsid(void);
int do_setpgid(void);
int do_getpgid(void);
int do_setid(void);
int do_getgroups(void);
int do_setgroups(void);
void vfs_reply_ids(struct mproc *p, int type, int result);

/* time.c */
int do_clock_get(void);
int do_clock_set(void);
int do_nanosleep(void);
int do_itimer(void);
int do_times(void);
void time_init(void);
void time_proc_gone(struct mproc *p);
void sleep_interrupt(struct mproc *p);
u32_t uptime(void);

/* rtc.c: seconds since the epoch from the CMOS clock, or -1. */
i64_t rtc_read(void);

/* misc.c */
int do_reboot(void);
void vfs_reply_reboot(int result);
void pm_shutdown(int wait_status);

/* cmdline.c: PM_GETCMDLINE; the command line an exec gives. */
int do_getcmdline(void);
void cmdline_exec_start(struct mproc *p, cp_grant_id_t g, u32_t len);
void cmdline_exec_done(struct mproc *p);
void cmdline_fork(struct mproc *child, const struct mproc *parent);

/* procinfo.c: PM_GETPROCS; services named from DS's labels. */
int do_getprocs(void);
void svc_sync(void);

/* vfs.c: requests to VFS and the replies' dispatch. */
int vfs_request(struct mproc *p, int type, message *m);
void vfs_reply(const message *m);
int vfs_present(void);

/* vm.c: VM's part of fork and exit; a process's memory for ps. */
void vm_info(endpoint_t ep, u32_t *vsize, u32_t *rss);
int vm_fork_flags(void);
int vm_fork(struct mproc *parent, endpoint_t child);
void vm_exit(struct mproc *p);

#endif /* PM_PM_H */
