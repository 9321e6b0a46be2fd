/*
 * t_file.c - file data and attributes: holes, truncate both ways, punched
 * holes, triple-indirect zones, st_blocks, read-ahead, timestamps,
 * chmod/chown/setgid, many entries in one directory, getdents resumption,
 * unlinked-but-open files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <mica/dirent.h>
#include <mica/fsdriver_host.h>
#include "mfs_test.h"

static int mt_is_zero(const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != 0)
			return 0;
	return 1;
}

static void test_holes_trunc(void)
{
	char buf[5000], got[5000];
	struct stat st;
	ino_t ino;

	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 4096, 0, 0) == 0);
	mt_mount();
	mt_fill(buf, sizeof(buf), 7);
	CU_ASSERT_FATAL(mt_create("h", 0644, &ino) == OK);
	CU_ASSERT(mt_write(ino, 1000000, buf, sizeof(buf)) == sizeof(buf));
	CU_ASSERT(mt_stat("h", &st) == OK && st.st_size == 1005000);
	/* 5 data blocks + single + double + one indirect below it */
	CU_ASSERT(st.st_blocks == 2 * (5 + 3));
	CU_ASSERT(mt_read(ino, 500000, got, sizeof(got)) == sizeof(got));
	CU_ASSERT(mt_is_zero(got, sizeof(got)));
	CU_ASSERT(mt_read(ino, 1000000, got, sizeof(got)) == sizeof(got));
	CU_ASSERT(memcmp(got, buf, sizeof(buf)) == 0);
	/* shrink into the middle of a block, then grow: zeros come back */
	CU_ASSERT(mfs_table.fdr_trunc(ino, 1000100, 0) == OK);
	CU_ASSERT(mfs_table.fdr_trunc(ino, 1003000, 0) == OK);
	CU_ASSERT(mt_read(ino, 1000000, got, 3000) == 3000);
	CU_ASSERT(memcmp(got, buf, 100) == 0 && mt_is_zero(got + 100, 2900));
	/* punch a hole: [1000050, 1002500) */
	CU_ASSERT(mfs_table.fdr_trunc(ino, 1000050, 1002500) == OK);
	CU_ASSERT(mt_stat("h", &st) == OK && st.st_size == 1003000);
	CU_ASSERT(mt_read(ino, 1000000, got, 100) == 100);
	CU_ASSERT(memcmp(got, buf, 50) == 0 && mt_is_zero(got + 50, 50));
	/* write past the end in the same block: the gap reads as zeros */
	CU_ASSERT(mfs_table.fdr_trunc(ino, 10, 0) == OK);
	CU_ASSERT(mt_write(ino, 0, buf, 10) == 10);
	CU_ASSERT(mfs_table.fdr_trunc(ino, 5, 0) == OK);
	CU_ASSERT(mt_write(ino, 20, "z", 1) == 1);
	CU_ASSERT(mt_read(ino, 0, got, 100) == 21);
	CU_ASSERT(memcmp(got, buf, 5) == 0 && mt_is_zero(got + 5, 15));
	CU_ASSERT(mfs_table.fdr_trunc(ino, 0, 0) == OK);
	CU_ASSERT(mt_stat("h", &st) == OK && st.st_size == 0 &&
	    st.st_blocks == 0);
	mt_unmount();
	CU_ASSERT(mt_fsck() == 0);
}

/* Beyond the double-indirect reach (7+256+65536 KiB at 1 KiB blocks). */
static void mt_triple(int version)
{
	uint64_t pos = 70ULL * 1024 * 1024;
	struct statvfs a, b;
	char buf[3000], got[3000];
	struct stat st;
	ino_t ino;

	CU_ASSERT_FATAL(mt_mkfs(version, 1024, 4096, 0, 0) == 0);
	mt_mount();
	mt_fill(buf, sizeof(buf), 3);
	CU_ASSERT(mfs_table.fdr_statvfs(&a) == OK);
	CU_ASSERT_FATAL(mt_create("t", 0644, &ino) == OK);
	CU_ASSERT(mt_write(ino, (off_t)pos, buf, sizeof(buf)) ==
	    sizeof(buf));
	CU_ASSERT(mt_stat("t", &st) == OK && st.st_blocks == 2 * (3 + 3));
	CU_ASSERT(mfs_table.fdr_statvfs(&b) == OK &&
	    a.f_bfree - b.f_bfree == 6);
	mt_remount();
	CU_ASSERT(mt_ino("t", &ino) == OK);
	CU_ASSERT(mt_read(ino, (off_t)pos, got, sizeof(got)) == sizeof(got));
	CU_ASSERT(memcmp(got, buf, sizeof(buf)) == 0);
	mt_unmount();
	CU_ASSERT(mt_fsck() == 0);
	mt_mount();
	CU_ASSERT(mt_unlink("t") == OK);
	CU_ASSERT(mfs_table.fdr_statvfs(&b) == OK && a.f_bfree == b.f_bfree);
	mt_unmount();
	CU_ASSERT(mt_fsck() == 0);
}

static void test_triple(void)
{
	mt_triple(3);
	mt_triple(2);
}

/* A sequential read is served by few, large device reads. */
static void test_readahead(void)
{
	size_t len = 2 * 1024 * 1024;
	char *buf = malloc(len), *got = malloc(len);
	struct lmfs_stats st;
	ino_t ino;
	size_t off;

	CU_ASSERT_FATAL(buf != NULL && got != NULL);
	CU_ASSERT_FATAL(mt_mkfs(3, 4096, 1024, 0, 0) == 0);
	mt_mount();
	mt_fill(buf, len, 11);
	CU_ASSERT(mt_put_file("seq", buf, len) == OK);
	mt_remount();
	CU_ASSERT_FATAL(mt_ino("seq", &ino) == OK);
	lmfs_reset_stats();
	for (off = 0; off < len; off += 65536)
		CU_ASSERT(mt_read(ino, (off_t)off, got + off, 65536) == 65536);
	lmfs_get_stats(&st);
	CU_ASSERT(memcmp(got, buf, len) == 0);
	CU_ASSERT(st.read_reqs <= 32);
	/* a random miss reads a 64 KiB window (16 blocks), no more */
	mt_remount();
	CU_ASSERT_FATAL(mt_ino("seq", &ino) == OK);
	lmfs_reset_stats();
	for (off = 0; off < 64; off++) {
		size_t at = ((off * 37) % 500 + 3) * 4096;

		CU_ASSERT(mt_read(ino, (off_t)at, got, 4096) == 4096);
		CU_ASSERT(memcmp(got, buf + at, 4096) == 0);
	}
	lmfs_get_stats(&st);
	CU_ASSERT(st.read_blocks <= 64 * 16 + 2);
	CU_ASSERT(st.read_reqs <= 2 * 64);	/* a run + an indirect block */
	mt_unmount();
	free(buf);
	free(got);
}

static void test_attrs(void)
{
	struct timespec t[2];
	struct stat st;
	mode_t mode;
	ino_t ino, dir;

	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 1024, 0, 0) == 0);
	mt_mount();
	CU_ASSERT_FATAL(mt_create("f", 04755, &ino) == OK);
	mode = 06775;
	CU_ASSERT(mfs_table.fdr_chmod(ino, &mode) == OK);
	CU_ASSERT(mode == (S_IFREG | 06775));
	CU_ASSERT(mfs_table.fdr_chown(ino, 1000, 100, &mode) == OK);
	CU_ASSERT(mode == (S_IFREG | 0775));
	CU_ASSERT(mt_stat("f", &st) == OK && st.st_uid == 1000 &&
	    st.st_gid == 100);
	mode = 02745;	/* setgid without group exec: kept by chown */
	CU_ASSERT(mfs_table.fdr_chmod(ino, &mode) == OK);
	CU_ASSERT(mfs_table.fdr_chown(ino, (uid_t)-1, 50, &mode) == OK);
	CU_ASSERT(mode == (S_IFREG | 02745));
	CU_ASSERT(mt_stat("f", &st) == OK && st.st_uid == 1000 &&
	    st.st_gid == 50);
	t[0].tv_sec = 1000;
	t[0].tv_nsec = 0;
	t[1].tv_sec = 0;
	t[1].tv_nsec = UTIME_OMIT;
	CU_ASSERT(mt_stat("f", &st) == OK);
	CU_ASSERT(mfs_table.fdr_utime(ino, &t[0], &t[1]) == OK);
	CU_ASSERT(mt_stat("f", &st) == OK && st.st_atime == 1000 &&
	    st.st_mtime > 1000);
	t[0].tv_nsec = UTIME_OMIT;
	t[1].tv_sec = 2000;
	t[1].tv_nsec = 0;
	CU_ASSERT(mfs_table.fdr_utime(ino, &t[0], &t[1]) == OK);
	CU_ASSERT(mt_stat("f", &st) == OK && st.st_atime == 1000 &&
	    st.st_mtime == 2000 && st.st_ctime > 2000);
	/* write sets mtime; create sets the parent's mtime */
	CU_ASSERT(mt_write(ino, 0, "x", 1) == 1);
	CU_ASSERT(mt_stat("f", &st) == OK && st.st_mtime > 2000);
	t[0].tv_sec = t[1].tv_sec = 5;
	t[0].tv_nsec = t[1].tv_nsec = 0;
	CU_ASSERT(mfs_table.fdr_utime(mt_root, &t[0], &t[1]) == OK);
	CU_ASSERT(mt_create("g", 0644, NULL) == OK);
	CU_ASSERT(mt_stat("", &st) == OK && st.st_mtime > 5);
	/* setgid directories pass their group, and the bit to subdirs */
	CU_ASSERT(mt_mkdir("sg", 0755) == OK);
	CU_ASSERT(mt_ino("sg", &dir) == OK);
	mode = 02775;
	CU_ASSERT(mfs_table.fdr_chmod(dir, &mode) == OK);
	CU_ASSERT(mfs_table.fdr_chown(dir, (uid_t)-1, 77, &mode) == OK);
	CU_ASSERT(mode == (S_IFDIR | 02775));
	CU_ASSERT(mt_create("sg/file", 0644, NULL) == OK);
	CU_ASSERT(mt_stat("sg/file", &st) == OK && st.st_gid == 77 &&
	    !(st.st_mode & S_ISGID));
	CU_ASSERT(mt_mkdir("sg/sub", 0755) == OK);
	CU_ASSERT(mt_stat("sg/sub", &st) == OK && st.st_gid == 77 &&
	    (st.st_mode & S_ISGID));
	mt_unmount();
	CU_ASSERT(mt_fsck() == 0);
}

/* Owner ids past the format's fields are stored as the overflow id 65534
 * (V1 gid: 254), with one warning each, through chown and create alike;
 * stat shows the stored id at once and after a remount; fsck.minix agrees
 * the image is clean. */
static void test_owner_overflow(void)
{
	static const uint32_t ids[] = { 0, 65534, 65535, 65536, 1u << 31,
	    4294967294u };
	static const uint32_t id16[] = { 0, 65534, 65535, 65534, 65534,
	    65534 };
	static const uint32_t id8[] = { 0, 254, 254, 254, 254, 254 };
	const size_t n = sizeof(ids) / sizeof(ids[0]);
	struct fsdriver_node node;
	char name[16];
	struct stat st;
	mode_t mode;
	ino_t ino;
	size_t i;
	int v, pass;

	for (v = 1; v <= 3; v++) {
		CU_ASSERT_FATAL(mt_mkfs(v, 1024, 1024, 0, 0) == 0);
		mt_mount();
		mt_log_begin();
		for (i = 0; i < n; i++) {
			snprintf(name, sizeof(name), "c%zu", i);
			CU_ASSERT(mt_create(name, 0644, &ino) == OK);
			CU_ASSERT(mfs_table.fdr_chown(ino, ids[i], ids[i],
			    &mode) == OK);
			snprintf(name, sizeof(name), "n%zu", i);
			CU_ASSERT(mfs_table.fdr_create(mt_root, name,
			    S_IFREG | 0644, ids[i], ids[i], &node) == OK);
			CU_ASSERT(mfs_table.fdr_putnode(node.fn_ino_nr, 1) ==
			    OK);
		}
		/* uids: 3 overflow; gids: 3 (V2/V3) or 5 (V1); twice each */
		CU_ASSERT_EQUAL(mt_log_end(), 2 * (3 + (v == 1 ? 5 : 3)));
		CU_ASSERT(strstr(mt_logbuf, "stored as") != NULL);
		for (pass = 0; pass < 2; pass++) {
			for (i = 0; i < 2 * n; i++) {
				snprintf(name, sizeof(name), "%c%zu",
				    i < n ? 'c' : 'n', i % n);
				CU_ASSERT(mt_stat(name, &st) == OK);
				CU_ASSERT_EQUAL(st.st_uid, id16[i % n]);
				CU_ASSERT_EQUAL(st.st_gid, v == 1 ?
				    id8[i % n] : id16[i % n]);
			}
			if (pass == 0)
				mt_remount();
		}
		mt_unmount();
		CU_ASSERT(mt_fsck() == 0);
	}
}

/* Many entries; getdents with a tiny buffer resumes where it stopped. */
static void test_many(void)
{
	struct fsdriver_data data;
	char name[32], buf[100];
	int i, seen = 0, r = OK;
	off_t pos = 0;
	ssize_t n;
	ino_t dir;

	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 4096, 3000, 0) == 0);
	mt_mount();
	CU_ASSERT(mt_mkdir("m", 0755) == OK);
	for (i = 0; i < 2000 && r == OK; i++) {
		snprintf(name, sizeof(name), "m/file%d", i);
		r = mt_create(name, 0644, NULL);
	}
	CU_ASSERT(r == OK);
	for (i = 0; i < 2000; i += 2) {
		snprintf(name, sizeof(name), "m/file%d", i);
		CU_ASSERT(mt_unlink(name) == OK);
	}
	for (i = 0; i < 500; i++) {
		snprintf(name, sizeof(name), "m/new%d", i);
		CU_ASSERT(mt_create(name, 0644, NULL) == OK);
	}
	CU_ASSERT(mt_count_entries("m") == 1500);
	for (i = 0, r = 0; i < 2000; i++) {
		ino_t ino;

		snprintf(name, sizeof(name), "m/file%d", i);
		r += mt_ino(name, &ino) == (i % 2 ? OK : -ENOENT);
	}
	CU_ASSERT(r == 2000);
	/* renames inside the indexed directory, replacing and not */
	CU_ASSERT(mt_rename("m/file1", "m/file3") == OK);
	CU_ASSERT(mt_rename("m/file5", "m/file4") == OK);
	CU_ASSERT(mt_ino("m/file1", &dir) == -ENOENT);
	CU_ASSERT(mt_ino("m/file5", &dir) == -ENOENT);
	CU_ASSERT(mt_ino("m/file4", &dir) == OK);
	CU_ASSERT(mt_create("m/file1", 0644, NULL) == OK);
	CU_ASSERT(mt_create("m/file4", 0644, NULL) == -EEXIST);
	CU_ASSERT(mt_count_entries("m") == 1500);
	CU_ASSERT_FATAL(mt_ino("m", &dir) == OK);
	fsdriver_data_mem(&data, buf, sizeof(buf));
	while ((n = mfs_table.fdr_getdents(dir, &data, sizeof(buf), &pos))
	    > 0) {
		struct mica_dirent *d = NULL;
		ssize_t off;

		for (off = 0; off < n; off += d->d_reclen) {
			d = (void *)(buf + off);
			seen++;
		}
		CU_ASSERT(d != NULL && d->d_off <= pos);
	}
	CU_ASSERT(n == 0);
	CU_ASSERT(seen == 1502);
	mt_remount();
	CU_ASSERT(mt_count_entries("m") == 1500);
	CU_ASSERT(mt_ino("m/file4", &dir) == OK);
	CU_ASSERT(mt_ino("m/file5", &dir) == -ENOENT);
	CU_ASSERT(mt_ino("m/new499", &dir) == OK);
	mt_unmount();
	CU_ASSERT(mt_fsck() == 0);
}

/* An unlinked file lives until its last reference goes. */
static void test_orphan(void)
{
	struct fsdriver_node node;
	struct statvfs a, b;
	char got[8];

	CU_ASSERT_FATAL(mt_mkfs(2, 1024, 1024, 0, 30) == 0);
	mt_mount();
	CU_ASSERT(mfs_table.fdr_statvfs(&a) == OK);
	CU_ASSERT(mt_put_file("o", "orphan", 6) == OK);
	CU_ASSERT(mfs_table.fdr_lookup(mt_root, "o", &node) == OK);
	CU_ASSERT(mt_unlink("o") == OK);
	CU_ASSERT(mt_read(node.fn_ino_nr, 0, got, 6) == 6);
	CU_ASSERT(memcmp(got, "orphan", 6) == 0);
	CU_ASSERT(mfs_table.fdr_statvfs(&b) == OK &&
	    b.f_ffree == a.f_ffree - 1);
	CU_ASSERT(mfs_table.fdr_putnode(node.fn_ino_nr, 1) == OK);
	CU_ASSERT(mfs_table.fdr_statvfs(&b) == OK &&
	    b.f_ffree == a.f_ffree && b.f_bfree == a.f_bfree);
	/* one still open at unmount is destroyed then */
	CU_ASSERT(mt_put_file("o2", "x", 1) == OK);
	CU_ASSERT(mfs_table.fdr_lookup(mt_root, "o2", &node) == OK);
	CU_ASSERT(mt_unlink("o2") == OK);
	mt_unmount();
	CU_ASSERT(mt_fsck() == 0);
	mt_mount();
	CU_ASSERT(mfs_table.fdr_statvfs(&b) == OK &&
	    b.f_ffree == a.f_ffree && b.f_bfree == a.f_bfree);
	mt_unmount();
}

/* More inodes than the in-core cache keeps: evicted dirty inodes are
 * written back, and come back right. */
static void test_inode_cache(void)
{
	char name[48];
	struct stat st;
	int i, ok = 0;
	ino_t ino;

	CU_ASSERT_FATAL(mt_mkfs(3, 4096, 16384, 10000, 0) == 0);
	mt_mount();
	for (i = 0; i < 30; i++) {
		snprintf(name, sizeof(name), "d%d", i);
		CU_ASSERT(mt_mkdir(name, 0755) == OK);
	}
	for (i = 0; i < 9600; i++) {
		snprintf(name, sizeof(name), "d%d/f%05d", i % 30, i);
		if (mt_create(name, 0600 | (i & 077), &ino) == OK &&
		    mt_write(ino, 0, name, 8) == 8)
			ok++;
	}
	CU_ASSERT(ok == 9600);
	for (i = ok = 0; i < 9600; i++) {
		snprintf(name, sizeof(name), "d%d/f%05d", i % 30, i);
		ok += mt_stat(name, &st) == OK && st.st_size == 8 &&
		    (st.st_mode & 07777) == (mode_t)(0600 | (i & 077));
	}
	CU_ASSERT(ok == 9600);
	mt_remount();
	for (i = ok = 0; i < 9600; i += 7) {
		snprintf(name, sizeof(name), "d%d/f%05d", i % 30, i);
		ok += mt_file_is(name, name, 8);
	}
	CU_ASSERT(ok == (9600 + 6) / 7);
	mt_unmount();
}

/* V1 keeps one time: the modification time, which utime sets. */
static void test_v1_times(void)
{
	struct timespec t[2] = { { 1000, 0 }, { 2000, 0 } };
	struct stat st;
	ino_t ino;

	CU_ASSERT_FATAL(mt_mkfs(1, 1024, 1024, 0, 14) == 0);
	mt_mount();
	CU_ASSERT_FATAL(mt_create("f", 0644, &ino) == OK);
	CU_ASSERT(mfs_table.fdr_utime(ino, &t[0], &t[1]) == OK);
	mt_remount();
	CU_ASSERT(mt_stat("f", &st) == OK && st.st_mtime == 2000);
	/* getdents sets a directory's atime (V3) */
	mt_unmount();
	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 1024, 0, 0) == 0);
	mt_mount();
	CU_ASSERT(mfs_table.fdr_utime(mt_root, &t[0], &t[1]) == OK);
	CU_ASSERT(mt_count_entries("") == 0);
	CU_ASSERT(mt_stat("", &st) == OK && st.st_atime > 1000 &&
	    st.st_mtime == 2000);
	mt_unmount();
}

/* fdr_peek reads a file's blocks into the cache (it does not copy them
 * anywhere) and leaves its atime alone. */
static void test_peek(void)
{
	static char buf[40000], got[40000];
	struct timespec old = { 1000, 0 };
	struct lmfs_stats st;
	struct stat after;
	ino_t ino;

	CU_ASSERT_FATAL(mt_mkfs(3, 4096, 1024, 0, 0) == 0);
	mt_mount();
	mt_fill(buf, sizeof(buf), 5);
	CU_ASSERT(mt_put_file("p", buf, sizeof(buf)) == OK);
	mt_remount();				/* empty cache */
	CU_ASSERT_FATAL(mt_ino("p", &ino) == OK);
	lmfs_reset_stats();
	CU_ASSERT(mfs_table.fdr_peek(ino, sizeof(buf), 0) ==
	    (ssize_t)sizeof(buf));
	lmfs_get_stats(&st);
	CU_ASSERT(st.read_blocks >= 10);
	CU_ASSERT(mt_read(ino, 0, got, sizeof(got)) == (ssize_t)sizeof(got));
	CU_ASSERT(memcmp(got, buf, sizeof(buf)) == 0);
	CU_ASSERT(mfs_table.fdr_peek(ino, 10, -1) == -EINVAL);
	CU_ASSERT(mfs_table.fdr_utime(ino, &old, &old) == OK);
	CU_ASSERT(mfs_table.fdr_peek(ino, sizeof(buf), 0) > 0);
	CU_ASSERT(mt_stat("p", &after) == OK);
	CU_ASSERT(after.st_atime == 1000);
	mt_unmount();
}

void mt_add_file_suite(void)
{
	CU_pSuite s = CU_add_suite("mfs_file", NULL, NULL);

	CU_add_test(s, "holes, truncate, punched holes", test_holes_trunc);
	CU_add_test(s, "triple-indirect zone (zone[9])", test_triple);
	CU_add_test(s, "sequential read-ahead", test_readahead);
	CU_add_test(s, "chmod, chown, utime, setgid dirs", test_attrs);
	CU_add_test(s, "owner ids past the format (65534)",
	    test_owner_overflow);
	CU_add_test(s, "many entries, getdents resumption", test_many);
	CU_add_test(s, "unlinked open files", test_orphan);
	CU_add_test(s, "V1 times; getdents atime", test_v1_times);
	CU_add_test(s, "in-core inode cache eviction", test_inode_cache);
	CU_add_test(s, "peek: reads into the cache, keeps atime", test_peek);
}
