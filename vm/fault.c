/*
 * fault.c - page faults, fetched from the kernel after its KERNEL
 * notification and answered with VMCTL_RESUME (kernel/vmfault.c).
 *
 *   outside every region      -> EFAULT: SIGSEGV (SEGV_MAPERR) for an
 *                                exception, EFAULT for a copy in a call
 *                                (the kernel's rule)
 *   its protection forbids the access
 *                             -> EACCES: the same, but SEGV_ACCERR
 *   page absent               -> a zeroed frame (writable if the region is),
 *                                mapped by the resume call itself
 *   write to a present page   -> copy-on-write: the frame's only mapping is
 *                                made writable in place (taken over), a
 *                                shared one is replaced by a private copy
 *   read of a present page    -> its protection set from the region (a
 *                                page left "none" by an earlier mprotect)
 *   file region               -> filefault.c (an absent page, or any page
 *                                of a shared one); may answer later
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

/* What to answer for one fault: OK (fixed, or *map: a zeroed page to be
 * mapped by the resume itself) or an error. */
static int fault_one(const mess_lsys_krn_vmctl *f, u32_t *map)
{
	vir_bytes page = PG_DOWN(f->addr);
	struct vmproc *vp;
	struct region *r;
	u32_t kprot;

	*map = 0;
	if (!(vp = vm_proc(f->owner, 1)) || !(r = region_find(vp, page)))
		return -EFAULT;
	kprot = kprot_of(r);
	if (kprot == VMPROT_NONE || (f->write && !(kprot & VMPROT_WRITE)))
		return -EACCES;
	if (r->kind == VM_RK_FILE && (!f->present || (r->flags & RF_SHARED)))
		return file_fault(f, r, page);	/* filefault.c */
	if (f->present)
		return fix_present(f->owner, r, page, f->write);
	vm_state->st.zero_fills++;
	*map = (kprot & VMPROT_WRITE) ? VMCTL_MAP_RW : VMCTL_MAP_RO;
	return OK;
}

/* Resume ep with r (after mapping, for map); an error is SIGSEGV/EFAULT,
 * -EIO (a file page past the end) SIGBUS/EFAULT. */
void vm_fault_answer(endpoint_t ep, int r, u32_t map)
{
	if (r == OK && map && (r = sys_vmctl_resume_map(ep, OK, map)) == OK)
		return;		/* else: no memory, or the owner is gone */
	if (r == -ENOMEM)
		vm_state->st.ooms++;
	if (r != OK) {
		vm_state->st.segv++;
		r = r == -EACCES || r == -EIO ? r : -EFAULT;
	}
	sys_vmctl_resume(ep, r);
}

/* Answer every fault the kernel has for VM (it says when another waits;
 * one arriving later comes with a new notification). */
void vm_faults(void)
{
	mess_lsys_krn_vmctl f;
	u32_t map;
	int r;

	f.more = 1;
	while (f.more && sys_vmctl_get_fault(&f) == OK && f.endpt != NONE) {
		vm_state->st.faults++;
		vm_state->busy = f.owner;
		r = fault_one(&f, &map);
		vm_state->busy = NONE;
		if (r != VM_FAULT_WAIT)
			vm_fault_answer(f.endpt, r, map);
	}
}
