/*
 * sef_vm.c - what the identity transfer needs from VM (mica/sef.h):
 * the old instance's region list and a page copy between two address
 * spaces.  VM does not exist yet, so both fail with ENOSYS and a live
 * update relying on the default transfer is refused by the new instance
 * (RS then rolls back).  VM's own message numbers will replace this file.
 */
#include <mica/sef.h>

int vm_lu_regions(endpoint_t ep, struct sef_region *r, int max)
{
	(void)ep, (void)r, (void)max;
	return -ENOSYS;
}

int vm_lu_copy(endpoint_t src, endpoint_t dst, vir_bytes addr, u32_t len)
{
	(void)src, (void)dst, (void)addr, (void)len;
	return -ENOSYS;
}
