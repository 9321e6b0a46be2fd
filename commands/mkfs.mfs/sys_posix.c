/*
 * sys_posix.c - sys_linux.c's steps with POSIX calls only (Mica's
 * mkfs.mfs, module.mk): mkfs_zero_range writes zeros over the range,
 * 16 KiB at a time; source files are opened without O_NOATIME.
 */
#include <errno.h>
#include <unistd.h>
#include "mkfs.h"

int mkfs_zero_range(int fd, uint64_t bytes)
{
	static const char zeros[16384];
	uint64_t at = 0;
	ssize_t n;

	while (at < bytes) {
		size_t len = bytes - at < sizeof(zeros) ?
		    (size_t)(bytes - at) : sizeof(zeros);

		n = pwrite(fd, zeros, len, (off_t)at);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -EIO;
		at += (uint64_t)n;
	}
	return 0;
}

const int mkfs_noatime = 0;
