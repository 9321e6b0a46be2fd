/*
 * blk.c - block special files.  A block device's bytes are read and
 * written through the block cache of the file system that has the device
 * mounted (FS_BREAD/FS_BWRITE to that server, naming the device by the
 * number VFS gave the mount), so raw access and the file system see the
 * same blocks, as in MINIX; the last close flushes (FS_BFLUSH), and fsync
 * does and returns the flush's error.  The
 * server clips at the device's end and handles a partial last block.  A
 * block device no file system has mounted is read and written straight
 * through its driver (BDEV_READ/BDEV_WRITE, bdev.h, with an indirect grant
 * on the caller's buffer; the driver clips at the end), so mkfs and fsck
 * work on it.  Every open of a block special file opens the minor at the
 * driver (BDEV_OPEN: a minor the driver lacks is ENXIO at open, and a
 * driver that counts opens, vnd, sees raw users); the last close closes
 * it.  The device's size (lseek SEEK_END) is the driver's
 * BDEV_IOC_GETSIZE answer, asked when wanted (blk_size, the one place).
 * VFS waits for each driver answer: a block driver never calls VFS.
 * A write that moves no byte although some were asked is at or past the
 * device's end (both paths clip there and only there): ENOSPC, as Linux's
 * block devices answer (blkdev_write_iter); a read there is 0, EOF.
 *
 * The driver of a major: its DS label (the table is here, the one place).
 */
#include "vfs.h"
#include <mica/ds.h>
#include <mica/libbdev.h>

static const char *const bmap[] = {
	[1] = "memory",
	[3] = "virtio_blk",
	[6] = "vnd",
};

const char *blk_driver(u32_t rdev)
{
	u32_t major = DEV_MAJOR(rdev);

	if (major >= sizeof(bmap) / sizeof(bmap[0]))
		return NULL;
	return bmap[major];
}

/* The mount whose device this node is. */
static struct vmnt *blk_vmnt(u32_t rdev)
{
	const char *drv = blk_driver(rdev);

	if (!drv)
		return NULL;
	for (int i = 0; i < VFS_NR_VMNTS; i++) {
		struct vmnt *vm = &vfs_vmnts[i];
		if (vm->fs != NONE && !strcmp(vm->dev_label, drv) &&
		    vm->dev_minor == (int)DEV_MINOR(rdev))
			return vm;
	}
	return NULL;
}

/* The driver's endpoint for a block special file's major. */
int blk_endpoint(u32_t rdev, endpoint_t *ep)
{
	const char *drv = blk_driver(rdev);

	if (!drv || ds_retrieve_label_endpt(drv, ep) != OK)
		return -ENXIO;
	return OK;
}

/* One request of f's minor to its driver: the driver's answer. */
static int blk_request(struct filp *f, int type, message *m)
{
	endpoint_t ep;
	int r;

	if ((r = blk_endpoint(f->vp->rdev, &ep)) != OK)
		return r;
	m->m_type = type;
	m->m_bdev.minor = (int)DEV_MINOR(f->vp->rdev);
	return bdev_sendrec(ep, m);
}

int blk_open(struct filp *f)
{
	message m;
	int r, acc = f->flags & MICA_O_ACCMODE;

	memset(&m, 0, sizeof(m));
	m.m_bdev.request = (acc != MICA_O_WRONLY ? BDEV_R_BIT : 0) |
		(acc != MICA_O_RDONLY ? BDEV_W_BIT : 0);
	if ((r = blk_request(f, BDEV_OPEN, &m)) != OK)
		return r;
	f->blk_open = 1;
	return OK;
}

int blk_size(struct filp *f, u64_t *size)
{
	struct bdev_part part;
	endpoint_t ep;
	message m;
	int r;

	if ((r = blk_endpoint(f->vp->rdev, &ep)) != OK)
		return r;
	memset(&m, 0, sizeof(m));
	m.m_bdev.request = BDEV_IOC_GETSIZE;
	m.m_bdev.grant = cpf_grant_direct(ep, (vir_bytes)&part, sizeof(part),
		CPF_WRITE);
	if (m.m_bdev.grant < 0)
		return -ENOMEM;
	r = blk_request(f, BDEV_IOCTL, &m);
	cpf_revoke(m.m_bdev.grant);
	if (r == OK)
		*size = part.size;
	return r;
}

/* A transfer straight through the driver (no file system mounts it). */
static int blk_raw(struct vfs_call *c, struct filp *f, int write, u64_t pos,
	int move, cp_grant_id_t g, u32_t count)
{
	endpoint_t ep;
	message m;
	int r;

	if ((r = blk_endpoint(f->vp->rdev, &ep)) != OK)
		return r;
	memset(&m, 0, sizeof(m));
	m.m_bdev.pos = pos;
	m.m_bdev.count = count;
	m.m_bdev.grant = cpf_grant_indirect(ep, c->who, g, 0, count,
		write ? CPF_READ : CPF_WRITE);
	if (m.m_bdev.grant < 0)
		return -ENOMEM;
	r = blk_request(f, write ? BDEV_WRITE : BDEV_READ, &m);
	cpf_revoke(m.m_bdev.grant);
	if (r > 0 && move)
		f->pos = pos + r;
	return r;
}

/* A transfer's answer: 0 bytes written (count > 0) is the end, ENOSPC. */
static int blk_end(int write, int r)
{
	return write && r == 0 ? -ENOSPC : r;
}

int blk_io(struct vfs_call *c, struct filp *f, int write, u64_t pos,
	int move, cp_grant_id_t g, u32_t count)
{
	struct vmnt *vm = blk_vmnt(f->vp->rdev);
	message m;
	cp_grant_id_t ig;
	int r;

	if (vm && vm->dead)
		return -EIO;
	if (count == 0)
		return 0;
	if (count > FS_MAX_BYTES || pos > 0x7fffffffffffffffull - count)
		return -EINVAL;
	if (!vm)
		return blk_end(write, blk_raw(c, f, write, pos, move, g, count));
	ig = cpf_grant_indirect(vm->fs, c->who, g, 0, count,
		write ? CPF_READ : CPF_WRITE);
	if (ig < 0)
		return -ENOMEM;
	memset(&m, 0, sizeof(m));
	m.m_type = write ? FS_BWRITE : FS_BREAD;
	m.m_fs_io.ino = vm->dev;
	m.m_fs_io.pos = pos;
	m.m_fs_io.grant = ig;
	m.m_fs_io.bytes = count;
	r = ipc_sendrec(vm->fs, &m) == OK ? m.m_type : -EIO;
	cpf_revoke(ig);
	if (r > 0 && move)
		f->pos = pos + r;
	return blk_end(write, r);
}

/* fsync of a block special file: a mounted device's dirty blocks written
 * back by its file system (FS_BFLUSH), OK or the first error (EIO for a
 * block the disk refused, which stays dirty and is tried again); an
 * unmounted one has nothing cached here (its writes went to the driver). */
int blk_fsync(struct filp *f)
{
	struct vmnt *vm = blk_vmnt(f->vp->rdev);
	message m;

	if (!vm)
		return OK;
	if (vm->dead)
		return -EIO;
	memset(&m, 0, sizeof(m));
	m.m_type = FS_BFLUSH;
	m.m_fs_io.ino = vm->dev;
	m.m_fs_io.grant = -1;
	return ipc_sendrec(vm->fs, &m) == OK ? m.m_type : -EIO;
}

void blk_close(struct filp *f)
{
	struct vmnt *vm = blk_vmnt(f->vp->rdev);
	message m;

	if (f->blk_open) {
		memset(&m, 0, sizeof(m));
		(void)blk_request(f, BDEV_CLOSE, &m);
		f->blk_open = 0;
	}
	if (!vm || vm->dead)
		return;
	memset(&m, 0, sizeof(m));
	m.m_type = FS_BFLUSH;
	m.m_fs_io.ino = vm->dev;
	m.m_fs_io.grant = -1;
	ipc_sendrec(vm->fs, &m);
}
