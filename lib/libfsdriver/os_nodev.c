/*
 * os_nodev.c - the mount's block device for a file system that has none
 * (PFS): linked instead of os_dev.c, so the server carries neither
 * libminixfs nor libbdev.  FS_MOUNT with a driver label is refused
 * (ENODEV); a label of length 0 never reaches here (os_mount.c).  No
 * cache either: FS_CACHESTAT is ENOSYS.
 */
#include <errno.h>

#include <mica/fsdriver_os.h>

int fsdriver_dev_attach(dev_t dev, const char *label, int minor, int rdonly)
{
	(void)dev, (void)minor, (void)rdonly;
	fsdriver_log("fsdriver: this file system takes no device (%s)", label);
	return -ENODEV;
}

void fsdriver_dev_detach(dev_t dev)
{
	(void)dev;
}

int fsdriver_dev_cachestat(struct mica_fs_cachestat *st)
{
	(void)st;
	return -ENOSYS;
}
