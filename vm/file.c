/*
 * file.c - mapped files and block devices: VM's objects and VFS's calls
 * (vmif.h VM_FILE_MAP, VM_FILE_DROP).  VFS checks the descriptor and
 * names the object by an id of its own (vfs/mmap.c); VM makes a region of
 * kind VM_RK_FILE that remembers the object and the object page at its
 * start.  An object lives while regions map it or fills of it are in
 * flight; then its clean cached pages go and VFS hears VM_VFS_IDLE, to
 * which it answers by writing the dirty ones back (VM_FILE_SYNC) and then
 * VM_FILE_DROP: VM forgets the object only if it is still idle
 * (a new mapping may have come meanwhile: EBUSY), and VFS drops the vnode
 * reference it held for it only on OK.  So VFS and VM never disagree
 * about whether an id is alive.
 */
#include "vm.h"

static struct vmobj *obj_slot(u32_t slot1)
{
	if (slot1 == 0 || slot1 > VM_OBJ_MAX || !vm_state->objs[slot1 - 1].id)
		return NULL;
	return &vm_state->objs[slot1 - 1];
}

static u32_t slot1_of(const struct vmobj *o)
{
	return (u32_t)(o - vm_state->objs) + 1;
}

static struct vmobj *obj_find(u32_t id)
{
	u32_t i;

	for (i = 0; i < VM_OBJ_MAX && id; i++)
		if (vm_state->objs[i].id == id)
			return &vm_state->objs[i];
	return NULL;
}

struct vmobj *obj_of(const struct region *r)
{
	return r->kind == VM_RK_FILE ? obj_slot(r->obj) : NULL;
}

/* r (a file region) is new: one more region on its object. */
void obj_region_add(struct region *r)
{
	struct vmobj *o = obj_of(r);

	if (!o) {
		r->obj = 0;
		return;
	}
	o->nregions++;
	o->flags &= ~(OF_IDLE_DUE | OF_IDLE_SENT);
}

/* r is going (its pages are unmapped by the caller). */
void obj_region_gone(struct vmproc *vp, struct region *r)
{
	struct vmobj *o = obj_of(r);

	(void)vp;
	r->obj = 0;
	if (!o || !o->nregions)
		return;
	o->nregions--;
	obj_check_idle(o);
}

/* Nothing maps o and nothing is being filled: its clean pages go, VFS
 * is told (it writes the dirty ones back, then drops the object). */
void obj_check_idle(struct vmobj *o)
{
	if (o->nregions || o->nfill || (o->flags & OF_IDLE_SENT))
		return;
	file_drop_clean(slot1_of(o));
	o->flags |= OF_IDLE_DUE;
	vm_state->idle_due = 1;
}

/* Send the IDLE notices due (from the main loop: a handler may still add
 * a region to an object it just left idle, e.g. MAP_FIXED over itself). */
void obj_notices(void)
{
	message m;
	u32_t i;

	if (!vm_state->idle_due)
		return;			/* the common case: one test per message */
	for (i = 0; i < VM_OBJ_MAX; i++) {
		struct vmobj *o = &vm_state->objs[i];
		if (!o->id || !(o->flags & OF_IDLE_DUE))
			continue;
		memset(&m, 0, sizeof(m));
		m.m_type = VM_VFS_IDLE;
		m.m_vm_file_page.obj = o->id;
		if (asynsend(VFS_PROC_NR, &m) != OK)
			return;			/* table full: next time */
		o->flags = (o->flags & ~OF_IDLE_DUE) | OF_IDLE_SENT;
	}
	vm_state->idle_due = 0;
}

static struct vmobj *obj_get(u32_t id, int *fresh)
{
	struct vmobj *o = obj_find(id);
	u32_t i;

	*fresh = 0;
	if (o)
		return o;
	for (i = 0; i < VM_OBJ_MAX; i++)
		if (!vm_state->objs[i].id) {
			o = &vm_state->objs[i];
			memset(o, 0, sizeof(*o));
			o->id = id;
			*fresh = 1;
			return o;
		}
	return NULL;
}

/* The checks of VM_FILE_MAP; the page-rounded length to *len. */
static int file_map_check(const mess_vm_file_map *q, u32_t *len)
{
	int e;

	if ((e = mmap_args(q->len, q->prot, q->flags, len)) != OK)
		return e;
	if (!q->obj || (q->flags & MICA_MAP_ANONYMOUS) ||
	    (q->offset & (PAGE_SIZE - 1)))
		return -EINVAL;
	if (q->offset / PAGE_SIZE + *len / PAGE_SIZE > 0xffffffffull)
		return -EOVERFLOW;		/* page numbers are 32 bits */
	if ((q->flags & MICA_MAP_FIXED) && !range_ok(q->addr, *len))
		return -EINVAL;
	if ((q->flags & MICA_MAP_PRIVATE) && (q->prot & MICA_PROT_WRITE) &&
	    !vm_commit_ok(*len))
		return -ENOMEM;			/* private copies may be needed */
	return OK;
}

int do_file_map(message *m)
{
	mess_vm_file_map *q = &m->m_vm_file_map;
	int shared = !!(q->flags & MICA_MAP_SHARED), fresh, e;
	struct vmproc *vp;
	struct vmobj *o;
	struct region *r;
	vir_bytes at;
	u32_t len;

	if (m->m_source != VFS_PROC_NR)
		return -EPERM;
	if (!(vp = vm_proc(q->endpt, 1)))
		return -EINVAL;
	if ((e = file_map_check(q, &len)) != OK)
		return e;
	if (!(o = obj_get(q->obj, &fresh)))
		return -ENOMEM;
	vm_state->busy = vp->ep;
	if ((e = mmap_place(vp, q->addr, q->flags, len, &at)) == OK)
		e = region_insert(vp, at, at + len, q->prot, VM_RK_FILE,
			shared ? RF_SHARED : 0);
	vm_state->busy = NONE;
	if (e != OK) {
		if (fresh)
			memset(o, 0, sizeof(*o));	/* VFS never heard of it */
		return e == -EEXIST ? -ENOMEM : e;
	}
	r = region_find(vp, at);
	r->obj = slot1_of(o);
	r->pgoff = (u32_t)(q->offset / PAGE_SIZE);
	obj_region_add(r);
	q->addr = at;
	return OK;
}

int do_file_drop(message *m)
{
	struct vmobj *o;

	if (m->m_source != VFS_PROC_NR)
		return -EPERM;
	if (!(o = obj_find(m->m_vm_file_page.obj)))
		return -EINVAL;
	if (o->nregions || o->nfill)
		return -EBUSY;
	file_xfer_end();
	file_drop_pages(slot1_of(o));
	memset(o, 0, sizeof(*o));
	return OK;
}
