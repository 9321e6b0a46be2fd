/*
 * fstype.c - recognising an ext2 image, for tools that detect the type.
 *
 * The probe looks only at the superblock magic and the block-size field;
 * whether the image can actually be mounted (features, state, geometry) is
 * for mount to decide and explain.
 */
#include <mica/fstype.h>

#include "ext2.h"

extern const struct fsdriver ext2_table;

static int ext2_probe(dev_t dev)
{
	struct ext2_super sb;
	ssize_t r;

	r = lmfs_dev_read(dev, EXT2_SUPER_OFFSET, &sb, sizeof(sb));
	if (r < 0)
		return (int)r;
	if (r != sizeof(sb))
		return 0;
	return sb.s_magic == EXT2_SUPER_MAGIC &&
	    sb.s_log_block_size <= EXT2_MAX_BLOCK_LOG - EXT2_MIN_BLOCK_LOG;
}

const struct fsdriver_fstype ext2_fstype = { FSTYPE_EXT2, ext2_probe, &ext2_table };
