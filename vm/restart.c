/*
 * restart.c - a new VM instance takes over from a dead or replaced one
 * (SEF_INIT_RESTART, SEF_INIT_LU): the old instance's state window is
 * shared into this one at the same address (SYS_VMSHARE: no copy, no
 * fault), so every region list, statistic and free list is as the old
 * instance left it.  The old instance's slot must still exist: RS (or a
 * test's stand-in) keeps a crashed service's slot until the new one is
 * initialised, as the kernel does for a process with a signal manager.
 * A request the old instance was in the middle of (state->busy) may have
 * left that one process's list half changed: it is rebuilt from the page
 * tables.  Faults the old instance had fetched are offered again by the
 * kernel; a request it had received but not answered is lost (its client
 * waits until RS clears the old endpoint's references).  The page cache's
 * frames (after the window) are taken over too; fills in flight are
 * forgotten (their grants were the old instance's), filefault.c.
 */
#include "vm.h"

/* Share old_ep's pages in [*a, end) into this instance, same addresses;
 * *a ends after the last run. */
static int take_over(endpoint_t old_ep, vir_bytes *a, vir_bytes end)
{
	vir_bytes at = *a;
	u32_t run;
	int e;

	while (at < end && sys_vmquery_run(old_ep, &at, end - at, &run, NULL,
	    NULL) == OK) {
		if ((e = sys_vmshare(SELF, at, old_ep, at, run, VMPROT_RW)) != OK)
			return e;
		at += run;
		*a = at;
	}
	return OK;
}

int vm_restart_from(endpoint_t old_ep)
{
	vir_bytes a = VM_STATE_BASE, end = VM_STATE_BASE + VM_STATE_MAX;
	struct vmproc *vp;
	int e;

	if (old_ep == NONE || old_ep == vm_self)
		return -EINVAL;
	if ((e = take_over(old_ep, &a, end)) != OK)
		return e;
	if (a == VM_STATE_BASE)
		return -ESRCH;			/* no window: nothing to take over */
	a = VM_PC_BASE;
	if ((e = take_over(old_ep, &a, VM_PC_VA(VM_PC_SLOTS))) != OK)
		return e;
	vm_state = (struct vm_state *)VM_STATE_BASE;
	if (vm_state->magic != VM_STATE_MAGIC ||
	    vm_state->version != VM_STATE_VERSION ||
	    vm_state->top <= VM_STATE_BASE || vm_state->top > end) {
		vm_state = NULL;
		return -EINVAL;
	}
	if (vm_state->busy != NONE) {
		vm_adopt(vm_state->busy, &vp);
		vm_state->busy = NONE;
	}
	file_restart();
	return OK;
}
