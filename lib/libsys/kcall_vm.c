/*
 * kcall_vm.c - wrappers of the memory calls for VM and drivers (share,
 * protect, replace, physical map, contiguous allocation, umap, query) and
 * of the slot calls (signal manager, clear IPC references, release of a
 * held fork child, fork with flags, free-frame count, own name).
 */
#include <mica/syslib.h>

static int vm_call(int nr, message *m)
{
	m->m_type = nr;
	return kernel_call(m);
}

static message vm_msg(endpoint_t e, vir_bytes addr, u32_t len, u32_t prot)
{
	message m = { 0 };

	m.m_vmmem.endpt = e;
	m.m_vmmem.addr = addr;
	m.m_vmmem.len = len;
	m.m_vmmem.prot = prot;
	return m;
}

int sys_vmshare(endpoint_t dst, vir_bytes addr, endpoint_t src,
	vir_bytes src_addr, u32_t len, u32_t prot)
{
	message m = vm_msg(dst, addr, len, prot);

	m.m_vmmem.src = src;
	m.m_vmmem.src_addr = src_addr;
	return vm_call(SYS_VMSHARE, &m);
}

int sys_vmprot(endpoint_t e, vir_bytes addr, u32_t len, u32_t prot)
{
	message m = vm_msg(e, addr, len, prot);

	return vm_call(SYS_VMPROT, &m);
}

int sys_vmreplace(endpoint_t e, vir_bytes addr, u32_t len, u32_t prot)
{
	message m = vm_msg(e, addr, len, prot);

	return vm_call(SYS_VMREPLACE, &m);
}

int sys_physmap(endpoint_t e, vir_bytes addr, phys_bytes phys, u32_t len,
	u32_t prot)
{
	message m = vm_msg(e, addr, len, prot);

	m.m_vmmem.phys = phys;
	return vm_call(SYS_PHYSMAP, &m);
}

int sys_contigalloc(endpoint_t e, vir_bytes addr, u32_t len, u32_t prot,
	phys_bytes *phys)
{
	message m = vm_msg(e, addr, len, prot);
	int r = vm_call(SYS_CONTIGALLOC, &m);

	if (r == OK && phys)
		*phys = m.m_vmmem.phys;
	return r;
}

int sys_umap(endpoint_t e, vir_bytes addr, u32_t len, phys_bytes *phys)
{
	message m = vm_msg(e, addr, len, 0);
	int r = vm_call(SYS_UMAP, &m);

	if (r == OK && phys)
		*phys = m.m_vmmem.phys;
	return r;
}

int sys_vmquery(endpoint_t e, vir_bytes addr, phys_bytes *phys, u32_t *prot,
	u32_t *refs)
{
	message m = vm_msg(e, addr, 0, 0);
	int r = vm_call(SYS_VMQUERY, &m);

	if (r == OK) {
		if (phys)
			*phys = m.m_vmmem.phys;
		if (prot)
			*prot = m.m_vmmem.prot;
		if (refs)
			*refs = m.m_vmmem.refs;
	}
	return r;
}

int sys_vmquery_run(endpoint_t e, vir_bytes *addr, u32_t len, u32_t *run,
	u32_t *prot, u32_t *refs)
{
	message m = vm_msg(e, *addr, len, 0);
	int r = vm_call(SYS_VMQUERY, &m);

	if (r == OK) {
		*addr = m.m_vmmem.addr;
		*run = m.m_vmmem.len;
		if (prot)
			*prot = m.m_vmmem.prot;
		if (refs)
			*refs = m.m_vmmem.refs;
	}
	return r;
}

static int slot_call(int nr, endpoint_t e, endpoint_t mgr, int error, int hold)
{
	message m = { 0 };

	m.m_slot.endpt = e;
	m.m_slot.mgr = mgr;
	m.m_slot.error = error;
	m.m_slot.hold = hold;
	return vm_call(nr, &m);
}

int sys_sigmgr(endpoint_t e, endpoint_t mgr) { return slot_call(SYS_SIGMGR, e, mgr, 0, 0); }
int sys_clearrefs(endpoint_t e, int error) { return slot_call(SYS_CLEARREFS, e, NONE, error, 0); }
int sys_hold(endpoint_t e) { return slot_call(SYS_HOLD, e, NONE, 0, 1); }
int sys_release(endpoint_t e) { return slot_call(SYS_HOLD, e, NONE, 0, 0); }

int sys_fork_flags(endpoint_t parent, u32_t flags)
{
	message m = { 0 };

	m.m_proc.endpt = parent;
	m.m_proc.endpt2 = NONE;
	m.m_proc.flags = flags;
	return vm_call(SYS_FORK, &m);
}

int sys_exec_named(endpoint_t e, vir_bytes ip, vir_bytes sp, const char *name)
{
	message m = { 0 };
	u32_t i;

	m.m_proc.endpt = e;
	m.m_proc.ip = ip;
	m.m_proc.sp = sp;
	for (i = 0; name && name[i] && i < PROC_NAME_LEN - 1; i++)
		m.m_proc.name[i] = name[i];
	return vm_call(SYS_EXEC, &m);
}

int sys_getname(void *name)
{
	message m = { 0 };
	int r = vm_call(SYS_GETINFO, &m);

	if (r == OK)
		memcpy(name, m.m_proc.name, PROC_NAME_LEN);
	return r;
}

u32_t sys_free_frames(void)
{
	message m = { 0 };

	return vm_call(SYS_GETINFO, &m) == OK ? m.m_proc.free_frames : 0;
}

u32_t sys_total_frames(void)
{
	message m = { 0 };

	return vm_call(SYS_GETINFO, &m) == OK ? m.m_proc.total_frames : 0;
}

int sys_vmctl_inhibit(endpoint_t e, int on)
{
	message m = { 0 };

	m.m_vmctl.request = VMCTL_INHIBIT;
	m.m_vmctl.endpt = e;
	m.m_vmctl.result = on;
	return vm_call(SYS_VMCTL, &m);
}
