/*
 * src.c - where procfs's facts come from in the OS (fs/procfs/procfs.h's
 * struct procfs_src): PM (PM_GETPROCS, PM_GETCMDLINE), VM (VM_REGIONS,
 * VM_INFO), RS (RS_GETSVCS), the kernel's clock, and each file-system
 * server (FS_CACHESTAT).  Every call is a sendrec to a server that never
 * waits for procfs, and never to VFS, which waits for procfs while it is
 * served (the deadlock rule).  A file-system server is asked only when DS
 * holds its libfsdriver mount record ("<label>.mnt"): that is what says
 * the label speaks the FS protocol, so no other service gets a request it
 * does not know; procfs never asks itself.  Every count in an answer is
 * clipped to the buffer procfs offered.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <mica/callnr.h>
#include <mica/ds.h>
#include <mica/ipc.h>
#include <mica/kipc.h>
#include <mica/sef.h>
#include <mica/syslib.h>

#include "procfs.h"

/* A grant for 'to' to write [buf, buf+len); OK or -ENOMEM. */
static int grant_for(endpoint_t to, void *buf, size_t len, cp_grant_id_t *g)
{
	*g = cpf_grant_direct(to, (vir_bytes)buf, (u32_t)len, CPF_WRITE);
	return *g == GRANT_INVALID ? -ENOMEM : OK;
}

/* sendrec, then revoke the request's grant; the reply's m_type. */
static int call(endpoint_t to, message *m, cp_grant_id_t g)
{
	int r = ipc_sendrec(to, m);

	if (g != GRANT_INVALID)
		cpf_revoke(g);
	return r != OK ? r : m->m_type;
}

static int os_procs(struct mica_procinfo *buf, int max)
{
	cp_grant_id_t g;
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	if ((r = grant_for(PM_PROC_NR, buf, max * sizeof(*buf), &g)) != OK)
		return r;
	m.m_type = PM_GETPROCS;
	m.m_lc_pm_getprocs.grant = g;
	m.m_lc_pm_getprocs.count = (u32_t)max;
	m.m_lc_pm_getprocs.size = sizeof(*buf);
	return call(PM_PROC_NR, &m, g);
}

static int os_cmdline(int pid, char *buf, size_t size)
{
	cp_grant_id_t g;
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	if ((r = grant_for(PM_PROC_NR, buf, size, &g)) != OK)
		return r;
	m.m_type = PM_GETCMDLINE;
	m.m_lc_pm_cmdline.pid = pid;
	m.m_lc_pm_cmdline.grant = g;
	m.m_lc_pm_cmdline.size = (u32_t)size;
	return call(PM_PROC_NR, &m, g);
}

static int os_regions(int ep, struct vm_region_info *buf, int max,
    int *total)
{
	cp_grant_id_t g;
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	if ((r = grant_for(VM_PROC_NR, buf, max * sizeof(*buf), &g)) != OK)
		return r;
	m.m_type = VM_REGIONS;
	m.m_vm_regions.endpt = ep;
	m.m_vm_regions.grant = g;
	m.m_vm_regions.max = (u32_t)max;
	if ((r = call(VM_PROC_NR, &m, g)) != OK)
		return r;
	*total = m.m_vm_regions.total > 0x7fffffffu ? 0x7fffffff :
	    (int)m.m_vm_regions.total;
	return m.m_vm_regions.count < (u32_t)max ?
	    (int)m.m_vm_regions.count : max;
}

static int os_mem(struct procfs_mem *pm)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_type = VM_INFO;
	m.m_vm_info.endpt = NONE;
	if ((r = call(VM_PROC_NR, &m, GRANT_INVALID)) != OK)
		return r;
	pm->total_pages = m.m_vm_info.total_pages;
	pm->free_pages = m.m_vm_info.free_pages < pm->total_pages ?
	    m.m_vm_info.free_pages : pm->total_pages;
	pm->procs = m.m_vm_info.procs;
	pm->faults = m.m_vm_info.faults;
	pm->cow_copies = m.m_vm_info.cow_copies;
	pm->ooms = m.m_vm_info.ooms;
	pm->file_pages = m.m_vm_info.file_pages;
	pm->file_fills = m.m_vm_info.file_fills;
	pm->file_hits = m.m_vm_info.file_hits;
	return OK;
}

static int os_services(struct rs_svcinfo *buf, int max)
{
	cp_grant_id_t g;
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	if ((r = grant_for(RS_PROC_NR, buf, max * sizeof(*buf), &g)) != OK)
		return r;
	m.m_type = RS_GETSVCS;
	m.m_rs_getsvcs.grant = g;
	m.m_rs_getsvcs.count = (u32_t)max;
	m.m_rs_getsvcs.size = sizeof(*buf);
	return call(RS_PROC_NR, &m, g);
}

static int os_cachestat(const char *label, struct mica_fs_cachestat *st)
{
	char key[DS_KEY_LEN], rec[8];
	u32_t len = sizeof(rec);
	endpoint_t ep;
	cp_grant_id_t g;
	message m;
	int r;

	if (strlen(label) + 5 > sizeof(key))
		return -EINVAL;
	snprintf(key, sizeof(key), "%s.mnt", label);
	r = ds_retrieve_mem(key, rec, &len);
	if (r != OK && r != -EPERM)	/* the record is its owner's to read */
		return -ENOSYS;		/* no libfsdriver mount: not asked */
	if (ds_retrieve_label_endpt(label, &ep) != OK)
		return -ENOENT;
	if (ep == sef_self())
		return -ENOSYS;
	memset(&m, 0, sizeof(m));
	if ((r = grant_for(ep, st, sizeof(*st), &g)) != OK)
		return r;
	m.m_type = FS_CACHESTAT;
	m.m_fs_io.grant = g;
	m.m_fs_io.bytes = sizeof(*st);
	return call(ep, &m, g);
}

static int os_uptime(u64_t *ticks, u32_t *hz)
{
	u32_t t, user;
	int r;

	if ((r = sys_times(SELF, &t, &user)) != OK)
		return r;
	*ticks = t;
	*hz = HZ;
	return OK;
}

const struct procfs_src procfs_os_src = {
	.ps_procs = os_procs,
	.ps_cmdline = os_cmdline,
	.ps_regions = os_regions,
	.ps_mem = os_mem,
	.ps_services = os_services,
	.ps_cachestat = os_cachestat,
	.ps_uptime = os_uptime,
};
