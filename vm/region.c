/*
 * region.c - a process's regions: a list sorted by address, disjoint,
 * each a page-aligned range with one protection, kind and flags.  Splits
 * happen where a call names a boundary inside a region (partial munmap,
 * mprotect); pages are unmapped in the kernel when their region goes.
 * A file region's halves both map its object (file.c counts regions).
 */
#include "vm.h"

/* Is [start, start+len) a non-empty, page-aligned range of user space? */
int range_ok(vir_bytes start, u32_t len)
{
	return len && !(start & (PAGE_SIZE - 1)) && !(len & (PAGE_SIZE - 1)) &&
		start >= USER_BASE && start < USER_TOP && len <= USER_TOP - start;
}

/* The kernel protection for r's pages (VMPROT_*), before copy-on-write. */
u32_t kprot_of(const struct region *r)
{
	u32_t p = r->prot | ((r->flags & RF_LOADING) ? MICA_PROT_WRITE : 0);

	if (p & MICA_PROT_WRITE)
		return VMPROT_RW;
	return (p & (MICA_PROT_READ | MICA_PROT_EXEC)) ? VMPROT_READ : VMPROT_NONE;
}

/* May bytes more be promised?  Lazily filled memory is checked against
 * the free frames (less a reserve for page tables), not set aside. */
int vm_commit_ok(u32_t bytes)
{
	u32_t free = sys_free_frames();

	return free > VM_RESERVE && bytes / PAGE_SIZE <= free - VM_RESERVE;
}

struct region *region_find(struct vmproc *vp, vir_bytes addr)
{
	struct region *r;

	for (r = vp->regions; r && r->start <= addr; r = r->next)
		if (addr < r->end)
			return r;
	return NULL;
}

/* Make addr a boundary: the region around it becomes two.  OK/-ENOMEM. */
int region_split(struct vmproc *vp, vir_bytes addr)
{
	struct region *r = region_find(vp, addr), *n;

	if (!r || r->start == addr)
		return OK;
	if (vp->nregions >= VM_REGIONS_MAX || !(n = region_alloc()))
		return -ENOMEM;
	*n = *r;
	n->start = addr;
	n->pgoff = r->pgoff + (addr - r->start) / PAGE_SIZE;
	r->end = addr;
	r->next = n;
	vp->nregions++;
	if (n->obj)
		obj_region_add(n);	/* both halves map the object */
	return OK;
}

/* Add [start, end), which must not overlap any region (-EEXIST). */
int region_insert(struct vmproc *vp, vir_bytes start, vir_bytes end,
	u32_t prot, u32_t kind, u32_t flags)
{
	struct region **pp, *r;

	for (pp = &vp->regions; *pp && (*pp)->end <= start; pp = &(*pp)->next)
		;
	if (*pp && (*pp)->start < end)
		return -EEXIST;
	if (vp->nregions >= VM_REGIONS_MAX || !(r = region_alloc()))
		return -ENOMEM;
	r->start = start;
	r->end = end;
	r->prot = prot;
	r->kind = kind;
	r->flags = flags;
	r->next = *pp;
	*pp = r;
	vp->nregions++;
	return OK;
}

/* Drop every region piece inside [start, end) and unmap its pages. */
int region_remove(struct vmproc *vp, vir_bytes start, vir_bytes end)
{
	struct region **pp, *r;
	int e;

	if ((e = region_split(vp, start)) != OK || (e = region_split(vp, end)) != OK)
		return e;
	for (pp = &vp->regions; (r = *pp) && r->start < end; ) {
		if (r->start < start) {
			pp = &r->next;
			continue;
		}
		sys_unmap(vp->ep, r->start, r->end - r->start);
		*pp = r->next;
		if (r->obj)
			obj_region_gone(vp, r);
		region_free(r);
		vp->nregions--;
	}
	return OK;
}

/* Forget every region, unmapping the pages when 'unmap' (the process
 * still exists). */
void region_clear(struct vmproc *vp, int unmap)
{
	struct region *r;

	while ((r = vp->regions)) {
		if (unmap)
			sys_unmap(vp->ep, r->start, r->end - r->start);
		vp->regions = r->next;
		if (r->obj)
			obj_region_gone(vp, r);
		region_free(r);
	}
	vp->nregions = 0;
}

/* Is [a, a+len) free of pages the kernel holds for vp (memory mapped
 * behind VM's back, e.g. libsys's page window)?  *next: where to retry. */
static int kernel_free(struct vmproc *vp, vir_bytes a, u32_t len,
	vir_bytes *next)
{
	vir_bytes at = a;
	u32_t run = 0;

	if (sys_vmquery_run(vp->ep, &at, len, &run, NULL, NULL) != OK)
		return 1;
	*next = at + run;
	return 0;
}

/* First free range of len bytes in [lo, hi) (between regions and pages
 * the kernel holds); OK with *out, or -ENOMEM. */
int region_gap(struct vmproc *vp, vir_bytes lo, vir_bytes hi, u32_t len,
	vir_bytes *out)
{
	struct region *r = vp->regions;
	vir_bytes a = lo, next;

	while (a < hi && len <= hi - a) {
		while (r && r->end <= a)
			r = r->next;
		if (r && r->start < a + len) {
			a = r->end;
			continue;
		}
		if (!kernel_free(vp, a, len, &next)) {
			a = PG_UP(next);
			continue;
		}
		*out = a;
		return OK;
	}
	return -ENOMEM;
}
