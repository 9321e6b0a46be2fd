/*
 * lu.c - what a service's live update needs from VM (SEF's identity
 * transfer, lib/libsys/sef_vm.c): its regions (VM_REGIONS, proc.c) and
 * the old instance's memory over the new one's (VM_LU_COPY), shared
 * copy-on-write so that neither instance faults on the other's writes and
 * no frame is copied until one of them writes.
 *
 * A service maps some memory behind VM's back (libsys's page window, with
 * SYS_MEMMAP); vm_sync_regions() makes every held run outside a region a
 * region of its own first, so nothing the program holds is left out.
 */
#include "vm.h"

/* Regions for [a, end) where vp has none (kind BOOT, protection prot). */
static int fill_gaps(struct vmproc *vp, vir_bytes a, vir_bytes end, u32_t prot)
{
	struct region *r;
	vir_bytes stop;
	int e;

	while (a < end) {
		if ((r = region_find(vp, a))) {
			a = r->end;
			continue;
		}
		for (stop = end, r = vp->regions; r; r = r->next)
			if (r->start > a && r->start < stop)
				stop = r->start;
		if ((e = region_insert(vp, a, stop, prot, VM_RK_BOOT, 0)) != OK)
			return e;
		a = stop;
	}
	return OK;
}

int vm_sync_regions(struct vmproc *vp)
{
	vir_bytes a = USER_BASE;
	u32_t run, prot;
	int e;

	while (a < USER_TOP &&
	    sys_vmquery_run(vp->ep, &a, USER_TOP - a, &run, &prot, NULL) == OK) {
		if ((e = fill_gaps(vp, a, a + run, (prot & VMPROT_WRITE) ?
		    MICA_PROT_READ | MICA_PROT_WRITE : prot ? MICA_PROT_READ : 0)) != OK)
			return e;
		a += run;
	}
	return OK;
}

/* dst gets src's regions over [start, end), clipped, and their pages. */
static int copy_range(struct vmproc *s, struct vmproc *d, vir_bytes start,
	vir_bytes end)
{
	struct region *r;
	vir_bytes lo, hi, a;
	u32_t run, prot, cprot;
	int e;

	for (r = s->regions; r && r->start < end; r = r->next) {
		if (r->end <= start)
			continue;
		lo = r->start > start ? r->start : start;
		hi = r->end < end ? r->end : end;
		if ((e = region_insert(d, lo, hi, r->prot, r->kind, r->flags)) != OK)
			return e;
		for (a = lo; a < hi && sys_vmquery_run(s->ep, &a, hi - a, &run,
		    &prot, NULL) == OK; a += run) {
			cprot = (r->flags & RF_SHARED) ? prot :
				(prot & VMPROT_WRITE) ? VMPROT_READ : prot;
			if ((e = sys_vmshare(d->ep, a, s->ep, a, run, cprot)) != OK ||
			    (cprot != prot &&
			    (e = sys_vmprot(s->ep, a, run, cprot)) != OK))
				return e;
		}
	}
	return OK;
}

int do_lu_copy(message *m)
{
	mess_vm_lu_copy *q = &m->m_vm_lu_copy;
	struct vmproc *s, *d;
	struct priv_info pv;
	int e;

	if (q->dst != m->m_source || q->src == q->dst)
		return -EINVAL;
	memset(&pv, 0, sizeof(pv));
	if ((e = sys_privctl(m->m_source, PRIV_GET, &pv)) != OK)
		return e;
	if (!(pv.flags & PF_SYS_PROC))
		return -EPERM;
	if (!range_ok(q->addr, q->len) || !(s = vm_proc(q->src, 1)) ||
	    !(d = vm_proc(q->dst, 1)))
		return -EINVAL;
	if ((e = vm_sync_regions(s)) != OK ||
	    (e = region_remove(d, q->addr, q->addr + q->len)) != OK)
		return e;
	vm_state->busy = d->ep;
	e = copy_range(s, d, q->addr, q->addr + q->len);
	vm_state->busy = NONE;
	return e;
}
