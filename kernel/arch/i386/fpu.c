/*
 * fpu.c - per-process FPU/SSE state, switched lazily.
 *
 * Only one process's state is in the FPU registers at a time: the owner's.
 * On every process switch CR0.TS is set unless the process picked is the
 * owner, so the first FPU or SSE instruction of any other process raises
 * #NM (vector 7); the handler saves the owner's state into its struct
 * fpu_state, loads the new process's (or a clean FNINIT state the first
 * time), and makes it the owner.  A process that never touches the FPU
 * never takes #NM and never has state saved or loaded: it pays for one
 * CR0 write per switch at most.
 *
 * FXSAVE/FXRSTOR (512 bytes, x87 + SSE) when CPUID says FXSR, with
 * CR4.OSFXSR/OSXMMEXCPT set so SSE works; FNSAVE/FRSTOR (108 bytes, x87
 * only) otherwise.  State that came from user memory (a signal frame) is
 * checked by arch_fpu_valid before it can reach FXRSTOR: a reserved MXCSR
 * bit would make FXRSTOR fault in the kernel.
 */
#include "arch.h"
#include <mica/const.h>
#include <mica/abi.h>
#include "../../kernel.h"

#define CR0_MP 0x02
#define CR0_EM 0x04
#define CR0_TS 0x08
#define CR0_NE 0x20
#define CR4_OSFXSR 0x200
#define CR4_OSXMMEXCPT 0x400
#define CPUID_FXSR (1u << 24)
#define MXCSR_OFFSET 24
#define MXCSR_MASK_OFFSET 28
#define MXCSR_DEFAULT 0x1f80

static struct fpu_state *fpu_owner;	/* whose state is in the registers */
static int fpu_ts;			/* CR0.TS as last written */
static int fpu_fxsr;
static u32_t fpu_mxcsr_mask;
static struct fpu_state fpu_probe;

static u32_t read_cr0(void)
{
	u32_t v;

	__asm__ volatile("mov %%cr0, %0" : "=r"(v));
	return v;
}

static void set_ts(int on)
{
	if (on == fpu_ts)
		return;
	if (on)
		__asm__ volatile("mov %0, %%cr0" : : "r"(read_cr0() | CR0_TS));
	else
		__asm__ volatile("clts");
	fpu_ts = on;
}

static void save(struct fpu_state *st)
{
	if (fpu_fxsr)
		__asm__ volatile("fxsave %0" : "=m"(st->area));
	else
		__asm__ volatile("fnsave %0; fwait" : "=m"(st->area));
}

static void restore(const struct fpu_state *st)
{
	if (fpu_fxsr)
		__asm__ volatile("fxrstor %0" : : "m"(st->area));
	else
		__asm__ volatile("frstor %0" : : "m"(st->area));
}

void arch_fpu_init(void)
{
	u32_t a = 1, b, c, d, cr4, mask;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	fpu_fxsr = !!(d & CPUID_FXSR);
	if (fpu_fxsr) {
		__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
		__asm__ volatile("mov %0, %%cr4" : : "r"(cr4 | CR4_OSFXSR |
			CR4_OSXMMEXCPT));
	}
	__asm__ volatile("mov %0, %%cr0" : : "r"((read_cr0() & ~(CR0_EM | CR0_TS)) |
		CR0_MP | CR0_NE));
	__asm__ volatile("fninit");
	if (fpu_fxsr) {
		save(&fpu_probe);
		kmemcpy(&mask, fpu_probe.area + MXCSR_MASK_OFFSET, 4);
		fpu_mxcsr_mask = mask ? mask : 0xffbf;
	}
	fpu_ts = 0;
	set_ts(1);
}

int arch_fpu_format(void)
{
	return fpu_fxsr ? FPU_FORMAT_FXSAVE : FPU_FORMAT_FNSAVE;
}

/* About to run the process whose state is st. */
void arch_fpu_switch(struct fpu_state *st)
{
	set_ts(st != fpu_owner);
}

/* #NM from the process whose state is st: make it the owner. */
void arch_fpu_trap(struct fpu_state *st)
{
	set_ts(0);
	if (fpu_owner == st)
		return;
	if (fpu_owner)
		save(fpu_owner);
	if (st->used) {
		restore(st);
	} else {
		__asm__ volatile("fninit");
		if (fpu_fxsr) {
			u32_t mxcsr = MXCSR_DEFAULT;

			__asm__ volatile("ldmxcsr %0" : : "m"(mxcsr));
		}
		st->used = 1;
	}
	fpu_owner = st;
}

/* Bring st up to date in memory (it is read or moved next); the next FPU
 * use of its process faults and loads it again. */
void arch_fpu_sync(struct fpu_state *st)
{
	if (fpu_owner != st)
		return;
	set_ts(0);
	save(st);
	fpu_owner = NULL;
	set_ts(1);
}

/* Forget st's registers (the process ends or starts a new program). */
void arch_fpu_drop(struct fpu_state *st)
{
	if (fpu_owner == st) {
		fpu_owner = NULL;
		set_ts(1);
	}
	st->used = 0;
}

/* The exception flags an unmasked exception raised, in x87 status-word
 * order (invalid, denormal, zero divide, overflow, underflow, precision),
 * and the si_code Linux gives each, in its order of precedence. */
static int fpe_code(u32_t raised)
{
	if (raised & 0x01)
		return MICA_FPE_FLTINV;
	if (raised & 0x04)
		return MICA_FPE_FLTDIV;
	if (raised & 0x08)
		return MICA_FPE_FLTOVF;
	if (raised & 0x12)
		return MICA_FPE_FLTUND;
	if (raised & 0x20)
		return MICA_FPE_FLTRES;
	return MICA_SI_KERNEL;
}

/* #MF ('simd' 0) or #XM (1) taken by the process whose state is st: the
 * state goes to memory as it is, pending exception and all (the signal
 * frame carries it; loaded again, the instruction faults again, as
 * POSIX has it for a SIGFPE handler that returns), and the exception's
 * MICA_FPE_* code is read from it.  FXSAVE and FNSAVE never wait for a
 * pending exception, so this cannot fault in the kernel. */
int arch_fpu_fault_code(struct fpu_state *st, int simd)
{
	u16_t cw, sw;
	u32_t mxcsr;

	arch_fpu_sync(st);
	kmemcpy(&cw, st->area, 2);
	if (simd) {
		if (!fpu_fxsr)
			return MICA_SI_KERNEL;
		kmemcpy(&mxcsr, st->area + MXCSR_OFFSET, 4);
		return fpe_code(mxcsr & ~(mxcsr >> 7) & 0x3f);
	}
	kmemcpy(&sw, st->area + (fpu_fxsr ? 2 : 4), 2);
	return fpe_code(sw & ~cw & 0x3f);
}

/* May this state, taken from user memory, be loaded? */
int arch_fpu_valid(const struct fpu_state *st)
{
	u32_t mxcsr;

	if (!fpu_fxsr)
		return 1;
	kmemcpy(&mxcsr, st->area + MXCSR_OFFSET, 4);
	return !(mxcsr & ~fpu_mxcsr_mask);
}
