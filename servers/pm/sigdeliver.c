/*
 * sigdeliver.c - entering a signal handler and returning from it, with
 * the kernel's calls for signal managers (mica/com.h SYS_RUNCTL,
 * SYS_SIGSEND, SYS_SIGRETURN; the frame is mica/sigcontext.h, FPU state
 * included).
 *
 * SIGSEND needs the process still and out of IPC: the caller (signal.c)
 * has stopped it (RC_STOP) and answered its PM call if it had one; this
 * builds the frame (handler(signo, code, scp) returning to
 * the library's trampoline, on the alternate stack when asked and not
 * already on it), and lets it run again.  A process still inside a
 * sendrec (a file call VFS has not ended yet, a server's reply on its
 * way) gets EBUSY from the kernel: the signal stays pending and PM tries
 * again a tick later.  The trampoline sends PM_SIGRETURN with the frame;
 * SIGRETURN restores the registers and FPU state and releases the
 * process from that sendrec, so it is never answered.
 */
#include "pm.h"
#include <mica/sigcontext.h>

#define SI_USER_CODE   MICA_SI_USER
#define SI_KERNEL_CODE MICA_SI_KERNEL

static sys_timer_t retry_timer;
static int retry_armed;

static void retry_all(int arg)
{
	(void)arg;
	retry_armed = 0;
	for (struct mproc *p = mproc; p < mproc + NR_MPROCS; p++)
		if (is_user(p) && (p->flags & MP_SIG_RETRY)) {
			p->flags &= ~MP_SIG_RETRY;
			sig_check_pending(p);
		}
}

static void retry_later(struct mproc *p)
{
	p->flags |= MP_SIG_RETRY;
	if (!retry_armed && set_timer(&retry_timer, 1, retry_all, 0) == OK)
		retry_armed = 1;
}

static int on_altstack(const struct mproc *p, vir_bytes a)
{
	return p->alt_sp && a >= p->alt_sp && a < p->alt_sp + p->alt_size;
}

/* p is stopped.  OK, -EBUSY (pending again, retried), or an error. */
int sig_deliver(struct mproc *p, int sig, u32_t old_mask)
{
	const struct sigact *a = &p->act[sig];
	vir_bytes stack = 0, scp;
	int code = (p->flags & MP_TRAP_STOP) ? SI_KERNEL_CODE : SI_USER_CODE;
	int r;

	if (!p->sig_tramp)
		return -EFAULT;
	if ((a->flags & MICA_SA_ONSTACK) && p->alt_sp && !p->alt_active)
		stack = p->alt_sp + p->alt_size;
	r = sys_sigsend(p->ep, sig, code, a->handler, p->sig_tramp, stack,
		old_mask, &scp);
	if (r == -EBUSY) {
		p->sig_pending |= 1u << sig;
		retry_later(p);
		return r;
	}
	if (r == OK && on_altstack(p, scp))
		p->alt_active = 1;
	return r;
}

int sig_return(struct mproc *p, vir_bytes context)
{
	int r = sys_sigreturn(p->ep, context);

	if (r == OK && on_altstack(p, context))
		p->alt_active = 0;
	return r;
}
