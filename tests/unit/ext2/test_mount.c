/*
 * test_mount.c - what mount accepts, refuses (naming why) or mounts
 * read-only, and the superblock state a mount leaves behind.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <errno.h>
#include <mica/fsdriver_host.h>
#include <mica/libminixfs_host.h>

#include "ext2_format.h"
#include "et.h"

static int et_read_super(struct ext2_super *sb)
{
	int fd = open(et_img, O_RDONLY), ok;

	if (fd < 0)
		return -1;
	ok = pread(fd, sb, sizeof(*sb), 1024) == sizeof(*sb);
	close(fd);
	return ok ? 0 : -1;
}

/* Mount must fail and log 'why'. */
static void et_refused(const char *why)
{
	unsigned int res;
	int r;

	et_log_begin();
	r = et_mount_flags(0, &res);
	et_log_end();
	CU_ASSERT(r != OK);
	if (r == OK)
		et_unmount();
	CU_ASSERT(strstr(et_logbuf, why) != NULL);
	if (strstr(et_logbuf, why) == NULL)
		fprintf(stderr, "expected '%s' in: %s\n", why, et_logbuf);
}

/* Mount must succeed read-only by itself and log 'why'. */
static void et_read_only(const char *why)
{
	unsigned int res = 0;
	ino_t ino;
	int r;

	et_log_begin();
	r = et_mount_flags(0, &res);
	et_log_end();
	CU_ASSERT_FATAL(r == OK);
	CU_ASSERT(res & FSDRIVER_RES_RDONLY);
	CU_ASSERT(strstr(et_logbuf, why) != NULL);
	CU_ASSERT(et_create("nope", 0644, &ino) == -EROFS);
	CU_ASSERT(et_lookup("lost+found", &ino) == OK);
	et_unmount();
}

static void test_state(void)
{
	struct ext2_super sb;
	uint16_t count;

	CU_ASSERT_FATAL(et_mkfs("", 4096) == 0);
	CU_ASSERT_FATAL(et_read_super(&sb) == 0);
	count = sb.s_mnt_count;
	CU_ASSERT(sb.s_state == EXT2_VALID_FS);
	et_mount();
	CU_ASSERT_FATAL(et_read_super(&sb) == 0);
	CU_ASSERT(sb.s_state == 0);		/* mounted: not clean */
	CU_ASSERT(sb.s_mnt_count == count + 1);
	et_unmount();
	CU_ASSERT_FATAL(et_read_super(&sb) == 0);
	CU_ASSERT(sb.s_state == EXT2_VALID_FS);
	CU_ASSERT(et_fsck() == 0);
}

static void test_refuse_features(void)
{
	static const struct { const char *opts, *name; } cases[] = {
		{ "-O extents", "extents" },
		{ "-O meta_bg,^resize_inode", "meta_bg" },
		{ "-O inline_data", "inline_data" },
		{ "-O 64bit,extents", "64bit" },
	};
	unsigned int i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CU_ASSERT_FATAL(et_mkfs(cases[i].opts, 4096) == 0);
		et_refused(cases[i].name);
	}
	CU_ASSERT_FATAL(et_mkfs("", 4096) == 0);
	CU_ASSERT_FATAL(et_sh("debugfs -w -R 'feature needs_recovery' %s",
	    et_img) == 0);
	et_refused("needs_recovery");
	CU_ASSERT_FATAL(et_mkfs("", 4096) == 0);
	CU_ASSERT_FATAL(et_sh("debugfs -w -R 'feature compression' %s",
	    et_img) == 0);
	et_refused("compression");
}

static void test_read_only_cases(void)
{
	CU_ASSERT_FATAL(et_mkfs("-O huge_file", 4096) == 0);
	et_read_only("huge_file");
	CU_ASSERT_FATAL(et_mkfs("", 4096) == 0);
	CU_ASSERT_FATAL(et_sh("debugfs -w -R 'ssv state 0' %s", et_img) == 0);
	et_read_only("not cleanly unmounted");
}

static void test_errors_state(void)
{
	CU_ASSERT_FATAL(et_mkfs("", 4096) == 0);
	CU_ASSERT_FATAL(et_sh("debugfs -w -R 'ssv state 2' %s", et_img) == 0);
	et_refused("run e2fsck");
}

static void test_flex_bg(void)
{
	CU_ASSERT_FATAL(et_mkfs("-O flex_bg -b 1024", 32768) == 0);
	et_mount();
	CU_ASSERT(et_mkdir("d", 0755) == OK);
	CU_ASSERT(et_put_file("d/f", "flex", 4) == OK);
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
}

static void test_not_ext2(void)
{
	unsigned int res;

	CU_ASSERT_FATAL(et_sh("dd if=/dev/zero of=%s bs=1k count=1024",
	    et_img) == 0);
	CU_ASSERT(et_mount_flags(0, &res) != OK);
}

/* A device whose writes fail on demand, in front of the image file. */
static const struct lmfs_dev_ops *fail_real;
static void *fail_ctx;
static int fail_writes;

static ssize_t fail_readv(void *ctx, uint64_t pos,
    const struct lmfs_iovec *iov, int n)
{
	(void)ctx;
	return fail_real->readv(fail_ctx, pos, iov, n);
}

static ssize_t fail_writev(void *ctx, uint64_t pos,
    const struct lmfs_iovec *iov, int n)
{
	(void)ctx;
	return fail_writes ? -EIO : fail_real->writev(fail_ctx, pos, iov, n);
}

static int fail_size(void *ctx, uint64_t *bytes)
{
	(void)ctx;
	return fail_real->size(fail_ctx, bytes);
}

static int fail_flush(void *ctx)
{
	(void)ctx;
	return fail_real->flush(fail_ctx);
}

static const struct lmfs_dev_ops fail_ops = {
	fail_readv, fail_writev, fail_size, fail_flush
};

/* fdr_sync reports (and logs) a write-back that fails, and a later one
 * that succeeds leaves a clean image. */
static void test_sync_error(void)
{
	struct fsdriver_node root, n;
	struct fsdriver_data d;
	unsigned int res = 0;
	char data[] = "data";

	CU_ASSERT_FATAL(et_mkfs("-b 1024", 4096) == 0);
	CU_ASSERT_FATAL(lmfs_file_dev_open(et_img, 1, 0, &fail_real,
	    &fail_ctx) == OK);
	CU_ASSERT_FATAL(lmfs_dev_register(ET_DEV, &fail_ops, NULL) == OK);
	CU_ASSERT_FATAL(ET_T->fdr_mount(ET_DEV, 0, &root, &res) == OK);
	CU_ASSERT_FATAL(ET_T->fdr_create(root.fn_ino_nr, "f", 0644, 0, 0,
	    &n) == OK);
	fsdriver_data_mem(&d, data, 4);
	CU_ASSERT(ET_T->fdr_write(n.fn_ino_nr, &d, 4, 0) == 4);
	fail_writes = 1;
	et_log_begin();
	CU_ASSERT(ET_T->fdr_sync() == -EIO);
	et_log_end();
	CU_ASSERT(strstr(et_logbuf, "ext2: sync: write-back failed") != NULL);
	fail_writes = 0;
	CU_ASSERT(ET_T->fdr_sync() == OK);
	ET_T->fdr_putnode(n.fn_ino_nr, 1);
	ET_T->fdr_putnode(root.fn_ino_nr, 1);
	CU_ASSERT(ET_T->fdr_unmount() == OK);
	lmfs_dev_unregister(ET_DEV);
	lmfs_file_dev_close(fail_ctx);
	CU_ASSERT(et_fsck() == 0);
}

void et_suite_mount(void)
{
	CU_pSuite s = CU_add_suite("ext2_mount", NULL, NULL);

	CU_add_test(s, "superblock state and mount count", test_state);
	CU_add_test(s, "refused incompatible features", test_refuse_features);
	CU_add_test(s, "read-only fallbacks", test_read_only_cases);
	CU_add_test(s, "errors state refused", test_errors_state);
	CU_add_test(s, "flex_bg supported", test_flex_bg);
	CU_add_test(s, "not an ext2 image", test_not_ext2);
	CU_add_test(s, "sync reports a failing disk", test_sync_error);
}
