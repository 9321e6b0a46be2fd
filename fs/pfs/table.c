/*
 * table.c - the PFS request table: the OS front end (fsdriver_task(),
 * servers/pfs) serves it to VFS, the host unit tests (tests/unit/pfs) call
 * it directly.  Entries left NULL are names and links (PFS has no name
 * space: the front end answers EROFS), symbolic links, peek, extended attributes and block devices (ENOSYS).
 */
#include "pfs.h"

const struct fsdriver pfs_table = {
	.fdr_mount	= pfs_mount,
	.fdr_unmount	= pfs_unmount,
	.fdr_statvfs	= pfs_statvfs,
	.fdr_sync	= pfs_sync,
	.fdr_lookup	= pfs_lookup,
	.fdr_putnode	= pfs_putnode,
	.fdr_newnode	= pfs_newnode,
	.fdr_stat	= pfs_stat,
	.fdr_chown	= pfs_chown,
	.fdr_chmod	= pfs_chmod,
	.fdr_utime	= pfs_utime,
	.fdr_trunc	= pfs_trunc,
	.fdr_read	= pfs_read,
	.fdr_write	= pfs_write,
	.fdr_getdents	= pfs_getdents,
};
