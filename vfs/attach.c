/*
 * attach.c - VFS_BDATTACH: a regular file served as a block device by a
 * driver that serves files (bdev/vnd, mica/vnd.h; MINIX's vnconfig, whose
 * copyfd Mica replaces).  The caller (root: the device nodes are root's)
 * names the device node and a descriptor it has open on the file, for
 * reading, and for writing unless read-only: the open already checked the
 * caller may do that, so nobody attaches a file they could not use.  VFS
 * then
 *   - keeps the descriptor's open file (one more use of the filp), so the
 *     inode lives and its file system cannot be unmounted while attached;
 *   - lets the driver send FS_READ (and FS_WRITE) on that inode straight
 *     to the file's server (FS_DELEGATE): the driver cannot go through
 *     VFS, which may be waiting on that very driver (one request at a
 *     time, blk.c and every mounted file system on the device);
 *   - hands the driver the server, inode, size and flags (VND_IOC_ATTACH,
 *     which the driver takes from VFS only).
 * Detach (fd -1) asks the driver first (EBUSY while its minor is open,
 * which includes a mount; ENXIO from a restarted driver that forgot the
 * attachment still lets VFS's side go), then takes the permission back
 * and drops the file.  The size is the file's at attach, as in MINIX.
 */
#include "vfs.h"
#include <mica/libbdev.h>
#include <mica/vnd.h>

#define NR_ATTACH	8

struct attached {
	u32_t rdev;
	struct filp *f;			/* NULL: slot free */
	endpoint_t driver;
};

static struct attached attached[NR_ATTACH];

static struct attached *attach_find(u32_t rdev)
{
	for (int i = 0; i < NR_ATTACH; i++)
		if (attached[i].f && attached[i].rdev == rdev)
			return &attached[i];
	return NULL;
}

static int attach_ioctl(endpoint_t ep, u32_t rdev, int request,
	cp_grant_id_t g)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = BDEV_IOCTL;
	m.m_bdev.minor = (int)DEV_MINOR(rdev);
	m.m_bdev.request = request;
	m.m_bdev.grant = g;
	return bdev_sendrec(ep, &m);
}

static int attach_file(struct vfs_call *c, u32_t rdev, endpoint_t ep,
	int fd, int rdonly)
{
	struct vnd_attach va;
	struct attached *a = NULL;
	struct filp *f;
	cp_grant_id_t g;
	int r, acc;

	if ((r = fd_get(c->fp, fd, &f)) != OK)
		return r;
	if (!S_ISTYPE(f->vp->mode, MICA_S_IFREG))
		return -EINVAL;
	acc = f->flags & MICA_O_ACCMODE;
	if (acc == MICA_O_WRONLY || (!rdonly && acc != MICA_O_RDWR))
		return -EBADF;
	if (!rdonly && perm_rdonly(f->vp))
		return -EROFS;
	if (attach_find(rdev))
		return -EBUSY;
	for (int i = 0; !a && i < NR_ATTACH; i++)
		if (!attached[i].f)
			a = &attached[i];
	if (!a)
		return -ENOSPC;
	if ((r = vfs_getattr(f->vp)) != OK)
		return r;
	memset(&va, 0, sizeof(va));
	va.fs = f->vp->vmnt->fs;
	va.ino = f->vp->ino;
	va.size = f->vp->size;
	va.flags = rdonly ? VND_RDONLY : 0;
	if ((r = req_delegate(f->vp, ep, FS_DELEGATE_R |
	    (rdonly ? 0 : FS_DELEGATE_W))) != OK)
		return r;
	if ((g = cpf_grant_direct(ep, (vir_bytes)&va, sizeof(va), CPF_READ)) < 0)
		r = -ENOMEM;
	else {
		r = attach_ioctl(ep, rdev, VND_IOC_ATTACH, g);
		cpf_revoke(g);
	}
	if (r != OK) {
		(void)req_delegate(f->vp, ep, 0);
		return r;
	}
	f->count++;			/* the attachment's own use */
	a->f = f;
	a->rdev = rdev;
	a->driver = ep;
	return OK;
}

static int detach_file(u32_t rdev, endpoint_t ep)
{
	struct attached *a = attach_find(rdev);
	int r;

	if (!a)
		return -ENXIO;
	/* ENXIO: the driver restarted and forgot it; let go of the file too. */
	r = attach_ioctl(ep, rdev, VND_IOC_DETACH, GRANT_INVALID);
	if (r != OK && r != -ENXIO)
		return r;
	(void)req_delegate(a->f->vp, a->driver, 0);
	filp_put(a->f);
	a->f = NULL;
	return OK;
}

int do_bdattach(struct vfs_call *c)
{
	const mess_lc_vfs_path *q = &c->m->m_lc_vfs_path;
	struct lookup l;
	endpoint_t ep;
	u32_t rdev;
	int r;

	if (c->fp->uid != 0)
		return -EPERM;
	if (q->mode & ~(u32_t)MICA_MS_RDONLY ||
	    (q->flags < 0 && q->mode != 0))
		return -EINVAL;
	if ((r = path_user(c, q->path, q->path_len, 0, &l)) != OK)
		return r;
	rdev = l.vp->rdev;
	r = S_ISTYPE(l.vp->mode, MICA_S_IFBLK) ? OK : -ENOTBLK;
	lookup_put(&l);
	if (r != OK)
		return r;
	if ((r = blk_endpoint(rdev, &ep)) != OK)
		return r;
	if (q->flags < 0)
		return q->flags == -1 ? detach_file(rdev, ep) : -EBADF;
	return attach_file(c, rdev, ep, q->flags, q->mode & MICA_MS_RDONLY);
}
