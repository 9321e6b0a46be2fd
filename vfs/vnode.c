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

struct vnode vfs_vnodes[VFS_NR_VNODES];

struct vnode *vnode_find(struct vmnt *vm, u64_t ino)
{
	for (int i = 0; i < VFS_NR_VNODES; i++)
		if (vfs_vnodes[i].vmnt == vm && vfs_vnodes[i].ino == ino &&
		    (vfs_vnodes[i].refs > 0 || vfs_vnodes[i].fs_refs > 0))
			return &vfs_vnodes[i];
	return NULL;
}

/* Give vp's server references back and free its slot (refs 0). */
static void vnode_evict(struct vnode *vp)
{
	if (vp->fs_refs && vp->vmnt && !vp->vmnt->dead)
		req_putnode(vp->vmnt, vp->ino, vp->fs_refs);
	memset(vp, 0, sizeof(*vp));
}

/* A free slot, evicting an unused cached vnode if need be. */
static struct vnode *vnode_slot(void)
{
	struct vnode *old = NULL;

	for (int i = 0; i < VFS_NR_VNODES; i++) {
		struct vnode *vp = &vfs_vnodes[i];
		if (vp->refs == 0 && vp->fs_refs == 0)
			return vp;
		if (vp->refs == 0 && !old)
			old = vp;
	}
	if (old)
		vnode_evict(old);
	return old;
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
	vnode_fill(vp, n);
	return vp;
}

void vnode_ref(struct vnode *vp)
{
	if (vp)
		vp->refs++;
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
