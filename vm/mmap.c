/*
 * mmap.c - the C library's calls (mica/callnr.h VM_*): the break and
 * anonymous mappings.  Validate first (every range checked: page aligned
 * where POSIX says so, non-empty, no wrap, inside user space), then act.
 * Memory is filled on demand (fault.c) except MAP_SHARED mappings, which
 * get their frames at once so that a fork child shares every page.
 * Promises beyond the free frames are refused with ENOMEM.
 */
#include "vm.h"

#define MAP_KNOWN (MICA_MAP_SHARED | MICA_MAP_PRIVATE | MICA_MAP_FIXED | \
	MICA_MAP_ANONYMOUS)

static int set_brk(struct vmproc *vp, vir_bytes want)
{
	vir_bytes old_end = PG_UP(vp->brk), new_end = PG_UP(want);
	struct region *h = region_find(vp, vp->brk_base);
	int e;

	if (want < USER_BASE || new_end < want || new_end > VM_MMAP_BASE)
		return -ENOMEM;
	if (new_end < vp->brk_base)
		new_end = vp->brk_base;
	if (old_end < vp->brk_base)
		old_end = vp->brk_base;
	if (h && h->kind != VM_RK_HEAP)
		h = NULL;
	if (new_end > old_end) {
		if (!vm_commit_ok(new_end - old_end))
			return -ENOMEM;
		if (h && h->end == old_end && (!h->next || h->next->start >= new_end))
			h->end = new_end;
		else if ((e = region_insert(vp, old_end, new_end,
		    MICA_PROT_READ | MICA_PROT_WRITE, VM_RK_HEAP, 0)) != OK)
			return -ENOMEM;
	} else if (new_end < old_end) {
		region_remove(vp, new_end, old_end);
	}
	vp->brk = want < vp->brk_base ? vp->brk_base : want;
	return OK;
}

int do_brk(message *m)
{
	struct vmproc *vp;
	int e;

	if (!(vp = vm_proc(m->m_source, 1)))
		return -EINVAL;
	if (m->m_lc_vm_brk.addr && (e = set_brk(vp, m->m_lc_vm_brk.addr)) != OK)
		return e;
	m->m_lc_vm_brk.addr = vp->brk;
	return OK;
}

/* The checks every mapping needs (file.c's too): length, flags,
 * protection; the page-rounded length goes to *len. */
int mmap_args(u32_t len_in, int prot, int flags, u32_t *len)
{
	int share = flags & (MICA_MAP_SHARED | MICA_MAP_PRIVATE);

	*len = PG_UP(len_in);
	if (!len_in || *len < len_in || (flags & ~MAP_KNOWN) ||
	    (prot & ~PROT_ALL) || share == 0 ||
	    share == (MICA_MAP_SHARED | MICA_MAP_PRIVATE))
		return -EINVAL;
	return OK;
}

/* Check an anonymous mmap request (files come through VFS, file.c). */
static int mmap_check(const mess_lc_vm_mmap *q, u32_t *len)
{
	int e;

	if ((e = mmap_args(q->len, q->prot, q->flags, len)) != OK)
		return e;
	if (q->fd != -1 || !(q->flags & MICA_MAP_ANONYMOUS))
		return -ENODEV;			/* files: VFS_MMAP */
	if (q->offset & (PAGE_SIZE - 1))
		return -EINVAL;
	if ((q->flags & MICA_MAP_FIXED) && !range_ok(q->addr, *len))
		return -EINVAL;
	return OK;
}

/* Where a mapping of len goes: the fixed address, the hint if free, or
 * the first gap from VM_MMAP_BASE. */
int mmap_place(struct vmproc *vp, vir_bytes addr, int flags, u32_t len,
	vir_bytes *at)
{
	vir_bytes hint = PG_DOWN(addr);

	if (flags & MICA_MAP_FIXED) {
		*at = addr;
		return region_remove(vp, addr, addr + len);
	}
	if (hint && range_ok(hint, len) &&
	    region_gap(vp, hint, hint + len, len, at) == OK)
		return OK;
	return region_gap(vp, VM_MMAP_BASE, USER_TOP, len, at);
}

int do_mmap(message *m)
{
	mess_lc_vm_mmap *q = &m->m_lc_vm_mmap;
	int shared = !!(q->flags & MICA_MAP_SHARED);
	struct vmproc *vp;
	struct region *r;
	vir_bytes at;
	u32_t len;
	int e;

	if (!(vp = vm_proc(m->m_source, 1)))
		return -EINVAL;
	if ((e = mmap_check(q, &len)) != OK)
		return e;
	if (!vm_commit_ok(len))
		return -ENOMEM;
	if ((e = mmap_place(vp, q->addr, q->flags, len, &at)) != OK ||
	    (e = region_insert(vp, at, at + len, q->prot,
	    shared ? VM_RK_SHARED : VM_RK_ANON, shared ? RF_SHARED : 0)) != OK)
		return e == -EEXIST ? -ENOMEM : e;
	if (shared && (q->prot & PROT_ALL)) {
		r = region_find(vp, at);
		if ((e = sys_memmap(vp->ep, at, len, MAP_WRITE)) != OK ||
		    (e = sys_vmprot(vp->ep, at, len, kprot_of(r))) != OK) {
			region_remove(vp, at, at + len);
			return -ENOMEM;
		}
	}
	q->addr = at;
	return OK;
}

int do_munmap(message *m)
{
	mess_lc_vm_mmap *q = &m->m_lc_vm_mmap;
	struct vmproc *vp;
	u32_t len = PG_UP(q->len);

	if (!(vp = vm_proc(m->m_source, 1)))
		return -EINVAL;
	if (len < q->len || !range_ok(q->addr, len))
		return -EINVAL;
	return region_remove(vp, q->addr, q->addr + len);
}

/* Is every page of [start, end) inside some region? */
static int covered(struct vmproc *vp, vir_bytes start, vir_bytes end)
{
	struct region *r;

	for (r = region_find(vp, start); r && r->start < end; r = r->next)
		if (r->end >= end)
			return 1;
		else if (!r->next || r->next->start != r->end)
			return 0;
	return 0;
}

int do_mprotect(message *m)
{
	mess_lc_vm_mmap *q = &m->m_lc_vm_mmap;
	vir_bytes start = q->addr, end;
	struct vmproc *vp;
	struct region *r;
	u32_t len = PG_UP(q->len), kprot;
	int e;

	if (!(vp = vm_proc(m->m_source, 1)))
		return -EINVAL;
	if (len < q->len || !range_ok(start, len) || (q->prot & ~PROT_ALL))
		return -EINVAL;
	end = start + len;
	if (!covered(vp, start, end))
		return -ENOMEM;
	if ((e = region_split(vp, start)) != OK || (e = region_split(vp, end)) != OK)
		return e;
	for (r = region_find(vp, start); r && r->start < end; r = r->next) {
		r->prot = q->prot;
		kprot = kprot_of(r);
		if ((kprot & VMPROT_WRITE) && (!(r->flags & RF_SHARED) ||
		    r->kind == VM_RK_FILE))	/* a file's: dirty at the fault */
			kprot = VMPROT_READ;	/* copy-on-write decides at the fault */
		sys_vmprot(vp->ep, r->start, r->end - r->start, kprot);
	}
	return OK;
}
