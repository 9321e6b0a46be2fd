/*
 * sigdeliver.c - entering a signal handler and returning from it, with
 * the kernel's calls for signal managers (mica/com.h SYS_RUNCTL,
 * SYS_SIGSEND, SYS_SIGRETURN; the frame is mica/sigcontext.h, FPU state
 * included).
 *
 * SIGSEND needs the process still and out of IPC: the caller (signal.c)
 * has stopped it (RC_STOP) and answered its PM call if it had one; this
 * builds the frame (handler(signo, code, scp) returning to
 * the library's trampoline, with the siginfo: a fault's address and
 * SEGV_MAPERR/SEGV_ACCERR as the kernel reported them (SYS_GETKSIG), or
 * SI_USER with the kill()er's pid and real uid, on the alternate stack when asked and not
 * already on it), and lets it run again.  A process still inside a
 * sendrec (a file call VFS has not ended yet, a server's reply on its
 * way) gets EBUSY from the kernel: the signal stays pending and PM tries
 * again a tick later.  The trampoline sends PM_SIGRETURN with the frame;
 * SIGRETURN restores the registers and FPU state and releases the
 * process from that sendrec, so it is never answered.
 */
#include "pm.h"
#include <mica/sigcontext.h>

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
			sig_unpause_done(p);
		}
}

void sig_retry_later(struct mproc *p)
{
	p->flags |= MP_SIG_RETRY;
	if (!retry_armed && set_timer(&retry_timer, 1, retry_all, 0) == OK)
		retry_armed = 1;
}

static int on_altstack(const struct mproc *p, vir_bytes a)
{
	return p->alt_sp && a >= p->alt_sp && a < p->alt_sp + p->alt_size;
}

/*
 * SA_RESTART for a call the handler interrupted — a waitpid of PM's, or
 * a file call VFS ended and gave back (pmvfs.h, restart): the call was
 * answered EINTR so that the frame could be built; now make the
 * handler's return re-enter it.  If the context shows the process
 * stopped right after an `int $0x80' sendrec and its message buffer
 * (ecx) holds that EINTR answer, put the request back into the buffer
 * and rewind eip to the trap with eax = the sendrec operation.  Anything
 * unexpected leaves the EINTR in place.
 */
#define TRAP_LEN 2		/* int $0x80: CD 80 */

int sig_restart(struct mproc *p, vir_bytes scp, message *req)
{
	struct { u32_t regs[11]; u32_t eip; } head;	/* sc_gs .. sc_eip */
	message answer;
	cp_grant_id_t g;
	u8_t trap[TRAP_LEN];
	int r;

	STATIC_ASSERT(__builtin_offsetof(struct sigcontext, sc_eip) == 11 * 4,
		sc_eip_at);
	g = cpf_grant_magic(sef_self(), p->ep, scp, sizeof(head),
		CPF_READ | CPF_WRITE);
	if (g == GRANT_INVALID)
		return -ENOMEM;
	if ((r = sys_safecopyfrom(sef_self(), g, 0, &head, sizeof(head))) == OK) {
		cpf_revoke(g);
		g = cpf_grant_magic(sef_self(), p->ep, head.eip - TRAP_LEN,
			TRAP_LEN, CPF_READ);
		r = g == GRANT_INVALID ? -ENOMEM :
			sys_safecopyfrom(sef_self(), g, 0, trap, TRAP_LEN);
	}
	if (g != GRANT_INVALID)
		cpf_revoke(g);
	if (r != OK || trap[0] != 0xcd || trap[1] != IPC_VECTOR)
		return r != OK ? r : -EINVAL;
	/* the request into the buffer (sc_ecx), then eip and eax */
	g = cpf_grant_magic(sef_self(), p->ep, head.regs[9], sizeof(*req),
		CPF_READ | CPF_WRITE);
	if (g == GRANT_INVALID)
		return -ENOMEM;
	r = sys_safecopyfrom(sef_self(), g, 0, &answer, sizeof(answer));
	if (r == OK && answer.m_type != -EINTR)
		r = -EINVAL;		/* not the answer we replace */
	if (r == OK)
		r = sys_safecopyto(sef_self(), g, 0, req, sizeof(*req));
	cpf_revoke(g);
	if (r != OK)
		return r;
	head.regs[10] = IPC_SENDREC;	/* sc_eax */
	head.eip -= TRAP_LEN;
	g = cpf_grant_magic(sef_self(), p->ep, scp, sizeof(head), CPF_WRITE);
	if (g == GRANT_INVALID)
		return -ENOMEM;
	r = sys_safecopyto(sef_self(), g, 0, &head, sizeof(head));
	cpf_revoke(g);
	return r;
}

/* p is stopped.  OK, -EBUSY (pending again, retried), or an error. */
int sig_deliver(struct mproc *p, int sig, u32_t old_mask, vir_bytes *scpp)
{
	const struct sigact *a = &p->act[sig];
	vir_bytes stack = 0, scp;
	struct mica_siginfo si = { .si_signo = sig };
	int r;

	if (!p->sig_tramp)
		return -EFAULT;
	if ((a->flags & MICA_SA_ONSTACK) && p->alt_sp && !p->alt_active)
		stack = p->alt_sp + p->alt_size;
	if ((p->flags & MP_TRAP_STOP) && (sig == SIGSEGV || sig == MICA_SIGBUS)) {
		si.si_code = p->fault_code;
		si.si_addr = p->fault_addr;
	} else {
		si.si_code = p->sig_from[sig].code ? p->sig_from[sig].code :
			MICA_SI_KERNEL;
		si.si_pid = p->sig_from[sig].pid;
		si.si_uid = p->sig_from[sig].uid;
		si.si_status = p->sig_from[sig].status;
	}
	r = sys_sigsend_info(p->ep, &si, a->handler, p->sig_tramp, stack,
		old_mask, &scp);
	if (r == -EBUSY) {
		p->sig_pending |= 1u << sig;
		sig_retry_later(p);
		return r;
	}
	if (r == OK && on_altstack(p, scp))
		p->alt_active = 1;
	if (r == OK) {
		*scpp = scp;
		/* told: not the next one's sender */
		memset(&p->sig_from[sig], 0, sizeof(p->sig_from[sig]));
	}
	return r;
}

int sig_return(struct mproc *p, vir_bytes context)
{
	int r = sys_sigreturn(p->ep, context);

	if (r == OK && on_altstack(p, context))
		p->alt_active = 0;
	return r;
}
