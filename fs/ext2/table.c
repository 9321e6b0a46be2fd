/*
 * table.c - the ext2 driver as a struct fsdriver.
 *
 * The one thing a front end needs from this library: micafuse calls it on
 * the host; the OS front end (fsdriver_task_fstype) in servers/ext2.  The
 * block-special entries are called only in the OS.
 */
#include "ext2.h"

const struct fsdriver ext2_table = {
	.fdr_mount = ext2_mount,
	.fdr_unmount = ext2_unmount,
	.fdr_lookup = ext2_lookup,
	.fdr_newnode = ext2_newnode,
	.fdr_putnode = ext2_putnode,
	.fdr_read = ext2_read,
	.fdr_write = ext2_write,
	.fdr_peek = ext2_peek,
	.fdr_getdents = ext2_getdents,
	.fdr_trunc = ext2_trunc,
	.fdr_create = ext2_create,
	.fdr_mkdir = ext2_mkdir,
	.fdr_mknod = ext2_mknod,
	.fdr_link = ext2_link,
	.fdr_unlink = ext2_unlink,
	.fdr_rmdir = ext2_rmdir,
	.fdr_rename = ext2_rename,
	.fdr_slink = ext2_slink,
	.fdr_rdlink = ext2_rdlink,
	.fdr_stat = ext2_stat,
	.fdr_chown = ext2_chown,
	.fdr_chmod = ext2_chmod,
	.fdr_utime = ext2_utime,
	.fdr_statvfs = ext2_statvfs,
	.fdr_sync = ext2_sync,
	.fdr_getxattr = ext2_getxattr,
	.fdr_listxattr = ext2_listxattr,
	.fdr_setxattr = ext2_setxattr,
	.fdr_removexattr = ext2_removexattr,
	.fdr_bread = ext2_bread,
	.fdr_bwrite = ext2_bwrite,
	.fdr_bflush = ext2_bflush,
};
