/*
 * t_mount.c - mounting: the clean state (set, cleared, honoured), forced
 * and read-only mounts, refusals with a reason, statvfs, the probe.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/statvfs.h>
#include <mica/fstype.h>
#include <mica/fsdriver_host.h>
#include <mica/libminixfs_host.h>
#include "mfs_test.h"
#include "mfs_sb.h"

static uint16_t mt_sb16(unsigned int off)
{
	uint16_t v = 0;

	mt_img_read(MFS_SUPER_OFFSET + off, &v, 2);
	return v;
}

static void mt_sb_put16(unsigned int off, uint16_t v)
{
	CU_ASSERT(mt_img_write(MFS_SUPER_OFFSET + off, &v, 2) == 0);
}

#define V3_FLAGS	offsetof(struct mfs_super_v3, s_flags)
#define V12_STATE	offsetof(struct mfs_super_v12, s_state)

static void test_clean_v3(void)
{
	unsigned int res;
	ino_t ino;

	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 1024, 0, 0) == 0);
	CU_ASSERT(mt_sb16(V3_FLAGS) == 0);	/* Linux: state not kept */
	mt_mount();
	CU_ASSERT(mt_sb16(V3_FLAGS) == MFSFLAG_MICA_DIRTY);
	mt_unmount();
	CU_ASSERT(mt_sb16(V3_FLAGS) == MFSFLAG_CLEAN);
	CU_ASSERT(mt_fsck() == 0);
	/* left mounted (flags as a crash leaves them): read-only */
	mt_sb_put16(V3_FLAGS, MFSFLAG_MICA_DIRTY);
	mt_log_begin();
	CU_ASSERT_FATAL(mt_mount_flags(0, &res) == OK);
	CU_ASSERT(mt_log_end() == 1 && strstr(mt_logbuf, "read-only"));
	CU_ASSERT(res == FSDRIVER_RES_RDONLY);
	CU_ASSERT(mt_create("x", 0644, &ino) == -EROFS);
	CU_ASSERT(mt_mkdir("x", 0755) == -EROFS);
	CU_ASSERT(mt_count_entries("") == 0);
	mt_unmount();
	CU_ASSERT(mt_sb16(V3_FLAGS) == MFSFLAG_MICA_DIRTY);
	/* forced: read-write, clean again after */
	CU_ASSERT_FATAL(mt_mount_flags(FSDRIVER_MOUNT_FORCE, &res) == OK);
	CU_ASSERT(res == 0);
	CU_ASSERT(mt_create("x", 0644, &ino) == OK);
	mt_unmount();
	CU_ASSERT(mt_sb16(V3_FLAGS) == MFSFLAG_CLEAN);
	/* MINIX's own clean flag alone is clean too */
	mt_mount();
	mt_unmount();
	CU_ASSERT(mt_fsck() == 0);
}

static void test_clean_v2(void)
{
	unsigned int res;

	CU_ASSERT_FATAL(mt_mkfs(2, 1024, 1024, 0, 30) == 0);
	CU_ASSERT(mt_sb16(V12_STATE) & MFS_STATE_VALID);
	mt_mount();
	CU_ASSERT((mt_sb16(V12_STATE) & MFS_STATE_VALID) == 0);
	mt_unmount();
	CU_ASSERT(mt_sb16(V12_STATE) & MFS_STATE_VALID);
	mt_sb_put16(V12_STATE, MFS_STATE_VALID | MFS_STATE_ERROR);
	mt_log_begin();
	CU_ASSERT_FATAL(mt_mount_flags(0, &res) == OK);
	CU_ASSERT(mt_log_end() == 1 && strstr(mt_logbuf, "errors"));
	CU_ASSERT(res == FSDRIVER_RES_RDONLY);
	mt_unmount();
}

/* A read-only mount changes no byte of the image. */
static void test_rdonly(void)
{
	char *a = malloc(1024 * 1024), *b = malloc(1024 * 1024);
	struct statvfs sv;
	unsigned int res;
	char got[8];
	ino_t ino;

	CU_ASSERT_FATAL(a != NULL && b != NULL);
	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 1024, 0, 0) == 0);
	mt_mount();
	CU_ASSERT(mt_put_file("f", "data", 4) == OK);
	mt_unmount();
	CU_ASSERT(mt_img_read(0, a, 1024 * 1024) == 0);
	CU_ASSERT_FATAL(mt_mount_flags(FSDRIVER_MOUNT_RDONLY, &res) == OK);
	CU_ASSERT(mt_ino("f", &ino) == OK);
	CU_ASSERT(mt_read(ino, 0, got, 8) == 4);
	CU_ASSERT(mt_write(ino, 0, "x", 1) == -EROFS);
	CU_ASSERT(mfs_table.fdr_trunc(ino, 0, 0) == -EROFS);
	CU_ASSERT(mt_unlink("f") == -EROFS);
	CU_ASSERT(mt_rename("f", "g") == -EROFS);
	CU_ASSERT(mfs_table.fdr_statvfs(&sv) == OK &&
	    (sv.f_flag & ST_RDONLY));
	mt_unmount();
	CU_ASSERT(mt_img_read(0, b, 1024 * 1024) == 0);
	CU_ASSERT(memcmp(a, b, 1024 * 1024) == 0);
	free(a);
	free(b);
}

static void test_statvfs(void)
{
	struct statvfs a, b;
	char buf[8192];

	CU_ASSERT_FATAL(mt_mkfs(3, 4096, 512, 100, 0) == 0);
	mt_mount();
	CU_ASSERT(mfs_table.fdr_statvfs(&a) == OK);
	CU_ASSERT(a.f_bsize == 4096 && a.f_frsize == 4096);
	CU_ASSERT(a.f_blocks == 512 && a.f_files == 100);
	CU_ASSERT(a.f_ffree == 99 && a.f_namemax == 60);
	CU_ASSERT(a.f_bfree < 512 && a.f_bfree > 400);
	memset(buf, 1, sizeof(buf));
	CU_ASSERT(mt_put_file("f", buf, sizeof(buf)) == OK);
	CU_ASSERT(mfs_table.fdr_statvfs(&b) == OK);
	CU_ASSERT(a.f_bfree - b.f_bfree == 2 && a.f_ffree - b.f_ffree == 1);
	mt_remount();
	CU_ASSERT(mfs_table.fdr_statvfs(&a) == OK);
	CU_ASSERT(a.f_bfree == b.f_bfree && a.f_ffree == b.f_ffree);
	mt_unmount();
	CU_ASSERT_FATAL(mt_mkfs(1, 1024, 1024, 0, 14) == 0);
	mt_mount();
	CU_ASSERT(mfs_table.fdr_statvfs(&a) == OK && a.f_namemax == 14);
	mt_unmount();
}

/* Mount refusals: each with a log line that says why. */
static void mt_refused(unsigned int off, const void *val, size_t len,
    const char *why)
{
	unsigned int res;

	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 1024, 0, 0) == 0);
	CU_ASSERT(mt_img_write(MFS_SUPER_OFFSET + off, val, len) == 0);
	mt_log_begin();
	CU_ASSERT(mt_mount_flags(0, &res) == -EINVAL);
	CU_ASSERT(mt_log_end() == 1);
	CU_ASSERT(strstr(mt_logbuf, why) != NULL);
	if (strstr(mt_logbuf, why) == NULL)
		fprintf(stderr, "log: %s\n", mt_logbuf);
	mt_unmount();
}

static void test_refusals(void)
{
	uint16_t u16;
	uint32_t u32;
	struct mfs_inode_v2 ino;
	struct mfs_sb sb;
	unsigned int res;
	uint64_t itab;

	u16 = 0x1234;
	mt_refused(offsetof(struct mfs_super_v3, s_magic), &u16, 2,
	    "bad magic");
	u16 = 1;
	mt_refused(offsetof(struct mfs_super_v3, s_log_zone_size), &u16, 2,
	    "zone size");
	u16 = 0x0100;
	mt_refused(V3_FLAGS, &u16, 2, "mandatory");
	u16 = 0;
	mt_refused(offsetof(struct mfs_super_v3, s_imap_blocks), &u16, 2,
	    "inode-map");
	u32 = 100000;
	mt_refused(offsetof(struct mfs_super_v3, s_zones), &u32, 4,
	    "zone-map");
	u16 = 3000;
	mt_refused(offsetof(struct mfs_super_v3, s_block_size), &u16, 2,
	    "block size");
	/* the root inode must be a directory */
	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 1024, 0, 0) == 0);
	CU_ASSERT_FATAL(mt_layout(&sb) == 0);
	itab = (uint64_t)mfs_itable_start(&sb) * 1024;
	CU_ASSERT(mt_img_read(itab, &ino, sizeof(ino)) == 0);
	CU_ASSERT(S_ISDIR(ino.i_mode));
	ino.i_mode = S_IFREG | 0644;
	CU_ASSERT(mt_img_write(itab, &ino, sizeof(ino)) == 0);
	mt_log_begin();
	CU_ASSERT(mt_mount_flags(0, &res) == -EINVAL);
	CU_ASSERT(mt_log_end() == 1 && strstr(mt_logbuf, "root"));
	mt_unmount();
	/* an image cut short */
	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 1024, 0, 0) == 0);
	CU_ASSERT(truncate(mt_img, 512 * 1024) == 0);
	mt_log_begin();
	CU_ASSERT(mt_mount_flags(0, &res) == -EINVAL);
	CU_ASSERT(mt_log_end() == 1 && strstr(mt_logbuf, "does not fit"));
	mt_unmount();
}

static void test_probe(void)
{
	const struct lmfs_dev_ops *ops;
	void *ctx;

	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 1024, 0, 0) == 0);
	CU_ASSERT_FATAL(lmfs_file_dev_open(mt_img, 0, 0, &ops, &ctx) == OK);
	CU_ASSERT_FATAL(lmfs_dev_register(MT_DEV, ops, ctx) == OK);
	CU_ASSERT(mfs_fstype.probe(MT_DEV) == 1);
	CU_ASSERT(strcmp(mfs_fstype.name, "mfs") == 0);
	CU_ASSERT(mfs_fstype.table == &mfs_table);
	lmfs_dev_unregister(MT_DEV);
	lmfs_file_dev_close(ctx);
	CU_ASSERT(truncate(mt_img, 0) == 0 && truncate(mt_img, 65536) == 0);
	CU_ASSERT_FATAL(lmfs_file_dev_open(mt_img, 0, 0, &ops, &ctx) == OK);
	CU_ASSERT_FATAL(lmfs_dev_register(MT_DEV, ops, ctx) == OK);
	CU_ASSERT(mfs_fstype.probe(MT_DEV) == 0);
	lmfs_dev_unregister(MT_DEV);
	lmfs_file_dev_close(ctx);
}

/* Block-special access goes through the cache the file system uses. */
static void test_bio(void)
{
	struct fsdriver_data data;
	unsigned char sb[64], blk[1024];

	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 1024, 0, 0) == 0);
	mt_mount();
	fsdriver_data_mem(&data, sb, sizeof(sb));
	CU_ASSERT(mfs_table.fdr_bread(MT_DEV, &data, sizeof(sb), 1024) == sizeof(sb));
	CU_ASSERT(sb[24] == 0x5a && sb[25] == 0x4d);
	CU_ASSERT(sb[V3_FLAGS] == MFSFLAG_MICA_DIRTY);
	/* a write lands in the cache the file system reads the superblock
	 * from at unmount */
	sb[31] = 0x7e;
	CU_ASSERT(mfs_table.fdr_bwrite(MT_DEV, &data, sizeof(sb), 1024) == sizeof(sb));
	fsdriver_data_mem(&data, blk, sizeof(blk));
	CU_ASSERT(mfs_table.fdr_bread(MT_DEV, &data, sizeof(blk),
	    1024 * 1024 - 512) == 512);
	CU_ASSERT(mfs_table.fdr_bflush(MT_DEV) == OK);
	CU_ASSERT(mt_img_read(1024 + 31, sb, 1) == 0 && sb[0] == 0x7e);
	mt_unmount();
}

void mt_add_mount_suite(void)
{
	CU_pSuite s = CU_add_suite("mfs_mount", NULL, NULL);

	CU_add_test(s, "V3 clean state, unclean -> read-only, force",
	    test_clean_v3);
	CU_add_test(s, "V2 clean state and error flag", test_clean_v2);
	CU_add_test(s, "read-only mount writes nothing", test_rdonly);
	CU_add_test(s, "statvfs from the usage accounting", test_statvfs);
	CU_add_test(s, "refusals say why", test_refusals);
	CU_add_test(s, "fstype probe", test_probe);
	CU_add_test(s, "block-special access", test_bio);
}
