/*
 * heap.c - VM's own memory: the state window [VM_STATE_BASE,
 * VM_STATE_BASE + VM_STATE_MAX) of VM's address space, mapped page by page
 * with SYS_MEMMAP as it grows (VM cannot fault on itself).  The root
 * (struct vm_state) sits at the base; regions are carved after it and
 * recycled through a free list kept in the root.  Nothing here is static
 * data except the pointer to the root, which is the same address in every
 * instance, so a restarted VM that maps the old window over its own
 * (restart.c) finds every pointer valid.
 */
#include "vm.h"

struct vm_state *vm_state;

/* Map n more bytes at the window's top; OK or -ENOMEM. */
static int window_grow(u32_t n)
{
	vir_bytes top = vm_state ? vm_state->top : VM_STATE_BASE;

	n = PG_UP(n);
	if (n > VM_STATE_BASE + VM_STATE_MAX - top)
		return -ENOMEM;
	if (sys_memmap(SELF, top, n, MAP_WRITE) != OK)
		return -ENOMEM;
	if (vm_state)
		vm_state->top = top + n;
	return OK;
}

int vm_heap_init(void)
{
	u32_t i, size = PG_UP(sizeof(struct vm_state));

	if (window_grow(size) != OK)
		return -ENOMEM;
	vm_state = (struct vm_state *)VM_STATE_BASE;
	memset(vm_state, 0, sizeof(*vm_state));
	vm_state->magic = VM_STATE_MAGIC;
	vm_state->version = VM_STATE_VERSION;
	vm_state->top = VM_STATE_BASE + size;
	vm_state->busy = NONE;
	for (i = 0; i < NR_PROCS; i++)
		vm_state->procs[i].ep = vm_state->waits[i].endpt = NONE;
	pc_init(&vm_state->pc);
	return OK;
}

/* A zeroed region, from the free list or a new page's worth. */
struct region *region_alloc(void)
{
	struct region *r;
	u32_t i, n = PAGE_SIZE / sizeof(struct region);

	if (!vm_state->free_regions) {
		r = (struct region *)vm_state->top;
		if (window_grow(PAGE_SIZE) != OK)
			return NULL;
		for (i = 0; i < n; i++) {
			r[i].next = vm_state->free_regions;
			vm_state->free_regions = &r[i];
		}
	}
	r = vm_state->free_regions;
	vm_state->free_regions = r->next;
	memset(r, 0, sizeof(*r));
	return r;
}

void region_free(struct region *r)
{
	r->next = vm_state->free_regions;
	vm_state->free_regions = r;
}
