/*
 * mntinfo.c - the mount table for programs (VFS_GETMNTINFO): `mount` with
 * no arguments and `df` list what is mounted from here, as the BSDs ask
 * their kernel (getvfsstat) instead of trusting a file like MINIX's
 * /etc/mtab.  One struct mica_mntinfo (mica/mntinfo.h) per mount reachable
 * by a path, "/" first: st_dev, the block device's number (rebuilt from
 * the driver label and minor the mount keeps, through blk.c's table), the
 * flags, the server's label as the type, and the mount point's path as
 * the caller sees it (dir.c's dir_path, as getcwd).  The caller's buffer
 * holds count bytes: as many whole records as fit are copied; the reply
 * is the number of mounts, so a caller whose buffer was short retries.
 */
#include "vfs.h"
#include <mica/mntinfo.h>

/* The device number of the mount's block device; 0 when it has none. */
static u32_t mnt_rdev(const struct vmnt *vm)
{
	const char *drv;

	if (vm->dev_label[0] == '\0')
		return 0;
	for (u32_t major = 1; major < 256; major++)
		if ((drv = blk_driver(DEV_MAKE(major, 0))) &&
		    !strcmp(drv, vm->dev_label))
			return DEV_MAKE(major, (u32_t)vm->dev_minor);
	return 0;
}

static void mnt_fill(struct vfs_call *c, struct vmnt *vm,
	struct mica_mntinfo *rec)
{
	static char path[VFS_PATH_MAX];
	int at;

	memset(rec, 0, sizeof(*rec));
	rec->dev = vm->dev;
	rec->rdev = mnt_rdev(vm);
	rec->flags = (vm->rdonly ? MICA_MNT_RDONLY : 0) |
		(vm->dead ? MICA_MNT_DEAD : 0);
	snprintf(rec->type, sizeof(rec->type), "%s", vm->label);
	if (vm == vmnt_root())
		snprintf(rec->point, sizeof(rec->point), "/");
	else if (vm->dead || dir_path(c->fp, vm->covered, path, sizeof(path),
	    &at) != OK || strlen(path + at) >= sizeof(rec->point))
		snprintf(rec->point, sizeof(rec->point), "?");
	else
		snprintf(rec->point, sizeof(rec->point), "%s", path + at);
}

int do_getmntinfo(struct vfs_call *c)
{
	const mess_lc_vfs_io *q = &c->m->m_lc_vfs_io;
	static struct mica_mntinfo rec;
	u32_t room = q->count / sizeof(rec), n = 0;
	struct vmnt *root = vmnt_root(), *vm;

	for (int i = -1; i < VFS_NR_VMNTS; i++) {
		vm = i < 0 ? root : &vfs_vmnts[i];
		if (!vm || vm->fs == NONE || vm->fs == 0 ||
		    (i >= 0 && vm == root) || (!vm->covered && vm != root))
			continue;	/* free, "/" again, or hidden (PFS) */
		if (n < room) {
			mnt_fill(c, vm, &rec);
			if (sys_safecopyto(c->who, q->grant, n * sizeof(rec),
			    &rec, sizeof(rec)) != OK)
				return -EFAULT;
		}
		n++;
	}
	return (int)n;
}
