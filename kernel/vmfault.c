/*
 * vmfault.c - handing faults to VM.
 *
 * While a process with PF_VM exists, a user page fault, or a copy in an
 * IPC or kernel call that hits an unmapped user page, does not kill or
 * fail at once: the process is suspended (RTS_VMFAULT), VM gets a
 * notification from KERNEL, fetches the fault with SYS_VMCTL
 * VMCTL_GET_FAULT, maps memory (SYS_MEMMAP), and answers VMCTL_RESUME.
 *   - Exception: OK resumes the faulting instruction; an error is SIGSEGV
 *     at the fault's address, SEGV_ACCERR if VM answered EACCES (a region
 *     whose protection forbids the access) or the page held a frame, else
 *     SEGV_MAPERR; EIO (a mapped file's page past its end) is SIGBUS,
 *     BUS_ADRERR, as POSIX says for mmap.
 *   - Call copy: the call is re-executed from the trap instruction (every
 *     handler validates and copies before it changes any state, so a
 *     retry is safe); an error makes the call return EFAULT.
 * If the same page faults again after VM said it was fixed, the owner of
 * the memory gets SIGSEGV instead of another round: one retry, no loops.
 * Without VM (or for VM itself) faults keep their plain meaning: the
 * process is killed, the call returns EFAULT.  VM is replaceable: when it
 * exits, crashes or is swapped out, the faults it held (fetched or not)
 * stay suspended and are offered to the next process given PF_VM, which
 * gets a KERNEL notification at once.  A VM that crashes or exits with a
 * manager keeps its slot (stopped): faults queue for it, and a new
 * instance started there (SYS_EXEC) is offered all of them.  VMCTL_INHIBIT
 * keeps chosen processes off the CPU meanwhile.
 */
#include "kernel.h"

#define PAGE_OF(a) ((a) & ~(PAGE_SIZE - 1))

static int is_vm(const struct proc *p)
{
	return !(p->rts_flags & RTS_SLOT_FREE) && (p->priv.flags & PF_VM);
}

static struct proc *vm_cached;
static int vm_stale = 1;

/* PF_VM may have moved (privileges set, a process gone): look again. */
void vmfault_vm_changed(void)
{
	vm_stale = 1;
}

/* The VM process, or NULL: cached, since every send asks. */
static struct proc *vm_proc(void)
{
	int i;

	if (!vm_stale && (!vm_cached || is_vm(vm_cached)))
		return vm_cached;
	vm_cached = NULL;
	for (i = 0; i < NR_PROCS && !vm_cached; i++)
		if (is_vm(&proc_table[i]))
			vm_cached = &proc_table[i];
	vm_stale = 0;
	return vm_cached;
}

/* Is there a VM to hand faults to? */
int vmfault_enabled(void)
{
	return vm_proc() != NULL;
}

static struct proc *owner_of(const struct addrspace *as)
{
	int i;

	for (i = 0; i < NR_PROCS; i++)
		if (!(proc_table[i].rts_flags & RTS_SLOT_FREE) &&
		    proc_table[i].as.pd == as->pd)
			return &proc_table[i];
	return NULL;
}

/* Second fault on a page VM claimed to have fixed?  A write after VM
 * fixed a read is a new fault (a file page mapped read-only, then
 * written: copy-on-write), not a second one. */
static int second_failure(struct proc *p, vir_bytes addr, int write)
{
	if (p->vmf.retried != PAGE_OF(addr) + 1 ||
	    (write && !p->vmf.retried_write))
		return 0;
	p->vmf.retried = 0;
	return 1;
}

static int segv_code(int present)
{
	return present ? MICA_SEGV_ACCERR : MICA_SEGV_MAPERR;
}

static int is_present(struct proc *owner, vir_bytes addr)
{
	phys_bytes pa;
	u32_t prot, refs;

	return arch_query(&owner->as, PAGE_OF(addr), &pa, &prot, &refs) == OK;
}

static void suspend(struct proc *p, struct proc *vm, struct proc *owner,
	vir_bytes addr, int write, int in_call)
{
	p->vmf.present = is_present(owner, addr);
	p->vmf.owner = owner->endpoint;
	p->vmf.addr = addr;
	p->vmf.write = write;
	p->vmf.in_call = in_call;
	p->vmf.taken = 0;
	rts_set(p, RTS_VMFAULT);
	ipc_notify_kernel(vm, KERNEL);
}

/* A user page fault: OK if VM will handle it, else the caller kills. */
int vmfault_exception(struct proc *p, vir_bytes addr, u32_t err)
{
	struct proc *vm = vm_proc();

	if (!vm || vm == p)
		return -ENOENT;
	if (second_failure(p, addr, !!(err & PF_ERR_WRITE))) {
		sig_fault(p, addr, segv_code(!!(err & PF_ERR_PRESENT)),
			"page fault again after VM (SIGSEGV)");
		return OK;
	}
	suspend(p, vm, p, addr, !!(err & PF_ERR_WRITE), 0);
	return OK;
}

/* A call of caller's failed with EFAULT: OK if it is suspended for VM. */
int vmfault_call(struct proc *caller)
{
	const struct addrspace *as;
	struct proc *vm = vm_proc(), *owner;
	vir_bytes addr;
	int write;

	if (!vm || vm == caller || !arch_fault_last(&as, &addr, &write) ||
	    !(owner = owner_of(as)))
		return -ENOENT;
	if (second_failure(caller, addr, write)) {
		sig_fault(owner, addr, segv_code(is_present(owner, addr)),
			"copy fault again after VM (SIGSEGV)");
		return -ENOENT;
	}
	caller->regs.eip -= TRAP_INSN_LEN;
	suspend(caller, vm, owner, addr, write, 1);
	return OK;
}

/* A notification or senda delivery to receiving p hit addr: hand p to VM;
 * afterwards it re-executes its receive.  OK, or -ENOENT: no VM, or VM
 * already claimed to fix this page (the caller then kills p). */
int vmfault_receiver(struct proc *p, vir_bytes addr)
{
	struct proc *vm = vm_proc();

	if (!vm || vm == p || !(p->rts_flags & RTS_RECEIVING) || p->sendrec ||
	    second_failure(p, addr, 1))
		return -ENOENT;
	p->regs.eip -= TRAP_INSN_LEN;
	suspend(p, vm, p, addr, 1, 1);
	rts_clear(p, RTS_RECEIVING);
	return OK;
}

static int untaken(const struct proc *p)
{
	return (p->rts_flags & RTS_VMFAULT) && !(p->rts_flags & RTS_SLOT_FREE) &&
		!p->vmf.taken;
}

/* The next fault VM has not fetched yet, or NULL; *more: another one
 * waits (so VM need not ask again only to hear "none"). */
struct proc *vmfault_next(int *more)
{
	struct proc *p = NULL;
	int i;

	*more = 0;
	for (i = 0; i < NR_PROCS; i++) {
		if (!untaken(&proc_table[i]))
			continue;
		if (p) {
			*more = 1;
			break;
		}
		p = &proc_table[i];
		p->vmf.taken = 1;
	}
	return p;
}

/* VM's answer for suspended p: OK = retry, else fail it. */
int vmfault_resume(struct proc *p, int result)
{
	if (!(p->rts_flags & RTS_VMFAULT))
		return -EINVAL;
	p->vmf.retried = result == OK ? PAGE_OF(p->vmf.addr) + 1 : 0;
	p->vmf.retried_write = p->vmf.write;
	if (result != OK && p->vmf.in_call) {
		p->regs.eip += TRAP_INSN_LEN;
		p->regs.eax = (u32_t)-EFAULT;
	}
	rts_clear(p, RTS_VMFAULT);
	if (result == -EIO && !p->vmf.in_call)
		sig_trap(p, MICA_SIGBUS, p->vmf.addr, MICA_BUS_ADRERR,
			"file page past its end (SIGBUS)");
	else if (result != OK && !p->vmf.in_call)
		sig_fault(p, p->vmf.addr,
			segv_code(p->vmf.present || result == -EACCES),
			"page fault VM could not resolve (SIGSEGV)");
	return OK;
}

/* VM is gone (exit, crash, or swapped out): every fault it held, fetched
 * or not, waits for the next VM, which is notified when it appears. */
void vmfault_vm_gone(void)
{
	int i;

	for (i = 0; i < NR_PROCS; i++)
		if ((proc_table[i].rts_flags & RTS_VMFAULT) &&
		    !(proc_table[i].rts_flags & RTS_SLOT_FREE))
			proc_table[i].vmf.taken = 0;
}

/* A (new) VM is there: tell it about faults waiting from before. */
void vmfault_vm_new(struct proc *vm)
{
	int i;

	for (i = 0; i < NR_PROCS; i++)
		if ((proc_table[i].rts_flags & RTS_VMFAULT) &&
		    !(proc_table[i].rts_flags & RTS_SLOT_FREE)) {
			ipc_notify_kernel(vm, KERNEL);
			return;
		}
}
