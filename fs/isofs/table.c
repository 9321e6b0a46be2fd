/*
 * table.c - the ISO 9660 fsdriver table and its fstype entry.
 *
 * The volume is read-only: mount always answers FSDRIVER_RES_RDONLY and
 * every modifying entry stays NULL, which the front ends answer with EROFS
 * (fsdriver.h); so do newnode and the block-special entries.
 */
#include <mica/fstype.h>
#include "iso.h"

const struct fsdriver isofs_table = {
	.fdr_mount	= isofs_mount,
	.fdr_unmount	= isofs_unmount,
	.fdr_lookup	= isofs_lookup,
	.fdr_putnode	= isofs_putnode,
	.fdr_read	= isofs_read,
	.fdr_peek	= isofs_peek,
	.fdr_getdents	= isofs_getdents,
	.fdr_rdlink	= isofs_rdlink,
	.fdr_stat	= isofs_stat,
	.fdr_statvfs	= isofs_statvfs,
	.fdr_bread	= isofs_bread,
	.fdr_bwrite	= isofs_bwrite,
	.fdr_bflush	= isofs_bflush,
};

const struct fsdriver_fstype isofs_fstype = {
	FSTYPE_ISO9660, isofs_probe, &isofs_table
};
