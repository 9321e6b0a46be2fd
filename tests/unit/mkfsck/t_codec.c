/*
 * t_codec.c - the shared codecs: inodes, directory entries, indirect
 * blocks and bitmaps round-trip, and never write past their slot.
 */
#include <string.h>
#include "mkfsck_test.h"

static void t_inode_roundtrip(void)
{
	struct mfs_dinode in, out;
	struct mfs_sb sb;
	uint8_t raw[80];
	int v;

	memset(&in, 0, sizeof(in));
	in.mode = 0104755;
	in.nlinks = 3;
	in.uid = 1000;
	in.gid = 100;
	in.size = 123456;
	in.atime = 11;
	in.mtime = 22;
	in.ctime = 33;
	for (v = 0; v < MFS_V2_NR_TZONES; v++)
		in.zone[v] = 1000 + v;
	for (v = 1; v <= 3; v++) {
		mfs_sb_geometry(&sb, v, 1024, v == 3 ? 60 : 30);
		memset(raw, 0xee, sizeof(raw));
		mfs_inode_encode(&sb, &in, raw);
		CU_ASSERT_EQUAL(raw[sb.inode_size], 0xee);
		mfs_inode_decode(&sb, raw, &out);
		CU_ASSERT_EQUAL(out.mode, in.mode);
		CU_ASSERT_EQUAL(out.nlinks, in.nlinks);
		CU_ASSERT_EQUAL(out.uid, in.uid);
		CU_ASSERT_EQUAL(out.gid, in.gid);
		CU_ASSERT_EQUAL(out.size, in.size);
		CU_ASSERT_EQUAL(out.mtime, in.mtime);
		CU_ASSERT_EQUAL(out.atime, v == 1 ? in.mtime : in.atime);
		CU_ASSERT_EQUAL(out.zone[8], in.zone[8]);
		CU_ASSERT_EQUAL(out.zone[9], v == 1 ? 0 : in.zone[9]);
	}
}

/* The ids of the issue, and what each version's fields keep of them: 16
 * bits, else the overflow id 65534 (V1 gid: 8 bits, else 254). */
static const uint32_t mt_ids[] = { 0, 65534, 65535, 65536, 1u << 31,
    4294967294u };
static const uint32_t mt_ids16[] = { 0, 65534, 65535, 65534, 65534, 65534 };
static const uint32_t mt_ids8[] = { 0, 254, 254, 254, 254, 254 };

static void t_id_overflow(void)
{
	struct mfs_dinode in, out;
	struct mfs_sb sb;
	uint8_t raw[64];
	size_t i;
	int v;

	for (v = 1; v <= 3; v++) {
		mfs_sb_geometry(&sb, v, 1024, v == 3 ? 60 : 30);
		for (i = 0; i < sizeof(mt_ids) / sizeof(mt_ids[0]); i++) {
			memset(&in, 0, sizeof(in));
			in.mode = 0100644;
			in.uid = in.gid = mt_ids[i];
			mfs_inode_encode(&sb, &in, raw);
			mfs_inode_decode(&sb, raw, &out);
			CU_ASSERT_EQUAL(out.uid, mt_ids16[i]);
			CU_ASSERT_EQUAL(out.gid, v == 1 ? mt_ids8[i] :
			    mt_ids16[i]);
			CU_ASSERT_EQUAL(mfs_uid_disk(&sb, mt_ids[i]), out.uid);
			CU_ASSERT_EQUAL(mfs_gid_disk(&sb, mt_ids[i]), out.gid);
			CU_ASSERT_EQUAL(out.mode, in.mode);
		}
	}
	mfs_sb_geometry(&sb, 1, 1024, 30);
	CU_ASSERT_EQUAL(mfs_gid_disk(&sb, 255), 255);
	CU_ASSERT_EQUAL(mfs_gid_disk(&sb, 256), 254);
}

static void t_dirent_roundtrip(void)
{
	static const unsigned int nm[3] = { 14, 30, 60 };
	char blk[1024], name[61], longname[61];
	struct mfs_sb sb;
	int i;

	memset(longname, 'n', 60);
	longname[60] = '\0';
	for (i = 0; i < 3; i++) {
		mfs_sb_geometry(&sb, i == 2 ? 3 : 2, 1024, nm[i]);
		memset(blk, 0x55, sizeof(blk));
		longname[nm[i]] = '\0';
		mfs_dirent_set(&sb, blk, 3, 4242, longname);
		CU_ASSERT_EQUAL(mfs_dirent_get(&sb, blk, 3, name), 4242);
		CU_ASSERT_STRING_EQUAL(name, longname);
		CU_ASSERT_EQUAL((unsigned char)blk[4 * sb.dirent_size], 0x55);
		mfs_dirent_set(&sb, blk, 4, 7, "x");
		CU_ASSERT_EQUAL(mfs_dirent_get(&sb, blk, 4, name), 7);
		CU_ASSERT_STRING_EQUAL(name, "x");
		longname[nm[i]] = 'n';
	}
}

static void t_ind_and_maps(void)
{
	struct mfsu_map m;
	struct mfs_sb sb;
	uint8_t blk[1024];

	mfs_sb_geometry(&sb, 1, 1024, 14);
	memset(blk, 0, sizeof(blk));
	mfs_ind_set(&sb, blk, 511, 0xbeef);
	CU_ASSERT_EQUAL(mfs_ind_get(&sb, blk, 511), 0xbeef);
	CU_ASSERT_EQUAL(blk[1022], 0xef);
	mfs_sb_geometry(&sb, 3, 1024, 60);
	mfs_ind_set(&sb, blk, 255, 0x12345678);
	CU_ASSERT_EQUAL(mfs_ind_get(&sb, blk, 255), 0x12345678);
	CU_ASSERT_EQUAL_FATAL(mfsu_map_init(&m, &sb, 2), OK);
	CU_ASSERT_EQUAL(m.nbits, 2 * 8192);
	mfsu_map_set(&m, 8193, 1);
	CU_ASSERT(mfsu_map_test(&m, 8193));
	CU_ASSERT(!mfsu_map_test(&m, 8192));
	CU_ASSERT(mfsu_map_test(&m, 1u << 20));	/* past the end: set */
	mfsu_map_set(&m, 1u << 20, 1);		/* ignored, no overflow */
	mfsu_map_set(&m, 8193, 0);
	CU_ASSERT(!mfsu_map_test(&m, 8193));
	mfsu_map_free(&m);
}

int mt_add_codec(void)
{
	CU_pSuite s = CU_add_suite("codec", NULL, NULL);

	return !s || !CU_add_test(s, "inodes V1/V2/V3", t_inode_roundtrip) ||
	    !CU_add_test(s, "owner ids past the fields", t_id_overflow) ||
	    !CU_add_test(s, "directory entries", t_dirent_roundtrip) ||
	    !CU_add_test(s, "indirect blocks and bitmaps", t_ind_and_maps);
}
