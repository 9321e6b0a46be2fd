/*
 * exception.c - CPU exceptions raised by user processes.
 *
 * Page faults go to VM when there is one (vmfault.c).  A divide error,
 * an x87 (#MF) or SIMD (#XM) floating-point exception is SIGFPE with its
 * MICA_FPE_* code (the FPU state, pending exception and all, is saved for
 * the signal frame); other exceptions, and page faults without VM, are
 * SIGSEGV.  Either way the signal manager is told and the process
 * stopped, or with no manager the process is killed; the rest of the
 * system carries on.  The kernel never panics for this.
 */
#include "kernel.h"

static const char *const exception_names[20] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow",
	"bounds", "invalid opcode", "no coprocessor", "double fault",
	"coprocessor overrun", "invalid TSS", "segment not present",
	"stack fault", "general protection", "page fault", "reserved",
	"FPU error", "alignment check", "machine check", "SIMD error",
};

void exception_user(struct proc *p, const struct trapframe *tf)
{
	const char *name = tf->vector < 20 ? exception_names[tf->vector] : "?";

	if (tf->vector == NO_FPU_VEC) {
		arch_fpu_trap(&p->fpu);		/* lazy FPU switch, not an error */
		return;
	}
	if (tf->vector == PAGE_FAULT_VEC &&
	    vmfault_exception(p, arch_fault_address(), tf->err) == OK)
		return;
	kprintf("kernel: %s (endpoint %d): %s at eip 0x%x, err 0x%x, cr2 0x%x\n",
		p->name, p->endpoint, name, tf->eip, tf->err,
		tf->vector == 14 ? arch_fault_address() : 0);
	if (tf->vector == DIVIDE_VEC)
		sig_trap(p, MICA_SIGFPE, tf->eip, MICA_FPE_INTDIV,
			"exception (SIGFPE)");
	else if (tf->vector == FPU_ERROR_VEC || tf->vector == SIMD_ERROR_VEC)
		sig_trap(p, MICA_SIGFPE, tf->eip, arch_fpu_fault_code(&p->fpu,
			tf->vector == SIMD_ERROR_VEC), "exception (SIGFPE)");
	else if (tf->vector == PAGE_FAULT_VEC)
		sig_fault(p, arch_fault_address(), (tf->err & PF_ERR_PRESENT) ?
			MICA_SEGV_ACCERR : MICA_SEGV_MAPERR, "exception (SIGSEGV)");
	else
		sig_fault(p, tf->eip, MICA_SI_KERNEL, "exception (SIGSEGV)");
}
