/*
 * t_ops.c - every operation on V1, V2 and V3 images of several block
 * sizes, through the same scenario; persistence across a remount and
 * fsck.minix -f on the 1 KiB images.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include "mfs_test.h"
#include <mica/fsdriver_host.h>

#define MT_BIG	(300 * 1024)	/* reaches double-indirect zones at 1 KiB */

static void mt_build_tree(const char *big)
{
	struct fsdriver_data data;
	char target[64];
	ino_t ino;

	CU_ASSERT(mt_mkdir("d", 0755) == OK);
	CU_ASSERT(mt_mkdir("d/e", 0700) == OK);
	CU_ASSERT(mt_put_file("d/e/f", big, MT_BIG) == OK);
	CU_ASSERT(mt_put_file("small", "hello", 5) == OK);
	CU_ASSERT(mt_link("small", "d/hard") == OK);
	CU_ASSERT(mt_symlink("d/e/f", "sym") == OK);
	CU_ASSERT(mfs_table.fdr_mknod(mt_root, "fifo", S_IFIFO | 0600, 0, 0,
	    0) == OK);
	CU_ASSERT(mfs_table.fdr_mknod(mt_root, "tty", S_IFCHR | 0620, 0, 0,
	    makedev(4, 1)) == OK);
	CU_ASSERT(mt_rename("d/e", "e2") == OK);
	CU_ASSERT_FATAL(mt_ino("sym", &ino) == OK);
	fsdriver_data_mem(&data, target, sizeof(target));
	CU_ASSERT(mfs_table.fdr_rdlink(ino, &data, sizeof(target)) == 5);
	CU_ASSERT(memcmp(target, "d/e/f", 5) == 0);
	CU_ASSERT(mt_put_file("gone", "x", 1) == OK);
	CU_ASSERT(mt_unlink("gone") == OK);
	CU_ASSERT(mt_mkdir("gonedir", 0755) == OK);
	CU_ASSERT(mt_rmdir("gonedir") == OK);
}

static void mt_check_tree(const char *big)
{
	struct stat st;
	ino_t a, b;

	CU_ASSERT(mt_file_is("e2/f", big, MT_BIG));
	CU_ASSERT(mt_file_is("small", "hello", 5));
	CU_ASSERT(mt_file_is("d/hard", "hello", 5));
	CU_ASSERT(mt_stat("small", &st) == OK && st.st_nlink == 2);
	CU_ASSERT(mt_stat("", &st) == OK && st.st_nlink == 4);
	CU_ASSERT(mt_stat("e2", &st) == OK && S_ISDIR(st.st_mode) &&
	    (st.st_mode & 07777) == 0700 && st.st_nlink == 2);
	CU_ASSERT(mt_ino("e2/..", &a) == OK && a == mt_root);
	CU_ASSERT(mt_ino("d/..", &a) == OK && a == mt_root);
	CU_ASSERT(mt_ino("e2/.", &a) == OK && mt_ino("e2", &b) == OK &&
	    a == b);
	CU_ASSERT(mt_stat("sym", &st) == OK && S_ISLNK(st.st_mode) &&
	    st.st_size == 5);
	CU_ASSERT(mt_stat("fifo", &st) == OK && S_ISFIFO(st.st_mode));
	CU_ASSERT(mt_stat("tty", &st) == OK && S_ISCHR(st.st_mode) &&
	    st.st_rdev == makedev(4, 1) && st.st_blocks == 0);
	CU_ASSERT(mt_ino("tty", &a) == OK);
	CU_ASSERT(mt_write(a, 0, "x", 1) == -EINVAL);
	CU_ASSERT(mt_read(a, 0, &b, 1) == -EINVAL);
	CU_ASSERT(mfs_table.fdr_trunc(a, 0, 0) == -EINVAL);
	CU_ASSERT(mt_ino("gone", &a) == -ENOENT);
	CU_ASSERT(mt_ino("gonedir", &a) == -ENOENT);
	CU_ASSERT(mt_count_entries("") == 6);
	CU_ASSERT(mt_count_entries("d") == 1);
	CU_ASSERT(mt_count_entries("e2") == 1);
}

static void mt_scenario(int version, unsigned int bs, unsigned int blocks,
    unsigned int namelen)
{
	char *big = malloc(MT_BIG);

	CU_ASSERT_FATAL(big != NULL);
	mt_fill(big, MT_BIG, (unsigned int)version * 100 + bs / 1024);
	CU_ASSERT_FATAL(mt_mkfs(version, bs, blocks, 0, namelen) == 0);
	mt_mount();
	mt_build_tree(big);
	mt_check_tree(big);
	mt_remount();
	mt_check_tree(big);
	mt_unmount();
	if (bs == 1024)
		CU_ASSERT(mt_fsck() == 0);
	free(big);
}

static void test_v3_1k(void) { mt_scenario(3, 1024, 4096, 0); }
static void test_v3_2k(void) { mt_scenario(3, 2048, 2048, 0); }
static void test_v3_4k(void) { mt_scenario(3, 4096, 1024, 0); }
static void test_v3_8k(void) { mt_scenario(3, 8192, 512, 0); }
static void test_v3_16k(void) { mt_scenario(3, 16384, 256, 0); }
static void test_v3_32k(void) { mt_scenario(3, 32768, 128, 0); }
static void test_v3_64k(void) { mt_scenario(3, 65536, 64, 0); }
static void test_v2_30(void) { mt_scenario(2, 1024, 4096, 30); }
static void test_v2_14(void) { mt_scenario(2, 1024, 4096, 14); }
static void test_v1_14(void) { mt_scenario(1, 1024, 4096, 14); }
static void test_v1_30(void) { mt_scenario(1, 1024, 4096, 30); }

void mt_add_ops_suite(void)
{
	CU_pSuite s = CU_add_suite("mfs_ops", NULL, NULL);

	CU_add_test(s, "V3 1 KiB (mkfs.minix -3)", test_v3_1k);
	CU_add_test(s, "V3 2 KiB", test_v3_2k);
	CU_add_test(s, "V3 4 KiB", test_v3_4k);
	CU_add_test(s, "V3 8 KiB", test_v3_8k);
	CU_add_test(s, "V3 16 KiB", test_v3_16k);
	CU_add_test(s, "V3 32 KiB", test_v3_32k);
	CU_add_test(s, "V3 64 KiB", test_v3_64k);
	CU_add_test(s, "V2 30-char names", test_v2_30);
	CU_add_test(s, "V2 14-char names", test_v2_14);
	CU_add_test(s, "V1 14-char names", test_v1_14);
	CU_add_test(s, "V1 30-char names", test_v1_30);
}
