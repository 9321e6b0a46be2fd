/*
 * t_run.c - whole runs: mkfs.mfs makes images of every version (empty and
 * from a tree), the MFS decoder reads them back, fsck.mfs finds them clean,
 * and -T makes the output reproducible.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mkfsck_test.h"

int mt_mkfs(const char *img, int version, unsigned int bs, uint64_t blocks,
    const char *src)
{
	struct mkfs_opts o;

	memset(&o, 0, sizeof(o));
	o.image = img;
	o.srcdir = src;
	o.version = version;
	o.block_size = bs;
	o.name_max = version == 3 ? 60 : 30;
	o.blocks = blocks;
	o.have_time = 1;
	o.time = 1234;
	o.quiet = 1;
	unlink(img);
	return mkfs_run(&o);
}

int mt_fsck(const char *img, int repair)
{
	struct fsck_opts o;
	int r;

	memset(&o, 0, sizeof(o));
	o.image = img;
	o.repair = repair;
	o.force = 1;
	o.out = fopen("/dev/null", "w");
	if (!o.out)
		return -1;
	r = fsck_run(&o);
	fclose(o.out);
	return r;
}

static void mt_write(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "w");

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_EQUAL(fwrite(data, 1, len, f), len);
	fclose(f);
}

const char *mt_tree(void)
{
	static char dir[256];
	char p[300], big[20000];
	int i;

	snprintf(dir, sizeof(dir), "%s/tree", mt_dir);
	if (access(dir, F_OK) == 0)
		return dir;
	mkdir(dir, 0755);
	snprintf(p, sizeof(p), "%s/sub", dir);
	mkdir(p, 0755);
	snprintf(p, sizeof(p), "%s/sub/deep", dir);
	mkdir(p, 0700);
	snprintf(p, sizeof(p), "%s/a", dir);
	mt_write(p, "hello\n", 6);
	snprintf(p, sizeof(p), "%s/big", dir);
	for (i = 0; i < (int)sizeof(big); i++)
		big[i] = (char)(i * 7 + 1);
	mt_write(p, big, sizeof(big));
	snprintf(p, sizeof(p), "%s/sub/link", dir);
	CU_ASSERT_EQUAL(symlink("../a", p), 0);
	snprintf(p, sizeof(p), "%s/sub/hard", dir);
	snprintf(big, sizeof(big), "%s/a", dir);
	CU_ASSERT_EQUAL(link(big, p), 0);
	snprintf(p, sizeof(p), "%s/fifo", dir);
	CU_ASSERT_EQUAL(mkfifo(p, 0600), 0);
	return dir;
}

static void mt_img(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", mt_dir, name);
}

/* Decode the image's superblock with the MFS decoder. */
static int mt_decode(const char *img, struct mfsu_img *out)
{
	char why[200];

	if (mfsu_open(out, img, 0, why, sizeof(why)) != OK)
		return -1;
	return mfsu_close(out);
}

static void t_empty_images(void)
{
	static const struct { int v; unsigned int bs; } cases[] = {
		{ 1, 1024 }, { 2, 1024 }, { 3, 1024 }, { 3, 4096 },
		{ 3, 16384 }, { 3, 65536 },
	};
	struct mfsu_img im;
	char img[300];
	size_t i;

	mt_img(img, sizeof(img), "empty.img");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CU_ASSERT_EQUAL_FATAL(mt_mkfs(img, cases[i].v, cases[i].bs,
		    500, NULL), MKFS_EXIT_OK);
		CU_ASSERT_EQUAL_FATAL(mt_decode(img, &im), OK);
		CU_ASSERT_EQUAL(im.sb.version, cases[i].v);
		CU_ASSERT_EQUAL(im.sb.block_size, cases[i].bs);
		CU_ASSERT_EQUAL(im.sb.zones, 500);
		CU_ASSERT(im.sb.clean);
		CU_ASSERT_EQUAL(im.dev_bytes, 500ull * cases[i].bs);
		CU_ASSERT_EQUAL(mt_fsck(img, 0), FSCK_EXIT_OK);
	}
}

static void t_tree_images(void)
{
	const char *tree = mt_tree();
	char img[300];
	int v;

	mt_img(img, sizeof(img), "tree.img");
	for (v = 1; v <= 3; v++) {
		CU_ASSERT_EQUAL_FATAL(mt_mkfs(img, v, 1024, 0, tree),
		    MKFS_EXIT_OK);
		CU_ASSERT_EQUAL(mt_fsck(img, 0), FSCK_EXIT_OK);
		CU_ASSERT_EQUAL(mt_fsck(img, 1), FSCK_EXIT_OK);
	}
	CU_ASSERT_EQUAL(mt_mkfs(img, 3, 8192, 0, tree), MKFS_EXIT_OK);
	CU_ASSERT_EQUAL(mt_fsck(img, 0), FSCK_EXIT_OK);
	/* Too small for the tree: refused, the new file removed. */
	CU_ASSERT_EQUAL(mt_mkfs(img, 3, 1024, 20, tree), MKFS_EXIT_OPER);
	CU_ASSERT_EQUAL(access(img, F_OK), -1);
}

static int mt_same(const char *a, const char *b)
{
	FILE *fa = fopen(a, "r"), *fb = fopen(b, "r");
	int ca, cb, same = fa && fb;

	while (same) {
		ca = getc(fa);
		cb = getc(fb);
		if (ca != cb)
			same = 0;
		if (ca == EOF)
			break;
	}
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return same;
}

static void t_reproducible(void)
{
	char a[300], b[300];

	mt_img(a, sizeof(a), "r1.img");
	mt_img(b, sizeof(b), "r2.img");
	CU_ASSERT_EQUAL(mt_mkfs(a, 3, 4096, 0, mt_tree()), MKFS_EXIT_OK);
	CU_ASSERT_EQUAL(mt_mkfs(b, 3, 4096, 0, mt_tree()), MKFS_EXIT_OK);
	CU_ASSERT(mt_same(a, b));
	CU_ASSERT_EQUAL(mt_mkfs(a, 1, 1024, 300, NULL), MKFS_EXIT_OK);
	CU_ASSERT_EQUAL(mt_mkfs(b, 1, 1024, 300, NULL), MKFS_EXIT_OK);
	CU_ASSERT(mt_same(a, b));
}

/* Inode 'n' of the image, decoded with the MFS codec. */
static int mt_read_inode(const char *img, uint32_t n, struct mfs_dinode *d)
{
	static uint8_t blk[MFS_MAX_BLOCK_SIZE];
	struct mfsu_img im;
	char why[200];
	int r;

	if (mfsu_open(&im, img, 0, why, sizeof(why)) != OK)
		return -1;
	if ((r = mfsu_read_block(&im, mfs_inode_block(&im.sb, n), blk)) == OK)
		mfs_inode_decode(&im.sb, blk + mfs_inode_offset(&im.sb, n), d);
	mfsu_close(&im);
	return r;
}

/* Owners past the format's fields: mkfs stores the overflow id 65534
 * (V1 gid: 254) with a warning, as the MFS server does, instead of
 * refusing the tree; fsck.mfs finds the image clean. */
static void t_owner_overflow(void)
{
	static const uint32_t ids[] = { 0, 65534, 65535, 65536, 1u << 31,
	    4294967294u };
	static const uint32_t id16[] = { 0, 65534, 65535, 65534, 65534,
	    65534 };
	static const uint32_t id8[] = { 0, 254, 254, 254, 254, 254 };
	const size_t n = sizeof(ids) / sizeof(ids[0]);
	char dir[256], p[300], img[300];
	struct mfs_dinode d;
	size_t i;
	int v, fd;

	snprintf(dir, sizeof(dir), "%s/owners", mt_dir);
	CU_ASSERT_EQUAL_FATAL(mkdir(dir, 0755), 0);
	CU_ASSERT_EQUAL_FATAL(chown(dir, 0, 0), 0);
	for (i = 0; i < n; i++) {
		snprintf(p, sizeof(p), "%s/u%zu", dir, i);
		CU_ASSERT_FATAL((fd = open(p, O_CREAT | O_WRONLY, 0644)) >= 0);
		close(fd);
		/* needs root, as the tests of the tree's owners do */
		CU_ASSERT_EQUAL_FATAL(chown(p, ids[i], ids[i]), 0);
	}
	mt_img(img, sizeof(img), "owners.img");
	for (v = 1; v <= 3; v++) {
		CU_ASSERT_EQUAL_FATAL(mt_mkfs(img, v, 1024, 0, dir),
		    MKFS_EXIT_OK);
		for (i = 0; i < n; i++) {
			/* children are numbered from 2 in name order */
			CU_ASSERT_EQUAL_FATAL(mt_read_inode(img,
			    (uint32_t)(2 + i), &d), OK);
			CU_ASSERT_EQUAL(d.uid, id16[i]);
			CU_ASSERT_EQUAL(d.gid, v == 1 ? id8[i] : id16[i]);
		}
		CU_ASSERT_EQUAL(mt_fsck(img, 0), FSCK_EXIT_OK);
	}
}

int mt_add_run(void)
{
	CU_pSuite s = CU_add_suite("run", NULL, NULL);

	return !s || !CU_add_test(s, "empty images, all versions",
	    t_empty_images) ||
	    !CU_add_test(s, "images from a tree", t_tree_images) ||
	    !CU_add_test(s, "reproducible with a fixed time", t_reproducible) ||
	    !CU_add_test(s, "owner ids past the format", t_owner_overflow);
}
