/*
 * sys/mount.h - mount(2)/umount(2) for Mica programs.  A file system is
 * named by the DS label of its server ("mfs", ...); the source is the
 * block special file it serves, or NULL/"none" for one without a device.
 */
#ifndef _SYS_MOUNT_H
#define _SYS_MOUNT_H

#include <mica/abi.h>

#define MS_RDONLY MICA_MS_RDONLY

int mount(const char *source, const char *target, const char *type,
	unsigned long flags, const void *data);
int umount(const char *target);

#endif
