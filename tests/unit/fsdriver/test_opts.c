/*
 * test_opts.c - micafuse's command line (tools/fuse/opts.c), its inode
 * mapping and attribute presentation (tools/fuse/attr.c) and its list of
 * file-system types (tools/fuse/fstypes.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "micafuse.h"
#include "tests.h"

/* Parse 'argv'; the remaining vector is returned in 'args'. */
static int parse(int argc, const char **argv, struct fuse_args *args,
    struct mf_opts *o)
{
	args->argc = argc;
	args->argv = (char **)argv;
	args->allocated = 0;
	return mf_opts_parse(args, o);
}

/* Does the remaining vector contain 'arg'? */
static int has_arg(const struct fuse_args *args, const char *arg)
{
	int i;

	for (i = 0; i < args->argc; i++) {
		if (strcmp(args->argv[i], arg) == 0)
			return 1;
	}
	return 0;
}

static void done(struct fuse_args *args, struct mf_opts *o)
{
	free((char *)o->type);
	fuse_opt_free_args(args);
}

static void test_all_options(void)
{
	const char *argv[] = { "micafuse", "-f", "-o",
	    "ro,type=mfs,uid=1000,gid=100,umask=027,offset=1M,force",
	    "-o", "cache_size=64M,allow_other,default_permissions",
	    "disk.img", "/mnt/x" };
	struct fuse_args args;
	struct mf_opts o;

	CU_ASSERT_EQUAL_FATAL(parse(8, argv, &args, &o), 0);
	CU_ASSERT_STRING_EQUAL(o.image, "disk.img");
	CU_ASSERT_STRING_EQUAL(o.type, "mfs");
	CU_ASSERT(o.rdonly && o.force);
	CU_ASSERT(o.set_uid && o.uid == 1000);
	CU_ASSERT(o.set_gid && o.gid == 100);
	CU_ASSERT(o.set_umask && o.umask == 027);
	CU_ASSERT_EQUAL(o.offset, 1 << 20);
	CU_ASSERT_EQUAL(o.cache_size, 64 << 20);
	CU_ASSERT(o.cache_in_bytes);
	/* What libfuse and the kernel must still see. */
	CU_ASSERT(has_arg(&args, "-f"));
	CU_ASSERT(has_arg(&args, "/mnt/x"));
	CU_ASSERT(has_arg(&args, "ro,allow_other,default_permissions"));
	CU_ASSERT(!has_arg(&args, "disk.img"));
	done(&args, &o);
}

static void test_defaults(void)
{
	const char *argv[] = { "micafuse", "img", "mnt", "-o", "rw",
	    "-o", "cache_size=300" };
	struct fuse_args args;
	struct mf_opts o;

	CU_ASSERT_EQUAL_FATAL(parse(7, argv, &args, &o), 0);
	CU_ASSERT_STRING_EQUAL(o.image, "img");
	CU_ASSERT_PTR_NULL(o.type);
	CU_ASSERT(!o.rdonly && !o.force && !o.set_uid && !o.set_gid &&
	    !o.set_umask);
	CU_ASSERT_EQUAL(o.offset, 0);
	CU_ASSERT_EQUAL(o.cache_size, 300);
	CU_ASSERT(!o.cache_in_bytes);
	CU_ASSERT(has_arg(&args, "mnt"));
	done(&args, &o);
}

static void expect_bad(const char *opt)
{
	const char *argv[] = { "micafuse", "-o", opt, "img", "mnt" };
	struct fuse_args args;
	struct mf_opts o;

	CU_ASSERT_EQUAL(parse(5, argv, &args, &o), -1);
	done(&args, &o);
}

static void test_bad_values(void)
{
	const char *argv[] = { "micafuse", "-f" };
	struct fuse_args args;
	struct mf_opts o;

	expect_bad("uid=abc");
	expect_bad("uid=-1");
	expect_bad("uid=4294967295");
	expect_bad("gid=12x");
	expect_bad("umask=999");
	expect_bad("umask=01777");
	expect_bad("offset=1X");
	expect_bad("offset=");
	expect_bad("cache_size=0");
	expect_bad("cache_size=99999999999999999999");
	CU_ASSERT_EQUAL(parse(2, argv, &args, &o), -1);	/* no IMAGE */
	done(&args, &o);
}

static void test_sizes(void)
{
	uint64_t v;
	int suf;

	CU_ASSERT(mf_parse_size("0", &v, &suf) == 0 && v == 0 && !suf);
	CU_ASSERT(mf_parse_size("4096", &v, &suf) == 0 && v == 4096 && !suf);
	CU_ASSERT(mf_parse_size("64k", &v, &suf) == 0 && v == 65536 && suf);
	CU_ASSERT(mf_parse_size("3M", &v, NULL) == 0 && v == 3 << 20);
	CU_ASSERT(mf_parse_size("2G", &v, NULL) == 0 && v == 2ULL << 30);
	CU_ASSERT(mf_parse_size("17179869183G", &v, NULL) == 0);
	CU_ASSERT(mf_parse_size("17179869184G", &v, NULL) == -1);
	CU_ASSERT(mf_parse_size("1MB", &v, NULL) == -1);
	CU_ASSERT(mf_parse_size("K", &v, NULL) == -1);
	CU_ASSERT(mf_parse_size("-5", &v, NULL) == -1);
	CU_ASSERT(mf_parse_size("", &v, NULL) == -1);
}

static void test_ino_map(void)
{
	struct micafuse mf;
	ino_t i;

	memset(&mf, 0, sizeof(mf));
	mf.root_ino = 2;			/* ext2 */
	CU_ASSERT_EQUAL(mf_to_fuse_ino(&mf, 2), FUSE_ROOT_ID);
	CU_ASSERT_EQUAL(mf_to_fuse_ino(&mf, 1), 2);
	CU_ASSERT_EQUAL(mf_to_fs_ino(&mf, FUSE_ROOT_ID), 2);
	CU_ASSERT_EQUAL(mf_to_fs_ino(&mf, 2), 1);
	for (i = 1; i < 100; i++)
		CU_ASSERT_EQUAL(mf_to_fs_ino(&mf, mf_to_fuse_ino(&mf, i)), i);
	mf.root_ino = 1;			/* mfs */
	for (i = 1; i < 100; i++)
		CU_ASSERT_EQUAL(mf_to_fuse_ino(&mf, i), i);
	mf.root_ino = 12345;			/* iso9660-like */
	CU_ASSERT_EQUAL(mf_to_fuse_ino(&mf, 12345), 1);
	CU_ASSERT_EQUAL(mf_to_fuse_ino(&mf, 1), 12345);
	CU_ASSERT_EQUAL(mf_to_fuse_ino(&mf, 7), 7);
}

static void test_present(void)
{
	struct micafuse mf;
	struct stat st;

	memset(&mf, 0, sizeof(mf));
	memset(&st, 0, sizeof(st));
	mf.root_ino = 2;
	st.st_ino = 2;
	st.st_mode = S_IFREG | 04775;
	st.st_uid = 5;
	st.st_gid = 6;
	mf_present_stat(&mf, &st);
	CU_ASSERT(st.st_ino == 1 && st.st_uid == 5 && st.st_gid == 6);
	CU_ASSERT_EQUAL(st.st_mode, S_IFREG | 04775);

	mf.opts.set_uid = mf.opts.set_gid = mf.opts.set_umask = 1;
	mf.opts.uid = 1000;
	mf.opts.gid = 0;
	mf.opts.umask = 077;
	st.st_ino = 9;
	mf_present_stat(&mf, &st);
	CU_ASSERT(st.st_ino == 9 && st.st_uid == 1000 && st.st_gid == 0);
	CU_ASSERT_EQUAL(st.st_mode, S_IFREG | 04700);
}

/* The list of known types is sized from the names: a long list is not cut
 * short (it used to stop at 63 bytes), and the built-in one names every
 * type in probing order. */
static void test_fstype_names(void)
{
	static struct fsdriver_fstype many[12];
	const struct fsdriver_fstype *list[12];
	char names[12][40], want[600] = "";
	char *got;
	size_t i;

	for (i = 0; i < 12; i++) {
		snprintf(names[i], sizeof(names[i]), "type-%02zu-with-a-long-name",
		    i);
		many[i].name = names[i];
		list[i] = &many[i];
		strcat(want, i > 0 ? ", " : "");
		strcat(want, names[i]);
	}
	got = mf_fstype_join(list, 12);
	CU_ASSERT_PTR_NOT_NULL_FATAL(got);
	CU_ASSERT_STRING_EQUAL(got, want);
	free(got);
	got = mf_fstype_join(list, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(got);
	CU_ASSERT_STRING_EQUAL(got, "");
	free(got);
	CU_ASSERT_STRING_EQUAL(mf_fstype_names(), "mfs, ext2, iso9660, romfs");
	CU_ASSERT_PTR_EQUAL(mf_fstype_by_name("ext2"), &ext2_fstype);
	CU_ASSERT_PTR_NULL(mf_fstype_by_name("xfs"));
}

void test_opts_register(void)
{
	CU_pSuite s = CU_add_suite("micafuse_opts", NULL, NULL);

	CU_add_test(s, "all options", test_all_options);
	CU_add_test(s, "defaults", test_defaults);
	CU_add_test(s, "bad values", test_bad_values);
	CU_add_test(s, "sizes", test_sizes);
	CU_add_test(s, "inode mapping", test_ino_map);
	CU_add_test(s, "attribute presentation", test_present);
	CU_add_test(s, "file-system type names", test_fstype_names);
}
