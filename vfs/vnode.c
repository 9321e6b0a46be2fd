/*
 * vnode.c - the vnode table.  A vnode stands for one node of one mounted
 * server; VFS holds exactly one server reference per vnode (the server
 * gave one with each lookup/create answer, and VFS gives the extra ones
 * back at once), and drops it with FS_PUTNODE when the last VFS user goes.
 */
#include "vfs.h"

struct vnode vfs_vnodes[VFS_NR_VNODES];

struct vnode *vnode_find(struct vmnt *vm, u64_t ino)
{
	for (int i = 0; i < VFS_NR_VNODES; i++)
		if (vfs_vnodes[i].refs > 0 && vfs_vnodes[i].vmnt == vm &&
		    vfs_vnodes[i].ino == ino)
			return &vfs_vnodes[i];
	return NULL;
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
		req_putnode(vm, n->ino, 1);
		vnode_fill(vp, n);
		vp->refs++;
		return vp;
	}
	for (int i = 0; i < VFS_NR_VNODES; i++)
		if (vfs_vnodes[i].refs == 0) {
			vp = &vfs_vnodes[i];
			memset(vp, 0, sizeof(*vp));
			vp->refs = 1;
			vp->vmnt = vm;
			vp->ino = n->ino;
			vnode_fill(vp, n);
			return vp;
		}
	req_putnode(vm, n->ino, 1);
	return NULL;
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
	if (!vp->vmnt->dead)
		req_putnode(vp->vmnt, vp->ino, 1);
	vp->vmnt = NULL;
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
