/*
 * <sys/signal.h> for Mica, in place of newlib's generic one (which has no
 * sa_sigaction/siginfo_t outside RTEMS).  Numbers and flags are
 * mica/abi.h's, the ones PM and TTY use; lib/libposix/newlib_check
 * proves that newlib's own compiled code (raise, psignal, strsignal) was
 * built with the same signal numbers.  newlib's <signal.h> includes this.
 */
#ifndef _SYS_SIGNAL_H
#define _SYS_SIGNAL_H

#include <sys/cdefs.h>
#include <sys/features.h>
#include <sys/types.h>
#include <sys/_sigset.h>
#include <mica/abi.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef _SIGSET_T_DECLARED
#define _SIGSET_T_DECLARED
typedef __sigset_t sigset_t;
#endif

typedef void (*_sig_func_ptr)(int);

union sigval {
	int sival_int;
	void *sival_ptr;
};

typedef struct {		/* the layout of struct mica_siginfo */
	int si_signo;
	int si_code;
	int si_errno;
	pid_t si_pid;
	unsigned int si_uid;
	int si_status;
	void *si_addr;
	union sigval si_value;
} siginfo_t;

#define SI_USER   MICA_SI_USER
#define SI_TIMER  MICA_SI_TIMER
#define CLD_EXITED  MICA_CLD_EXITED
#define CLD_KILLED  MICA_CLD_KILLED
#define CLD_DUMPED  MICA_CLD_DUMPED
#define CLD_STOPPED MICA_CLD_STOPPED
#define SI_KERNEL MICA_SI_KERNEL
#define SEGV_MAPERR MICA_SEGV_MAPERR
#define SEGV_ACCERR MICA_SEGV_ACCERR
#define BUS_ADRERR  MICA_BUS_ADRERR

struct sigaction {
	union {
		_sig_func_ptr _handler;
		void (*_sigaction)(int, siginfo_t *, void *);
	} _sa_u;
	sigset_t sa_mask;
	int sa_flags;
};
#define sa_handler   _sa_u._handler
#define sa_sigaction _sa_u._sigaction

#define SA_NOCLDSTOP MICA_SA_NOCLDSTOP
#define SA_SIGINFO   MICA_SA_SIGINFO
#define SA_ONSTACK   MICA_SA_ONSTACK
#define SA_RESTART   MICA_SA_RESTART
#define SA_RESETHAND MICA_SA_RESETHAND
#define SA_NODEFER   MICA_SA_NODEFER
#define SA_NOCLDWAIT MICA_SA_NOCLDWAIT

typedef struct sigaltstack {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

#define SS_ONSTACK  MICA_SS_ONSTACK
#define SS_DISABLE  MICA_SS_DISABLE
#define MINSIGSTKSZ 2048
#define SIGSTKSZ    8192

#define SIG_SETMASK MICA_SIG_SETMASK
#define SIG_BLOCK   MICA_SIG_BLOCK
#define SIG_UNBLOCK MICA_SIG_UNBLOCK

#define SIGHUP    MICA_SIGHUP
#define SIGINT    MICA_SIGINT
#define SIGQUIT   MICA_SIGQUIT
#define SIGILL    MICA_SIGILL
#define SIGTRAP   MICA_SIGTRAP
#define SIGIOT    MICA_SIGABRT
#define SIGABRT   MICA_SIGABRT
#define SIGEMT    MICA_SIGEMT
#define SIGFPE    MICA_SIGFPE
#define SIGKILL   MICA_SIGKILL
#define SIGBUS    MICA_SIGBUS
#define SIGSEGV   MICA_SIGSEGV
#define SIGSYS    MICA_SIGSYS
#define SIGPIPE   MICA_SIGPIPE
#define SIGALRM   MICA_SIGALRM
#define SIGTERM   MICA_SIGTERM
#define SIGURG    MICA_SIGURG
#define SIGSTOP   MICA_SIGSTOP
#define SIGTSTP   MICA_SIGTSTP
#define SIGCONT   MICA_SIGCONT
#define SIGCHLD   MICA_SIGCHLD
#define SIGCLD    MICA_SIGCHLD
#define SIGTTIN   MICA_SIGTTIN
#define SIGTTOU   MICA_SIGTTOU
#define SIGIO     MICA_SIGIO
#define SIGPOLL   MICA_SIGIO
#define SIGXCPU   MICA_SIGXCPU
#define SIGXFSZ   MICA_SIGXFSZ
#define SIGVTALRM MICA_SIGVTALRM
#define SIGPROF   MICA_SIGPROF
#define SIGWINCH  MICA_SIGWINCH
#define SIGLOST   MICA_SIGLOST
#define SIGUSR1   MICA_SIGUSR1
#define SIGUSR2   MICA_SIGUSR2
#define NSIG      MICA_NSIG
#define _NSIG     MICA_NSIG

/* sigset_t is one 32-bit word (checked in abi_check.c). */
#define sigemptyset(s)    (*(s) = 0, 0)
#define sigfillset(s)     (*(s) = ~(sigset_t)0, 0)
#define sigaddset(s, n)   (*(s) |= (sigset_t)1 << (n), 0)
#define sigdelset(s, n)   (*(s) &= ~((sigset_t)1 << (n)), 0)
#define sigismember(s, n) ((*(s) >> (n)) & 1)

int kill(pid_t pid, int sig);
int killpg(pid_t pgrp, int sig);
int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *set);
int sigaltstack(const stack_t *__restrict ss, stack_t *__restrict old);

#ifdef __cplusplus
}
#endif

#endif /* _SYS_SIGNAL_H */
