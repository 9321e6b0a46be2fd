/*
 * test_basic.c - files, directories, links, symlinks, device nodes and
 * truncation on images of each block and inode size, each checked by
 * e2fsck -fn and (for contents) debugfs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/statvfs.h>

#include "et.h"

/* Write a file with holes reaching into the indirect trees; read back. */
static void et_big_sparse(unsigned int bs)
{
	static const uint64_t offs[] = { 0, 5000, 13 * 1024, 300 * 1024,
	    5u << 20, 70u << 20 };
	size_t len = 3 * bs + 123, i;
	char *buf = malloc(len), *back = malloc(len);
	ino_t ino;

	CU_ASSERT_FATAL(buf != NULL && back != NULL);
	CU_ASSERT_FATAL(et_create("sparse", 0644, &ino) == OK);
	for (i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
		et_pattern(buf, len, 7, offs[i]);
		CU_ASSERT(et_pwrite(ino, buf, len, (off_t)offs[i]) ==
		    (ssize_t)len);
	}
	et_remount();
	CU_ASSERT_FATAL(et_lookup("sparse", &ino) == OK);
	for (i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
		et_pattern(buf, len, 7, offs[i]);
		CU_ASSERT(et_pread(ino, back, len, (off_t)offs[i]) ==
		    (ssize_t)len);
		CU_ASSERT(memcmp(buf, back, len) == 0);
	}
	/* a hole reads as zeros */
	CU_ASSERT(et_pread(ino, back, 1000, 1u << 20) == 1000);
	memset(buf, 0, 1000);
	CU_ASSERT(memcmp(buf, back, 1000) == 0);
	free(buf);
	free(back);
}

static void et_one_geometry(const char *opts, unsigned int bs)
{
	struct fsdriver_node n;
	struct stat st;
	char target[300];
	ino_t ino;

	CU_ASSERT_FATAL(et_mkfs(opts, 16384) == 0);
	et_mount();
	et_big_sparse(bs);
	CU_ASSERT(et_mkdir("d", 0755) == OK);
	CU_ASSERT(et_put_file("d/hello", "hello, ext2\n", 12) == OK);
	CU_ASSERT(et_symlink("d/fast", "hello") == OK);
	memset(target, 'x', sizeof(target) - 1);
	target[sizeof(target) - 1] = '\0';
	CU_ASSERT(et_symlink("d/slow", target) == OK);
	CU_ASSERT(et_mknod("d/chr", S_IFCHR | 0600, makedev(4, 64)) == OK);
	CU_ASSERT(et_mknod("d/blk", S_IFBLK | 0600, makedev(259, 70000)) == OK);
	CU_ASSERT(et_mknod("d/fifo", S_IFIFO | 0644, 0) == OK);
	CU_ASSERT(et_lookup("d/hello", &ino) == OK);
	CU_ASSERT(ET_T->fdr_chown(ino, 100000, 200000, &(mode_t){0}) == OK);
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
	CU_ASSERT(et_sh("debugfs -R 'cat /d/hello' %s | grep -qx 'hello, ext2'",
	    et_img) == 0);
	CU_ASSERT(et_sh("debugfs -R 'stat /d/blk' %s | grep -q "
	    "'Device major/minor number: 259:70000'", et_img) == 0);
	CU_ASSERT(et_sh("debugfs -R 'stat /d/hello' %s | "
	    "grep -q 'User: 100000   Group: 200000'", et_img) == 0);
	CU_ASSERT(et_sh("debugfs -R 'stat /d/slow' %s | grep -q 'x\\{299\\}'"
	    " || debugfs -R 'dump /d/slow /dev/stdout' %s | grep -q x",
	    et_img, et_img) == 0);
	et_mount();
	CU_ASSERT(et_stat("d/blk", &st) == OK);
	CU_ASSERT(major(st.st_rdev) == 259 && minor(st.st_rdev) == 70000);
	CU_ASSERT(et_stat("d/hello", &st) == OK);
	CU_ASSERT(st.st_uid == 100000 && st.st_gid == 200000);
	/* fn_dev: the number for device nodes, 0 for anything else */
	CU_ASSERT(et_lookup("d", &ino) == OK);
	CU_ASSERT(ET_T->fdr_lookup(ino, "blk", &n) == OK);
	CU_ASSERT(n.fn_dev == makedev(259, 70000));
	ET_T->fdr_putnode(n.fn_ino_nr, 1);
	CU_ASSERT(ET_T->fdr_lookup(ino, "hello", &n) == OK);
	CU_ASSERT(n.fn_dev == 0);
	ET_T->fdr_putnode(n.fn_ino_nr, 1);
	CU_ASSERT(ET_T->fdr_lookup(ino, "fifo", &n) == OK);
	CU_ASSERT(n.fn_dev == 0);
	ET_T->fdr_putnode(n.fn_ino_nr, 1);
	et_unmount();
}

static void test_geometry_1k(void)
{
	et_one_geometry("-b 1024", 1024);
}

static void test_geometry_2k_128(void)
{
	et_one_geometry("-b 2048 -I 128", 2048);
}

static void test_geometry_4k(void)
{
	et_one_geometry("-b 4096", 4096);
}

static void test_rev0(void)
{
	et_one_geometry("-r 0 -b 1024", 1024);
}

static void test_dirs(void)
{
	char name[64];
	int i, n;

	CU_ASSERT_FATAL(et_mkfs("-b 1024", 8192) == 0);
	et_mount();
	CU_ASSERT(et_mkdir("a", 0755) == OK);
	CU_ASSERT(et_mkdir("a/b", 0755) == OK);
	CU_ASSERT(et_mkdir("a", 0755) == -EEXIST);
	for (i = 0; i < 300; i++) {
		snprintf(name, sizeof(name), "a/file-with-a-longish-name-%03d", i);
		CU_ASSERT(et_create(name, 0644, NULL) == OK);
	}
	CU_ASSERT(et_count_entries("a", 4096) == 303);
	CU_ASSERT(et_count_entries("a", 200) == 303);
	for (i = 0; i < 300; i += 2) {
		snprintf(name, sizeof(name), "a/file-with-a-longish-name-%03d", i);
		CU_ASSERT(et_unlink(name) == OK);
	}
	CU_ASSERT(et_count_entries("a", 4096) == 153);
	CU_ASSERT(et_rmdir("a") == -ENOTEMPTY);
	CU_ASSERT(et_rename("a", "a/b/c") == -EINVAL);
	CU_ASSERT(et_rename("a/b", "b") == OK);
	CU_ASSERT(et_rename("b", "a/b2") == OK);
	CU_ASSERT(et_create("x", 0644, NULL) == OK);
	CU_ASSERT(et_rename("x", "a/file-with-a-longish-name-001") == OK);
	CU_ASSERT(et_rename("a/b2", "a/file-with-a-longish-name-003") ==
	    -ENOTDIR);
	CU_ASSERT(et_mkdir("e", 0755) == OK);
	CU_ASSERT(et_rename("a/b2", "e") == OK);	/* replaces empty dir */
	CU_ASSERT(et_rmdir("e") == OK);
	CU_ASSERT(et_unlink("a") == -EISDIR);
	memset(name, 'n', sizeof(name));
	{
		char longname[300];

		memset(longname, 'n', 256);
		longname[256] = '\0';
		CU_ASSERT(et_create(longname, 0644, NULL) == -ENAMETOOLONG);
	}
	n = et_count_entries(".", 4096);
	CU_ASSERT(n == 4);
	if (n != 4)
		fprintf(stderr, "root has %d entries\n", n);	/* . .. lost+found a */
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
}

static void test_unlinked_open(void)
{
	struct fsdriver_node n;
	char buf[5000];

	CU_ASSERT_FATAL(et_mkfs("-b 1024", 4096) == 0);
	et_mount();
	CU_ASSERT(et_put_file("f", "data", 4) == OK);
	CU_ASSERT_FATAL(ET_T->fdr_lookup(2, "f", &n) == OK);
	CU_ASSERT(et_unlink("f") == OK);
	memset(buf, 'z', sizeof(buf));
	CU_ASSERT(et_pwrite(n.fn_ino_nr, buf, sizeof(buf), 4) ==
	    (ssize_t)sizeof(buf));
	CU_ASSERT(et_pread(n.fn_ino_nr, buf, 4, 0) == 4);
	CU_ASSERT(memcmp(buf, "data", 4) == 0);
	CU_ASSERT(ET_T->fdr_putnode(n.fn_ino_nr, 1) == OK);
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
}

static void test_truncate(void)
{
	char buf[8192], back[8192];
	ino_t ino;
	struct stat st;

	CU_ASSERT_FATAL(et_mkfs("-b 1024", 8192) == 0);
	et_mount();
	CU_ASSERT_FATAL(et_create("t", 0644, &ino) == OK);
	et_pattern(buf, sizeof(buf), 3, 0);
	CU_ASSERT(et_pwrite(ino, buf, sizeof(buf), 0) == (ssize_t)sizeof(buf));
	CU_ASSERT(et_pwrite(ino, buf, sizeof(buf), 1 << 20) ==
	    (ssize_t)sizeof(buf));
	CU_ASSERT(ET_T->fdr_trunc(ino, 1000, 0) == OK);
	CU_ASSERT(ET_T->fdr_trunc(ino, 5000, 0) == OK);
	CU_ASSERT(et_pread(ino, back, 5000, 0) == 5000);
	CU_ASSERT(memcmp(back, buf, 1000) == 0);
	memset(buf, 0, 4000);
	CU_ASSERT(memcmp(back + 1000, buf, 4000) == 0);
	et_pattern(buf, sizeof(buf), 4, 0);
	CU_ASSERT(et_pwrite(ino, buf, sizeof(buf), 0) == (ssize_t)sizeof(buf));
	CU_ASSERT(ET_T->fdr_trunc(ino, 100, 7000) == OK);	/* punch */
	CU_ASSERT(et_pread(ino, back, sizeof(back), 0) == (ssize_t)sizeof(back));
	CU_ASSERT(memcmp(back, buf, 100) == 0);
	CU_ASSERT(memcmp(back + 7000, buf + 7000, 1192) == 0);
	CU_ASSERT(back[100] == 0 && back[3000] == 0 && back[6999] == 0);
	CU_ASSERT(ET_T->fdr_stat(ino, &st) == OK);
	CU_ASSERT(st.st_size == 8192);
	CU_ASSERT(st.st_blocks == 2 * 2 + 2);	/* blocks 0 and 6,7: 1 KiB */
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
}

static void test_statvfs_and_enospc(void)
{
	struct statvfs sv, sv2;
	static char buf[65536];
	ino_t ino;
	ssize_t w;
	off_t pos = 0;

	CU_ASSERT_FATAL(et_mkfs("-b 1024 -m 0", 2048) == 0);
	et_mount();
	CU_ASSERT(ET_T->fdr_statvfs(&sv) == OK);
	CU_ASSERT_FATAL(et_create("fill", 0644, &ino) == OK);
	while ((w = et_pwrite(ino, buf, sizeof(buf), pos)) > 0)
		pos += w;
	CU_ASSERT(w == -ENOSPC);
	CU_ASSERT(ET_T->fdr_statvfs(&sv2) == OK);
	CU_ASSERT(sv2.f_bfree == 0);
	CU_ASSERT(et_unlink("fill") == OK);
	CU_ASSERT(ET_T->fdr_statvfs(&sv2) == OK);
	CU_ASSERT(sv2.f_bfree == sv.f_bfree);
	CU_ASSERT(sv2.f_ffree == sv.f_ffree);
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
}

static void test_dir_index(void)
{
	char name[64];
	int i;

	CU_ASSERT_FATAL(et_mkfs("-b 1024", 8192) == 0);
	CU_ASSERT_FATAL(et_sh("mkdir -p %s/tree/big && cd %s/tree/big && "
	    "for i in $(seq 1 400); do : > file-number-$i; done",
	    et_dir, et_dir) == 0);
	CU_ASSERT_FATAL(et_sh("mke2fs -q -F -t ext2 -d %s/tree %s 8192 && "
	    "e2fsck -fyD %s; debugfs -R 'stat /big' %s | grep -q 'Flags: 0x1000'",
	    et_dir, et_img, et_img, et_img) == 0);
	et_mount();
	CU_ASSERT(et_count_entries("big", 4096) == 402);
	CU_ASSERT(et_lookup("big/file-number-399", &(ino_t){0}) == OK);
	for (i = 1; i <= 400; i += 3) {
		snprintf(name, sizeof(name), "big/file-number-%d", i);
		CU_ASSERT(et_unlink(name) == OK);
	}
	CU_ASSERT(et_create("big/new-one", 0644, NULL) == OK);
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
	CU_ASSERT(et_sh("debugfs -R 'stat /big' %s | grep -q 'Flags: 0x0'",
	    et_img) == 0);
}

static void test_times(void)
{
	struct timespec a = { 1000000000, 123456789 }, m = { 2000000000, 5 };
	struct stat st;
	ino_t ino;

	CU_ASSERT_FATAL(et_mkfs("-b 4096 -I 256", 4096) == 0);
	et_mount();
	CU_ASSERT_FATAL(et_create("t", 0644, &ino) == OK);
	CU_ASSERT(ET_T->fdr_utime(ino, &a, &m) == OK);
	et_remount();
	CU_ASSERT(et_stat("t", &st) == OK);
	CU_ASSERT(st.st_atim.tv_sec == a.tv_sec &&
	    st.st_atim.tv_nsec == a.tv_nsec);
	CU_ASSERT(st.st_mtim.tv_sec == m.tv_sec && st.st_mtim.tv_nsec == 5);
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
}

/* Sequential reads are fed to lmfs_prefetch: few, large device reads. */
static void test_prefetch(void)
{
	static char buf[65536];
	struct fsdriver_node n;
	struct lmfs_stats st;
	off_t pos;
	ino_t ino;

	CU_ASSERT_FATAL(et_mkfs("-b 1024", 16384) == 0);
	et_mount();
	CU_ASSERT_FATAL(et_create("seq", 0644, &ino) == OK);
	for (pos = 0; pos < (4 << 20); pos += sizeof(buf))
		CU_ASSERT(et_pwrite(ino, buf, sizeof(buf), pos) ==
		    (ssize_t)sizeof(buf));
	et_remount();				/* empty cache */
	CU_ASSERT_FATAL(ET_T->fdr_lookup(2, "seq", &n) == OK);
	ino = n.fn_ino_nr;			/* held, like an open file */
	lmfs_reset_stats();
	for (pos = 0; pos < (4 << 20); pos += 4096)
		CU_ASSERT(et_pread(ino, buf, 4096, pos) == 4096);
	lmfs_get_stats(&st);
	CU_ASSERT(st.read_blocks >= 4096);
	CU_ASSERT(st.read_reqs <= 4096 / 48);	/* runs of ~64 blocks */
	if (st.read_reqs > 4096 / 48)
		fprintf(stderr, "%llu read requests\n",
		    (unsigned long long)st.read_reqs);
	ET_T->fdr_putnode(ino, 1);
	et_unmount();
}

/* fdr_peek reads a file's blocks into the cache (it does not copy them
 * anywhere) and leaves its atime alone. */
static void test_peek(void)
{
	static char buf[40000], got[40000];
	struct timespec old = { 1000, 0 };
	struct fsdriver_node n;
	struct lmfs_stats st;
	struct stat after;
	size_t i;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(i * 7 + i / 251);
	CU_ASSERT_FATAL(et_mkfs("-b 1024", 8192) == 0);
	et_mount();
	CU_ASSERT(et_put_file("p", buf, sizeof(buf)) == OK);
	et_remount();				/* empty cache */
	CU_ASSERT_FATAL(ET_T->fdr_lookup(2, "p", &n) == OK);
	CU_ASSERT(ET_T->fdr_utime(n.fn_ino_nr, &old, &old) == OK);
	lmfs_reset_stats();
	CU_ASSERT(ET_T->fdr_peek(n.fn_ino_nr, sizeof(buf), 0) ==
	    (ssize_t)sizeof(buf));
	lmfs_get_stats(&st);
	CU_ASSERT(st.read_blocks >= 40);
	CU_ASSERT(ET_T->fdr_stat(n.fn_ino_nr, &after) == OK);
	CU_ASSERT(after.st_atime == 1000);
	CU_ASSERT(et_pread(n.fn_ino_nr, got, sizeof(got), 0) ==
	    (ssize_t)sizeof(got));
	CU_ASSERT(memcmp(got, buf, sizeof(buf)) == 0);
	CU_ASSERT(ET_T->fdr_peek(n.fn_ino_nr, 10, -1) == -EINVAL);
	ET_T->fdr_putnode(n.fn_ino_nr, 1);
	et_unmount();
}

/* Sizes past 2 GiB set large_file; revision 0 stops at 2 GiB - 1; the
 * indirect trees' end gives EFBIG. */
static void test_limits(void)
{
	struct stat st;
	ino_t ino;

	CU_ASSERT_FATAL(et_mkfs("-b 4096 -O ^large_file", 8192) == 0);
	et_mount();
	CU_ASSERT_FATAL(et_create("big", 0644, &ino) == OK);
	CU_ASSERT(et_pwrite(ino, "end", 3, 3ll << 30) == 3);
	CU_ASSERT(ET_T->fdr_stat(ino, &st) == OK);
	CU_ASSERT(st.st_size == (3ll << 30) + 3);
	CU_ASSERT(et_pwrite(ino, "x", 1, 1ll << 45) == -EFBIG);
	CU_ASSERT(ET_T->fdr_trunc(ino, 1ll << 45, 0) == -EFBIG);
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
	CU_ASSERT(et_sh("dumpe2fs -h %s | grep -q large_file", et_img) == 0);
	CU_ASSERT(et_sh("debugfs -R 'cat /big' %s | tail -c 3 | grep -q end",
	    et_img) == 0);

	CU_ASSERT_FATAL(et_mkfs("-r 0 -b 4096", 8192) == 0);
	et_mount();
	CU_ASSERT_FATAL(et_create("big", 0644, &ino) == OK);
	CU_ASSERT(et_pwrite(ino, "ab", 2, 0x7ffffffe) == 1);	/* up to 2G-1 */
	CU_ASSERT(et_pwrite(ino, "ab", 2, 0x7fffffff) == -EFBIG);
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
}

/* Link limit, setgid directories, a removed directory, sticky bits. */
static void test_posix_bits(void)
{
	struct fsdriver_node n;
	struct stat st;
	ino_t dir, file;
	mode_t mode = S_ISGID | 0775;

	CU_ASSERT_FATAL(et_mkfs("-b 1024", 4096) == 0);
	et_mount();
	CU_ASSERT(et_mkdir("sg", 0775) == OK);
	CU_ASSERT_FATAL(et_lookup("sg", &dir) == OK);
	CU_ASSERT(ET_T->fdr_chown(dir, 10, 4242, &(mode_t){0}) == OK);
	CU_ASSERT(ET_T->fdr_chmod(dir, &mode) == OK);
	CU_ASSERT(et_mkdir("sg/sub", 0755) == OK);
	CU_ASSERT(et_create("sg/f", 0644, NULL) == OK);
	CU_ASSERT(et_stat("sg/sub", &st) == OK);
	CU_ASSERT(st.st_gid == 4242 && (st.st_mode & S_ISGID));
	CU_ASSERT(et_stat("sg/f", &st) == OK);
	CU_ASSERT(st.st_gid == 4242 && !(st.st_mode & S_ISGID));
	CU_ASSERT(et_mkdir("gone", 0755) == OK);
	CU_ASSERT_FATAL(ET_T->fdr_lookup(2, "gone", &n) == OK);
	CU_ASSERT(et_rmdir("gone") == OK);	/* still referenced */
	CU_ASSERT(ET_T->fdr_create(n.fn_ino_nr, "x", 0644, 0, 0,
	    &(struct fsdriver_node){0}) == -ENOENT);
	CU_ASSERT(ET_T->fdr_putnode(n.fn_ino_nr, 1) == OK);
	CU_ASSERT(et_rmdir(".") == -EINVAL);
	CU_ASSERT(et_create("l", 0644, &file) == OK);
	et_unmount();
	CU_ASSERT_FATAL(et_sh("debugfs -w -R 'sif /l links_count 32000' %s",
	    et_img) == 0);
	et_mount();
	CU_ASSERT(ET_T->fdr_link(2, "l2", file) == -EMLINK);
	et_unmount();
}

void et_suite_basic(void)
{
	CU_pSuite s = CU_add_suite("ext2_basic", NULL, NULL);

	CU_add_test(s, "1 KiB blocks, 256-byte inodes", test_geometry_1k);
	CU_add_test(s, "peek: reads into the cache, keeps atime", test_peek);
	CU_add_test(s, "2 KiB blocks, 128-byte inodes", test_geometry_2k_128);
	CU_add_test(s, "4 KiB blocks", test_geometry_4k);
	CU_add_test(s, "revision 0", test_rev0);
	CU_add_test(s, "directories and rename", test_dirs);
	CU_add_test(s, "unlinked open file", test_unlinked_open);
	CU_add_test(s, "truncate and punch", test_truncate);
	CU_add_test(s, "statvfs and ENOSPC", test_statvfs_and_enospc);
	CU_add_test(s, "hashed directory", test_dir_index);
	CU_add_test(s, "nanosecond times", test_times);
	CU_add_test(s, "sequential reads prefetch", test_prefetch);
	CU_add_test(s, "size limits", test_limits);
	CU_add_test(s, "POSIX details", test_posix_bits);
}
