/*
 * pmvfs.h - the protocol between PM and VFS (MINIX's VFS_PM_* family):
 * PM tells VFS about every change of a process that VFS must mirror in
 * its own process table (fork, exit, exec, identities, sessions and
 * groups), asks it to load a program for exec, to interrupt a process
 * blocked in a file call before a signal is delivered, and to sync every
 * file system before reboot.
 *
 * Both directions go by asynsend (lib/libsys/asynsend.c), never sendrec:
 * PM must keep serving while VFS waits on a file system, and VFS must
 * never block on PM.  Every request has exactly one reply, m_type
 * VFS_PM_REPLY_BASE + the request's offset, payload m_vfs_pm_reply (or
 * m_vfs_pm_exec for EXEC), naming the process the request was about.
 * PM has at most one request outstanding per process and sends them in
 * the order the events happened, so VFS may serve them in arrival order;
 * a process is named by its endpoint and pid together.
 *
 *  request          payload          what VFS does                   reply result
 *  VFS_PM_INIT      m_pm_vfs_proc    a boot process exists (root    OK
 *                                    ids, "/" as root and cwd)
 *  VFS_PM_FORK      m_pm_vfs_proc    copy parent's fd table (one     OK, ENOMEM (PM
 *                                    more reference per open file),  then fails the fork)
 *                                    cwd, root, umask, ids, pgrp
 *  VFS_PM_EXIT      m_pm_vfs_proc    close every fd, drop cwd/root   OK
 *  VFS_PM_EXEC      m_pm_vfs_exec    load the binary (os-servers     OK + m_vfs_pm_exec,
 *                                    brief's exec flow), close       or the error for
 *                                    O_CLOEXEC fds                   the caller (ENOENT,
 *                                                                    EACCES, ENOEXEC, ...)
 *  VFS_PM_SETUID    m_pm_vfs_ids     new real/effective uid          OK
 *  VFS_PM_SETGID    m_pm_vfs_ids     new real/effective gid          OK
 *  VFS_PM_SETGROUPS m_pm_vfs_groups  new supplementary groups        OK, EFAULT
 *  VFS_PM_SETSID    m_pm_vfs_proc    new session: no controlling     OK
 *                                    terminal; pgrp = sid = pid
 *  VFS_PM_SETPGID   m_pm_vfs_proc    new process group (pgrp)        OK
 *  VFS_PM_UNPAUSE   m_pm_vfs_unpause if the process is suspended in  OK
 *                                    a file call, end it with EINTR
 *                                    (or the bytes done) now; with
 *                                    PMVFS_RESTART, a call that did
 *                                    nothing yet is also copied into
 *                                    PM's grant (restart, below)
 *  VFS_PM_REBOOT    -                sync and unmount every file     OK or the first
 *                                    system ("/" last)               unmount error
 *
 * Restart (SA_RESTART, POSIX): PM sets PMVFS_RESTART in UNPAUSE when the
 * handler about to run has SA_RESTART, and gives a grant (CPF_WRITE,
 * sizeof(message)) on a buffer of its own for that process.  If the
 * suspended call ends with nothing done (no byte moved, the FIFO not
 * opened) and is not one POSIX never restarts (poll/select: they carry
 * a timeout), VFS copies the call's request, as it received it, into
 * that grant just BEFORE it answers the caller EINTR — for a device
 * read or write that is when the driver has answered its CDEV_CANCEL,
 * possibly after VFS's UNPAUSE reply.  PM can only build the handler's
 * frame once the caller is out of its sendrec, i.e. after that answer,
 * so a request in the buffer at that moment is this call's: PM puts it
 * back into the caller's message buffer and rewinds the trap
 * (servers/pm/sigdeliver.c sig_restart, the mechanism waitpid uses), so
 * the handler's return sends the same request again.  VFS forgets the
 * grant when the call ends (either way) or the process exits.
 *
 * Exec: the caller's grants (path, stack frame; mica/ipc_lc.h
 * m_lc_pm_exec) reach VFS as indirect grants PM makes for exactly those
 * lengths; PM revokes them when the reply comes.  The frame is built for
 * a stack ending at USER_STACK_TOP (mica/exec.h, libposix execve) and
 * VFS must check it again (exec_frame_parse) before it is copied.  The
 * reply gives the entry point, the initial stack pointer, the name for
 * the kernel's process table and, for a set-user/group-id file the caller
 * may run so, the ids that become effective (and saved) — VFS has already
 * made them its own.  An error before VM_EXEC_NEWMEM leaves the caller
 * as it was and is its exec's result; an error after it has flag
 * VFS_EXEC_NOIMAGE and PM ends the process.
 */
#ifndef MICA_PMVFS_H
#define MICA_PMVFS_H

#include <mica/type.h>
#include <mica/const.h>

#define VFS_PM_RQ_BASE    0x2400
#define VFS_PM_INIT       (VFS_PM_RQ_BASE + 0)
#define VFS_PM_FORK       (VFS_PM_RQ_BASE + 1)
#define VFS_PM_EXIT       (VFS_PM_RQ_BASE + 2)
#define VFS_PM_EXEC       (VFS_PM_RQ_BASE + 3)
#define VFS_PM_SETUID     (VFS_PM_RQ_BASE + 4)
#define VFS_PM_SETGID     (VFS_PM_RQ_BASE + 5)
#define VFS_PM_SETGROUPS  (VFS_PM_RQ_BASE + 6)
#define VFS_PM_SETSID     (VFS_PM_RQ_BASE + 7)
#define VFS_PM_SETPGID    (VFS_PM_RQ_BASE + 8)
#define VFS_PM_UNPAUSE    (VFS_PM_RQ_BASE + 9)
#define VFS_PM_REBOOT     (VFS_PM_RQ_BASE + 10)
#define VFS_PM_NR_RQ      11

/* VFS -> PM: the reply to request r is VFS_PM_REPLY(r). */
#define VFS_PM_REPLY_BASE 0x2480
#define VFS_PM_REPLY(r)   (VFS_PM_REPLY_BASE + ((r) - VFS_PM_RQ_BASE))
#define IS_VFS_PM_REPLY(t) \
	((t) >= VFS_PM_REPLY_BASE && (t) < VFS_PM_REPLY_BASE + VFS_PM_NR_RQ)

#define PMVFS_NGROUPS_MAX 32	/* supplementary groups per process */

typedef struct {			/* INIT, FORK, EXIT, SETSID, SETPGID */
	endpoint_t endpt;		/* the process (FORK: the child) */
	int pid;
	endpoint_t parent;		/* FORK: the parent whose files are copied */
	int pgrp;			/* INIT, FORK, SETSID, SETPGID: process group */
	int sid;			/* INIT, FORK, SETSID: session */
	u32_t uid, euid;		/* INIT, FORK */
	u32_t gid, egid;		/* INIT, FORK */
	u8_t pad[20];
} mess_pm_vfs_proc;

#define PMVFS_RESTART 0x1		/* UNPAUSE: the handler has SA_RESTART */

typedef struct {			/* UNPAUSE (endpt, pid as in _proc) */
	endpoint_t endpt;
	int pid;
	u32_t flags;			/* PMVFS_RESTART */
	cp_grant_id_t req;		/* PM's, CPF_WRITE, sizeof(message):
					   where a restartable call goes */
	u8_t pad[40];
} mess_pm_vfs_unpause;

typedef struct {			/* SETUID, SETGID */
	endpoint_t endpt;
	int pid;
	u32_t real;			/* the new real id */
	u32_t effective;		/* the new effective id */
	u8_t pad[40];
} mess_pm_vfs_ids;

typedef struct {			/* SETGROUPS */
	endpoint_t endpt;
	int pid;
	cp_grant_id_t grant;		/* PM's, CPF_READ: count u32_t gids */
	u32_t count;			/* <= PMVFS_NGROUPS_MAX */
	u8_t pad[40];
} mess_pm_vfs_groups;

typedef struct {			/* EXEC */
	endpoint_t endpt;		/* the process that execs */
	int pid;
	cp_grant_id_t path;		/* indirect, CPF_READ, path_len bytes */
	u32_t path_len;			/* 1..PATH_MAX-1, no NUL */
	cp_grant_id_t frame;		/* indirect, CPF_READ, frame_len bytes */
	u32_t frame_len;		/* <= EXEC_FRAME_MAX, multiple of 16 */
	u8_t pad[32];
} mess_pm_vfs_exec;

typedef struct {			/* every reply but EXEC's */
	endpoint_t endpt;		/* as in the request */
	int pid;
	int result;			/* OK or a negative errno */
	u8_t pad[44];
} mess_vfs_pm_reply;

#define VFS_EXEC_SETUID 0x1		/* uid below is the new effective uid */
#define VFS_EXEC_SETGID 0x2		/* gid below is the new effective gid */
#define VFS_EXEC_NOIMAGE 0x4		/* error after the old image was given
					   up: PM ends the process (SIGKILL) */

typedef struct {			/* EXEC reply */
	endpoint_t endpt;
	int pid;
	int result;			/* OK or a negative errno for the caller */
	vir_bytes pc;			/* entry point */
	vir_bytes sp;			/* initial stack pointer: the frame */
	u32_t flags;			/* VFS_EXEC_SETUID | VFS_EXEC_SETGID */
	u32_t uid, gid;			/* the file's owner and group */
	char name[PROC_NAME_LEN];	/* last path component, NUL-padded */
	u8_t pad[8];
} mess_vfs_pm_exec;

#define PMVFS_MESSAGES(X) \
	X(mess_pm_vfs_proc, m_pm_vfs_proc) \
	X(mess_pm_vfs_unpause, m_pm_vfs_unpause) \
	X(mess_pm_vfs_ids, m_pm_vfs_ids) \
	X(mess_pm_vfs_groups, m_pm_vfs_groups) \
	X(mess_pm_vfs_exec, m_pm_vfs_exec) \
	X(mess_vfs_pm_reply, m_vfs_pm_reply) \
	X(mess_vfs_pm_exec, m_vfs_pm_exec)

#endif /* MICA_PMVFS_H */
