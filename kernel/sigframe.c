/*
 * sigframe.c - SYS_SIGSEND and SYS_SIGRETURN: signal frames on the user
 * stack, for the signal manager (PM).  The layout is mica/sigcontext.h.
 *
 * SIGSEND saves the process's registers and FPU state (synced out of the
 * FPU first) in a struct sigframe below its stack pointer (or below the
 * stack the manager names), placed so that the handler starts as the i386
 * SysV ABI wants (esp + 4, the first argument, 16-byte aligned), and
 * points eip at the handler with the frame as its stack: handler(signo,
 * code, scp) returning to the trampoline.  The frame also carries the
 * siginfo the manager described (si_code, si_addr, si_pid, si_uid,
 * si_status).  The handler starts with a clean FPU.
 *
 * SIGRETURN loads registers and FPU state back from a sigcontext.  It is
 * the one place user memory becomes kernel-loaded state, so the frame is
 * hostile: selectors must be the user ones (cs, ss exactly; data segments
 * the user selector or null), eflags may only differ in the bits ring 3
 * can change itself (no IOPL, NT, VM, RF, VIF/VIP; IF must be set), and
 * FPU state must be in this CPU's format with a valid MXCSR (FXRSTOR of a
 * reserved bit would fault in the kernel).  Anything else is EPERM (a
 * privilege raise) or EINVAL, and the process is left as it was.
 *
 * Both need a process that is not half way through something: stopped or
 * held for its manager (RTS_STOPPED, RTS_SIG_HELD, RTS_HELD) and not
 * blocked in IPC or on VM; SIGRETURN also accepts a process blocked in
 * sendrec to the caller (the trampoline asking PM for the sigreturn),
 * which it releases from that sendrec: the caller does not reply.
 */
#include "system.h"

#define EFL_USER (0x0001 | 0x0004 | 0x0010 | 0x0040 | 0x0080 | 0x0100 | \
	0x0400 | 0x0800 | 0x40000 | 0x200000)	/* CF PF AF ZF SF TF DF OF AC ID */
#define EFL_RESERVED1 0x0002
#define EFL_IF 0x0200
#define EFL_TF 0x0100
#define EFL_DF 0x0400
#define HOLDS (RTS_STOPPED | RTS_SIG_HELD | RTS_HELD)
#define BUSY (RTS_SENDING | RTS_RECEIVING | RTS_VMFAULT)

static int user_addr(vir_bytes a)
{
	return a >= USER_BASE && a < USER_TOP;
}

static int still(const struct proc *p)
{
	return (p->rts_flags & HOLDS) && !(p->rts_flags & BUSY);
}

/* Is p blocked in the receive half of a sendrec to caller? */
static int in_sendrec_to(const struct proc *p, const struct proc *caller)
{
	return p->sendrec && p->getfrom == caller->endpoint &&
		(p->rts_flags & (RTS_SENDING | RTS_RECEIVING | RTS_VMFAULT)) ==
		RTS_RECEIVING;
}

static void regs_to_sc(const struct trapframe *tf, struct sigcontext *sc)
{
	sc->sc_gs = tf->gs, sc->sc_fs = tf->fs, sc->sc_es = tf->es, sc->sc_ds = tf->ds;
	sc->sc_edi = tf->edi, sc->sc_esi = tf->esi, sc->sc_ebp = tf->ebp;
	sc->sc_ebx = tf->ebx, sc->sc_edx = tf->edx, sc->sc_ecx = tf->ecx;
	sc->sc_eax = tf->eax, sc->sc_eip = tf->eip, sc->sc_cs = tf->cs;
	sc->sc_eflags = tf->eflags, sc->sc_esp = tf->esp, sc->sc_ss = tf->ss;
}

static void sc_to_regs(const struct sigcontext *sc, struct trapframe *tf)
{
	tf->gs = sc->sc_gs, tf->fs = sc->sc_fs, tf->es = sc->sc_es, tf->ds = sc->sc_ds;
	tf->edi = sc->sc_edi, tf->esi = sc->sc_esi, tf->ebp = sc->sc_ebp;
	tf->ebx = sc->sc_ebx, tf->edx = sc->sc_edx, tf->ecx = sc->sc_ecx;
	tf->eax = sc->sc_eax, tf->eip = sc->sc_eip, tf->cs = sc->sc_cs;
	tf->eflags = sc->sc_eflags | EFL_RESERVED1;
	tf->esp = sc->sc_esp, tf->ss = sc->sc_ss;
}

static int data_sel_ok(u32_t sel)
{
	return sel == UDATA_SEL || sel == 0;
}

/* EPERM if the frame would raise privilege. */
static int sc_privilege_ok(const struct sigcontext *sc)
{
	if (sc->sc_cs != UCODE_SEL || sc->sc_ss != UDATA_SEL ||
	    !data_sel_ok(sc->sc_ds) || !data_sel_ok(sc->sc_es) ||
	    !data_sel_ok(sc->sc_fs) || !data_sel_ok(sc->sc_gs))
		return 0;
	if (!(sc->sc_eflags & EFL_IF) ||
	    (sc->sc_eflags & ~(EFL_USER | EFL_IF | EFL_RESERVED1)))
		return 0;
	return 1;
}

int do_sigsend(struct proc *caller, message *m)
{
	mess_lsys_krn_sigctl *sm = &m->m_sigctl;
	struct sigframe f;
	struct proc *p;
	vir_bytes sp, fa;
	int r;

	if ((r = sig_target(caller, sm->endpt, &p)) != OK)
		return r;
	if (sm->signo <= 0 || sm->signo >= 32 || !user_addr(sm->handler) ||
	    !user_addr(sm->trampoline) || (sm->stack && !user_addr(sm->stack)))
		return -EINVAL;
	if (!still(p))
		return -EBUSY;
	sp = sm->stack ? sm->stack : p->regs.esp;
	if (sp < USER_BASE + sizeof(f) + 32 || sp > USER_TOP)
		return -EFAULT;
	fa = ((sp - sizeof(f)) & ~15u) - 4;	/* esp % 16 == 12 at entry */
	kmemset(&f, 0, sizeof(f));
	f.sf_retaddr = sm->trampoline;
	f.sf_signo = sm->signo;
	f.sf_code = sm->code;
	f.sf_scp = fa + __builtin_offsetof(struct sigframe, sf_sc);
	f.sf_info.si_signo = sm->signo;
	f.sf_info.si_code = sm->code;
	f.sf_info.si_addr = sm->addr;
	f.sf_info.si_pid = sm->pid;
	f.sf_info.si_uid = sm->uid;
	f.sf_info.si_status = sm->status;
	regs_to_sc(&p->regs, &f.sf_sc);
	f.sf_sc.sc_mask = sm->mask;
	arch_fpu_sync(&p->fpu);
	if (p->fpu.used) {
		f.sf_sc.sc_fpu_format = arch_fpu_format();
		kmemcpy(f.sf_sc.sc_fpu, p->fpu.area, SC_FPU_SIZE);
	}
	if ((r = arch_copy_to_user(&p->as, fa, &f, sizeof(f))) != OK)
		return r;
	p->regs.eip = sm->handler;
	p->regs.esp = fa;
	p->regs.eflags &= ~(EFL_TF | EFL_DF);
	arch_fpu_drop(&p->fpu);			/* the handler starts clean */
	sm->scp = f.sf_scp;
	return OK;
}

int do_sigreturn(struct proc *caller, message *m)
{
	mess_lsys_krn_sigctl *sm = &m->m_sigctl;
	static struct sigcontext sc;		/* 600 bytes: not on the stack */
	static struct fpu_state fpu;
	struct proc *p;
	int r, waiting;

	if ((r = sig_target(caller, sm->endpt, &p)) != OK)
		return r;
	waiting = in_sendrec_to(p, caller);
	if (!waiting && !still(p))
		return -EBUSY;
	if ((r = arch_copy_from_user(&p->as, sm->scp, &sc, sizeof(sc))) != OK)
		return r;
	if (!sc_privilege_ok(&sc))
		return -EPERM;
	if (sc.sc_fpu_format != FPU_FORMAT_NONE) {
		if (sc.sc_fpu_format != (u32_t)arch_fpu_format())
			return -EINVAL;
		kmemcpy(fpu.area, sc.sc_fpu, SC_FPU_SIZE);
		if (!arch_fpu_valid(&fpu))
			return -EINVAL;
	}
	sc_to_regs(&sc, &p->regs);
	arch_fpu_drop(&p->fpu);
	if (sc.sc_fpu_format != FPU_FORMAT_NONE) {
		kmemcpy(p->fpu.area, fpu.area, SC_FPU_SIZE);
		p->fpu.used = 1;
	}
	if (waiting) {
		p->sendrec = 0;
		rts_clear(p, RTS_RECEIVING);
	}
	return OK;
}
