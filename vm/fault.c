/*
 * fault.c - page faults, fetched from the kernel after its KERNEL
 * notification and answered with VMCTL_RESUME (kernel/vmfault.c).
 *
 *   outside every region, or its protection forbids the access
 *                             -> error: SIGSEGV for an exception, EFAULT
 *                                for a copy in a call (the kernel's rule)
 *   page absent               -> a zeroed frame (writable if the region is)
 *   write to a present page   -> copy-on-write: the frame's only mapping is
 *                                made writable in place (taken over), a
 *                                shared one is replaced by a private copy
 *   read of a present page    -> its protection set from the region (a
 *                                page left "none" by an earlier mprotect)
 *
 * The faulting process (endpt) and the memory's owner differ when a
 * server's copy hit a client's page; VM fixes the owner's page and
 * resumes endpt.  A process that died meanwhile just fails the resume.
 */
#include "vm.h"

static int fix_present(endpoint_t ep, const struct region *r, vir_bytes page,
	int write)
{
	u32_t prot, refs = 0, kprot = kprot_of(r);
	phys_bytes pa;
	int e;

	if (!write) {
		if ((kprot & VMPROT_WRITE) && !(r->flags & RF_SHARED))
			kprot = VMPROT_READ;	/* a write upgrades it later */
		return sys_vmprot(ep, page, PAGE_SIZE, kprot);
	}
	if ((e = sys_vmquery(ep, page, &pa, &prot, &refs)) != OK)
		return e;
	if (refs <= 1 || (r->flags & RF_SHARED)) {
		vm_state->st.cow_takeovers++;
		return sys_vmprot(ep, page, PAGE_SIZE, VMPROT_RW);
	}
	vm_state->st.cow_copies++;
	return sys_vmreplace(ep, page, PAGE_SIZE, VMPROT_RW);
}

/* What to answer for one fault: OK (fixed) or an error. */
static int fault_one(const mess_lsys_krn_vmctl *f)
{
	vir_bytes page = PG_DOWN(f->addr);
	struct vmproc *vp;
	struct region *r;
	u32_t kprot;
	int e;

	if (!(vp = vm_proc(f->owner, 1)) || !(r = region_find(vp, page)))
		return -EFAULT;
	kprot = kprot_of(r);
	if (kprot == VMPROT_NONE || (f->write && !(kprot & VMPROT_WRITE)))
		return -EFAULT;
	if (f->present)
		e = fix_present(f->owner, r, page, f->write);
	else {
		vm_state->st.zero_fills++;
		e = sys_memmap(f->owner, page, PAGE_SIZE,
			(kprot & VMPROT_WRITE) ? MAP_WRITE : 0);
	}
	if (e == -ENOMEM)
		vm_state->st.ooms++;
	return e;
}

/* Answer every fault the kernel has for VM (it says when another waits;
 * one arriving later comes with a new notification). */
void vm_faults(void)
{
	mess_lsys_krn_vmctl f;
	int r;

	f.more = 1;
	while (f.more && sys_vmctl_get_fault(&f) == OK && f.endpt != NONE) {
		vm_state->st.faults++;
		vm_state->busy = f.owner;
		if ((r = fault_one(&f)) != OK) {
			vm_state->st.segv++;
			r = -EFAULT;
		}
		vm_state->busy = NONE;
		sys_vmctl_resume(f.endpt, r);
	}
}
