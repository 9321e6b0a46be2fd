/*
 * t_limits.c - error codes and the format's limits: name length per
 * version, link counts, file size, running out of space; the POSIX errors
 * of every naming operation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include "mfs_test.h"
#include <mica/fsdriver_host.h>

static void mt_name_limit(int version, unsigned int namelen)
{
	char name[80];
	ino_t ino;

	CU_ASSERT_FATAL(mt_mkfs(version, 1024, 1024, 0, namelen) == 0);
	mt_mount();
	memset(name, 'n', sizeof(name));
	name[namelen] = '\0';
	CU_ASSERT(mt_create(name, 0644, &ino) == OK);
	CU_ASSERT(mt_ino(name, &ino) == OK);
	name[namelen - 1] = 'm';
	CU_ASSERT(mt_mkdir(name, 0755) == OK);
	name[namelen] = 'n';
	name[namelen + 1] = '\0';
	CU_ASSERT(mt_create(name, 0644, &ino) == -ENAMETOOLONG);
	CU_ASSERT(mt_mkdir(name, 0755) == -ENAMETOOLONG);
	CU_ASSERT(mt_ino(name, &ino) == -ENAMETOOLONG);
	CU_ASSERT(mt_symlink("x", name) == -ENAMETOOLONG);
	name[namelen] = '\0';
	CU_ASSERT(mt_count_entries("") == 2);
	mt_unmount();
	CU_ASSERT(mt_fsck() == 0);
}

static void test_names(void)
{
	mt_name_limit(3, 60);
	mt_name_limit(2, 30);
	mt_name_limit(2, 14);
	mt_name_limit(1, 14);
	mt_name_limit(1, 30);
}

/* V1: 250 links at most, for files and for directories' subdirectories. */
static void test_link_max(void)
{
	char name[32];
	struct stat st;
	int i;

	CU_ASSERT_FATAL(mt_mkfs(1, 1024, 2048, 600, 30) == 0);
	mt_mount();
	CU_ASSERT(mt_put_file("f", "x", 1) == OK);
	for (i = 1; i < 250; i++) {
		snprintf(name, sizeof(name), "l%d", i);
		CU_ASSERT(mt_link("f", name) == OK);
	}
	CU_ASSERT(mt_stat("f", &st) == OK && st.st_nlink == 250);
	CU_ASSERT(mt_link("f", "one_too_many") == -EMLINK);
	CU_ASSERT(mt_mkdir("p", 0755) == OK);
	for (i = 0; i < 248; i++) {
		snprintf(name, sizeof(name), "p/s%d", i);
		CU_ASSERT(mt_mkdir(name, 0755) == OK);
	}
	CU_ASSERT(mt_stat("p", &st) == OK && st.st_nlink == 250);
	CU_ASSERT(mt_mkdir("p/full", 0755) == -EMLINK);
	CU_ASSERT(mt_mkdir("q", 0755) == OK);
	CU_ASSERT(mt_rename("q", "p/q") == -EMLINK);
	CU_ASSERT(mt_rename("p/s0", "q/s0") == OK);
	CU_ASSERT(mt_rename("q", "p/q") == OK);
	mt_unmount();
	CU_ASSERT(mt_fsck() == 0);
}

/* Writes and truncation stop at the format's largest file. */
static void mt_size_limit(int version, uint64_t max)
{
	struct fsdriver_data data;
	char buf[2] = "ab";
	struct stat st;
	ino_t ino;

	CU_ASSERT_FATAL(mt_mkfs(version, 1024, 2048, 0, 0) == 0);
	mt_mount();
	CU_ASSERT_FATAL(mt_create("big", 0644, &ino) == OK);
	CU_ASSERT(mt_write(ino, (off_t)max, buf, 1) == -EFBIG);
	CU_ASSERT(mt_write(ino, (off_t)max - 1, buf, 2) == 1);
	CU_ASSERT(mt_stat("big", &st) == OK && (uint64_t)st.st_size == max);
	CU_ASSERT(mfs_table.fdr_trunc(ino, (off_t)max + 1, 0) == -EFBIG);
	CU_ASSERT(mfs_table.fdr_trunc(ino, 0, 0) == OK);
	CU_ASSERT(mfs_table.fdr_trunc(ino, (off_t)max, 0) == OK);
	fsdriver_data_mem(&data, buf, 1);
	CU_ASSERT(mt_read(ino, (off_t)max - 1, buf, 2) == 1 && buf[0] == 0);
	mt_unmount();
	CU_ASSERT(mt_fsck() == 0);
}

static void test_efbig(void)
{
	mt_size_limit(1, (7 + 512 + 512 * 512) * 1024ULL);
	mt_size_limit(3, 0x7fffffff);
}

/* Fill the image; ENOSPC; everything comes back after unlink. */
static void test_enospc(void)
{
	struct statvfs before, full, after;
	char *buf = calloc(1, 65536);
	char name[32];
	ssize_t n = 0;
	ino_t ino;
	int i, r = OK;

	CU_ASSERT_FATAL(buf != NULL);
	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 1024, 64, 0) == 0);
	mt_mount();
	CU_ASSERT(mfs_table.fdr_statvfs(&before) == OK);
	CU_ASSERT(mt_create("fill", 0644, &ino) == OK);
	for (i = 0; i < 64 && (n = mt_write(ino, (off_t)i * 65536, buf,
	    65536)) == 65536; i++)
		;
	CU_ASSERT(n >= 0 && n < 65536);
	CU_ASSERT(mt_write(ino, (off_t)i * 65536 + n, buf, 1024) == -ENOSPC);
	CU_ASSERT(mfs_table.fdr_statvfs(&full) == OK && full.f_bfree == 0);
	for (i = 0; i < 100 && r == OK; i++) {
		snprintf(name, sizeof(name), "e%d", i);
		r = mt_create(name, 0644, NULL);
	}
	CU_ASSERT(r == -ENOSPC);
	mt_remount();
	CU_ASSERT(mfs_table.fdr_statvfs(&full) == OK && full.f_bfree == 0);
	CU_ASSERT(mt_unlink("fill") == OK);
	for (i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "e%d", i);
		mt_unlink(name);
	}
	CU_ASSERT(mfs_table.fdr_statvfs(&after) == OK);
	CU_ASSERT(after.f_bfree == before.f_bfree);
	CU_ASSERT(after.f_ffree == before.f_ffree);
	mt_remount();
	CU_ASSERT(mfs_table.fdr_statvfs(&after) == OK);
	CU_ASSERT(after.f_bfree == before.f_bfree);
	CU_ASSERT(after.f_ffree == before.f_ffree);
	mt_unmount();
	CU_ASSERT(mt_fsck() == 0);
	free(buf);
}

static void test_errors(void)
{
	ino_t ino, f;
	char buf[4];

	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 1024, 0, 0) == 0);
	mt_mount();
	CU_ASSERT(mt_put_file("f", "abc", 3) == OK);
	CU_ASSERT(mt_mkdir("d", 0755) == OK);
	CU_ASSERT(mt_mkdir("d/sub", 0755) == OK);
	CU_ASSERT(mt_put_file("d/sub/x", "x", 1) == OK);
	CU_ASSERT(mt_mkdir("empty", 0755) == OK);
	CU_ASSERT(mt_create("f", 0644, NULL) == -EEXIST);
	CU_ASSERT(mt_mkdir("f", 0755) == -EEXIST);
	CU_ASSERT(mt_mkdir("d", 0755) == -EEXIST);
	CU_ASSERT(mt_symlink("x", "d") == -EEXIST);
	CU_ASSERT(mt_link("f", "d") == -EEXIST);
	CU_ASSERT(mt_ino("nope", &ino) == -ENOENT);
	CU_ASSERT(mt_unlink("nope") == -ENOENT);
	CU_ASSERT(mt_rmdir("nope") == -ENOENT);
	CU_ASSERT(mt_rename("nope", "x") == -ENOENT);
	CU_ASSERT(mt_ino("f/x", &ino) == -ENOTDIR);
	CU_ASSERT(mt_create("f/x", 0644, NULL) == -ENOTDIR);
	CU_ASSERT(mt_rmdir("f") == -ENOTDIR);
	CU_ASSERT(mt_unlink("d") == -EISDIR);
	CU_ASSERT(mt_link("d", "dlink") == -EPERM);
	CU_ASSERT(mt_ino("d", &ino) == OK);
	CU_ASSERT(mt_write(ino, 0, "x", 1) == -EISDIR);
	CU_ASSERT(mt_read(ino, 0, buf, 1) == -EISDIR);
	CU_ASSERT(mt_rmdir("d") == -ENOTEMPTY);
	CU_ASSERT(mt_rmdir("d/sub/.") == -EINVAL);
	CU_ASSERT(mt_rmdir("d/sub/..") == -ENOTEMPTY);
	CU_ASSERT(mt_rename("d", "d/sub/inside") == -EINVAL);
	CU_ASSERT(mt_rename("d", "d/inside") == -EINVAL);
	CU_ASSERT(mt_rename("f", "d") == -EISDIR);
	CU_ASSERT(mt_rename("empty", "f") == -ENOTDIR);
	CU_ASSERT(mt_rename("empty", "d") == -ENOTEMPTY);
	/* replacing: a file by a file, an empty directory by a directory */
	CU_ASSERT(mt_put_file("g", "ggg", 3) == OK);
	CU_ASSERT(mt_ino("f", &f) == OK);
	CU_ASSERT(mt_rename("g", "f") == OK);
	CU_ASSERT(mt_file_is("f", "ggg", 3));
	CU_ASSERT(mt_ino("g", &ino) == -ENOENT);
	CU_ASSERT(mt_rename("d/sub", "empty") == OK);
	CU_ASSERT(mt_file_is("empty/x", "x", 1));
	CU_ASSERT(mt_ino("empty/..", &ino) == OK && ino == mt_root);
	CU_ASSERT(mt_rename("f", "f") == OK);
	CU_ASSERT(mt_link("f", "f2") == OK);
	CU_ASSERT(mt_rename("f", "f2") == OK);	/* same inode: no-op */
	CU_ASSERT(mt_file_is("f", "ggg", 3));
	CU_ASSERT(mt_rmdir("d") == OK);
	mt_unmount();
	CU_ASSERT(mt_fsck() == 0);
}

void mt_add_limits_suite(void)
{
	CU_pSuite s = CU_add_suite("mfs_limits", NULL, NULL);

	CU_add_test(s, "name length per version", test_names);
	CU_add_test(s, "link count limit (V1: 250)", test_link_max);
	CU_add_test(s, "file size limit (EFBIG)", test_efbig);
	CU_add_test(s, "ENOSPC and space coming back", test_enospc);
	CU_add_test(s, "POSIX errors and replacing renames", test_errors);
}
