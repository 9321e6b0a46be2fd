/*
 * filesync.c - what VFS asks of the page cache to keep mapped files and
 * their file systems coherent (vmif.h VM_FILE_SYNC, _REFRESH, _TRUNC;
 * the policy is VFS's, vfs/mmap.c):
 *
 *   SYNC     the next dirty page of an object (or of a process's shared
 *            mappings in a range, for msync) is write-protected in every
 *            shared mapping and marked clean *first*, then granted to VFS
 *            to write back: a store during the write-back faults, re-dirties
 *            the page, and is written by the next sync
 *   REFRESH  after a write(), the next cached page in a range is granted
 *            to VFS to read again in place: every mapping sees the bytes
 *   TRUNC    pages past the new end leave every mapping (a later touch is
 *            SIGBUS) and the cache; the tail of a new partial last page is
 *            zeroed in the shared frame
 *
 * A page granted to VFS is busy (never evicted) until VFS's next call
 * ends the transfer; VFS does one at a time.
 */
#include "vm.h"

static struct vm_pcache *pc(void)
{
	return &vm_state->pc;
}

/* The previous SYNC/REFRESH answer's page is VFS's no more. */
void file_xfer_end(void)
{
	if (pc()->xfer_grant >= 0)
		cpf_revoke(pc()->xfer_grant);
	if (pc()->xfer_slot >= 0)
		pc()->pages[pc()->xfer_slot].flags &= ~PGF_BUSY;
	pc()->xfer_grant = pc()->xfer_slot = -1;
}

/* Grant slot's frame to VFS (access CPF_*) and answer with it. */
static int xfer_start(mess_vm_file_sync *q, int slot, u32_t access)
{
	struct vmpage *p = &pc()->pages[slot];
	cp_grant_id_t g = cpf_grant_direct(VFS_PROC_NR, VM_PC_VA(slot),
		PAGE_SIZE, access);

	if (g < 0)
		return -ENOMEM;
	p->flags |= PGF_BUSY;
	pc()->xfer_grant = g;
	pc()->xfer_slot = slot;
	q->obj = vm_state->objs[p->obj - 1].id;
	q->page = p->pgno;
	q->grant = g;
	q->found = 1;
	return OK;
}

/* The object slot + 1 of VFS's id, or 0. */
static u32_t obj_slot1(u32_t id)
{
	u32_t i;

	for (i = 0; i < VM_OBJ_MAX && id; i++)
		if (vm_state->objs[i].id == id)
			return i + 1;
	return 0;
}

/* Does region r map object page pgno; where? */
static int maps(const struct region *r, u32_t obj, u32_t pgno, vir_bytes *va)
{
	if (r->kind != VM_RK_FILE || r->obj != obj || pgno < r->pgoff ||
	    pgno - r->pgoff >= (r->end - r->start) / PAGE_SIZE)
		return 0;
	*va = r->start + (vir_bytes)(pgno - r->pgoff) * PAGE_SIZE;
	return 1;
}

/* slot's frame leaves every process that maps it (its clean page is
 * evicted while mapped: the next touch fills it again); private copies
 * made from it are other frames and stay. */
void file_unmap_everywhere(int slot)
{
	const struct vmpage *p = &pc()->pages[slot];
	phys_bytes mine, pa;
	struct region *r;
	vir_bytes va;
	u32_t i, prot, refs;

	if (sys_vmquery(SELF, VM_PC_VA(slot), &mine, &prot, &refs) != OK)
		return;
	for (i = 0; i < NR_PROCS; i++) {
		struct vmproc *vp = &vm_state->procs[i];
		if (vp->ep == NONE)
			continue;
		for (r = vp->regions; r; r = r->next)
			if (maps(r, p->obj, p->pgno, &va) &&
			    sys_vmquery(vp->ep, va, &pa, &prot, &refs) == OK &&
			    pa == mine)
				sys_unmap(vp->ep, va, PAGE_SIZE);
	}
}

/* Every shared mapping of (obj, pgno) becomes read-only again. */
static void protect_everywhere(u32_t obj, u32_t pgno)
{
	struct region *r;
	vir_bytes va;
	u32_t i;

	for (i = 0; i < NR_PROCS; i++) {
		struct vmproc *vp = &vm_state->procs[i];
		if (vp->ep == NONE)
			continue;
		for (r = vp->regions; r; r = r->next)
			if ((r->flags & RF_SHARED) && maps(r, obj, pgno, &va))
				sys_vmprot(vp->ep, va, PAGE_SIZE, VMPROT_READ);
	}
}

/* The lowest-numbered page of obj from 'from' to 'last' with all of
 * 'want' flags (and valid), or -1. */
static int lowest(u32_t obj, u32_t from, u32_t last, u32_t want)
{
	int i, best = -1;

	for (i = 0; i < VM_PC_SLOTS; i++) {
		const struct vmpage *p = &pc()->pages[i];
		if (p->state != PG_VALID || p->obj != obj || p->pgno < from ||
		    p->pgno > last || (p->flags & want) != want)
			continue;
		if (best < 0 || p->pgno < pc()->pages[best].pgno)
			best = i;
	}
	return best;
}

/* msync: the first dirty page under [addr, addr+len) of ep's shared
 * file mappings; q->addr becomes its address. */
static int dirty_in_range(mess_vm_file_sync *q)
{
	struct vmproc *vp = vm_proc(q->endpt, 0);
	vir_bytes a, end = q->addr + q->len;
	struct region *r;
	int s;

	if (!vp)
		return -EINVAL;
	for (r = vp->regions; r && r->start < end; r = r->next) {
		if (r->end <= q->addr || r->kind != VM_RK_FILE ||
		    !(r->flags & RF_SHARED))
			continue;
		for (a = r->start > q->addr ? r->start : q->addr;
		    a < r->end && a < end; a += PAGE_SIZE) {
			s = pc_find(pc(), r->obj, r->pgoff + (a - r->start) / PAGE_SIZE);
			if (s >= 0 && (pc()->pages[s].flags & PGF_DIRTY)) {
				q->addr = a;
				return s;
			}
		}
	}
	return -1;
}

int do_file_sync(message *m)
{
	mess_vm_file_sync *q = &m->m_vm_file_sync;
	u32_t obj = 0;
	int s;

	if (m->m_source != VFS_PROC_NR)
		return -EPERM;
	file_xfer_end();
	q->found = 0;
	if (q->obj) {
		if (!(obj = obj_slot1(q->obj)))
			return -EINVAL;
		s = lowest(obj, q->page, 0xffffffffu, PGF_DIRTY);
	} else {
		if ((q->addr & (PAGE_SIZE - 1)) || q->len > USER_TOP ||
		    q->addr > USER_TOP - q->len)
			return -EINVAL;
		s = dirty_in_range(q);
		if (s == -EINVAL)
			return s;
	}
	if (s < 0)
		return OK;
	protect_everywhere(pc()->pages[s].obj, pc()->pages[s].pgno);
	pc()->pages[s].flags &= ~PGF_DIRTY;
	return xfer_start(q, s, CPF_READ);
}

int do_file_refresh(message *m)
{
	mess_vm_file_sync *q = &m->m_vm_file_sync;
	u32_t obj;
	int s;

	if (m->m_source != VFS_PROC_NR)
		return -EPERM;
	file_xfer_end();
	q->found = 0;
	if (!(obj = obj_slot1(q->obj)) || q->last < q->page)
		return -EINVAL;
	if ((s = lowest(obj, q->page, q->last, 0)) < 0)
		return OK;
	return xfer_start(q, s, CPF_WRITE);
}

/* Unmap every mapping of obj's pages from 'first' on, in every process
 * (shared frames and private copies alike). */
static void unmap_from(u32_t obj, u32_t first)
{
	struct region *r;
	vir_bytes from;
	u32_t i, npg;

	for (i = 0; i < NR_PROCS; i++) {
		struct vmproc *vp = &vm_state->procs[i];
		if (vp->ep == NONE)
			continue;
		for (r = vp->regions; r; r = r->next) {
			if (r->kind != VM_RK_FILE || r->obj != obj)
				continue;
			npg = (r->end - r->start) / PAGE_SIZE;
			if (first >= r->pgoff + npg)
				continue;
			from = first <= r->pgoff ? r->start :
				r->start + (vir_bytes)(first - r->pgoff) * PAGE_SIZE;
			sys_unmap(vp->ep, from, r->end - from);
		}
	}
}

int do_file_trunc(message *m)
{
	mess_vm_file_sync *q = &m->m_vm_file_sync;
	u64_t gone64 = (q->size + PAGE_SIZE - 1) / PAGE_SIZE;
	u32_t obj, tail = (u32_t)(q->size % PAGE_SIZE), first;
	int i;

	if (m->m_source != VFS_PROC_NR)
		return -EPERM;
	file_xfer_end();
	if (!(obj = obj_slot1(q->obj)))
		return -EINVAL;
	first = gone64 > 0xffffffffull ? 0xffffffffu : (u32_t)gone64;
	unmap_from(obj, first);
	for (i = 0; i < VM_PC_SLOTS; i++) {
		struct vmpage *p = &pc()->pages[i];
		if (p->state != PG_VALID || p->obj != obj)
			continue;
		if (p->pgno >= first) {
			sys_unmap(SELF, VM_PC_VA(i), PAGE_SIZE);
			pc_remove(pc(), i);
		} else if (tail && p->pgno == first - 1) {
			memset((void *)(VM_PC_VA(i) + tail), 0, PAGE_SIZE - tail);
			if (p->bytes > tail)
				p->bytes = tail;
		}
	}
	return OK;
}
