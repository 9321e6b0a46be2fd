/*
 * t_layout.c - the layout calculator: every version and block size gives a
 * layout that the MFS superblock decoder accepts and that is tight (maps
 * just large enough, data right after the inode table); format limits are
 * refused.
 */
#include <errno.h>
#include <string.h>
#include "mkfsck_test.h"

static void mt_check_geometry(int version, unsigned int bs, unsigned int nm,
    uint64_t blocks)
{
	uint8_t raw[MFS_SUPER_SIZE];
	struct mfs_sb sb, back;
	uint64_t bits = (uint64_t)bs * 8;
	char why[160];

	CU_ASSERT_EQUAL_FATAL(mkfs_layout(&sb, version, bs, nm, blocks, 0, why,
	    sizeof(why)), OK);
	CU_ASSERT_EQUAL(sb.zones, blocks);
	CU_ASSERT(sb.ninodes % sb.inodes_per_block == 0 || sb.ninodes == 65535);
	CU_ASSERT_EQUAL(sb.imap_blocks, (sb.ninodes + 1 + bits - 1) / bits);
	CU_ASSERT(sb.zmap_blocks * bits >= blocks - sb.firstdatazone + 1);
	CU_ASSERT((sb.zmap_blocks - 1) * bits < blocks - sb.firstdatazone + 1
	    + bits);
	CU_ASSERT_EQUAL(sb.firstdatazone, 2 + sb.imap_blocks + sb.zmap_blocks
	    + sb.inode_blocks);
	mkfs_super_encode(&sb, raw);
	CU_ASSERT_EQUAL_FATAL(mfs_sb_decode(raw, blocks * bs, &back, why,
	    sizeof(why)), OK);
	CU_ASSERT_EQUAL(back.version, version);
	CU_ASSERT_EQUAL(back.block_size, bs);
	CU_ASSERT_EQUAL(back.name_max, nm);
	CU_ASSERT_EQUAL(back.ninodes, sb.ninodes);
	CU_ASSERT_EQUAL(back.zones, sb.zones);
	CU_ASSERT_EQUAL(back.firstdatazone, sb.firstdatazone);
	CU_ASSERT(back.clean);
	CU_ASSERT_EQUAL(back.max_size, mfs_format_max_size(&back));
}

static void t_geometry_v3(void)
{
	unsigned int bs;

	for (bs = 1024; bs <= 65536; bs *= 2) {
		mt_check_geometry(3, bs, 60, 100);
		mt_check_geometry(3, bs, 60, 123457);
	}
}

static void t_geometry_v12(void)
{
	mt_check_geometry(1, 1024, 14, 1440);
	mt_check_geometry(1, 1024, 30, 65535);
	mt_check_geometry(2, 1024, 14, 4096);
	mt_check_geometry(2, 1024, 30, 1000000);
}

static void t_default_inodes(void)
{
	struct mfs_sb sb;
	char why[160];

	/* One inode per 4 KiB, rounded up to fill the last inode block. */
	CU_ASSERT_EQUAL(mkfs_layout(&sb, 3, 4096, 60, 1000, 0, why,
	    sizeof(why)), OK);
	CU_ASSERT_EQUAL(sb.ninodes, 1024);
	CU_ASSERT_EQUAL(mkfs_layout(&sb, 3, 1024, 60, 4100, 0, why,
	    sizeof(why)), OK);
	CU_ASSERT_EQUAL(sb.ninodes, 1040);
	/* V2 default capped at 65535 for a big device. */
	CU_ASSERT_EQUAL(mkfs_layout(&sb, 2, 1024, 30, 1000000, 0, why,
	    sizeof(why)), OK);
	CU_ASSERT_EQUAL(sb.ninodes, 65535);
}

static void t_limits(void)
{
	struct mfs_sb sb;
	char why[160];

	CU_ASSERT_EQUAL(mkfs_layout(&sb, 1, 1024, 14, 65536, 0, why,
	    sizeof(why)), -EINVAL);
	CU_ASSERT_EQUAL(mkfs_layout(&sb, 2, 1024, 30, 100000, 65536, why,
	    sizeof(why)), -EINVAL);
	CU_ASSERT_EQUAL(mkfs_layout(&sb, 3, 4096, 60, 5, 0, why,
	    sizeof(why)), -EINVAL);
	CU_ASSERT_EQUAL(mkfs_layout(&sb, 3, 4096, 60, (uint64_t)1 << 33, 0, why,
	    sizeof(why)), -EINVAL);
	CU_ASSERT_EQUAL(mkfs_layout(&sb, 1, 4096, 14, 100, 0, why,
	    sizeof(why)), -EINVAL);
	CU_ASSERT_EQUAL(mkfs_layout(&sb, 3, 1000, 60, 100, 0, why,
	    sizeof(why)), -EINVAL);
	/* An explicit inode count whose table would pass block 65535. */
	CU_ASSERT_EQUAL(mkfs_layout(&sb, 3, 1024, 60, 4000000, 2000000, why,
	    sizeof(why)), -EINVAL);
	CU_ASSERT(strlen(why) > 0);
}

static void t_file_blocks(void)
{
	struct mfs_sb sb;

	mfs_sb_geometry(&sb, 3, 1024, 60);	/* 256 pointers per block */
	CU_ASSERT_EQUAL(mkfs_file_blocks(&sb, 0), 0);
	CU_ASSERT_EQUAL(mkfs_file_blocks(&sb, 7), 7);
	CU_ASSERT_EQUAL(mkfs_file_blocks(&sb, 8), 9);
	CU_ASSERT_EQUAL(mkfs_file_blocks(&sb, 7 + 256), 7 + 256 + 1);
	CU_ASSERT_EQUAL(mkfs_file_blocks(&sb, 7 + 257), 7 + 257 + 1 + 2);
	CU_ASSERT_EQUAL(mkfs_file_blocks(&sb, 7 + 256 + 65536),
	    7 + 256 + 65536 + 1 + 1 + 256);
	CU_ASSERT_EQUAL(mkfs_file_blocks(&sb, 7 + 256 + 65536 + 1),
	    7 + 256 + 65536 + 1 + 1 + 1 + 256 + 3);
}

int mt_add_layout(void)
{
	CU_pSuite s = CU_add_suite("layout", NULL, NULL);

	return !s || !CU_add_test(s, "V3 geometry, 1..64 KiB", t_geometry_v3) ||
	    !CU_add_test(s, "V1/V2 geometry", t_geometry_v12) ||
	    !CU_add_test(s, "default inode count", t_default_inodes) ||
	    !CU_add_test(s, "format limits refused", t_limits) ||
	    !CU_add_test(s, "blocks for a file", t_file_blocks);
}
