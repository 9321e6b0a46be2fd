/*
 * sys/mount.h - mount(2)/umount(2) for Mica programs.  A file system is
 * named by the DS label of its server ("mfs", ...); the source is the
 * block special file it serves, or NULL/"none" for one without a device.
 * getmntinfo(&list) lists what is mounted (Mica's, after the BSDs'): the
 * records of mica/mntinfo.h in a buffer the library owns, valid until the
 * next call; it returns their number, or -1 with errno.
 * bdattach(dev, fd, flags) serves the regular file open on fd as the block
 * device dev (a vnd minor, mica/vnd.h; root only; fd open for reading
 * and, unless flags has MS_RDONLY, writing); bdattach(dev, -1, 0) detaches
 * it (EBUSY while open or mounted).  Mica's, after MINIX's vnconfig.
 */
#ifndef _SYS_MOUNT_H
#define _SYS_MOUNT_H

#include <mica/abi.h>
#include <mica/mntinfo.h>

#define MS_RDONLY MICA_MS_RDONLY

int mount(const char *source, const char *target, const char *type,
	unsigned long flags, const void *data);
int umount(const char *target);
int getmntinfo(struct mica_mntinfo **list);
int bdattach(const char *dev, int fd, unsigned long flags);

#endif
