/*
 * vnd.h - the vnode disk (bdev/vnd, MINIX's vnd): a regular file served as
 * a block device, /dev/vnd0..vnd3 (block major 6 in vfs/blk.c, minors
 * 0..VND_NR-1).  vnconfig asks VFS (VFS_BDATTACH, callnr.h) to attach a
 * file it has open; VFS checks the descriptor, lets the driver read (and
 * unless read-only write) that one inode at its file system server
 * (FS_DELEGATE, vfsif.h) and hands the driver a struct vnd_attach by the
 * ioctl below.  These two ioctls are honoured from VFS only; any other
 * sender gets EPERM.
 */
#ifndef MICA_VND_H
#define MICA_VND_H

#include <mica/type.h>

#define VND_NR		4		/* minors vnd0..vnd3 */

/* BDEV_IOCTL requests beyond bdev.h's, from VFS only. */
#define VND_IOC_ATTACH	0x7601		/* grant: a struct vnd_attach (CPF_READ) */
#define VND_IOC_DETACH	0x7602		/* no grant; EBUSY while open */

#define VND_RDONLY	0x01		/* vnd_attach.flags: writes are EROFS */

struct vnd_attach {
	endpoint_t fs;			/* the file's file-system server */
	u32_t flags;			/* VND_RDONLY */
	u64_t ino;			/* the file's inode at fs */
	u64_t size;			/* its size in bytes at attach */
};

#endif /* MICA_VND_H */
