/*
 * filefault.c - faults in file regions, served from VM's page cache
 * (pcache.h) and filled through VFS.
 *
 *   cached page        -> its frame is shared into the process (the cache
 *                         keeps its own mapping, in VM's address space):
 *                         read-only, except a write to a MAP_SHARED region,
 *                         which maps it writable and marks the page dirty;
 *                         a write to a private region gets a private copy
 *                         at once (the frame always has >= 2 mappings)
 *   not cached         -> a zeroed frame in VM, granted to VFS, and a
 *                         VM_VFS_FILL notice (asynsend); the fault is not
 *                         answered: the kernel keeps the process suspended
 *                         and VM goes on.  VM_FILE_FILLED answers every
 *                         fault waiting on the page: mapped as above, or
 *                         -EIO (0 bytes: past the end; or VFS's error),
 *                         which the kernel turns into SIGBUS (BUS_ADRERR)
 *                         for an exception and EFAULT for a copy in a call
 *   being filled       -> the fault joins the waiters
 *   copy by a server into a page not cached
 *                      -> EFAULT at once, no fill: the server (a file
 *                         system) may be working for VFS, which would then
 *                         never serve the fill.  VFS makes the pages of a
 *                         caller's buffer present before it hands a server
 *                         a grant on it (vfs/mmap.c), so honest calls
 *                         never get here; a lying one only fails itself.
 *
 * At most one fill per page is in flight (its tag, seq, is echoed by VFS
 * and checked).  A process that dies while waiting is harmless: its
 * resume fails.  Waiters are kept by the faulter's slot (a process waits
 * for at most one fault).  Pages no process maps are evicted least
 * recently used first once the cache holds VM_PC_KEEP pages (the kernel's
 * share count says which, VMQUERY); when all VM_PC_SLOTS are in use the
 * oldest clean page goes even if mapped: it leaves its mappings first
 * and a later touch fills it again.  Dirty pages stay until written back.
 */
#include "vm.h"

#define VICTIM_TRIES 8

static struct vm_pcache *pc(void)
{
	return &vm_state->pc;
}

/* Can slot's frame go: only VM maps it? */
static int only_vm_maps(void *ctx, int slot)
{
	phys_bytes pa;
	u32_t prot, refs = 0;

	(void)ctx;
	return sys_vmquery(SELF, VM_PC_VA(slot), &pa, &prot, &refs) == OK &&
		refs <= 1;
}

static void drop_slot(int slot)
{
	struct vmpage *p = &pc()->pages[slot];

	if (p->state == PG_FILLING && p->grant >= 0)
		cpf_revoke(p->grant);
	if (p->state == PG_FILLING && !(p->flags & PGF_SENT))
		pc()->unsent--;
	sys_unmap(SELF, VM_PC_VA(slot), PAGE_SIZE);
	pc_remove(pc(), slot);
}

/* Every page of object slot1 goes (nothing maps them any more). */
void file_drop_pages(u32_t obj)
{
	int i;

	for (i = 0; i < VM_PC_SLOTS; i++)
		if (pc()->pages[i].state != PG_FREE && pc()->pages[i].obj == obj)
			drop_slot(i);
}

/* The same, but dirty pages stay until VFS has written them back. */
void file_drop_clean(u32_t obj)
{
	int i;

	for (i = 0; i < VM_PC_SLOTS; i++)
		if (pc()->pages[i].state != PG_FREE && pc()->pages[i].obj == obj &&
		    !(pc()->pages[i].flags & (PGF_DIRTY | PGF_BUSY)))
			drop_slot(i);
}

static int send_fill(int slot)
{
	struct vmpage *p = &pc()->pages[slot];
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = VM_VFS_FILL;
	m.m_vm_file_page.obj = vm_state->objs[p->obj - 1].id;
	m.m_vm_file_page.page = p->pgno;
	m.m_vm_file_page.seq = p->seq;
	m.m_vm_file_page.grant = p->grant;
	if (asynsend(VFS_PROC_NR, &m) != OK)
		return -EAGAIN;
	p->flags |= PGF_SENT;
	pc()->unsent--;
	return OK;
}

/* Fill notices the senda table had no room for (from the main loop). */
void file_send_fills(void)
{
	int i;

	for (i = 0; i < VM_PC_SLOTS && pc()->unsent; i++)
		if (pc()->pages[i].state == PG_FILLING &&
		    !(pc()->pages[i].flags & PGF_SENT) && send_fill(i) != OK)
			return;
}

static int any_page(void *ctx, int slot)
{
	(void)ctx, (void)slot;
	return 1;
}

/* A slot for a new page: a free one, or the oldest unmapped clean page's
 * once the cache holds VM_PC_KEEP pages; when it is full, the oldest
 * clean page's even if mapped (taken out of its mappings first). */
static int new_slot(void)
{
	int s;

	if (pc()->used >= VM_PC_KEEP &&
	    (s = pc_victim(pc(), only_vm_maps, NULL, VICTIM_TRIES)) >= 0)
		drop_slot(s);
	else if (pc()->used >= VM_PC_SLOTS &&
	    (s = pc_victim(pc(), any_page, NULL, VM_PC_SLOTS)) >= 0) {
		file_unmap_everywhere(s);
		drop_slot(s);
	}
	return pc_free_slot(pc());
}

/* Start filling page pgno of object obj (slot + 1): the slot, or -errno. */
static int start_fill(u32_t obj, u32_t pgno)
{
	struct vmpage *p;
	int s;

	if ((s = new_slot()) < 0)
		return -ENOMEM;
	if (sys_memmap(SELF, VM_PC_VA(s), PAGE_SIZE, MAP_WRITE) != OK)
		return -ENOMEM;
	pc_insert(pc(), s, obj, pgno);
	p = &pc()->pages[s];
	p->grant = cpf_grant_direct(VFS_PROC_NR, VM_PC_VA(s), PAGE_SIZE,
		CPF_WRITE);
	if (p->grant < 0) {
		drop_slot(s);
		return -ENOMEM;
	}
	vm_state->objs[obj - 1].nfill++;
	vm_state->st.file_fills++;
	pc()->unsent++;
	return s;
}

/* Map cached slot at page of owner, as region r and the access want. */
static int map_cached(endpoint_t owner, const struct region *r,
	vir_bytes page, int slot, int write)
{
	int shared = !!(r->flags & RF_SHARED), e;

	pc_touch(pc(), slot);
	if ((e = sys_vmshare(owner, page, SELF, VM_PC_VA(slot), PAGE_SIZE,
	    shared && write ? VMPROT_RW : VMPROT_READ)) != OK)
		return e;
	if (shared && write)
		pc()->pages[slot].flags |= PGF_DIRTY;
	if (!shared && write) {
		vm_state->st.cow_copies++;
		return sys_vmreplace(owner, page, PAGE_SIZE, VMPROT_RW);
	}
	return OK;
}

static u32_t page_of(const struct region *r, vir_bytes page)
{
	return r->pgoff + (page - r->start) / PAGE_SIZE;
}

/* A present page of a shared file region: a write makes it writable and
 * dirty; a read gets read access (writable only once dirty). */
static int shared_present(endpoint_t owner, const struct region *r,
	vir_bytes page, int write)
{
	int s = pc_find(pc(), r->obj, page_of(r, page));

	if (!write)
		return sys_vmprot(owner, page, PAGE_SIZE, s >= 0 &&
			(pc()->pages[s].flags & PGF_DIRTY) ? VMPROT_RW : VMPROT_READ);
	if (s >= 0)
		pc()->pages[s].flags |= PGF_DIRTY;
	return sys_vmprot(owner, page, PAGE_SIZE, VMPROT_RW);
}

int file_fault(const mess_lsys_krn_vmctl *f, struct region *r, vir_bytes page)
{
	struct vmwait *w;
	int s;

	if (!obj_of(r))
		return -EFAULT;
	if (f->present)
		return shared_present(f->owner, r, page, f->write);
	s = pc_find(pc(), r->obj, page_of(r, page));
	if (s >= 0 && pc()->pages[s].state == PG_VALID) {
		vm_state->st.file_hits++;
		return map_cached(f->owner, r, page, s, f->write);
	}
	if (f->endpt != f->owner)
		return -EFAULT;		/* a server's copy: never wait for VFS */
	if (s < 0) {
		if ((s = start_fill(r->obj, page_of(r, page))) < 0)
			return s;
		send_fill(s);		/* else file_send_fills retries */
	}
	w = &vm_state->waits[ENDPOINT_SLOT(f->endpt)];
	w->endpt = f->endpt;
	w->owner = f->owner;
	w->addr = f->addr;
	w->write = f->write;
	w->page = (u32_t)s + 1;
	return VM_FAULT_WAIT;
}

/* One page of a prefault: 0 present (or nothing VFS can do), 1 or 2
 * with q filled in (vmif.h). */
static int prefault_page(struct vmproc *vp, struct region *r, vir_bytes a,
	mess_vm_file_prefault *q)
{
	struct vmpage *p;
	phys_bytes pa;
	u32_t prot, refs, kprot = kprot_of(r);
	int s;

	if (kprot == VMPROT_NONE || (q->write && !(kprot & VMPROT_WRITE)) ||
	    sys_vmquery(vp->ep, a, &pa, &prot, &refs) == OK)
		return 0;		/* the copy's own fault will do (or fail) */
	s = pc_find(pc(), r->obj, page_of(r, a));
	if (s >= 0 && pc()->pages[s].state == PG_VALID) {
		vm_state->st.file_hits++;
		map_cached(vp->ep, r, a, s, q->write);
		return 0;
	}
	if (s >= 0 && (pc()->pages[s].flags & PGF_SENT))
		return 2;
	if (s < 0 && (s = start_fill(r->obj, page_of(r, a))) < 0)
		return 0;
	p = &pc()->pages[s];
	p->flags |= PGF_SENT;		/* VFS fills it now, no notice */
	pc()->unsent--;
	q->obj = vm_state->objs[p->obj - 1].id;
	q->page = p->pgno;
	q->seq = p->seq;
	q->grant = p->grant;
	q->addr = a;
	return 1;
}

int do_file_prefault(message *m)
{
	mess_vm_file_prefault *q = &m->m_vm_file_prefault;
	struct vmproc *vp;
	struct region *r;
	vir_bytes a, end;

	if (m->m_source != VFS_PROC_NR)
		return -EPERM;
	if (!(vp = vm_proc(q->endpt, 0)) || q->addr + q->len < q->addr)
		return -EINVAL;
	end = q->addr + q->len;
	q->found = 0;
	for (a = PG_DOWN(q->addr); a < end; ) {
		if (!(r = region_find(vp, a))) {
			for (r = vp->regions; r && r->start <= a; r = r->next)
				;
			if (!r)
				break;
			a = r->start;
			continue;
		}
		if (r->kind != VM_RK_FILE || !obj_of(r)) {
			a = r->end;
			continue;
		}
		if ((q->found = prefault_page(vp, r, a, q)) != 0)
			return OK;
		if (a + PAGE_SIZE < a)
			break;
		a += PAGE_SIZE;
	}
	return OK;
}

/* The fill of slot ended with r: answer everybody waiting on it. */
static void wake(int slot, int r)
{
	const struct vmpage *p = &pc()->pages[slot];
	u32_t obj = p->obj, pgno = p->pgno, i;
	struct vmwait *w;
	struct vmproc *vp;
	struct region *reg;
	int e;

	for (i = 0; i < NR_PROCS; i++) {
		w = &vm_state->waits[i];
		if (w->endpt == NONE || w->page != (u32_t)slot + 1)
			continue;
		w->page = 0;
		e = r;
		if (e == OK) {
			vir_bytes page = PG_DOWN(w->addr);
			vp = vm_proc(w->owner, 0);
			reg = vp ? region_find(vp, page) : NULL;
			e = reg && reg->obj == obj && page_of(reg, page) == pgno ?
				map_cached(w->owner, reg, page, slot, w->write) :
				-EFAULT;
		} else {
			vm_state->st.file_bus++;
		}
		vm_fault_answer(w->endpt, e, 0);
		w->endpt = NONE;
	}
}

int do_file_filled(message *m)
{
	const mess_vm_file_page *q = &m->m_vm_file_page;
	struct vmpage *p;
	struct vmobj *o;
	u32_t obj;
	int s, r;

	if (m->m_source != VFS_PROC_NR)
		return -EPERM;
	for (obj = 1; obj <= VM_OBJ_MAX; obj++)
		if (vm_state->objs[obj - 1].id == q->obj && q->obj)
			break;
	if (obj > VM_OBJ_MAX || (s = pc_find(pc(), obj, q->page)) < 0)
		return -EINVAL;
	p = &pc()->pages[s];
	if (p->state != PG_FILLING || p->seq != q->seq)
		return -EINVAL;			/* stale or forged */
	o = &vm_state->objs[obj - 1];
	cpf_revoke(p->grant);
	p->grant = -1;
	o->nfill--;
	if (q->result > 0 && q->result <= PAGE_SIZE) {
		p->state = PG_VALID;
		p->bytes = (u32_t)q->result;
		r = OK;
	} else {
		r = -EIO;			/* past the end, or unreadable */
	}
	wake(s, r);
	if (r != OK)
		drop_slot(s);
	obj_check_idle(o);
	return OK;
}

/* A new instance: fills in flight are forgotten (the grants were the old
 * instance's; the kernel offers their faults again) and waiters with
 * them; late FILLED answers find no FILLING page and are refused. */
void file_restart(void)
{
	int i;

	for (i = 0; i < NR_PROCS; i++)
		vm_state->waits[i].endpt = NONE;
	if (pc()->xfer_slot >= 0)
		pc()->pages[pc()->xfer_slot].flags &= ~PGF_BUSY;
	pc()->xfer_grant = pc()->xfer_slot = -1;
	for (i = 0; i < VM_PC_SLOTS; i++)
		if (pc()->pages[i].state == PG_FILLING) {
			vm_state->objs[pc()->pages[i].obj - 1].nfill--;
			pc()->pages[i].grant = -1;
			drop_slot(i);
		}
	for (i = 0; i < VM_OBJ_MAX; i++)
		if (vm_state->objs[i].id)
			obj_check_idle(&vm_state->objs[i]);
}
