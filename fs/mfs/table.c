/*
 * table.c - the MFS request table: micafuse calls it on the host; the OS
 * front end (fsdriver_task(), not written yet) will call it in the MFS
 * server, including the block-special entries (bio.c), which micafuse
 * never calls.
 */
#include "mfs.h"

const struct fsdriver mfs_table = {
	.fdr_mount	= fs_mount,
	.fdr_unmount	= fs_unmount,
	.fdr_lookup	= fs_lookup,
	.fdr_newnode	= fs_newnode,
	.fdr_putnode	= fs_putnode,
	.fdr_read	= fs_read,
	.fdr_write	= fs_write,
	.fdr_peek	= fs_peek,
	.fdr_getdents	= fs_getdents,
	.fdr_trunc	= fs_trunc,
	.fdr_create	= fs_create,
	.fdr_mkdir	= fs_mkdir,
	.fdr_mknod	= fs_mknod,
	.fdr_link	= fs_link,
	.fdr_unlink	= fs_unlink,
	.fdr_rmdir	= fs_rmdir,
	.fdr_rename	= fs_rename,
	.fdr_slink	= fs_slink,
	.fdr_rdlink	= fs_rdlink,
	.fdr_stat	= fs_stat,
	.fdr_chown	= fs_chown,
	.fdr_chmod	= fs_chmod,
	.fdr_utime	= fs_utime,
	.fdr_statvfs	= fs_statvfs,
	.fdr_sync	= fs_sync,
	.fdr_bread	= fs_bread,
	.fdr_bwrite	= fs_bwrite,
	.fdr_bflush	= fs_bflush,
};
