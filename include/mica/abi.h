/*
 * abi.h - the flag and constant values that cross the user/server line in
 * the C library's system calls (mica/callnr.h): the PM, VFS and VM servers
 * build without newlib, so they read the values here.  They are newlib's
 * (its generic i686-elf headers: BSD-style signal numbers, _default_fcntl.h
 * open flags), and lib/libposix/abi_check.c asserts at compile time that
 * every one equals newlib's, so the two can never drift.  Names carry a
 * MICA_ prefix so that a file may include this and newlib's headers both.
 * Things newlib's generic headers lack (mmap, reboot) are defined only
 * here; Mica's libc headers (lib/libc/include) take them from here.
 */
#ifndef MICA_ABI_H
#define MICA_ABI_H

/* open(2) flags */
#define MICA_O_ACCMODE   0x0003
#define MICA_O_RDONLY    0x0000
#define MICA_O_WRONLY    0x0001
#define MICA_O_RDWR      0x0002
#define MICA_O_APPEND    0x0008
#define MICA_O_CREAT     0x0200
#define MICA_O_TRUNC     0x0400
#define MICA_O_EXCL      0x0800
#define MICA_O_NONBLOCK  0x4000
#define MICA_O_NOCTTY    0x8000
#define MICA_O_CLOEXEC   0x40000
#define MICA_O_NOFOLLOW  0x100000
#define MICA_O_DIRECTORY 0x200000

/* fcntl(2) */
#define MICA_F_DUPFD     0
#define MICA_F_GETFD     1
#define MICA_F_SETFD     2
#define MICA_F_GETFL     3
#define MICA_F_SETFL     4
#define MICA_F_DUPFD_CLOEXEC 14
#define MICA_FD_CLOEXEC  1

/* lseek(2), access(2), chown */
#define MICA_SEEK_SET    0
#define MICA_SEEK_CUR    1
#define MICA_SEEK_END    2
#define MICA_R_OK        4
#define MICA_W_OK        2
#define MICA_X_OK        1
#define MICA_AT_SYMLINK_NOFOLLOW 2

/* file types in st_mode */
#define MICA_S_IFMT      0170000
#define MICA_S_IFDIR     0040000
#define MICA_S_IFCHR     0020000
#define MICA_S_IFBLK     0060000
#define MICA_S_IFREG     0100000
#define MICA_S_IFLNK     0120000
#define MICA_S_IFIFO     0010000

/* poll(2) events (newlib has no <poll.h>; lib/libc/include/poll.h maps these) */
#define MICA_POLLIN      0x0001
#define MICA_POLLPRI     0x0002
#define MICA_POLLOUT     0x0004
#define MICA_POLLERR     0x0008
#define MICA_POLLHUP     0x0010
#define MICA_POLLNVAL    0x0020
#define MICA_POLLRDNORM  0x0040
#define MICA_POLLWRNORM  0x0100

/* mount(2) flags, utimensat(2) */
#define MICA_MS_RDONLY   0x0001
#define MICA_AT_FDCWD    -2

/* waitpid(2) */
#define MICA_WNOHANG     1
#define MICA_WUNTRACED   2

/*
 * Signals: numbers 1..MICA_NSIG-1 (newlib's generic BSD numbering), a
 * sigset is one bit per number.  lib/libc/include/sys/signal.h gives them
 * their C names; PM and TTY use these.
 */
#define MICA_SIGHUP     1
#define MICA_SIGINT     2
#define MICA_SIGQUIT    3
#define MICA_SIGILL     4
#define MICA_SIGTRAP    5
#define MICA_SIGABRT    6
#define MICA_SIGEMT     7
#define MICA_SIGFPE     8
#define MICA_SIGKILL    9
#define MICA_SIGBUS    10
#define MICA_SIGSEGV   11
#define MICA_SIGSYS    12
#define MICA_SIGPIPE   13
#define MICA_SIGALRM   14
#define MICA_SIGTERM   15
#define MICA_SIGURG    16
#define MICA_SIGSTOP   17
#define MICA_SIGTSTP   18
#define MICA_SIGCONT   19
#define MICA_SIGCHLD   20
#define MICA_SIGTTIN   21
#define MICA_SIGTTOU   22
#define MICA_SIGIO     23
#define MICA_SIGXCPU   24
#define MICA_SIGXFSZ   25
#define MICA_SIGVTALRM 26
#define MICA_SIGPROF   27
#define MICA_SIGWINCH  28
#define MICA_SIGLOST   29
#define MICA_SIGUSR1   30
#define MICA_SIGUSR2   31
#define MICA_NSIG      32

#define MICA_SIG_SETMASK 0
#define MICA_SIG_BLOCK   1
#define MICA_SIG_UNBLOCK 2
#define MICA_SA_NOCLDSTOP 0x01
#define MICA_SA_SIGINFO   0x02
#define MICA_SA_ONSTACK   0x04
#define MICA_SA_RESTART   0x08
#define MICA_SA_RESETHAND 0x10
#define MICA_SA_NODEFER   0x20
#define MICA_SA_NOCLDWAIT 0x40
#define MICA_SS_ONSTACK  0x1
#define MICA_SS_DISABLE  0x2
#define MICA_SIG_DFL     0	/* handler values on the wire (PM_SIGACTION) */
#define MICA_SIG_IGN     1

/* si_code values */
#define MICA_SI_USER     1	/* kill() */
#define MICA_SI_TIMER    3	/* a timer expired (SIGALRM of setitimer/alarm) */
#define MICA_CLD_EXITED  1	/* SIGCHLD: the child exited (si_status: code) */
#define MICA_CLD_KILLED  2	/* killed by a signal (si_status: the signal) */
#define MICA_CLD_DUMPED  3	/* killed, core action */
#define MICA_CLD_STOPPED 5	/* stopped (si_status: the signal) */
#define MICA_SI_KERNEL   0x80	/* an exception that is not a page fault */
#define MICA_SEGV_MAPERR 1	/* SIGSEGV: nothing mapped at si_addr */
#define MICA_SEGV_ACCERR 2	/* SIGSEGV: mapped, but not for this access */
#define MICA_BUS_ADRERR  2	/* SIGBUS: a mapped file's page past its end (or unreadable) */
#define MICA_FPE_INTDIV  1	/* SIGFPE: integer divide by zero (#DE) */
#define MICA_FPE_INTOVF  2	/* SIGFPE: integer overflow */
#define MICA_FPE_FLTDIV  3	/* SIGFPE: floating-point divide by zero */
#define MICA_FPE_FLTOVF  4	/* SIGFPE: floating-point overflow */
#define MICA_FPE_FLTUND  5	/* SIGFPE: floating-point underflow (or denormal) */
#define MICA_FPE_FLTRES  6	/* SIGFPE: inexact result */
#define MICA_FPE_FLTINV  7	/* SIGFPE: invalid operation */

/*
 * What a SA_SIGINFO handler gets as its second argument: PM writes it on
 * the handler's stack; lib/libc/include/sys/signal.h's siginfo_t has this
 * layout (checked in lib/libposix/abi_check.c).
 */
struct mica_siginfo {
	int si_signo;
	int si_code;
	int si_errno;
	int si_pid;
	unsigned int si_uid;
	int si_status;
	unsigned int si_addr;	/* faulting address (SIGSEGV, SIGBUS, ...) */
	int si_value;
};
_Static_assert(sizeof(struct mica_siginfo) == 32, "mica_siginfo size");

/* mmap(2): newlib has no <sys/mman.h>; lib/libc/include/sys/mman.h maps these */
#define MICA_PROT_NONE   0x0
#define MICA_PROT_READ   0x1
#define MICA_PROT_WRITE  0x2
#define MICA_PROT_EXEC   0x4
#define MICA_MAP_SHARED  0x01
#define MICA_MAP_PRIVATE 0x02
#define MICA_MAP_FIXED   0x10
#define MICA_MAP_ANONYMOUS 0x20
#define MICA_MS_ASYNC    0x1		/* msync: schedule the write-back */
#define MICA_MS_INVALIDATE 0x2		/* msync: (caches are coherent: nothing) */
#define MICA_MS_SYNC     0x4		/* msync: write back before returning */

/* clocks (PM_CLOCK_*) */
#define MICA_CLOCK_REALTIME  1
#define MICA_CLOCK_MONOTONIC 4

/* setitimer(2) (PM_ITIMER) */
#define MICA_ITIMER_REAL    0
#define MICA_ITIMER_VIRTUAL 1
#define MICA_ITIMER_PROF    2

/* PM_REBOOT */
#define MICA_RB_REBOOT   0
#define MICA_RB_POWEROFF 1

#endif /* MICA_ABI_H */
