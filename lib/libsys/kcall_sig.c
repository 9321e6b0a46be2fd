/*
 * kcall_sig.c - kernel calls for the signal manager (PM): stop and resume
 * (SYS_RUNCTL), the hold on kernel signals (SYS_ENDKSIG), and signal
 * frames (SYS_SIGSEND, SYS_SIGRETURN; layout in mica/sigcontext.h).
 */
#include <mica/kipc.h>

static int sig_call(int nr, message *m)
{
	m->m_type = nr;
	return kernel_call(m);
}

int sys_runctl(endpoint_t e, int request)
{
	message m = { 0 };

	m.m_sigctl.endpt = e;
	m.m_sigctl.request = request;
	return sig_call(SYS_RUNCTL, &m);
}

int sys_endksig(endpoint_t e, int request)
{
	message m = { 0 };

	m.m_sigctl.endpt = e;
	m.m_sigctl.request = request;
	return sig_call(SYS_ENDKSIG, &m);
}

int sys_sigsend(endpoint_t e, int signo, int code, vir_bytes handler,
	vir_bytes trampoline, vir_bytes stack, u32_t mask, vir_bytes *scp)
{
	struct mica_siginfo si = { .si_signo = signo, .si_code = code };

	return sys_sigsend_info(e, &si, handler, trampoline, stack, mask, scp);
}

int sys_sigsend_info(endpoint_t e, const struct mica_siginfo *si,
	vir_bytes handler, vir_bytes trampoline, vir_bytes stack, u32_t mask,
	vir_bytes *scp)
{
	message m = { 0 };
	int r;

	m.m_sigctl.endpt = e;
	m.m_sigctl.signo = si->si_signo;
	m.m_sigctl.code = si->si_code;
	m.m_sigctl.addr = si->si_addr;
	m.m_sigctl.pid = si->si_pid;
	m.m_sigctl.uid = si->si_uid;
	m.m_sigctl.status = si->si_status;
	m.m_sigctl.handler = handler;
	m.m_sigctl.trampoline = trampoline;
	m.m_sigctl.stack = stack;
	m.m_sigctl.mask = mask;
	r = sig_call(SYS_SIGSEND, &m);
	if (r == OK && scp)
		*scp = m.m_sigctl.scp;
	return r;
}

int sys_sigreturn(endpoint_t e, vir_bytes scp)
{
	message m = { 0 };

	m.m_sigctl.endpt = e;
	m.m_sigctl.scp = scp;
	return sig_call(SYS_SIGRETURN, &m);
}
