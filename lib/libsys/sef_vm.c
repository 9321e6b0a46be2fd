/*
 * sef_vm.c - what the identity transfer needs from VM (mica/sef.h), as
 * requests to VM (mica/vmif.h): the old instance's regions (VM_REGIONS,
 * the stack flagged so it is not copied) and its memory over this
 * instance's (VM_LU_COPY: shared copy-on-write, so the copy never faults
 * in either instance and copies no frame until one of them writes).
 */
#include <mica/syslib.h>
#include <mica/sef.h>
#include <mica/vmif.h>

static int vm_request(int type, message *m)
{
	int r;

	m->m_type = type;
	if ((r = ipc_sendrec(VM_PROC_NR, m)) != OK)
		return r;
	return m->m_type;
}

int vm_lu_regions(endpoint_t ep, struct sef_region *r, int max)
{
	struct vm_region_info ri[SEF_REGIONS_MAX];
	cp_grant_id_t g;
	message m;
	u32_t i;
	int e;

	if (max <= 0 || max > SEF_REGIONS_MAX)
		return -EINVAL;
	g = cpf_grant_direct(VM_PROC_NR, (vir_bytes)ri, max * sizeof(ri[0]),
		CPF_WRITE);
	if (g == GRANT_INVALID)
		return -ENOMEM;
	memset(&m, 0, sizeof(m));
	m.m_vm_regions.endpt = ep;
	m.m_vm_regions.grant = g;
	m.m_vm_regions.max = (u32_t)max;
	e = vm_request(VM_REGIONS, &m);
	cpf_revoke(g);
	if (e != OK)
		return e;
	if (m.m_vm_regions.total > (u32_t)max || m.m_vm_regions.count > (u32_t)max)
		return -E2BIG;
	for (i = 0; i < m.m_vm_regions.count; i++) {
		r[i].addr = ri[i].addr;
		r[i].len = ri[i].len;
		r[i].flags = ri[i].kind == VM_RK_STACK ? SEF_REGION_STACK : 0;
	}
	return (int)m.m_vm_regions.count;
}

int vm_lu_copy(endpoint_t src, endpoint_t dst, vir_bytes addr, u32_t len)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_vm_lu_copy.src = src;
	m.m_vm_lu_copy.dst = dst;
	m.m_vm_lu_copy.addr = addr;
	m.m_vm_lu_copy.len = len;
	return vm_request(VM_LU_COPY, &m);
}
