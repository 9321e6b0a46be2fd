/*
 * sys_linux.c - what mkfs.mfs does with Linux's own calls on the host;
 * Mica's build has sys_posix.c instead (module.mk).  mkfs_zero_range
 * punches the range out of the image file (it stays its size, the range
 * reads as zeros and takes no space); the source tree's files and
 * directories are opened O_NOATIME, so making an image leaves their access
 * times alone.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/falloc.h>
#include "mkfs.h"

int mkfs_zero_range(int fd, uint64_t bytes)
{
	if (fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0,
	    (off_t)bytes) < 0)
		return -errno;
	return 0;
}

const int mkfs_noatime = O_NOATIME;
