/*
 * pcache.h - VM's page cache of mapped files and block devices: which of
 * VM's cache frames holds which page of which object.  Pure bookkeeping
 * (no kernel calls), so the host's unit tests drive it as it is
 * (tests/unit/vmpc): a table of VM_PC_SLOTS entries, a hash by (object,
 * page), and a referenced bit per entry for CLOCK eviction (second
 * chance: an approximation of least recently used that costs O(1) per
 * eviction on average, where scanning for the oldest stamp cost a pass
 * over the table).
 * What a slot's frame is, and whether anyone but VM maps it, is the
 * caller's (filefault.c): pc_victim asks it through a callback.
 *
 * Entries live in VM's state window (struct vm_state.pc), so a restarted
 * VM finds them as they were; links are slot numbers + 1 (0: none), never
 * pointers.
 */
#ifndef VM_PCACHE_H
#define VM_PCACHE_H

#include <mica/type.h>

#define VM_PC_SLOTS 2048		/* frames at most (8 MiB) */
#define VM_PC_KEEP  1024		/* beyond: unmapped clean pages evicted */
#define VM_PC_HASH  256

#define PG_FREE    0
#define PG_FILLING 1			/* VM_VFS_FILL sent or due; faults wait */
#define PG_VALID   2

struct vmpage {
	u32_t obj;			/* object slot + 1; 0 with PG_FREE */
	u32_t pgno;			/* page index into the object */
	u32_t bytes;			/* valid bytes (the rest is zero) */
	u32_t seq;			/* PG_FILLING: the fill's tag */
	u32_t ref;			/* used since the clock hand last passed */
	i32_t grant;			/* PG_FILLING: VM's grant to VFS */
	u16_t hnext;			/* hash chain: slot + 1 */
	u8_t state;			/* PG_* */
	u8_t flags;			/* PGF_* */
};
#define PGF_SENT  0x01			/* PG_FILLING: the fill went to VFS */
#define PGF_DIRTY 0x02			/* written through a shared mapping */
#define PGF_BUSY  0x04			/* granted to VFS (write-back, refresh) */

struct vm_pcache {
	u32_t used;			/* entries not PG_FREE */
	u32_t hand;			/* the clock hand: next slot to look at */
	u32_t free_hint;		/* a slot likely free */
	u32_t unsent;			/* PG_FILLING entries without PGF_SENT */
	u32_t seq;			/* fill tag source */
	i32_t xfer_grant;		/* the PGF_BUSY page's grant, or -1 */
	i32_t xfer_slot;		/* the PGF_BUSY page, or -1 */
	u16_t hash[VM_PC_HASH];		/* chain heads: slot + 1 */
	struct vmpage pages[VM_PC_SLOTS];
};

void pc_init(struct vm_pcache *pc);
int pc_find(const struct vm_pcache *pc, u32_t obj, u32_t pgno);	/* slot or -1 */
int pc_free_slot(const struct vm_pcache *pc);			/* slot or -1 */
void pc_insert(struct vm_pcache *pc, int slot, u32_t obj, u32_t pgno);
void pc_remove(struct vm_pcache *pc, int slot);
void pc_touch(struct vm_pcache *pc, int slot);
/* A valid, clean, not busy slot not used since the clock hand last
 * passed it, that can_drop(ctx, slot) allows; at most 'tries' are asked
 * (a refused one counts as used), or -1. */
int pc_victim(struct vm_pcache *pc, int (*can_drop)(void *, int), void *ctx,
	int tries);

#endif /* VM_PCACHE_H */
