/*
 * sigcontext.h - the signal frame: what SYS_SIGSEND writes on a process's
 * stack and SYS_SIGRETURN reads back (kernel/sigframe.c), the one layout
 * shared by the kernel, PM and signal trampolines.
 *
 * The handler is entered as handler(signo, code, scp) with the return
 * address sf_retaddr, the trampoline that asks for the sigreturn; scp
 * points at sf_sc, the interrupted registers and FPU state, and sf_info,
 * right after it, is the siginfo (the C library finds it from scp).  The
 * entry stack follows the i386 SysV ABI: esp + 4 (&sf_signo) is 16-byte
 * aligned, as if the handler had been called from aligned code.  A handler may
 * change sc_eip and the general registers; segment selectors, IOPL, IF and
 * the other system bits of sc_eflags must stay as the kernel wrote them or
 * the sigreturn is refused (EPERM).
 */
#ifndef MICA_SIGCONTEXT_H
#define MICA_SIGCONTEXT_H

#include <mica/type.h>
#include <mica/abi.h>

#define FPU_FORMAT_NONE   0	/* the process had no FPU state */
#define FPU_FORMAT_FNSAVE 1	/* sc_fpu holds FNSAVE's 108 bytes */
#define FPU_FORMAT_FXSAVE 2	/* sc_fpu holds an FXSAVE image */
#define SC_FPU_SIZE 512

struct sigcontext {
	u32_t sc_gs, sc_fs, sc_es, sc_ds;
	u32_t sc_edi, sc_esi, sc_ebp, sc_ebx, sc_edx, sc_ecx, sc_eax;
	u32_t sc_eip, sc_cs, sc_eflags, sc_esp, sc_ss;
	u32_t sc_mask;		/* the signal mask to restore (PM's business) */
	u32_t sc_fpu_format;	/* FPU_FORMAT_* */
	u8_t sc_fpu[SC_FPU_SIZE];
};

struct sigframe {
	u32_t sf_retaddr;	/* where the handler returns: the trampoline */
	int sf_signo;
	int sf_code;
	u32_t sf_scp;		/* address of sf_sc */
	struct sigcontext sf_sc;
	struct mica_siginfo sf_info;	/* for a SA_SIGINFO handler: the
					 * manager's si_code, si_addr, si_pid,
					 * si_uid; signo and code as above */
};

STATIC_ASSERT(sizeof(struct sigcontext) == 18 * 4 + SC_FPU_SIZE, sigcontext_size);
STATIC_ASSERT(__builtin_offsetof(struct sigframe, sf_sc) == 16, sigframe_sc);

#endif /* MICA_SIGCONTEXT_H */
