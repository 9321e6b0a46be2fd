/*
 * vmnt.c - the mount table.  Each mount is one file-system server
 * (serving one mount, vfsif.h) with the device number VFS gives it.  "/"
 * is mounted at start-up (main.c); a mount covers a directory vnode, and
 * path.c steps onto the mounted root when it reaches that vnode and back
 * to the covered one on ".." at a mount's root.  At shutdown every file
 * system is unmounted (vmnt_unmount_all), as MINIX does before reboot.
 */
#include "vfs.h"

struct vmnt vfs_vmnts[VFS_NR_VMNTS];
static struct vmnt *root_vmnt;
static u32_t next_dev = 0x100;		/* st_dev of the next mount */

struct vmnt *vmnt_root(void)
{
	return root_vmnt;
}

struct vmnt *vmnt_of_fs(endpoint_t fs)
{
	for (int i = 0; i < VFS_NR_VMNTS; i++)
		if (vfs_vmnts[i].fs == fs)
			return &vfs_vmnts[i];
	return NULL;
}

static struct vmnt *vmnt_alloc(void)
{
	for (int i = 0; i < VFS_NR_VMNTS; i++)
		if (vfs_vmnts[i].fs == NONE || vfs_vmnts[i].fs == 0)
			return &vfs_vmnts[i];
	return NULL;
}

/*
 * Mount the server fs (DS label, for messages) with block device
 * dev_label/minor (NULL: none) on covered (NULL: as "/").
 */
static int mount_at(endpoint_t fs, const char *label, const char *dev_label,
	int minor, int rdonly, struct vnode *covered, int as_root,
	struct vmnt **out);

int vmnt_mount(endpoint_t fs, const char *label, const char *dev_label,
	int minor, int rdonly, struct vnode *covered, struct vmnt **out)
{
	return mount_at(fs, label, dev_label, minor, rdonly, covered,
		covered == NULL, out);
}

/* A server reached by no path (PFS): mounted, covering nothing. */
int vmnt_mount_hidden(endpoint_t fs, const char *label, struct vmnt **out)
{
	return mount_at(fs, label, NULL, 0, 0, NULL, 0, out);
}

static int mount_at(endpoint_t fs, const char *label, const char *dev_label,
	int minor, int rdonly, struct vnode *covered, int as_root,
	struct vmnt **out)
{
	mess_fs_vfs_node root;
	struct vmnt *vm;
	int r;

	if (vmnt_of_fs(fs))
		return -EBUSY;		/* a server serves one mount */
	if (!(vm = vmnt_alloc()))
		return -ENFILE;
	r = req_fs_mount(fs, next_dev, rdonly ? FS_MOUNT_RDONLY : 0, dev_label,
		minor, &root);
	if (r != OK)
		return r;
	memset(vm, 0, sizeof(*vm));
	vm->fs = fs;
	vm->dev = next_dev++;
	vm->rdonly = rdonly || (root.flags & FS_RES_RDONLY);
	snprintf(vm->label, sizeof(vm->label), "%s", label);
	snprintf(vm->dev_label, sizeof(vm->dev_label), "%s",
		dev_label ? dev_label : "");
	vm->dev_minor = minor;
	if (!S_ISTYPE(root.mode, MICA_S_IFDIR) ||
	    !(vm->root = vnode_get(vm, &root))) {
		req_unmount(vm);
		vm->fs = NONE;
		return -EINVAL;
	}
	vm->covered = covered;
	if (covered) {
		vnode_ref(covered);
		covered->mounted = vm;
	} else if (as_root) {
		root_vmnt = vm;
	}
	*out = vm;
	return OK;
}

/* Unmount vm: EBUSY while any of its vnodes but its root is in use. */
int vmnt_unmount(struct vmnt *vm)
{
	if (vm == root_vmnt || !vm->covered)
		return -EBUSY;
	if (!vm->dead)
		mmap_release(vm);	/* objects VM no longer maps */
	if (!vm->dead && vnode_busy(vm))
		return -EBUSY;
	for (int i = 0; i < NR_PROCS; i++)	/* nobody's cwd/root is here */
		if (vfs_procs[i].ep != NONE &&
		    ((vfs_procs[i].cwd && vfs_procs[i].cwd->vmnt == vm) ||
		     (vfs_procs[i].root && vfs_procs[i].root->vmnt == vm)))
			return -EBUSY;
	vm->root->refs--;		/* the mount's own reference */
	vnode_drop_mount(vm);		/* the root and every cached node */
	if (vm->dead)			/* nodes still open on a dead server */
		vnode_orphan(vm);
	if (!vm->dead) {
		req_sync(vm);
		req_unmount(vm);
	}
	vm->covered->mounted = NULL;
	vnode_put(vm->covered);
	vm->fs = NONE;
	return OK;
}

/* The live mount reachable by a path (not PFS's hidden one) made last. */
static struct vmnt *vmnt_newest(void)
{
	struct vmnt *best = NULL;

	for (int i = 0; i < VFS_NR_VMNTS; i++) {
		struct vmnt *vm = &vfs_vmnts[i];

		if (vm->fs == NONE || vm->fs == 0 || vm->dead ||
		    (!vm->covered && vm != root_vmnt))
			continue;
		if (!best || vm->dev > best->dev)
			best = vm;
	}
	return best;
}

/*
 * Shutdown (PM's VFS_PM_REBOOT, after the sync): every file system gets
 * FS_UNMOUNT so it writes back and records its clean state, the newest
 * mount first (st_dev numbers only grow): a mount on top of another, and
 * one on a VND device backed by a file of another, were made after it;
 * "/" was mounted first and goes last.  Open files and working
 * directories do not stop it: user processes are held for good.  Each
 * mount is left dead, so anything asked of it afterwards is EIO.  Returns
 * OK or the first error a server reported.
 */
int vmnt_unmount_all(void)
{
	struct vmnt *vm;
	int r, first = OK;

	while ((vm = vmnt_newest()) != NULL) {
		r = req_unmount(vm);
		if (r != OK) {
			printf("vfs: unmounting %s at shutdown: %d\n",
				vm->label, r);
			if (first == OK)
				first = r;
		}
		vm->dead = 1;
	}
	return first;
}
