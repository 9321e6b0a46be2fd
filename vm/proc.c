/*
 * proc.c - the processes VM knows, by slot: adoption of memory VM did not
 * lay out itself (the boot processes at a fresh start, and any process
 * created without VM_FORK), fork with copy-on-write, exit, and the
 * statistics of VM_INFO / VM_REGIONS.
 *
 * An entry whose endpoint no longer matches a live process in its slot is
 * stale (the process died without VM_EXIT, e.g. killed while VM was
 * down); it is dropped when the slot's new owner is first seen, and only
 * after the kernel confirmed that new endpoint is alive, so a hostile
 * endpoint in a message can never wipe a live process's entry.
 */
#include "vm.h"

/* Is ep a live process?  (Any query answers; a dead one is ESRCH.) */
static int alive(endpoint_t ep)
{
	vir_bytes a = USER_BASE;
	u32_t run;
	int r = sys_vmquery_run(ep, &a, PAGE_SIZE, &run, NULL, NULL);

	return r == OK || r == -EFAULT;
}

/* The entry for ep: known, or (adopt) taken over from the page tables. */
struct vmproc *vm_proc(endpoint_t ep, int adopt)
{
	int slot = ENDPOINT_SLOT(ep);
	struct vmproc *vp;

	if (ep < 0 || slot >= NR_PROCS || ep == vm_self)
		return NULL;
	vp = &vm_state->procs[slot];
	if (vp->ep == ep)
		return vp;
	if (!adopt || !alive(ep))
		return NULL;
	return vm_adopt(ep, &vp) == OK ? vp : NULL;
}

/* A fresh entry for live ep in its slot, dropping a stale one. */
static struct vmproc *proc_new(endpoint_t ep)
{
	struct vmproc *vp = &vm_state->procs[ENDPOINT_SLOT(ep)];

	region_clear(vp, 0);
	memset(vp, 0, sizeof(*vp));
	vp->ep = ep;
	return vp;
}

static u32_t mica_prot(u32_t kprot)
{
	if (kprot & VMPROT_WRITE)
		return MICA_PROT_READ | MICA_PROT_WRITE;
	return (kprot & VMPROT_READ) ? MICA_PROT_READ | MICA_PROT_EXEC : 0;
}

/* Regions for the pages ep holds now, one per run of one protection. */
int vm_adopt(endpoint_t ep, struct vmproc **out)
{
	struct vmproc *vp = proc_new(ep);
	vir_bytes a = USER_BASE, end;
	u32_t run, prot, kind;
	int r;

	while (a < USER_TOP &&
	    sys_vmquery_run(ep, &a, USER_TOP - a, &run, &prot, NULL) == OK) {
		end = a + run;
		kind = end == USER_STACK_TOP ? VM_RK_STACK : VM_RK_BOOT;
		if ((r = region_insert(vp, a, end, mica_prot(prot), kind, 0)) != OK) {
			region_clear(vp, 0);
			vp->ep = NONE;
			return r;
		}
		if (end <= VM_MMAP_BASE)
			vp->brk_base = vp->brk = end;
		a = end;
	}
	if (!vp->brk_base)
		vp->brk_base = vp->brk = USER_BASE;
	*out = vp;
	return OK;
}

/* Fresh start: every process already running (boot modules, generation
 * 0: endpoint = slot) becomes VM's, with the memory it has. */
void vm_adopt_boot(void)
{
	struct vmproc *vp;
	endpoint_t ep;

	for (ep = 0; ep < NR_PROCS; ep++)
		if (ep != vm_self && alive(ep))
			vm_adopt(ep, &vp);
}

/* Is ep a live process without any memory (a FORK_NOCOPY child)? */
static int empty(endpoint_t ep)
{
	vir_bytes a = USER_BASE;
	u32_t run;

	return sys_vmquery_run(ep, &a, USER_TOP - USER_BASE, &run, NULL,
		NULL) == -EFAULT;
}

static int from_server(const message *m)
{
	return m->m_source == PM_PROC_NR || m->m_source == VFS_PROC_NR;
}

/* Share r's pages held by parent into child: shared regions as they are,
 * private ones read-only on both sides (copy-on-write, fault.c). */
static int fork_region(endpoint_t parent, endpoint_t child,
	const struct region *r)
{
	vir_bytes a = r->start;
	u32_t run, prot, cprot;
	int e;

	while (a < r->end &&
	    sys_vmquery_run(parent, &a, r->end - a, &run, &prot, NULL) == OK) {
		cprot = (r->flags & RF_SHARED) ? prot :
			(prot & VMPROT_WRITE) ? VMPROT_READ : prot;
		if ((e = sys_vmshare(child, a, parent, a, run, cprot)) != OK)
			return e;
		if (cprot != prot && (e = sys_vmprot(parent, a, run, cprot)) != OK)
			return e;
		a += run;
	}
	return OK;
}

/* The child's copy of file region r maps the same object pages. */
static void fork_file(struct vmproc *child, const struct region *r)
{
	struct region *c = region_find(child, r->start);

	c->obj = r->obj;
	c->pgoff = r->pgoff;
	obj_region_add(c);
}

int do_fork(message *m)
{
	endpoint_t pe = m->m_vm_fork.parent, ce = m->m_vm_fork.child;
	struct vmproc *parent, *child;
	struct region *r;
	int e = OK;

	if (!from_server(m))
		return -EPERM;
	if (!(parent = vm_proc(pe, 1)) || ce == pe || ce == vm_self ||
	    ce < 0 || ENDPOINT_SLOT(ce) >= NR_PROCS || vm_proc(ce, 0) ||
	    !empty(ce))
		return -EINVAL;		/* a child must be new and hold nothing */
	child = proc_new(ce);
	child->brk_base = parent->brk_base;
	child->brk = parent->brk;
	for (r = parent->regions; r && e == OK; r = r->next)
		if ((e = region_insert(child, r->start, r->end, r->prot, r->kind,
		    r->flags)) == OK) {
			if (r->obj)
				fork_file(child, r);
			e = fork_region(pe, ce, r);
		}
	if (e != OK) {
		region_clear(child, 1);
		child->ep = NONE;
		return e == -ENOMEM ? -ENOMEM : e;
	}
	vm_state->st.forks++;
	return OK;
}

int do_exit(message *m)
{
	struct vmproc *vp;

	if (!from_server(m))
		return -EPERM;
	if (!(vp = vm_proc(m->m_vm_proc.endpt, 0)))
		return -EINVAL;
	region_clear(vp, 1);
	vp->ep = NONE;
	vm_state->st.exits++;
	return OK;
}

/* Bytes of vp's regions, and pages the kernel holds in them. */
static void proc_sizes(struct vmproc *vp, u32_t *vsize, u32_t *rss)
{
	struct region *r;
	vir_bytes a;
	u32_t run;

	for (r = vp->regions; r; r = r->next) {
		*vsize += r->end - r->start;
		for (a = r->start; a < r->end && sys_vmquery_run(vp->ep, &a,
		    r->end - a, &run, NULL, NULL) == OK; a += run)
			*rss += run / PAGE_SIZE;
	}
}

int do_info(message *m)
{
	mess_vm_info *q = &m->m_vm_info;
	struct vmproc *vp;
	u32_t i;

	if (q->endpt != NONE) {
		if (!(vp = vm_proc(q->endpt, 1)))
			return -EINVAL;
		memset(&q->total_pages, 0, sizeof(*q) - sizeof(q->endpt));
		proc_sizes(vp, &q->vsize, &q->rss);
		q->regions = vp->nregions;
		q->brk = vp->brk;
		return OK;
	}
	memset(&q->total_pages, 0, sizeof(*q) - sizeof(q->endpt));
	q->total_pages = sys_total_frames();
	q->free_pages = sys_free_frames();
	q->faults = vm_state->st.faults;
	q->cow_copies = vm_state->st.cow_copies;
	q->ooms = vm_state->st.ooms;
	q->file_pages = vm_state->pc.used;
	q->file_fills = vm_state->st.file_fills;
	q->file_hits = vm_state->st.file_hits;
	for (i = 0; i < NR_PROCS; i++)
		if (vm_state->procs[i].ep != NONE) {
			q->procs++;
			q->regions += vm_state->procs[i].nregions;
		}
	return OK;
}

#define REGIONS_CHUNK 16

int do_regions(message *m)
{
	mess_vm_regions *q = &m->m_vm_regions;
	struct vm_region_info buf[REGIONS_CHUNK];
	struct vmproc *vp;
	struct region *r;
	u32_t n = 0, k = 0;
	int e;

	if (!(vp = vm_proc(q->endpt, 1)))
		return -EINVAL;
	if (q->max > VM_REGIONS_MAX)
		return -EINVAL;
	if ((e = vm_sync_regions(vp)) != OK)
		return e;
	for (r = vp->regions; r && n < q->max; r = r->next, n++) {
		buf[k].addr = r->start;
		buf[k].len = r->end - r->start;
		buf[k].prot = r->prot;
		buf[k].kind = r->kind;
		if (++k == REGIONS_CHUNK || !r->next || n + 1 == q->max) {
			if ((e = sys_safecopyto(m->m_source, q->grant,
			    (n + 1 - k) * sizeof(buf[0]), buf, k * sizeof(buf[0]))) != OK)
				return e;
			k = 0;
		}
	}
	q->count = n;
	q->total = vp->nregions;
	return OK;
}
