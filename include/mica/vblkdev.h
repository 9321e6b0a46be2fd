/*
 * vblkdev.h - the virtio-blk driver's minors (bdev/virtio_blk): one
 * definition for the driver, the device nodes (tools/mkimage/devtable
 * repeats the numbers in its own format and names this file) and tests.
 * The driver is block major 3 in VFS (vfs/blk.c's bmap), DS label
 * "virtio_blk".
 *
 * minor = disk * VBLK_MINORS_PER_DISK + part: part 0 is the whole disk,
 * parts 1..4 its MBR primary partitions (/dev/vda, /dev/vda1../dev/vda4,
 * then /dev/vdb at minor 8); parts 5..7 are not used (ENXIO).  Disks are
 * numbered in PCI bus/slot/function order.
 */
#ifndef MICA_VBLKDEV_H
#define MICA_VBLKDEV_H

#define VBLK_LABEL		"virtio_blk"
#define VBLK_MAX_DISKS		8
#define VBLK_MINORS_PER_DISK	8
#define VBLK_MINOR(disk, part)	((disk) * VBLK_MINORS_PER_DISK + (part))
#define VBLK_DISK(minor)	((minor) / VBLK_MINORS_PER_DISK)
#define VBLK_PART(minor)	((minor) % VBLK_MINORS_PER_DISK)

#endif /* MICA_VBLKDEV_H */
