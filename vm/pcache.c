/*
 * pcache.c - the page cache's index (pcache.h): find by (object, page),
 * insert, remove, and pick a page to evict by CLOCK (second chance).  The
 * hash chains, hand and bits are slot numbers and counters inside the
 * table, so the table can be shared as it is with a restarted VM.
 */
#include <mica/type.h>
#include "pcache.h"

static u32_t bucket(u32_t obj, u32_t pgno)
{
	return (obj * 0x9e3779b1u ^ pgno * 0x85ebca6bu) % VM_PC_HASH;
}

void pc_init(struct vm_pcache *pc)
{
	u32_t i;

	pc->used = pc->hand = pc->free_hint = pc->unsent = pc->seq = 0;
	pc->xfer_grant = pc->xfer_slot = -1;
	for (i = 0; i < VM_PC_HASH; i++)
		pc->hash[i] = 0;
	for (i = 0; i < VM_PC_SLOTS; i++) {
		pc->pages[i].state = PG_FREE;
		pc->pages[i].obj = 0;
		pc->pages[i].hnext = 0;
	}
}

int pc_find(const struct vm_pcache *pc, u32_t obj, u32_t pgno)
{
	u32_t s = pc->hash[bucket(obj, pgno)], n = 0;

	while (s && n++ < VM_PC_SLOTS) {
		const struct vmpage *p = &pc->pages[s - 1];
		if (p->obj == obj && p->pgno == pgno)
			return (int)s - 1;
		s = p->hnext;
	}
	return -1;
}

int pc_free_slot(const struct vm_pcache *pc)
{
	u32_t i, s;

	if (pc->used >= VM_PC_SLOTS)
		return -1;
	for (i = 0; i < VM_PC_SLOTS; i++) {
		s = (pc->free_hint + i) % VM_PC_SLOTS;
		if (pc->pages[s].state == PG_FREE)
			return (int)s;
	}
	return -1;
}

void pc_touch(struct vm_pcache *pc, int slot)
{
	pc->pages[slot].ref = 1;
}

/* slot must be free; it becomes PG_FILLING for (obj, pgno). */
void pc_insert(struct vm_pcache *pc, int slot, u32_t obj, u32_t pgno)
{
	struct vmpage *p = &pc->pages[slot];
	u32_t b = bucket(obj, pgno);

	p->obj = obj;
	p->pgno = pgno;
	p->bytes = 0;
	p->flags = 0;
	p->grant = -1;
	p->seq = ++pc->seq;
	p->state = PG_FILLING;
	p->hnext = pc->hash[b];
	pc->hash[b] = (u16_t)(slot + 1);
	pc->used++;
	pc->free_hint = (u32_t)(slot + 1) % VM_PC_SLOTS;
	pc_touch(pc, slot);
}

void pc_remove(struct vm_pcache *pc, int slot)
{
	struct vmpage *p = &pc->pages[slot];
	u16_t *link = &pc->hash[bucket(p->obj, p->pgno)];
	u32_t n = 0;

	if (p->state == PG_FREE)
		return;
	while (*link && n++ < VM_PC_SLOTS) {
		if (*link == slot + 1) {
			*link = p->hnext;
			break;
		}
		link = &pc->pages[*link - 1].hnext;
	}
	p->state = PG_FREE;
	p->obj = 0;
	p->hnext = 0;
	p->flags = 0;
	pc->used--;
	pc->free_hint = (u32_t)slot;
}

int pc_victim(struct vm_pcache *pc, int (*can_drop)(void *, int), void *ctx,
	int tries)
{
	u32_t n, s;

	for (n = 0; n < 2 * VM_PC_SLOTS && tries > 0; n++) {
		struct vmpage *p = &pc->pages[s = pc->hand];
		pc->hand = (pc->hand + 1) % VM_PC_SLOTS;
		if (p->state != PG_VALID || (p->flags & (PGF_DIRTY | PGF_BUSY)))
			continue;
		if (p->ref) {
			p->ref = 0;		/* a second chance */
			continue;
		}
		tries--;
		if (can_drop(ctx, (int)s))
			return (int)s;
	}
	return -1;
}
