/*
 * vm.c - VM's part of fork and exit, the one place PM talks to VM.
 *
 * The decided flow (os-servers brief) is SYS_FORK with FORK_NOCOPY|
 * FORK_HOLD, then VM_FORK so that VM builds the child's address space
 * copy-on-write, and VM_EXIT once VFS has closed the files of an exiting
 * process.  VM's requests (mica/vmif.h) are the vm branch's; until that
 * header is in the tree PM forks with the kernel's eager copy
 * (FORK_HOLD alone) and the kernel frees the memory at SYS_CLEAR, which
 * is what a boot without a VM that speaks vmif.h needs anyway.
 */
#include "pm.h"

int vm_fork_flags(void)
{
	return FORK_HOLD;
}

int vm_fork(struct mproc *parent, endpoint_t child)
{
	(void)parent;
	(void)child;
	return OK;
}

void vm_exit(struct mproc *p)
{
	(void)p;
}
