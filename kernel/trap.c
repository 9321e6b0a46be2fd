/*
 * trap.c - the single C entry point for every trap, interrupt and call.
 *
 * From user mode the frame is already the running process's register
 * area (trap.S); handle the event (exception, IRQ, IPC, kernel call), pick
 * the next process, load its address space and return its frame for
 * trap.S to resume.  From kernel mode the only expected event is an interrupt
 * while idling in sched_pick(); anything else is a kernel bug.
 */
#include "kernel.h"

static void kernel_mode_trap(struct trapframe *tf)
{
	if (tf->vector >= IRQ_BASE && tf->vector < IRQ_BASE + NR_IRQ) {
		irq_handle(tf->vector - IRQ_BASE);
		return;
	}
	kprintf("kernel: trap %u err %x eip %x cr2 %x\n", tf->vector, tf->err,
		tf->eip, arch_fault_address());
	panic("trap_entry: exception in kernel mode");
}

/* An IPC or kernel call; a copy fault may suspend it for VM and retry. */
static void user_call(struct proc *p, const struct trapframe *tf)
{
	int r;

	arch_fault_reset();
	if (tf->vector == IPC_VECTOR)
		r = ipc_dispatch(p, (int)tf->eax, (endpoint_t)tf->ebx, tf->ecx,
			tf->edx);
	else
		r = kcall_dispatch(p, tf->eax);
	if (r == EDONTREPLY || (p->rts_flags & RTS_SLOT_FREE))
		return;
	if (r == -EFAULT && vmfault_call(p) == OK)
		return;
	if (r != -EFAULT)
		p->vmf.retried = 0;	/* the call got through: later faults are new */
	if (!(p->rts_flags & RTS_SLOT_FREE))
		p->regs.eax = (u32_t)r;
}

/* Run the handler for a trap taken by p from user mode: the calls first,
 * they are most of the traffic (and IPC tries its fast path). */
static void user_trap(struct proc *p, struct trapframe *tf)
{
	if (tf->vector == IPC_VECTOR && ipc_fast(p, tf))
		return;
	if (tf->vector == KCALL_VECTOR || tf->vector == IPC_VECTOR)
		user_call(p, tf);
	else if (tf->vector < IRQ_BASE)
		exception_user(p, tf);
	else if (tf->vector < IRQ_BASE + NR_IRQ)
		irq_handle(tf->vector - IRQ_BASE);
	else
		proc_kill(p, "unexpected trap vector");
}

/* Called by trap.S with the saved frame; returns the frame to resume. */
struct trapframe *trap_entry(struct trapframe *tf)
{
	struct proc *p = proc_current;

	if ((tf->cs & 3) == 0) {
		kernel_mode_trap(tf);
		return tf;
	}
	user_trap(p, tf);		/* tf is &p->regs */
	p = sched_pick();
	if (p != proc_current) {
		proc_current = p;
		arch_set_kstack(&p->regs);
		arch_as_switch(&p->as);
		arch_fpu_switch(&p->fpu);
	}
	return &p->regs;
}
