/*
 * sef_transfer.c - the default (identity) state transfer of a live update.
 *
 * The new instance runs the same program as the old one, so its state is
 * the old one's memory at the same addresses: every region VM reports for
 * the old instance (text, data, bss, heap, libsys pages, mmap regions;
 * holes are not regions) except the stack is copied over this instance's
 * (vm_lu_copy, VM copying pages between the two address spaces without
 * faulting either).  The stack is skipped: this instance is running on it.
 *
 * What belongs to this instance and not to the program's state is put
 * back afterwards: SEF's own state (endpoint, the init being answered,
 * callbacks), the senda table (the old instance's unsent messages are not
 * ours to send again), and the kernel's registration of the grant table
 * (its memory is now the old table, with the old instance's live grants).
 */
#include "sef_priv.h"

static int sef_region_ok(const struct sef_region *r)
{
	return r->len > 0 && r->addr % PAGE_SIZE == 0 && r->len % PAGE_SIZE == 0 &&
		r->addr + r->len > r->addr;
}

int sef_transfer_identity(endpoint_t old_ep)
{
	struct sef_region reg[SEF_REGIONS_MAX];
	struct sef_state keep = sef_st;
	int n, i, r = OK;

	if ((n = vm_lu_regions(old_ep, reg, SEF_REGIONS_MAX)) < 0)
		return n;
	if (n > SEF_REGIONS_MAX)
		return -E2BIG;
	for (i = 0; i < n; i++)
		if (!sef_region_ok(&reg[i]))
			return -EINVAL;
	for (i = 0; i < n && r == OK; i++)
		if (!(reg[i].flags & SEF_REGION_STACK))
			r = vm_lu_copy(old_ep, keep.self, reg[i].addr, reg[i].len);
	sef_st = keep;
	asynsend_reset();
	if (r != OK)
		return r;
	return cpf_reload();
}
