/*
 * table.c - the MFS request table: micafuse calls it on the host; the OS
 * front end (fsdriver_task()) calls it in the MFS server (servers/mfs),
 * including the block-special entries (bio.c), which micafuse never
 * calls.
 */
#include "mfs.h"

const struct fsdriver mfs_table = {
	.fdr_mount	= mfs_mount,
	.fdr_unmount	= mfs_unmount,
	.fdr_lookup	= mfs_lookup,
	.fdr_newnode	= mfs_newnode,
	.fdr_putnode	= mfs_putnode,
	.fdr_read	= mfs_read,
	.fdr_write	= mfs_write,
	.fdr_peek	= mfs_peek,
	.fdr_getdents	= mfs_getdents,
	.fdr_trunc	= mfs_trunc,
	.fdr_create	= mfs_create,
	.fdr_mkdir	= mfs_mkdir,
	.fdr_mknod	= mfs_mknod,
	.fdr_link	= mfs_link,
	.fdr_unlink	= mfs_unlink,
	.fdr_rmdir	= mfs_rmdir,
	.fdr_rename	= mfs_rename,
	.fdr_slink	= mfs_slink,
	.fdr_rdlink	= mfs_rdlink,
	.fdr_stat	= mfs_stat,
	.fdr_chown	= mfs_chown,
	.fdr_chmod	= mfs_chmod,
	.fdr_utime	= mfs_utime,
	.fdr_statvfs	= mfs_statvfs,
	.fdr_sync	= mfs_sync,
	.fdr_bread	= mfs_bread,
	.fdr_bwrite	= mfs_bwrite,
	.fdr_bflush	= mfs_bflush,
};
