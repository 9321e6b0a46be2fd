/*
 * do_vmmem.c - the memory calls VM and drivers build on, over the page
 * tables the kernel keeps (kernel/README.md, "Memory model").
 *
 *   SYS_VMSHARE     map src's frames at endpt's addr too (prot), counted
 *   SYS_VMPROT      set protection in place: none, read, read-write
 *   SYS_VMREPLACE   give pages a private copy of their frame (COW break)
 *   SYS_PHYSMAP     map physical memory listed in the caller's privileges
 *                   (made by VM: in the target's, for whom VM maps it)
 *   SYS_CONTIGALLOC map physically contiguous zeroed memory; phys = start
 *   SYS_UMAP        physical address of a contiguous virtual range
 *   SYS_VMQUERY     frame, protection and share count of one page; with
 *                   len != 0, of the first page of [addr, addr+len) that
 *                   holds a frame, and (reply addr, len) the run of pages
 *                   from there holding frames with the same protection
 *
 * Which processes may make them is the privilege mask's business (RS gives
 * the first three to VM only).  Every range is checked whole first:
 * page aligned, inside user space, not wrapping (EINVAL).  Share, protect
 * and replace run in passes of ARCH_CHUNK_PAGES (restart.c), each pass
 * checked before it acts.
 */
#include "system.h"

static int vm_target(struct proc *caller, message *m, struct proc **pp)
{
	if (m->m_vmmem.prot & ~VMPROT_RW)
		return -EINVAL;
	return kcall_target(caller, m->m_vmmem.endpt, pp);
}

int do_vmshare(struct proc *caller, message *m)
{
	mess_lsys_krn_vmmem *vm = &m->m_vmmem;
	struct proc *dst, *src;
	int r;

	if ((r = vm_target(caller, m, &dst)) != OK ||
	    (r = kcall_target(caller, vm->src, &src)) != OK)
		return r;
	return restart_pass(caller, arch_share(&dst->as, vm->addr, &src->as,
		vm->src_addr, vm->len, vm->prot, restart_state(caller, m)));
}

int do_vmprot(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if ((r = vm_target(caller, m, &p)) != OK)
		return r;
	return restart_pass(caller, arch_protect(&p->as, m->m_vmmem.addr,
		m->m_vmmem.len, m->m_vmmem.prot, restart_state(caller, m)));
}

int do_vmreplace(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if ((r = vm_target(caller, m, &p)) != OK)
		return r;
	return restart_pass(caller, arch_replace(&p->as, m->m_vmmem.addr,
		m->m_vmmem.len, m->m_vmmem.prot, restart_state(caller, m)));
}

/* Is [pa, pa+len) inside one of pv's memory ranges? */
static int range_listed(const struct priv_info *pv, phys_bytes pa, u32_t len)
{
	int i;

	for (i = 0; i < NR_MEM_RANGES; i++)
		if (pv->mem_len[i] && pa >= pv->mem_base[i] &&
		    len <= pv->mem_len[i] && pa - pv->mem_base[i] <=
		    pv->mem_len[i] - len)
			return 1;
	return 0;
}

int do_physmap(struct proc *caller, message *m)
{
	mess_lsys_krn_vmmem *vm = &m->m_vmmem;
	struct proc *p;
	u32_t off;
	int r;

	if ((r = vm_target(caller, m, &p)) != OK)
		return r;
	if (!arch_user_range(vm->addr, vm->len) || !vm->len ||
	    (vm->phys & (PAGE_SIZE - 1)) || vm->len > 0u - vm->phys)
		return -EINVAL;
	if (!range_listed((caller->priv.flags & PF_VM) ? &p->priv : &caller->priv,
	    vm->phys, vm->len))
		return -EPERM;		/* VM maps what the target may have */
	for (off = 0; off < vm->len; off += PAGE_SIZE)
		if (frame_in_pool(vm->phys + off))
			return -EPERM;	/* memory the kernel hands out */
	return arch_physmap(&p->as, vm->addr, vm->phys, vm->len, vm->prot);
}

int do_contigalloc(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if ((r = vm_target(caller, m, &p)) != OK)
		return r;
	return arch_map_contig(&p->as, m->m_vmmem.addr, m->m_vmmem.len,
		m->m_vmmem.prot, &m->m_vmmem.phys);
}

int do_umap(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if ((r = vm_target(caller, m, &p)) != OK)
		return r;
	return arch_umap(&p->as, m->m_vmmem.addr, m->m_vmmem.len,
		&m->m_vmmem.phys);
}

int do_vmquery(struct proc *caller, message *m)
{
	mess_lsys_krn_vmmem *vm = &m->m_vmmem;
	struct proc *p;
	u32_t pages;
	int r;

	if ((r = vm_target(caller, m, &p)) != OK)
		return r;
	if (vm->len) {
		if ((r = arch_query_run(&p->as, vm->addr, vm->len, &vm->addr,
		    &pages)) != OK)
			return r;
		vm->len = pages * PAGE_SIZE;
	}
	return arch_query(&p->as, vm->addr & ~(PAGE_SIZE - 1), &vm->phys,
		&vm->prot, &vm->refs);
}
