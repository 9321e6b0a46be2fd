/*
 * fsys.c - calls about whole file systems: sync, fsync, statvfs, fstatvfs,
 * mount, umount.  A mount names its server by DS label (the server is
 * already running: RS starts it) and its device by a block special file,
 * whose major selects the driver's label (blk.c) and minor the unit.
 */
#include "vfs.h"
#include <mica/ds.h>

int do_sync(struct vfs_call *c)
{
	(void)c;
	for (int i = 0; i < VFS_NR_VMNTS; i++)
		if (vfs_vmnts[i].fs != NONE && !vfs_vmnts[i].dead)
			req_sync(&vfs_vmnts[i]);
	return OK;
}

int do_fsync(struct vfs_call *c)
{
	struct filp *f;
	int r;

	if ((r = fd_get(c->fp, c->m->m_lc_vfs_fd.fd, &f)) != OK)
		return r;
	if (S_ISTYPE(f->vp->mode, MICA_S_IFBLK)) {
		mmap_sync(f->vp);	/* a shared mapping's stores first */
		return blk_fsync(f);	/* the device's blocks, not the node's */
	}
	return req_sync(f->vp->vmnt);
}

static int statvfs_of(struct vfs_call *c, struct vmnt *vm, cp_grant_id_t g,
	u32_t size)
{
	if (size != sizeof(struct mica_statvfs))
		return -EINVAL;
	return req_statvfs(vm, c->who, g);
}

int do_statvfs(struct vfs_call *c)
{
	const mess_lc_vfs_path *q = &c->m->m_lc_vfs_path;
	struct lookup l;
	int r;

	if ((r = path_user(c, q->path, q->path_len, 0, &l)) != OK)
		return r;
	r = statvfs_of(c, l.vp->vmnt, q->buf, q->size);
	lookup_put(&l);
	return r;
}

int do_fstatvfs(struct vfs_call *c)
{
	const mess_lc_vfs_io *q = &c->m->m_lc_vfs_io;
	struct filp *f;
	int r;

	if ((r = fd_get(c->fp, q->fd, &f)) != OK)
		return r;
	return statvfs_of(c, f->vp->vmnt, q->grant, q->count);
}

/* A short string (label) from the caller's grant. */
static int copy_label(endpoint_t who, cp_grant_id_t g, u32_t len, char *buf)
{
	if (len == 0 || len >= RS_LABEL_LEN)
		return -EINVAL;
	if (sys_safecopyfrom(who, g, 0, buf, len) != OK)
		return -EFAULT;
	buf[len] = '\0';
	return strlen(buf) == len ? OK : -EINVAL;
}

/* The block device of a mount: its driver's label and minor. */
static int mount_source(struct vfs_call *c, const mess_lc_vfs_mount *q,
	char *label, int *minor)
{
	struct lookup l;
	const char *drv;
	int r;

	label[0] = '\0';
	*minor = 0;
	if (q->source_len == 0)
		return OK;
	if ((r = path_user(c, q->source, q->source_len, 0, &l)) != OK)
		return r;
	if (!S_ISTYPE(l.vp->mode, MICA_S_IFBLK))
		r = -ENOTBLK;
	else if (!(drv = blk_driver(l.vp->rdev)))
		r = -ENXIO;
	else {
		snprintf(label, RS_LABEL_LEN, "%s", drv);
		*minor = DEV_MINOR(l.vp->rdev);
	}
	lookup_put(&l);
	return r;
}

int do_mount(struct vfs_call *c)
{
	const mess_lc_vfs_mount *q = &c->m->m_lc_vfs_mount;
	char type[RS_LABEL_LEN], dev[RS_LABEL_LEN];
	struct lookup l;
	struct vmnt *vm;
	endpoint_t fs;
	int r, minor;

	if (c->fp->uid != 0)
		return -EPERM;
	if (q->flags & ~(u32_t)MICA_MS_RDONLY)
		return -EINVAL;
	if ((r = copy_label(c->who, q->type, q->type_len, type)) != OK)
		return r;
	if ((r = mount_source(c, q, dev, &minor)) != OK)
		return r;
	if (ds_retrieve_label_endpt(type, &fs) != OK)
		return -ENODEV;
	if ((r = path_user(c, q->target, q->target_len, 0, &l)) != OK)
		return r;
	if (!S_ISTYPE(l.vp->mode, MICA_S_IFDIR))
		r = -ENOTDIR;
	else if (l.vp->mounted || l.vp == l.vp->vmnt->root || l.vp->refs > 1)
		r = -EBUSY;
	else
		r = vmnt_mount(fs, type, dev, minor, q->flags & MICA_MS_RDONLY,
			l.vp, &vm);
	lookup_put(&l);
	return r;
}

int do_umount(struct vfs_call *c)
{
	const mess_lc_vfs_path *q = &c->m->m_lc_vfs_path;
	struct lookup l;
	struct vmnt *vm;
	int r;

	if (c->fp->uid != 0)
		return -EPERM;
	if ((r = path_user(c, q->path, q->path_len, 0, &l)) != OK)
		return r;
	vm = l.vp->vmnt;
	r = (l.vp != vm->root || !vm->covered) ? -EINVAL : OK;
	lookup_put(&l);
	return r == OK ? vmnt_unmount(vm) : r;
}
