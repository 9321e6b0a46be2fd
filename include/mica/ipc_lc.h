/*
 * ipc_lc.h - the C library's system-call messages: libc ("lc") <-> PM,
 * VFS and VM.  Call numbers and which struct each call uses are in
 * mica/callnr.h; this file is the one place each layout lives.  Included
 * by mica/ipc.h (the structs are members of the message union there) and
 * checked to fill the 56-byte payload exactly.
 *
 * 64-bit fields sit at multiples of 8, so the layouts are the same for
 * i386 and for host code (unit tests) on x86-64.
 *
 * Only fixed-width fields: the library converts to and from newlib's C
 * types (struct stat, off_t, sigset_t) and the servers never see those.
 * Grants are made by the caller for one call: CPF_READ for what the
 * server reads (paths, write buffers), CPF_WRITE for what it fills.
 */
#ifndef MICA_IPC_LC_H
#define MICA_IPC_LC_H

#include <mica/type.h>

/* ---- PM ---- */

typedef struct {			/* PM_EXIT */
	int status;			/* 0..255 */
	u8_t pad[52];
} mess_lc_pm_exit;

typedef struct {			/* PM_WAITPID */
	int pid;			/* > 0, -1 any, 0 own group, < -1 group */
	int options;			/* WNOHANG | WUNTRACED */
	u8_t pad[48];
} mess_lc_pm_waitpid;

typedef struct {			/* PM_WAITPID reply (m_type: pid, 0, error) */
	int pid;
	int status;			/* wait status, <sys/wait.h> encoding */
	u8_t pad[48];
} mess_pm_lc_waitpid;

typedef struct {			/* PM_GETIDS reply */
	int pid;
	int ppid;
	int pgrp;
	int sid;
	u32_t uid, euid;
	u32_t gid, egid;
	u8_t pad[24];
} mess_pm_lc_ids;

typedef struct {			/* PM_SETPGID, PM_GETPGID */
	int pid;			/* 0: the caller */
	int pgid;			/* SETPGID: 0 means pid */
	u8_t pad[48];
} mess_lc_pm_pgid;

typedef struct {			/* PM_KILL */
	int pid;			/* > 0, 0 own group, -1 all, < -1 group */
	int sig;			/* 0 checks only */
	u8_t pad[48];
} mess_lc_pm_kill;

typedef struct {			/* PM_SIGACTION request and reply */
	int sig;
	int set;			/* request: 1 install handler/mask/flags */
	vir_bytes handler;		/* SIG_DFL 0, SIG_IGN 1, or a function */
	u32_t mask;			/* blocked while the handler runs */
	u32_t flags;			/* SA_* (newlib's values, abi_check.c) */
	vir_bytes trampoline;		/* libc's return path: calls PM_SIGRETURN */
	u8_t pad[32];
} mess_lc_pm_sigaction;

typedef struct {			/* PM_SIGPROCMASK, PM_SIGPENDING, PM_SIGSUSPEND */
	int how;			/* SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK */
	u32_t mask;			/* request: set; reply: old / pending */
	u8_t pad[48];
} mess_lc_pm_sigmask;

typedef struct {			/* PM_SIGRETURN */
	vir_bytes context;		/* the frame the handler was entered with */
	u32_t mask;			/* the mask to restore */
	u8_t pad[48];
} mess_lc_pm_sigreturn;

typedef struct {			/* PM_SIGALTSTACK request and reply */
	int set;			/* request: 1 install sp/size/flags */
	vir_bytes sp;
	u32_t size;
	u32_t flags;			/* SS_DISABLE, SS_ONSTACK (reply) */
	u8_t pad[40];
} mess_lc_pm_sigaltstack;

typedef struct {			/* PM_SETUID ... PM_SETEGID */
	u32_t id;
	u8_t pad[52];
} mess_lc_pm_setid;

typedef struct {			/* PM_GETGROUPS, PM_SETGROUPS */
	cp_grant_id_t grant;		/* u32_t gids */
	u32_t count;			/* entries the grant holds (GET: 0 asks) */
	u8_t pad[48];
} mess_lc_pm_groups;

typedef struct {			/* PM_GETPROCS */
	cp_grant_id_t grant;		/* CPF_WRITE, count struct mica_procinfo */
	u32_t count;			/* entries the grant holds (0: just count) */
	u32_t size;			/* sizeof(struct mica_procinfo): checked */
	u8_t pad[44];
} mess_lc_pm_getprocs;

typedef struct {			/* PM_GETCMDLINE */
	int pid;			/* whose argv */
	cp_grant_id_t grant;		/* CPF_WRITE, size bytes */
	u32_t size;			/* bytes the grant holds (0: just size) */
	u8_t pad[44];
} mess_lc_pm_cmdline;

typedef struct {			/* PM_CLOCK_*, PM_NANOSLEEP */
	int clock;			/* CLOCK_REALTIME, CLOCK_MONOTONIC */
	u32_t nsec;			/* < 1e9 */
	i64_t sec;
	u8_t pad[40];
} mess_lc_pm_time;

typedef struct {			/* PM_ITIMER request and reply */
	int which;			/* ITIMER_REAL ... */
	int set;			/* request: 1 arms value/interval */
	i64_t value_sec;
	i64_t interval_sec;
	u32_t value_usec;
	u32_t interval_usec;
	u8_t pad[24];
} mess_lc_pm_itimer;

typedef struct {			/* PM_TIMES reply: clock ticks (HZ) */
	u32_t utime, stime, cutime, cstime;
	u32_t uptime;
	u8_t pad[36];
} mess_pm_lc_times;

typedef struct {			/* PM_EXEC */
	cp_grant_id_t path;		/* the binary's path */
	u32_t path_len;
	cp_grant_id_t frame;		/* the stack frame image (mica/exec.h) */
	u32_t frame_len;
	u8_t pad[40];
} mess_lc_pm_exec;

typedef struct {			/* PM_REBOOT */
	int how;			/* RB_* (mica/abi.h) */
	u32_t status;			/* the machine's exit status (low 8 bits) */
	u8_t pad[48];
} mess_lc_pm_reboot;

/* ---- VFS ---- */

typedef struct {			/* path calls (callnr.h) */
	cp_grant_id_t path;		/* CPF_READ, path_len bytes, no NUL needed */
	u32_t path_len;
	int flags;			/* OPEN: O_*; CHOWN: AT_SYMLINK_NOFOLLOW */
	u32_t mode;			/* OPEN/MKDIR/CHMOD/MKNOD: mode; ACCESS: R_OK... */
	u32_t uid, gid;			/* CHOWN ((u32_t)-1: unchanged) */
	cp_grant_id_t buf;		/* STAT/LSTAT/READLINK: output */
	u32_t size;			/* its bytes */
	u64_t length;			/* TRUNCATE: length; MKNOD: device */
	u8_t pad[16];
} mess_lc_vfs_path;

typedef struct {			/* RENAME, LINK, SYMLINK */
	cp_grant_id_t path1;		/* old name (SYMLINK: the target text) */
	u32_t len1;
	cp_grant_id_t path2;		/* new name */
	u32_t len2;
	u8_t pad[40];
} mess_lc_vfs_path2;

typedef struct {			/* READ, WRITE, PREAD, PWRITE, FSTAT,
					 * FSTATVFS, GETCWD, GETDENTS, IOCTL */
	int fd;
	cp_grant_id_t grant;
	u32_t count;			/* bytes the grant covers */
	u32_t request;			/* IOCTL: TCGETS, ... */
	i64_t pos;			/* PREAD/PWRITE: the offset, >= 0 */
	vir_bytes buf;			/* READ/WRITE/PREAD/PWRITE: the buffer's
					 * address, a hint only (VFS makes mapped
					 * file pages there present first,
					 * vfs/mmap.c); the grant decides */
	u8_t pad[28];
} mess_lc_vfs_io;

typedef struct {			/* LSEEK request and reply */
	int fd;
	int whence;			/* SEEK_SET, SEEK_CUR, SEEK_END */
	i64_t offset;			/* reply: the new position */
	u8_t pad[40];
} mess_lc_vfs_lseek;

typedef struct {			/* fd calls (callnr.h) */
	int fd;
	int fd2;			/* DUP2: the target */
	int cmd;			/* FCNTL: F_* */
	int arg;			/* FCNTL arg, FCHMOD/UMASK mode, PIPE flags */
	u64_t length;			/* FTRUNCATE */
	u32_t uid, gid;			/* FCHOWN ((u32_t)-1: unchanged) */
	u8_t pad[24];
} mess_lc_vfs_fd;

/*
 * VFS_POLL: the caller's array of struct mica_pollfd (CPF_READ|CPF_WRITE:
 * VFS writes revents back).  timeout_ms < 0 waits without limit, 0 only
 * looks.  The reply's m_type counts the entries with revents != 0.
 */
typedef struct {
	cp_grant_id_t grant;
	u32_t nfds;			/* entries, <= MICA_POLL_MAX */
	int timeout_ms;
	u8_t pad[44];
} mess_lc_vfs_poll;

struct mica_pollfd {			/* the wire form of struct pollfd */
	i32_t fd;			/* < 0: ignored, revents 0 */
	i16_t events;			/* MICA_POLL* (abi.h) */
	i16_t revents;
};
STATIC_ASSERT(sizeof(struct mica_pollfd) == 8, mica_pollfd_size);
#define MICA_POLL_MAX	256

typedef struct {			/* VFS_MOUNT */
	cp_grant_id_t source;		/* the device's path; len 0: none */
	u32_t source_len;
	cp_grant_id_t target;		/* the mount point */
	u32_t target_len;
	cp_grant_id_t type;		/* the file-system server's DS label */
	u32_t type_len;
	u32_t flags;			/* MICA_MS_RDONLY */
	u8_t pad[28];
} mess_lc_vfs_mount;

typedef struct {			/* VFS_UTIMENS (utimensat's rules) */
	int fd;				/* path_len 0: this descriptor */
	cp_grant_id_t path;
	u32_t path_len;
	int flags;			/* MICA_AT_SYMLINK_NOFOLLOW */
	i64_t atime_sec;
	i64_t mtime_sec;
	i32_t atime_nsec;		/* 0..999999999 or FS_UTIME_NOW/OMIT (vfsif.h) */
	i32_t mtime_nsec;
	u8_t pad[16];
} mess_lc_vfs_utimens;

typedef struct {			/* PIPE reply */
	int fd0;			/* read end */
	int fd1;			/* write end */
	u8_t pad[48];
} mess_vfs_lc_pipe;

/* ---- VM ---- */

typedef struct {			/* VM_BRK */
	vir_bytes addr;			/* wanted break; 0 asks for the current one */
	u8_t pad[52];
} mess_lc_vm_brk;

typedef struct {			/* VM_MMAP, VM_MUNMAP, VM_MPROTECT, VFS_MMAP */
	u64_t offset;			/* into fd (first: 8-aligned on every ABI) */
	vir_bytes addr;			/* hint (MAP_FIXED: exact); reply: the mapping */
	u32_t len;
	int prot;			/* PROT_* (mica/abi.h) */
	int flags;			/* MAP_* (mica/abi.h) */
	int fd;				/* VM_MMAP: -1 (anonymous); VFS_MMAP: the file */
	u8_t pad[28];
} mess_lc_vm_mmap;

/*
 * The file status VFS writes into a VFS_STAT/LSTAT/FSTAT grant: Mica's
 * own fixed layout; the library converts it to newlib's struct stat.
 */
struct mica_stat {
	u64_t st_dev;
	u64_t st_ino;
	u32_t st_mode;
	u32_t st_nlink;
	u32_t st_uid;
	u32_t st_gid;
	u64_t st_rdev;
	i64_t st_size;
	u64_t st_blocks;		/* 512-byte units */
	u32_t st_blksize;
	u32_t st_pad0;
	i64_t st_atime_sec;
	i64_t st_mtime_sec;
	i64_t st_ctime_sec;
	u32_t st_atime_nsec;
	u32_t st_mtime_nsec;
	u32_t st_ctime_nsec;
	u32_t st_pad1;
};
STATIC_ASSERT(sizeof(struct mica_stat) == 104, mica_stat_size);

#define LC_MESSAGES(X) \
	X(mess_lc_pm_exit, m_lc_pm_exit) \
	X(mess_lc_pm_waitpid, m_lc_pm_waitpid) \
	X(mess_pm_lc_waitpid, m_pm_lc_waitpid) \
	X(mess_pm_lc_ids, m_pm_lc_ids) \
	X(mess_lc_pm_pgid, m_lc_pm_pgid) \
	X(mess_lc_pm_kill, m_lc_pm_kill) \
	X(mess_lc_pm_sigaction, m_lc_pm_sigaction) \
	X(mess_lc_pm_sigmask, m_lc_pm_sigmask) \
	X(mess_lc_pm_sigreturn, m_lc_pm_sigreturn) \
	X(mess_lc_pm_sigaltstack, m_lc_pm_sigaltstack) \
	X(mess_lc_pm_setid, m_lc_pm_setid) \
	X(mess_lc_pm_groups, m_lc_pm_groups) \
	X(mess_lc_pm_getprocs, m_lc_pm_getprocs) \
	X(mess_lc_pm_cmdline, m_lc_pm_cmdline) \
	X(mess_lc_pm_time, m_lc_pm_time) \
	X(mess_lc_pm_itimer, m_lc_pm_itimer) \
	X(mess_pm_lc_times, m_pm_lc_times) \
	X(mess_lc_pm_exec, m_lc_pm_exec) \
	X(mess_lc_pm_reboot, m_lc_pm_reboot) \
	X(mess_lc_vfs_path, m_lc_vfs_path) \
	X(mess_lc_vfs_path2, m_lc_vfs_path2) \
	X(mess_lc_vfs_io, m_lc_vfs_io) \
	X(mess_lc_vfs_lseek, m_lc_vfs_lseek) \
	X(mess_lc_vfs_fd, m_lc_vfs_fd) \
	X(mess_vfs_lc_pipe, m_vfs_lc_pipe) \
	X(mess_lc_vfs_poll, m_lc_vfs_poll) \
	X(mess_lc_vfs_mount, m_lc_vfs_mount) \
	X(mess_lc_vfs_utimens, m_lc_vfs_utimens) \
	X(mess_lc_vm_brk, m_lc_vm_brk) \
	X(mess_lc_vm_mmap, m_lc_vm_mmap)

#endif /* MICA_IPC_LC_H */
