/*
 * as_vm.h - a test standing in for VM (its slot has PF_VM): the kernel
 * tells it of a page fault by a notification from KERNEL, and it fetches
 * the fault with SYS_VMCTL.  Header-only (static inline): each suite is
 * one boot module.
 */
#ifndef TESTS_OS_AS_VM_H
#define TESTS_OS_AS_VM_H

#include <mica/syslib.h>

/* Wait for one fault and return it (endpt NONE if receiving failed). */
static inline mess_lsys_krn_vmctl as_vm_next_fault(void)
{
	mess_lsys_krn_vmctl f;
	message m;

	f.endpt = NONE;
	while (ipc_receive(ANY, &m) == OK)
		if (m.m_source == KERNEL && sys_vmctl_get_fault(&f) == OK &&
		    f.endpt != NONE)
			break;
	return f;
}

#endif
