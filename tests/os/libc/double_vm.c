/*
 * double_vm.c - VM's part of the stand-in: the heap break and anonymous
 * mappings of one client, as pages mapped into it with SYS_MEMMAP.  The
 * heap is capped (DOUBLE_HEAP_MAX) so that exhaustion gives ENOMEM.
 */
#include "double.h"

#define DOUBLE_HEAP_MAX (8u << 20)
#define MMAP_BASE       0x80000000u
#define MMAP_TOP        0x90000000u

#define PG_UP(a)   (((a) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))

static vir_bytes heap_base, heap_mapped;	/* page-aligned */
static vir_bytes mmap_next = MMAP_BASE;

static int vm_brk(message *m)
{
	vir_bytes want = m->m_lc_vm_brk.addr, top;
	int r;

	if (!heap_base) {		/* the first call states the break */
		if (want < USER_BASE || want >= MMAP_BASE)
			return -EINVAL;
		heap_base = heap_mapped = PG_UP(want);
		return OK;
	}
	if (want < heap_base - PAGE_SIZE || want > heap_base + DOUBLE_HEAP_MAX)
		return -ENOMEM;
	top = PG_UP(want);
	if (top > heap_mapped) {
		if ((r = sys_memmap(m->m_source, heap_mapped, top - heap_mapped, MAP_WRITE)) != OK)
			return -ENOMEM;
		heap_mapped = top;
	} else if (top < heap_mapped && top >= heap_base) {
		sys_unmap(m->m_source, top, heap_mapped - top);
		heap_mapped = top;
	}
	return OK;
}

static int vm_mmap(message *m)
{
	mess_lc_vm_mmap *q = &m->m_lc_vm_mmap;
	u32_t len = PG_UP(q->len);

	if (q->len == 0 || len < q->len || q->fd != -1 ||
	    !(q->flags & MICA_MAP_ANONYMOUS) || (q->flags & MICA_MAP_FIXED))
		return -EINVAL;
	if (len > MMAP_TOP - mmap_next)
		return -ENOMEM;
	if (sys_memmap(m->m_source, mmap_next, len,
	    (q->prot & MICA_PROT_WRITE) ? MAP_WRITE : 0) != OK)
		return -ENOMEM;
	q->addr = mmap_next;
	mmap_next += len;
	return OK;
}

static int vm_munmap(message *m)
{
	mess_lc_vm_mmap *q = &m->m_lc_vm_mmap;
	u32_t len = PG_UP(q->len);

	if ((q->addr & (PAGE_SIZE - 1)) || q->len == 0 || len < q->len ||
	    q->addr < MMAP_BASE || q->addr + len > mmap_next || q->addr + len < q->addr)
		return -EINVAL;
	return sys_unmap(m->m_source, q->addr, len) == OK ? OK : -EINVAL;
}

static const double_fn vm_calls[VM_NR_CALLS] = {
	[VM_BRK - VM_RQ_BASE] = vm_brk,
	[VM_MMAP - VM_RQ_BASE] = vm_mmap,
	[VM_MUNMAP - VM_RQ_BASE] = vm_munmap,
};

const struct double_role double_vm = { "vm", VM_RQ_BASE, VM_NR_CALLS, vm_calls, NULL };
