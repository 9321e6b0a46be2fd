/*
 * phys.c - memory for drivers: physical ranges their privileges list
 * (VM_MAP_PHYS: device memory, a boot ramdisk) and physically contiguous
 * memory (VM_CONTIG: DMA buffers, system processes only).  Each becomes a
 * region like any other (munmap, exit and fork know it), shared as it is
 * by a fork, never copy-on-write: a device sees physical addresses.
 */
#include "vm.h"

static int priv_of(endpoint_t ep, struct priv_info *pv)
{
	memset(pv, 0, sizeof(*pv));
	return sys_privctl(ep, PRIV_GET, pv);
}

/* Is [pa, pa+len) inside one of pv's memory ranges? */
static int listed(const struct priv_info *pv, phys_bytes pa, u32_t len)
{
	int i;

	for (i = 0; i < NR_MEM_RANGES; i++)
		if (pv->mem_len[i] && pa >= pv->mem_base[i] &&
		    len <= pv->mem_len[i] && pa - pv->mem_base[i] <= pv->mem_len[i] - len)
			return 1;
	return 0;
}

/* A new region of len for vp at a free address: *at. */
static int phys_region(struct vmproc *vp, u32_t len, u32_t kind, vir_bytes *at)
{
	int e;

	if ((e = region_gap(vp, VM_MMAP_BASE, USER_TOP, len, at)) != OK)
		return e;
	return region_insert(vp, *at, *at + len, MICA_PROT_READ | MICA_PROT_WRITE,
		kind, RF_SHARED);
}

static int len_ok(u32_t len)
{
	return len && !(len & (PAGE_SIZE - 1)) && len <= USER_TOP - USER_BASE;
}

int do_map_phys(message *m)
{
	mess_vm_phys *q = &m->m_vm_phys;
	struct priv_info pv;
	struct vmproc *vp;
	vir_bytes at;
	int e;

	if (!(vp = vm_proc(m->m_source, 1)))
		return -EINVAL;
	if (!len_ok(q->len) || (q->phys & (PAGE_SIZE - 1)) || q->len > 0u - q->phys)
		return -EINVAL;
	if ((e = priv_of(m->m_source, &pv)) != OK)
		return e;
	if (!listed(&pv, q->phys, q->len))
		return -EPERM;
	if ((e = phys_region(vp, q->len, VM_RK_PHYS, &at)) != OK)
		return e;
	if ((e = sys_physmap(vp->ep, at, q->phys, q->len, VMPROT_RW)) != OK) {
		region_remove(vp, at, at + q->len);
		return e;
	}
	q->addr = at;
	return OK;
}

int do_contig(message *m)
{
	mess_vm_phys *q = &m->m_vm_phys;
	struct priv_info pv;
	struct vmproc *vp;
	vir_bytes at;
	int e;

	if (!(vp = vm_proc(m->m_source, 1)))
		return -EINVAL;
	if (!len_ok(q->len))
		return -EINVAL;
	if ((e = priv_of(m->m_source, &pv)) != OK)
		return e;
	if (!(pv.flags & PF_SYS_PROC))
		return -EPERM;
	if (!vm_commit_ok(q->len))
		return -ENOMEM;
	if ((e = phys_region(vp, q->len, VM_RK_CONTIG, &at)) != OK)
		return e;
	if ((e = sys_contigalloc(vp->ep, at, q->len, VMPROT_RW, &q->phys)) != OK) {
		region_remove(vp, at, at + q->len);
		return e;
	}
	q->addr = at;
	return OK;
}
