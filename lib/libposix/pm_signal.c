/*
 * pm_signal.c - signal calls to PM.  PM keeps each process's actions,
 * mask and pending set; a handler is entered by PM (with the kernel) on a
 * frame whose return address is lc_sigreturn_tramp, which gives the frame
 * back to PM through PM_SIGRETURN.  Masks travel as 32-bit sets, one bit
 * per signal number (mica/abi.h).  A SA_SIGINFO handler gets a siginfo_t
 * (struct mica_siginfo, the copy PM had the kernel put in the frame: a
 * fault's si_addr and SEGV_MAPERR/SEGV_ACCERR, or SI_USER with kill()'s
 * sender) and the sigcontext (mica/sigcontext.h) as its context.
 */
#include <stddef.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <mica/sigcontext.h>
#include "posix.h"

void lc_sigreturn(void *context, u32_t mask);
void lc_sigreturn_frame(struct sigcontext *sc);

/*
 * Where a handler returns to.  The kernel entered it as handler(signo,
 * code, scp) (mica/sigcontext.h) with this as the return address; after
 * its ret the stack holds signo, code, scp: skip the first two so that
 * scp is the argument of lc_sigreturn_frame.
 */
__asm__(".text\n.globl lc_sigreturn_tramp\nlc_sigreturn_tramp:\n"
	"\taddl $8, %esp\n\tcall lc_sigreturn_frame\n1:\thlt\n\tjmp 1b\n");
extern char lc_sigreturn_tramp[];

/* PM restores the context and the mask saved in it; no return on success. */
void lc_sigreturn(void *context, u32_t mask)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_lc_pm_sigreturn.context = (vir_bytes)context;
	m.m_lc_pm_sigreturn.mask = mask;
	lc_call(PM_PROC_NR, PM_SIGRETURN, &m);
	_exit(128 + SIGSEGV);
}

void lc_sigreturn_frame(struct sigcontext *sc)
{
	lc_sigreturn(sc, sc->sc_mask);
}

static int bad_sig(int sig)
{
	return sig <= 0 || sig >= MICA_NSIG;
}

/*
 * SA_SIGINFO: the kernel enters every handler as handler(signo, code,
 * scp); a three-argument handler is reached through lc_siginfo_entry,
 * which copies its siginfo_t from the frame around scp (sf_info) and
 * passes the sigcontext as the context.  PM knows the entry point, this
 * table the program's function.
 */
typedef void (*lc_sigaction_fn)(int, siginfo_t *, void *);
static lc_sigaction_fn lc_siginfo_fn[MICA_NSIG];

static void lc_siginfo_entry(int sig, int code, struct sigcontext *sc)
{
	const struct sigframe *f = (const void *)((char *)sc -
		offsetof(struct sigframe, sf_sc));
	siginfo_t info;

	memcpy(&info, &f->sf_info, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	if (!bad_sig(sig) && lc_siginfo_fn[sig])
		lc_siginfo_fn[sig](sig, &info, sc);
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	message m;
	lc_sigaction_fn prev;
	int r, info;

	if (bad_sig(sig) || (act && (sig == SIGKILL || sig == SIGSTOP)))
		return lc_err(-EINVAL);
	prev = lc_siginfo_fn[sig];
	memset(&m, 0, sizeof(m));
	m.m_lc_pm_sigaction.sig = sig;
	if (act) {
		info = (act->sa_flags & SA_SIGINFO) &&
			act->sa_handler != SIG_DFL && act->sa_handler != SIG_IGN;
		m.m_lc_pm_sigaction.set = 1;
		m.m_lc_pm_sigaction.handler = info ? (vir_bytes)lc_siginfo_entry :
			(vir_bytes)act->sa_handler;
		m.m_lc_pm_sigaction.mask = act->sa_mask;
		m.m_lc_pm_sigaction.flags = act->sa_flags;
		m.m_lc_pm_sigaction.trampoline = (vir_bytes)lc_sigreturn_tramp;
		if (info)
			lc_siginfo_fn[sig] = act->sa_sigaction;
	}
	if ((r = lc_call(PM_PROC_NR, PM_SIGACTION, &m)) < 0) {
		lc_siginfo_fn[sig] = prev;
		return r;
	}
	if (!old)
		return r;
	memset(old, 0, sizeof(*old));
	old->sa_flags = m.m_lc_pm_sigaction.flags;
	old->sa_mask = m.m_lc_pm_sigaction.mask;
	if (m.m_lc_pm_sigaction.handler == (vir_bytes)lc_siginfo_entry)
		old->sa_sigaction = prev;
	else
		old->sa_handler = (_sig_func_ptr)m.m_lc_pm_sigaction.handler;
	return 0;
}

static int mask_call(int callnr, int how, const sigset_t *set, sigset_t *old)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_lc_pm_sigmask.how = set ? how : MICA_SIG_BLOCK;
	m.m_lc_pm_sigmask.mask = set ? *set : 0;
	if ((r = lc_call(PM_PROC_NR, callnr, &m)) >= 0 && old)
		*old = m.m_lc_pm_sigmask.mask;
	return r;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	if (set && how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK)
		return lc_err(-EINVAL);
	return mask_call(PM_SIGPROCMASK, how, set, old);
}

int sigpending(sigset_t *set)
{
	return mask_call(PM_SIGPENDING, 0, NULL, set);
}

int sigsuspend(const sigset_t *set)
{
	return mask_call(PM_SIGSUSPEND, SIG_SETMASK, set, NULL);
}

int sigaltstack(const stack_t *ss, stack_t *old)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	if (ss) {
		if (!(ss->ss_flags & SS_DISABLE) && ss->ss_size < MINSIGSTKSZ)
			return lc_err(-ENOMEM);
		m.m_lc_pm_sigaltstack.set = 1;
		m.m_lc_pm_sigaltstack.sp = (vir_bytes)ss->ss_sp;
		m.m_lc_pm_sigaltstack.size = ss->ss_size;
		m.m_lc_pm_sigaltstack.flags = ss->ss_flags;
	}
	if ((r = lc_call(PM_PROC_NR, PM_SIGALTSTACK, &m)) >= 0 && old) {
		old->ss_sp = (void *)m.m_lc_pm_sigaltstack.sp;
		old->ss_size = m.m_lc_pm_sigaltstack.size;
		old->ss_flags = m.m_lc_pm_sigaltstack.flags;
	}
	return r < 0 ? r : 0;
}
