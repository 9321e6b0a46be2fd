/*
 * vm.c - VM's part of fork and exit (mica/vmif.h), the one place PM talks
 * to VM.
 *
 * With VM (it answers VM_INFO): SYS_FORK with FORK_NOCOPY|FORK_HOLD, then
 * VM_FORK gives the held child the parent's regions copy-on-write; an
 * exiting process is given back with VM_EXIT before its slot is cleared.
 * Without one (a boot image whose slot 0 is not a VM: PM's own suite
 * with a stand-in), the kernel copies the child eagerly and frees the
 * memory at SYS_CLEAR, so PM has nothing to ask.  VM answers every
 * request at once and never calls PM, so a sendrec cannot deadlock.
 */
#include "pm.h"
#include <mica/vmif.h>

static int vm_state = -1;	/* -1 unknown, 0 no VM, 1 VM */

static int have_vm(void)
{
	message m;

	if (vm_state < 0) {
		memset(&m, 0, sizeof(m));
		m.m_type = VM_INFO;
		m.m_vm_info.endpt = NONE;
		vm_state = ipc_sendrec(VM_PROC_NR, &m) == OK && m.m_type == OK;
	}
	return vm_state;
}

/* Bytes in ep's regions and its resident pages; 0 and 0 without a VM. */
void vm_info(endpoint_t ep, u32_t *vsize, u32_t *rss)
{
	message m;

	*vsize = *rss = 0;
	if (!have_vm())
		return;
	memset(&m, 0, sizeof(m));
	m.m_type = VM_INFO;
	m.m_vm_info.endpt = ep;
	if (ipc_sendrec(VM_PROC_NR, &m) == OK && m.m_type == OK) {
		*vsize = m.m_vm_info.vsize;
		*rss = m.m_vm_info.rss;
	}
}

int vm_fork_flags(void)
{
	return have_vm() ? FORK_NOCOPY | FORK_HOLD : FORK_HOLD;
}

int vm_fork(struct mproc *parent, endpoint_t child)
{
	message m;
	int r;

	if (!have_vm())
		return OK;
	memset(&m, 0, sizeof(m));
	m.m_type = VM_FORK;
	m.m_vm_fork.parent = parent->ep;
	m.m_vm_fork.child = child;
	if ((r = ipc_sendrec(VM_PROC_NR, &m)) != OK)
		return r;
	return m.m_type;
}

void vm_exit(struct mproc *p)
{
	message m;

	if (!have_vm())
		return;
	memset(&m, 0, sizeof(m));
	m.m_type = VM_EXIT;
	m.m_vm_proc.endpt = p->ep;
	ipc_sendrec(VM_PROC_NR, &m);	/* an error: VM never knew it */
}
