/*
 * t_tools.c - images made by genisoimage and xorriso from trees made here,
 * compared with those trees through the fsdriver table.
 */
#include <CUnit/CUnit.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <mica/libminixfs.h>
#include <mica/fsdriver_host.h>
#include "isotest.h"

#define GENISO	"genisoimage -quiet"
#define XORRISO	"xorriso -as mkisofs -quiet"

/* Make 'img' from 'src' with 'tool' and 'opts', mount, compare, check
 * the invariants every image must keep. */
static void tools_check(const char *tool, const char *opts, const char *src,
    const char *img, unsigned int what)
{
	struct fsdriver_node a, b;
	struct statvfs sv;
	ino_t root;

	CU_ASSERT_EQUAL_FATAL(isot_run("%s %s -o %s %s", tool, opts, img,
	    src), 0);
	CU_ASSERT_EQUAL_FATAL(isot_mount(img, &root), OK);
	CU_ASSERT_EQUAL(isot_compare(src, root, what), 0);
	CU_ASSERT_EQUAL(isot_fs->fdr_statvfs(&sv), OK);
	CU_ASSERT_EQUAL(sv.f_namemax, 255);
	CU_ASSERT_EQUAL(sv.f_bfree, 0);
	CU_ASSERT(sv.f_blocks > 16);
	/* The root's ".." is the root; "." is the node itself. */
	CU_ASSERT_EQUAL(isot_fs->fdr_lookup(root, "..", &a), OK);
	CU_ASSERT_EQUAL(a.fn_ino_nr, root);
	isot_put(a.fn_ino_nr);
	CU_ASSERT_EQUAL(isot_fs->fdr_lookup(root, "nonexistent", &a),
	    -ENOENT);
	if (isot_lookup(root, "d1", &a) == OK) {
		CU_ASSERT_EQUAL(isot_lookup(root, "d1/d2/..", &b), OK);
		CU_ASSERT_EQUAL(b.fn_ino_nr, a.fn_ino_nr);
		isot_put(b.fn_ino_nr);
		CU_ASSERT_EQUAL(isot_lookup(root, "d1/.", &b), OK);
		CU_ASSERT_EQUAL(b.fn_ino_nr, a.fn_ino_nr);
		isot_put(b.fn_ino_nr);
		isot_put(a.fn_ino_nr);
	}
	isot_umount();
}

static void test_rr_genisoimage(void)
{
	char src[128], img[128];

	snprintf(src, sizeof(src), "%s/full-gen", isot_dir);
	snprintf(img, sizeof(img), "%s/rr-gen.iso", isot_dir);
	isot_tree_full(src, 18);
	tools_check(GENISO, "-R", src, img, ISOT_CMP_ATTR);
	snprintf(img, sizeof(img), "%s/rrj-gen.iso", isot_dir);
	tools_check(GENISO, "-R -J -joliet-long", src, img, ISOT_CMP_ATTR);
}

static void test_rr_xorriso(void)
{
	char src[128], img[128];

	snprintf(src, sizeof(src), "%s/full-xor", isot_dir);
	snprintf(img, sizeof(img), "%s/rr-xor.iso", isot_dir);
	isot_tree_full(src, 75);
	tools_check(XORRISO, "-R", src, img, ISOT_CMP_ATTR);
	snprintf(img, sizeof(img), "%s/rrj-xor.iso", isot_dir);
	tools_check(XORRISO, "-R -J", src, img, ISOT_CMP_ATTR);
}

static void test_joliet(void)
{
	char src[128], img[128];

	snprintf(src, sizeof(src), "%s/joliet", isot_dir);
	isot_tree_joliet(src);
	snprintf(img, sizeof(img), "%s/j-gen.iso", isot_dir);
	tools_check(GENISO, "-J", src, img, 0);
	snprintf(img, sizeof(img), "%s/j-xor.iso", isot_dir);
	tools_check(XORRISO, "-J", src, img, 0);
}

static void test_plain_levels(void)
{
	char src[128], img[128], opts[64];
	int level;

	for (level = 1; level <= 3; level++) {
		snprintf(src, sizeof(src), "%s/plain%d", isot_dir, level);
		isot_tree_plain(src, level);
		snprintf(opts, sizeof(opts), "-iso-level %d", level);
		snprintf(img, sizeof(img), "%s/p%d-gen.iso", isot_dir, level);
		tools_check(GENISO, opts, src, img, 0);
		snprintf(img, sizeof(img), "%s/p%d-xor.iso", isot_dir, level);
		tools_check(XORRISO, opts, src, img, 0);
	}
}

/* genisoimage -R moves directories deeper than 8 levels to rr_moved and
 * leaves CL/PL/RE entries; the tree must still look unmoved. */
static void test_relocated(void)
{
	char src[128], img[128], list[4096];
	struct fsdriver_node a, b, m;
	ino_t root;

	snprintf(src, sizeof(src), "%s/deep", isot_dir);
	snprintf(img, sizeof(img), "%s/deep.iso", isot_dir);
	isot_tree_deep(src, 12);
	tools_check(GENISO, "-R", src, img, ISOT_CMP_ATTR);
	CU_ASSERT_EQUAL_FATAL(isot_mount(img, &root), OK);
	CU_ASSERT_EQUAL(isot_lookup(root, "rr_moved", &m), OK);
	CU_ASSERT_EQUAL(isot_list(m.fn_ino_nr, list, sizeof(list)), 0);
	isot_put(m.fn_ino_nr);
	CU_ASSERT_EQUAL(isot_lookup(root, "d0/d1/d2/d3/d4/d5/d6/d7", &a), OK);
	CU_ASSERT_EQUAL(isot_lookup(root,
	    "d0/d1/d2/d3/d4/d5/d6/d7/d8/d9/../..", &b), OK);
	CU_ASSERT_EQUAL(a.fn_ino_nr, b.fn_ino_nr);
	isot_put(a.fn_ino_nr);
	isot_put(b.fn_ino_nr);
	isot_umount();
}

/* A sequential read is served by few gathered device requests. */
static void test_prefetch(void)
{
	static char buf[400000];
	struct fsdriver_node n;
	struct lmfs_stats st;
	char img[128];
	ino_t root;

	snprintf(img, sizeof(img), "%s/rr-gen.iso", isot_dir);
	CU_ASSERT_EQUAL_FATAL(isot_mount(img, &root), OK);
	CU_ASSERT_EQUAL_FATAL(isot_lookup(root, "big.bin", &n), OK);
	lmfs_reset_stats();
	CU_ASSERT_EQUAL(isot_read(n.fn_ino_nr, buf, sizeof(buf)), 300000);
	lmfs_get_stats(&st);
	CU_ASSERT(st.read_blocks >= 147 && st.read_blocks <= 147 + 64);
	CU_ASSERT(st.read_reqs <= 12);
	printf("(%llu requests for %llu blocks) ",
	    (unsigned long long)st.read_reqs,
	    (unsigned long long)st.read_blocks);
	isot_put(n.fn_ino_nr);
	isot_umount();
}

/* A read-only format: mount says so (isot_mount checks), and every
 * modifying entry is NULL (the front end answers EROFS for them). */
static void test_readonly(void)
{
	char img[128], buf[8];
	struct fsdriver_node n;
	struct fsdriver_data d;
	const struct fsdriver *t = isot_fs;
	ino_t root;

	snprintf(img, sizeof(img), "%s/rr-gen.iso", isot_dir);
	CU_ASSERT_EQUAL_FATAL(isot_mount(img, &root), OK);
	CU_ASSERT(t->fdr_write == NULL && t->fdr_trunc == NULL &&
	    t->fdr_create == NULL && t->fdr_mkdir == NULL &&
	    t->fdr_mknod == NULL && t->fdr_link == NULL &&
	    t->fdr_unlink == NULL && t->fdr_rmdir == NULL &&
	    t->fdr_rename == NULL && t->fdr_slink == NULL &&
	    t->fdr_chown == NULL && t->fdr_chmod == NULL &&
	    t->fdr_utime == NULL && t->fdr_setxattr == NULL &&
	    t->fdr_removexattr == NULL && t->fdr_sync == NULL);
	CU_ASSERT_EQUAL_FATAL(isot_lookup(root, "hello.txt", &n), OK);
	fsdriver_data_mem(&d, buf, sizeof(buf));
	CU_ASSERT_EQUAL(t->fdr_read(root, &d, 1, 0), -EISDIR);
	CU_ASSERT_EQUAL(t->fdr_peek(n.fn_ino_nr, 5, 0), 5);
	isot_put(n.fn_ino_nr);
	CU_ASSERT_EQUAL(t->fdr_putnode(n.fn_ino_nr, 1), -EINVAL);
	isot_umount();
}

void isot_add_tools(void)
{
	CU_pSuite s = CU_add_suite("isofs-tools", isot_setup, isot_teardown);

	CU_add_test(s, "Rock Ridge, genisoimage (-R, -R -J)",
	    test_rr_genisoimage);
	CU_add_test(s, "Rock Ridge, xorriso (-R, -R -J)", test_rr_xorriso);
	CU_add_test(s, "Joliet only (genisoimage, xorriso)", test_joliet);
	CU_add_test(s, "plain ISO levels 1-3", test_plain_levels);
	CU_add_test(s, "relocated deep directories", test_relocated);
	CU_add_test(s, "read-only entries", test_readonly);
	CU_add_test(s, "sequential reads prefetch", test_prefetch);
}
