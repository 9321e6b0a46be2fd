/*
 * mica/mntinfo.h - the mount table as VFS gives it (VFS_GETMNTINFO,
 * callnr.h): one fixed-size record per mount reachable by a path (PFS's
 * hidden mount is not listed), "/" first, in the order of VFS's table.
 * The C library hands the records on as they are (<sys/mount.h>:
 * getmntinfo); `mount` with no arguments and `df` list them.  Replaces
 * MINIX's /etc/mtab: the kernel-side table cannot go stale.
 */
#ifndef MICA_MNTINFO_H
#define MICA_MNTINFO_H

#include <mica/type.h>

#define MICA_MNT_TYPE_LEN	16	/* RS_LABEL_LEN (const.h) */
#define MICA_MNT_PATH_LEN	1024	/* PATH_MAX, NUL included */

#define MICA_MNT_RDONLY		0x0001	/* as MICA_MS_RDONLY (abi.h) */
#define MICA_MNT_DEAD		0x0100	/* its server crashed: calls get EIO */

struct mica_mntinfo {
	u32_t dev;			/* st_dev of the files on it */
	u32_t rdev;			/* its block device (major, minor); 0 none */
	u32_t flags;			/* MICA_MNT_* */
	char type[MICA_MNT_TYPE_LEN];	/* its server's DS label ("mfs") */
	char point[MICA_MNT_PATH_LEN];	/* where it is mounted, as the caller
					 * sees it ("?" when that cannot be
					 * found) */
};
STATIC_ASSERT(sizeof(struct mica_mntinfo) == 1052, mica_mntinfo_size);

#endif
