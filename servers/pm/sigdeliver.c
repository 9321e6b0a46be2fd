/*
 * sigdeliver.c - entering a signal handler and returning from it: the
 * part of signals that needs the kernel to change a process's registers
 * (SYS_SIGSEND builds the frame on the user's stack, with the FPU state;
 * SYS_SIGRETURN restores the context from it).  Those calls come from
 * the kcpu branch; until they are in the tree a handler cannot be
 * entered, and signal.c treats that as MINIX treats a frame that cannot
 * be built: the process dies of SIGSEGV.
 */
#include "pm.h"

int sig_deliver(struct mproc *p, int sig, u32_t old_mask)
{
	(void)p;
	(void)sig;
	(void)old_mask;
	return -ENOSYS;
}

int sig_return(struct mproc *p, vir_bytes context)
{
	(void)p;
	(void)context;
	return -ENOSYS;
}
