/*
 * vnode.c - the vnode table, which is also VFS's cache of nodes.  A vnode
 * stands for one node of one mounted server and holds the server
 * references it was given: every lookup/create answer gives one, and when
 * the node already has a vnode the new reference is only counted
 * (fs_refs), not given back at once; all of them go back in one
 * FS_PUTNODE (count = fs_refs) when the vnode leaves the table.
 *
 * A vnode whose last VFS user goes stays in the table (refs 0, vmnt set)
 * so that the next walk through it costs no FS_PUTNODE now and no lookup
 * reference later; it leaves when its slot is needed, when its mount goes
 * (vnode_drop_mount), or at once when marked gone (its name was removed,
 * so the server can free an unlinked node).
 */
#include "vfs.h"

#define FS_REFS_MAX 1024		/* give extra references back beyond */
#define VN_HASH 128			/* hash chains, by ino (a power of 2) */

struct vnode vfs_vnodes[VFS_NR_VNODES];

/*
 * Finding and evicting cost no scan of the table (a stat walks four or
 * five components, each answer looked up here, and past VFS_NR_VNODES
 * files every new node evicts one): vnodes in use or cached hang on hash
 * chains by ino; free slots on a free list; cached vnodes (refs 0) on an
 * LRU list, and the least recently used one is evicted, not the first in
 * table order, so the directories every walk passes through stay.
 */
static struct vnode *vn_hash[VN_HASH];
static struct vnode *vn_free;
static struct vnode *lru_head, *lru_tail;	/* oldest first */
static int vn_ready;

static struct vnode **vn_chain(u64_t ino)
{
	return &vn_hash[(u32_t)(ino ^ (ino >> 32)) & (VN_HASH - 1)];
}

static void vn_init(void)
{
	for (int i = VFS_NR_VNODES - 1; i >= 0; i--) {
		vfs_vnodes[i].hnext = vn_free;
		vn_free = &vfs_vnodes[i];
	}
	vn_ready = 1;
}

static void lru_remove(struct vnode *vp)
{
	if (!vp->on_lru)
		return;
	if (vp->lru_prev)
		vp->lru_prev->lru_next = vp->lru_next;
	else
		lru_head = vp->lru_next;
	if (vp->lru_next)
		vp->lru_next->lru_prev = vp->lru_prev;
	else
		lru_tail = vp->lru_prev;
	vp->lru_prev = vp->lru_next = NULL;
	vp->on_lru = 0;
}

static void lru_append(struct vnode *vp)
{
	vp->lru_prev = lru_tail;
	vp->lru_next = NULL;
	if (lru_tail)
		lru_tail->lru_next = vp;
	else
		lru_head = vp;
	lru_tail = vp;
	vp->on_lru = 1;
}

struct vnode *vnode_find(struct vmnt *vm, u64_t ino)
{
	struct vnode *vp;

	for (vp = *vn_chain(ino); vp; vp = vp->hnext)
		if (vp->vmnt == vm && vp->ino == ino &&
		    (vp->refs > 0 || vp->fs_refs > 0))
			return vp;
	return NULL;
}

/* Give vp's server references back and free its slot (refs 0). */
static void vnode_evict(struct vnode *vp)
{
	struct vnode **pp;

	if (vp->fs_refs && vp->vmnt && !vp->vmnt->dead)
		req_putnode(vp->vmnt, vp->ino, vp->fs_refs);
	lru_remove(vp);
	for (pp = vn_chain(vp->ino); *pp; pp = &(*pp)->hnext)
		if (*pp == vp) {
			*pp = vp->hnext;
			break;
		}
	memset(vp, 0, sizeof(*vp));
	vp->hnext = vn_free;
	vn_free = vp;
}

/* A free slot (off the free list, on no chain), evicting the least
 * recently used cached vnode if need be. */
static struct vnode *vnode_slot(void)
{
	struct vnode *vp;

	if (!vn_ready)
		vn_init();
	if (!vn_free && lru_head)
		vnode_evict(lru_head);
	if ((vp = vn_free) != NULL) {
		vn_free = vp->hnext;
		vp->hnext = NULL;
	}
	return vp;
}

/* Where the nodes still open on an unmounted dead server go: a mount that
 * is never in the table, dead for good (every request on it is EIO). */
static struct vmnt orphans = { .fs = NONE, .dead = 1, .label = "gone" };

void vnode_orphan(struct vmnt *vm)
{
	for (int i = 0; i < VFS_NR_VNODES; i++)
		if (vfs_vnodes[i].vmnt == vm && vfs_vnodes[i].refs > 0) {
			vfs_vnodes[i].vmnt = &orphans;
			vfs_vnodes[i].fs_refs = 0;
		}
}

/* Every unused vnode of a mount that is going away leaves the table. */
void vnode_drop_mount(struct vmnt *vm)
{
	for (int i = 0; i < VFS_NR_VNODES; i++)
		if (vfs_vnodes[i].vmnt == vm && vfs_vnodes[i].refs == 0)
			vnode_evict(&vfs_vnodes[i]);
}

static void vnode_fill(struct vnode *vp, const mess_fs_vfs_node *n)
{
	vp->mode = n->mode;
	vp->uid = n->uid;
	vp->gid = n->gid;
	vp->rdev = n->rdev;
	vp->size = n->size;
}

/*
 * The vnode for a node the server just answered with (one server
 * reference came with the answer).  NULL when the table is full; the
 * reference is then given back.
 */
struct vnode *vnode_get(struct vmnt *vm, const mess_fs_vfs_node *n)
{
	struct vnode *vp = vnode_find(vm, n->ino);

	if (vp) {
		vnode_fill(vp, n);
		lru_remove(vp);
		vp->refs++;
		if (++vp->fs_refs > FS_REFS_MAX &&
		    req_putnode(vm, n->ino, vp->fs_refs - 1) == OK)
			vp->fs_refs = 1;
		return vp;
	}
	if (!(vp = vnode_slot())) {
		req_putnode(vm, n->ino, 1);
		return NULL;
	}
	vp->refs = 1;
	vp->fs_refs = 1;
	vp->vmnt = vm;
	vp->ino = n->ino;
	vp->hnext = *vn_chain(n->ino);
	*vn_chain(n->ino) = vp;
	vnode_fill(vp, n);
	return vp;
}

void vnode_ref(struct vnode *vp)
{
	if (vp && vp->refs++ == 0)
		lru_remove(vp);
}

void vnode_put(struct vnode *vp)
{
	if (!vp)
		return;
	if (vp->refs <= 0)
		panic("vnode_put: unreferenced vnode");
	if (--vp->refs > 0)
		return;
	if (vp->gone || vp->vmnt->dead)
		vnode_evict(vp);
	else
		lru_append(vp);
}

/* Is anything but the mount's own root reference in use on vm? */
int vnode_busy(struct vmnt *vm)
{
	for (int i = 0; i < VFS_NR_VNODES; i++) {
		struct vnode *vp = &vfs_vnodes[i];
		if (vp->refs > 0 && vp->vmnt == vm &&
		    (vp != vm->root || vp->refs > 1))
			return 1;
	}
	return 0;
}
