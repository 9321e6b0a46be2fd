/*
 * t_corrupt.c - damaged images: targeted damage (entries naming inodes out
 * of range or free, zones out of range, directory sizes, directory loops)
 * must give -EIO and a log line; random byte flips in the metadata must
 * never crash (the suite also runs under ASan+UBSan), hang, or write
 * outside the image.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <mica/dirent.h>
#include <mica/fsdriver_host.h>
#include "mfs_test.h"
#include "mfs_sb.h"

static struct mfs_sb mt_sb;

/* Byte offset of inode 'ino' in the image. */
static uint64_t mt_inode_off(uint32_t ino)
{
	return (uint64_t)mfs_itable_start(&mt_sb) * mt_sb.block_size +
	    (uint64_t)(ino - 1) * mt_sb.inode_size;
}

static void mt_get_inode(uint32_t ino, struct mfs_inode_v2 *d)
{
	CU_ASSERT(mt_img_read(mt_inode_off(ino), d, sizeof(*d)) == 0);
}

static void mt_put_inode(uint32_t ino, const struct mfs_inode_v2 *d)
{
	CU_ASSERT(mt_img_write(mt_inode_off(ino), d, sizeof(*d)) == 0);
}

/* A small tree: d/ (with a file f of 300 KiB), e/ and file g. */
static void mt_make_tree_v(int version, uint32_t *d, uint32_t *f,
    uint32_t *e)
{
	char *buf = calloc(1, 300 * 1024);
	ino_t ino;

	CU_ASSERT_FATAL(buf != NULL);
	CU_ASSERT_FATAL(mt_mkfs(version, 1024, 2048, 0, version == 3 ? 0 :
	    30) == 0);
	CU_ASSERT_FATAL(mt_layout(&mt_sb) == 0);
	mt_mount();
	CU_ASSERT(mt_mkdir("d", 0755) == OK);
	CU_ASSERT(mt_mkdir("e", 0755) == OK);
	CU_ASSERT(mt_put_file("d/f", buf, 300 * 1024) == OK);
	CU_ASSERT(mt_put_file("g", "gg", 2) == OK);
	CU_ASSERT(mt_ino("d", &ino) == OK);
	*d = (uint32_t)ino;
	CU_ASSERT(mt_ino("d/f", &ino) == OK);
	*f = (uint32_t)ino;
	CU_ASSERT(mt_ino("e", &ino) == OK);
	*e = (uint32_t)ino;
	mt_unmount();
	free(buf);
}

static void mt_make_tree(uint32_t *d, uint32_t *f, uint32_t *e)
{
	mt_make_tree_v(3, d, f, e);
}

/* Expect -EIO from 'r' with at least one log line. */
#define MT_EXPECT_EIO(call) do {					\
	int r_;								\
	mt_log_begin();							\
	r_ = (int)(call);						\
	CU_ASSERT(mt_log_end() >= 1);					\
	CU_ASSERT(r_ == -EIO);						\
	if (r_ != -EIO)							\
		fprintf(stderr, "%s: got %d\n", #call, r_);		\
} while (0)

static void test_bad_entries(void)
{
	struct mfs_inode_v2 di;
	struct mfs_dirent_v3 de;
	uint32_t d, f, e;
	uint64_t blk;
	ino_t ino;
	char buf[64];

	mt_make_tree(&d, &f, &e);
	mt_get_inode(d, &di);
	blk = (uint64_t)di.i_zone[0] * 1024;
	/* entry 2 of d is "f": point it past the inode count */
	CU_ASSERT(mt_img_read(blk + 128, &de, sizeof(de)) == 0);
	CU_ASSERT(strcmp(de.d_name, "f") == 0);
	de.d_ino = mt_sb.ninodes + 5;
	CU_ASSERT(mt_img_write(blk + 128, &de, sizeof(de)) == 0);
	mt_mount();
	MT_EXPECT_EIO(mt_ino("d/f", &ino));
	MT_EXPECT_EIO(mt_count_entries("d"));
	MT_EXPECT_EIO(mt_create("d/new", 0644, NULL));
	mt_unmount();
	/* an entry with an empty name, then one with a slash */
	de.d_ino = f;
	memset(de.d_name, 0, sizeof(de.d_name));
	CU_ASSERT(mt_img_write(blk + 128, &de, sizeof(de)) == 0);
	mt_mount();
	MT_EXPECT_EIO(mt_count_entries("d"));
	mt_unmount();
	strcpy(de.d_name, "a/b");
	CU_ASSERT(mt_img_write(blk + 128, &de, sizeof(de)) == 0);
	mt_mount();
	MT_EXPECT_EIO(mt_count_entries("d"));
	mt_unmount();
	strcpy(de.d_name, "f");
	/* now at a free inode */
	de.d_ino = mt_sb.ninodes - 1;
	CU_ASSERT(mt_img_write(blk + 128, &de, sizeof(de)) == 0);
	mt_mount();
	MT_EXPECT_EIO(mt_ino("d/f", &ino));
	MT_EXPECT_EIO(mt_unlink("d/f"));
	mt_unmount();
	/* an entry naming an inode with no links: EIO, and nothing freed */
	de.d_ino = f;
	CU_ASSERT(mt_img_write(blk + 128, &de, sizeof(de)) == 0);
	{
		struct mfs_inode_v2 fi, after;
		struct statvfs a, b;

		mt_get_inode(f, &fi);
		fi.i_nlinks = 0;
		mt_put_inode(f, &fi);
		mt_mount();
		CU_ASSERT(mfs_table.fdr_statvfs(&a) == OK);
		MT_EXPECT_EIO(mt_ino("d/f", &ino));
		MT_EXPECT_EIO(mt_unlink("d/f"));
		CU_ASSERT(mfs_table.fdr_statvfs(&b) == OK);
		CU_ASSERT(a.f_bfree == b.f_bfree && a.f_ffree == b.f_ffree);
		mt_unmount();
		mt_get_inode(f, &after);
		CU_ASSERT(memcmp(&fi, &after, sizeof(fi)) == 0);
	}
	/* a hole in a directory */
	{
		struct mfs_inode_v2 h = di;

		h.i_zone[0] = 0;
		mt_put_inode(d, &h);
		mt_mount();
		MT_EXPECT_EIO(mt_ino("d/f", &ino));
		MT_EXPECT_EIO(mt_count_entries("d"));
		mt_unmount();
	}
	/* a directory size that is not a multiple of the entry size */
	di.i_size = 130;
	mt_put_inode(d, &di);
	mt_mount();
	MT_EXPECT_EIO(mt_ino("d/f", &ino));
	MT_EXPECT_EIO(mt_count_entries("d"));
	CU_ASSERT(mt_read(mt_root, 0, buf, 1) == -EISDIR);
	mt_unmount();
}

static void test_bad_zones(void)
{
	struct mfs_inode_v2 fi;
	uint32_t d, f, e;
	char buf[1024];
	ino_t ino;

	mt_make_tree(&d, &f, &e);
	mt_get_inode(f, &fi);
	fi.i_zone[1] = mt_sb.zones + 10;	/* past the end */
	fi.i_zone[2] = 3;			/* in the metadata */
	fi.i_zone[MFS_ZONE_IND] = 0xffffffff;
	mt_put_inode(f, &fi);
	mt_mount();
	CU_ASSERT(mt_ino("d/f", &ino) == OK);
	mt_log_begin();		/* read-ahead may meet the bad zones */
	CU_ASSERT(mt_read(ino, 0, buf, 1024) == 1024);
	mt_log_end();
	MT_EXPECT_EIO(mt_read(ino, 1024, buf, 1024));
	MT_EXPECT_EIO(mt_read(ino, 2048, buf, 1024));
	MT_EXPECT_EIO(mt_read(ino, 8 * 1024, buf, 1024));
	MT_EXPECT_EIO(mt_write(ino, 1024, buf, 1024));
	MT_EXPECT_EIO(mt_write(ino, 8 * 1024, buf, 1024));
	MT_EXPECT_EIO(mfs_table.fdr_trunc(ino, 0, 0));
	mt_unmount();
	/* nothing outside the image was written: the size is unchanged */
	{
		struct stat st;

		CU_ASSERT(stat(mt_img, &st) == 0 && st.st_size == 2048 * 1024);
	}
}

/* d's ".." names e and e's ".." names d: moving a directory into either
 * must stop with -EIO rather than loop. */
static void test_dir_loop(void)
{
	struct mfs_inode_v2 di, ei;
	struct mfs_dirent_v3 de;
	uint32_t d, f, e;

	mt_make_tree(&d, &f, &e);
	mt_get_inode(d, &di);
	mt_get_inode(e, &ei);
	CU_ASSERT(mt_img_read((uint64_t)di.i_zone[0] * 1024 + 64, &de,
	    sizeof(de)) == 0);
	CU_ASSERT(strcmp(de.d_name, "..") == 0);
	de.d_ino = e;
	CU_ASSERT(mt_img_write((uint64_t)di.i_zone[0] * 1024 + 64, &de,
	    sizeof(de)) == 0);
	de.d_ino = d;
	CU_ASSERT(mt_img_write((uint64_t)ei.i_zone[0] * 1024 + 64, &de,
	    sizeof(de)) == 0);
	mt_mount();
	CU_ASSERT(mt_mkdir("x", 0755) == OK);
	MT_EXPECT_EIO(mt_rename("x", "d/x"));
	mt_unmount();
}

/* The oracle itself notices damage (so a clean fsck means something). */
static void test_fsck_oracle(void)
{
	uint32_t d, f, e;
	unsigned char b;

	mt_make_tree(&d, &f, &e);
	CU_ASSERT(mt_fsck() == 0);
	CU_ASSERT(mt_img_read((uint64_t)mfs_zmap_start(&mt_sb) * 1024 + 100,
	    &b, 1) == 0);
	b ^= 0x10;
	CU_ASSERT(mt_img_write((uint64_t)mfs_zmap_start(&mt_sb) * 1024 + 100,
	    &b, 1) == 0);
	mt_log_begin();
	CU_ASSERT(mt_fsck() != 0);
	mt_log_end();
	CU_ASSERT(strstr(mt_logbuf, "Zone") != NULL);
}

/* Visit everything under 'path' (bounded), reading and stating. */
static void mt_walk(const char *path, int depth, int *budget)
{
	struct fsdriver_data data;
	char buf[4096], sub[600], fbuf[4096];
	struct mica_dirent *de;
	struct stat st;
	off_t pos = 0;
	ssize_t n, off;
	ino_t dir, ino;

	if (depth > 6 || mt_ino(path, &dir) != OK)
		return;
	fsdriver_data_mem(&data, buf, sizeof(buf));
	while (--*budget > 0 && (n = mfs_table.fdr_getdents(dir, &data,
	    sizeof(buf), &pos)) > 0) {
		for (off = 0; off < n; off += de->d_reclen) {
			de = (void *)(buf + off);
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
			if (mt_stat(sub, &st) != OK)
				continue;
			if (S_ISDIR(st.st_mode))
				mt_walk(sub, depth + 1, budget);
			else if (mt_ino(sub, &ino) == OK)
				mt_read(ino, 0, fbuf, sizeof(fbuf));
		}
	}
}

/* Changes on the damaged tree: none may crash. */
static void mt_mutate(void)
{
	char buf[3000];
	ino_t ino;

	memset(buf, 'q', sizeof(buf));
	if (mt_create("new", 0644, &ino) == OK)
		mt_write(ino, 5000, buf, sizeof(buf));
	mt_mkdir("nd", 0755);
	mt_rename("g", "nd/g");
	mt_rename("d", "e/d");
	mt_unlink("d/f");
	mt_unlink("e/d/f");
	mt_rmdir("e/d");
	mt_symlink("target", "e/s");
	if (mt_ino("e/d/f", &ino) == OK)
		mfs_table.fdr_trunc(ino, 100, 0);
}

static void mt_fuzz(unsigned int seed, const char *tmpl, size_t size,
    uint64_t meta_end)
{
	char *img = malloc(size);
	unsigned int i, flips, res;
	uint32_t x = seed * 7919 + 13;
	int budget = 2000;

	CU_ASSERT_FATAL(img != NULL);
	memcpy(img, tmpl, size);
	flips = 1 + seed % 8;
	for (i = 0; i < flips; i++) {
		x = x * 1103515245 + 12345;
		img[1024 + (x >> 8) % (meta_end - 1024)] ^=
		    (char)(1u << ((x >> 4) % 8));
	}
	CU_ASSERT_FATAL(mt_img_write(0, img, size) == 0);
	if (mt_mount_flags(FSDRIVER_MOUNT_FORCE, &res) == OK) {
		mt_walk("", 0, &budget);
		mt_mutate();
		budget = 2000;
		mt_walk("", 0, &budget);
		mt_unmount();
	}
	free(img);
}

static void mt_fuzz_version(int version, unsigned int seeds)
{
	size_t size = 2048 * 1024;
	char *tmpl = malloc(size);
	uint32_t d, f, e;
	uint64_t meta_end;
	unsigned int seed;

	CU_ASSERT_FATAL(tmpl != NULL);
	mt_make_tree_v(version, &d, &f, &e);
	CU_ASSERT_FATAL(mt_img_read(0, tmpl, size) == 0);
	/* superblock, bitmaps, inode table and the directories; every third
	 * image also the file's data and indirect blocks */
	meta_end = ((uint64_t)mt_sb.firstdatazone + 8) * 1024;
	mt_log_begin();
	for (seed = 1; seed <= seeds; seed++)
		mt_fuzz(seed, tmpl, size, seed % 3 ? meta_end :
		    meta_end + 320 * 1024);
	mt_log_end();
	free(tmpl);
}

static void test_fuzz(void)
{
	mt_fuzz_version(3, 300);
	mt_fuzz_version(1, 150);
	mt_fuzz_version(2, 150);
}

void mt_add_corrupt_suite(void)
{
	CU_pSuite s = CU_add_suite("mfs_corrupt", NULL, NULL);

	CU_add_test(s, "entries: inode out of range, free, dir size",
	    test_bad_entries);
	CU_add_test(s, "zones out of range", test_bad_zones);
	CU_add_test(s, "directory loop", test_dir_loop);
	CU_add_test(s, "fsck.minix notices damage", test_fsck_oracle);
	CU_add_test(s, "random damage: no crash", test_fuzz);
}
