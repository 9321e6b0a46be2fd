/*
 * exec.c - a new image (VM_EXEC_NEWMEM, vmif.h has the layout): check the
 * segments and the stack first, then tear the old image down and lay out
 * the new one; VM_EXEC_DONE gives the segments their final protection
 * once the loader has filled them (W^X: text is never writable after).
 * A failure after the teardown leaves the process without memory: the
 * caller (PM) must not let it run again.
 */
#include "vm.h"

static int from_server(const message *m)
{
	return m->m_source == PM_PROC_NR || m->m_source == VFS_PROC_NR;
}

/* Segments sane, none sharing a page with another, all below the guard
 * page under the stack?  *top: the first page above the highest. */
static int segs_check(const struct vm_exec_seg *s, u32_t n, vir_bytes stack_lo,
	vir_bytes *top)
{
	vir_bytes lo, hi, lo2, hi2;
	u32_t i, j;

	*top = USER_BASE;
	for (i = 0; i < n; i++) {
		if (!s[i].memsz || s[i].filesz > s[i].memsz ||
		    (s[i].prot & ~PROT_ALL) || s[i].vaddr < USER_BASE ||
		    s[i].vaddr > stack_lo - PAGE_SIZE ||
		    s[i].memsz > stack_lo - PAGE_SIZE - s[i].vaddr)
			return -EINVAL;
		lo = PG_DOWN(s[i].vaddr);
		hi = PG_UP(s[i].vaddr + s[i].memsz);
		for (j = 0; j < i; j++) {
			lo2 = PG_DOWN(s[j].vaddr);
			hi2 = PG_UP(s[j].vaddr + s[j].memsz);
			if (lo < hi2 && lo2 < hi)
				return -EINVAL;
		}
		if (hi > *top)
			*top = hi;
	}
	return OK;
}

/* The new image's regions and eagerly mapped pages. */
static int lay_out(struct vmproc *vp, const struct vm_exec_seg *s, u32_t n,
	vir_bytes stack_lo, u32_t frame)
{
	vir_bytes lo, hi;
	u32_t i;
	int e;

	for (i = 0; i < n; i++) {
		lo = PG_DOWN(s[i].vaddr);
		hi = PG_UP(s[i].vaddr + s[i].memsz);
		if ((e = region_insert(vp, lo, hi, s[i].prot,
		    (s[i].prot & MICA_PROT_WRITE) ? VM_RK_DATA : VM_RK_TEXT,
		    RF_LOADING)) != OK)
			return e;
		hi = PG_UP(s[i].vaddr + s[i].filesz);
		if (hi > lo && (e = sys_memmap(vp->ep, lo, hi - lo, MAP_WRITE)) != OK)
			return e;
	}
	if ((e = region_insert(vp, stack_lo, USER_STACK_TOP,
	    MICA_PROT_READ | MICA_PROT_WRITE, VM_RK_STACK, 0)) != OK)
		return e;
	if (frame && (e = sys_memmap(vp->ep, USER_STACK_TOP - frame, frame,
	    MAP_WRITE)) != OK)
		return e;
	return OK;
}

int do_exec_newmem(message *m)
{
	mess_vm_exec *q = &m->m_vm_exec;
	struct vm_exec_seg segs[VM_EXEC_SEGS_MAX];
	u32_t stack = q->stack_size ? q->stack_size : VM_STACK_DEFAULT;
	u32_t frame = PG_UP(q->frame_len);
	vir_bytes stack_lo = USER_STACK_TOP - stack, top;
	struct vmproc *vp;
	int e;

	if (!from_server(m))
		return -EPERM;
	if (!(vp = vm_proc(q->endpt, 1)))
		return -EINVAL;
	if (!q->nsegs || q->nsegs > VM_EXEC_SEGS_MAX || stack > VM_STACK_MAX ||
	    (stack & (PAGE_SIZE - 1)) || frame < q->frame_len || frame > stack)
		return -EINVAL;
	if ((e = sys_safecopyfrom(m->m_source, q->segs, 0, segs,
	    q->nsegs * sizeof(segs[0]))) != OK)
		return e;
	if ((e = segs_check(segs, q->nsegs, stack_lo, &top)) != OK)
		return e;
	if (!vm_commit_ok(top - USER_BASE + frame))
		return -ENOMEM;
	vm_state->busy = vp->ep;
	region_clear(vp, 1);
	vp->brk_base = vp->brk = top;
	e = lay_out(vp, segs, q->nsegs, stack_lo, frame);
	vm_state->busy = NONE;
	if (e != OK) {
		region_clear(vp, 1);
		return e == -EEXIST ? -EINVAL : -ENOMEM;
	}
	vm_state->st.execs++;
	q->stack_top = USER_STACK_TOP;
	q->brk = top;
	return OK;
}

int do_exec_done(message *m)
{
	struct vmproc *vp;
	struct region *r;
	u32_t kprot;

	if (!from_server(m))
		return -EPERM;
	if (!(vp = vm_proc(m->m_vm_proc.endpt, 0)))
		return -EINVAL;
	for (r = vp->regions; r; r = r->next) {
		if (!(r->flags & RF_LOADING))
			continue;
		r->flags &= ~RF_LOADING;
		kprot = kprot_of(r);
		sys_vmprot(vp->ep, r->start, r->end - r->start, kprot);
	}
	return OK;
}
