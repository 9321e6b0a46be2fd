/*
 * blk.c - block special files.  A block device's bytes are read and
 * written through the block cache of the file system that has the device
 * mounted (FS_BREAD/FS_BWRITE to that server, naming the device by the
 * number VFS gave the mount), so raw access and the file system see the
 * same blocks, as in MINIX; the last close flushes (FS_BFLUSH).  The
 * server clips at the device's end and handles a partial last block.  A
 * block device no file system has mounted is not reachable yet (ENXIO):
 * that needs a server to attach devices it does not mount.
 *
 * The driver of a major: its DS label (the table is here, the one place).
 */
#include "vfs.h"

static const char *const bmap[] = {
	[1] = "memory",
	[3] = "virtio_blk",
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

int blk_io(struct vfs_call *c, struct filp *f, int write, u64_t pos,
	int move, cp_grant_id_t g, u32_t count)
{
	struct vmnt *vm = blk_vmnt(f->vp->rdev);
	message m;
	cp_grant_id_t ig;
	int r;

	if (!vm)
		return -ENXIO;
	if (vm->dead)
		return -EIO;
	if (count == 0)
		return 0;
	if (count > FS_MAX_BYTES || pos > 0x7fffffffffffffffull - count)
		return -EINVAL;
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
	return r;
}

void blk_close(struct filp *f)
{
	struct vmnt *vm = blk_vmnt(f->vp->rdev);
	message m;

	if (!vm || vm->dead)
		return;
	memset(&m, 0, sizeof(m));
	m.m_type = FS_BFLUSH;
	m.m_fs_io.ino = vm->dev;
	m.m_fs_io.grant = -1;
	ipc_sendrec(vm->fs, &m);
}
