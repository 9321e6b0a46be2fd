/*
 * signal_compat.c - signal() and raise() through PM, in place of newlib's
 * user-space emulation (libc/signal/signal.c keeps its own handler table:
 * a program's signal(SIGINT, SIG_IGN) would never reach PM, and another
 * process's kill would still terminate it).
 *
 * Every global symbol of newlib's signal.o is defined here, in this one
 * object, so once a program pulls it in (by signal or raise) the linker
 * never pulls newlib's as well.  A program that uses neither may still
 * get newlib's (abort calls raise): its raise then kills through PM too,
 * as its table is all SIG_DFL.
 *
 * signal() has BSD semantics, as glibc's: the handler stays installed,
 * the signal is blocked while it runs, interrupted calls restart.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <reent.h>
#include "posix.h"

_sig_func_ptr signal(int sig, _sig_func_ptr fn)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

_sig_func_ptr _signal_r(struct _reent *r, int sig, _sig_func_ptr fn)
{
	(void)r;
	return signal(sig, fn);
}

/* kill of oneself: PM enters the handler before the call returns. */
int raise(int sig)
{
	return kill(getpid(), sig);
}

int _raise_r(struct _reent *r, int sig)
{
	(void)r;
	return raise(sig);
}

/* newlib's table set-up and its dispatcher: nothing to do with PM. */
int _init_signal_r(struct _reent *r)
{
	(void)r;
	return 0;
}

int _init_signal(void)
{
	return 0;
}

int __sigtramp_r(struct _reent *r, int sig)
{
	(void)r;
	(void)sig;
	return 1;			/* "no handler": newlib's meaning */
}

int __sigtramp(int sig)
{
	return __sigtramp_r(NULL, sig);
}
