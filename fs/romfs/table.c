/*
 * table.c - the romfs fsdriver table and its fstype entry.
 *
 * A read-only format: mount answers FSDRIVER_RES_RDONLY, and every
 * modifying entry, fdr_sync and the OS-only ones stay NULL (the front end
 * answers EROFS or ENOSYS for them, fsdriver.h).
 */
#include <mica/fstype.h>
#include "romfs.h"

const struct fsdriver romfs_table = {
	.fdr_mount	= romfs_mount,
	.fdr_unmount	= romfs_unmount,
	.fdr_statvfs	= romfs_statvfs,
	.fdr_lookup	= romfs_lookup,
	.fdr_putnode	= romfs_putnode,
	.fdr_stat	= romfs_stat,
	.fdr_read	= romfs_read,
	.fdr_getdents	= romfs_getdents,
	.fdr_rdlink	= romfs_rdlink,
};

const struct fsdriver_fstype romfs_fstype = {
	FSTYPE_ROMFS, romfs_probe, &romfs_table
};
