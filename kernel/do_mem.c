/*
 * do_mem.c - memory control for VM: SYS_MEMMAP / SYS_UNMAP (the kernel
 * hands out zeroed frames itself until VM manages memory; a big map runs
 * in passes, restart.c) and SYS_VMCTL
 * (fetch and answer the faults of vmfault.c; PF_VM only; a resume may
 * map the missing page first, saving VM a call per fault).
 */
#include "system.h"

int do_memmap(struct proc *caller, message *m)
{
	struct proc *p;
	u32_t *done;
	int r;

	if ((r = kcall_target(caller, m->m_memmap.endpt, &p)) != OK)
		return r;
	done = restart_state(caller, m);
	return restart_pass(caller, arch_map_chunk(&p->as, m->m_memmap.addr,
		m->m_memmap.len, m->m_memmap.flags & MAP_WRITE, done));
}

int do_unmap(struct proc *caller, message *m)
{
	struct proc *p;
	int r;

	if ((r = kcall_target(caller, m->m_memmap.endpt, &p)) != OK)
		return r;
	return restart_pass(caller, arch_unmap(&p->as, m->m_memmap.addr,
		m->m_memmap.len, restart_state(caller, m)));
}

/* Map a zeroed page where suspended p faulted, in the memory's owner
 * (VM's answer to a missing page and the resume in one call). */
static int resume_map(struct proc *p, u32_t map)
{
	struct proc *owner;
	u32_t done = 0;

	if (map > VMCTL_MAP_RW || !(p->rts_flags & RTS_VMFAULT))
		return -EINVAL;
	if (!(owner = proc_lookup(p->vmf.owner)))
		return -ESRCH;
	return arch_map_chunk(&owner->as, p->vmf.addr & ~(PAGE_SIZE - 1),
		PAGE_SIZE, map == VMCTL_MAP_RW, &done);
}

int do_vmctl(struct proc *caller, message *m)
{
	mess_lsys_krn_vmctl *vm = &m->m_vmctl;
	struct proc *p;
	int r, more;

	if (!(caller->priv.flags & PF_VM))
		return -EPERM;
	switch (vm->request) {
	case VMCTL_GET_FAULT:
		if (!(p = vmfault_next(&more))) {
			vm->endpt = NONE;
			vm->more = 0;
			return OK;
		}
		vm->endpt = p->endpoint;
		vm->owner = p->vmf.owner;
		vm->addr = p->vmf.addr;
		vm->write = p->vmf.write;
		vm->in_call = p->vmf.in_call;
		vm->present = p->vmf.present;
		vm->more = (u32_t)more;
		return OK;
	case VMCTL_RESUME:
		if ((r = kcall_target(caller, vm->endpt, &p)) != OK)
			return r;
		if (vm->map && (r = resume_map(p, vm->map)) != OK)
			return r;
		return vmfault_resume(p, vm->result);
	case VMCTL_INHIBIT:
		if ((r = kcall_target(caller, vm->endpt, &p)) != OK)
			return r;
		if (p == caller)
			return -EINVAL;
		if (vm->result)
			rts_set(p, RTS_INHIBIT);
		else
			rts_clear(p, RTS_INHIBIT);
		return OK;
	default:
		return -EINVAL;
	}
}
