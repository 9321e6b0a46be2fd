/*
 * t_hand.c - a hand-built Rock Ridge image: a multi-extent file with its
 * extents out of order, a partial last block, ER and NM found through CE
 * continuation areas, SL split over two entries, a CE loop, a name with
 * '/' and NUL, directories that contain themselves or their parent, and a
 * record that overruns its sector.
 *
 * Blocks: 16 PVD, 17 terminator, 18 root, 19-20 CE areas (one crosses
 * the block boundary), 22 SUB, 24-28 BIG's three extents (24-25, 26, 28 in
 * file order), 32 SMALL (10 bytes: the image ends there, in the middle of
 * the block).  SMALL has long-form TF stamps.
 */
#include <CUnit/CUnit.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "iso_format.h"
#include "isotest.h"
#include <mica/fsdriver_host.h>

#define BIG_SIZE	7144
#define IMG_BYTES	(32 * ISO_BLOCK_SIZE + 10)

static char hand_img[128];

static uint8_t big_byte(size_t off)
{
	return (uint8_t)(off * 13 + 5);
}

static void hand_big(struct isob *b, size_t *off, const uint8_t *su,
    size_t sulen)
{
	static const struct { uint32_t lba, len, from; } x[] = {
		{ 24, 4096, 0 }, { 26, 2048, 4096 }, { 28, 1000, 6144 } };
	size_t i, k;

	for (i = 0; i < 3; i++) {
		for (k = 0; k < x[i].len; k++)
			b->img[x[i].lba * ISO_BLOCK_SIZE + k] =
			    big_byte(x[i].from + k);
		isob_rec(b, 18, off, "BIG;1", 5, x[i].lba, x[i].len,
		    i < 2 ? ISO_FLAG_MULTI_EXTENT : 0, i ? NULL : su,
		    i ? 0 : sulen);
	}
}

/* The root's own records and the CE areas they use. */
static void hand_root_self(struct isob *b, size_t *off)
{
	uint8_t su[128], *ce = b->img + 19 * ISO_BLOCK_SIZE;
	size_t n;

	n = isob_sp(su);
	n += isob_px(su + n, S_IFDIR | 0755, 0, 0);
	n += isob_ce(su + n, 19, 0, (uint32_t)isob_er(ce));
	isob_rec(b, 18, off, "\0", 1, 18, 2048, ISO_FLAG_DIRECTORY, su, n);
	n = isob_px(su, S_IFDIR | 0755, 0, 0);
	isob_rec(b, 18, off, "\1", 1, 18, 2048, ISO_FLAG_DIRECTORY, su, n);
}

static void hand_names(struct isob *b, size_t *off)
{
	static const uint8_t sl1[] = { RR_ROOT, 0, 0, 3, 'u', 's', 'r',
	    RR_CONTINUE, 2, 'l', 'o' };
	static const uint8_t sl2[] = { 0, 3, 'c', 'a', 'l', RR_PARENT, 0,
	    RR_CURRENT, 0, 0, 3, 'b', 'i', 'n' };
	uint8_t su[200], *ce = b->img + 19 * ISO_BLOCK_SIZE;
	size_t n;

	n = isob_px(su, S_IFREG | 0644, 0, 0);
	n += isob_nm(su + n, RR_CONTINUE, "first-part-", 11);
	n += isob_ce(su + n, 19, 2030, (uint32_t)isob_nm(ce + 2030, 0,
	    "second-part-that-crosses-a-block-boundary", 41));
	isob_rec(b, 18, off, "NM1;1", 5, 0, 0, 0, su, n);
	n = isob_px(su, S_IFLNK | 0777, 0, 0);
	n += isob_sl(su + n, RR_CONTINUE, sl1, sizeof(sl1));
	n += isob_sl(su + n, 0, sl2, sizeof(sl2));
	isob_rec(b, 18, off, "LNK;1", 5, 0, 0, 0, su, n);
	n = isob_nm(su, 0, "loop", 4);
	n += isob_ce(su + n, 19, 300, 28);
	isob_ce(ce + 300, 19, 300, 28);		/* points at itself */
	isob_rec(b, 18, off, "LOOP;1", 6, 0, 0, 0, su, n);
	n = isob_nm(su, 0, "a/b\0c", 5);
	isob_rec(b, 18, off, "BAD;1", 5, 0, 0, 0, su, n);
}

static void hand_build(void)
{
	struct isob b;
	uint8_t su[128], *p;
	size_t off = 0, n;

	isob_init(&b, 33);
	isob_volume(&b, 18, 2048);
	hand_root_self(&b, &off);
	n = isob_px(su, S_IFREG | 0644, 0, 0);
	hand_big(&b, &off, su, n);
	n = isob_px(su, S_IFREG | 0600, 7, 8);
	n += isob_tf(su + n, RR_TF_MODIFY | RR_TF_ACCESS | RR_TF_LONG_FORM,
	    "2021033112000050\x04" "1999123123595900\x00", 34);
	memcpy(b.img + 32 * ISO_BLOCK_SIZE, "0123456789", 10);
	isob_rec(&b, 18, &off, "SMALL;1", 7, 32, 10, 0, su, n);
	hand_names(&b, &off);
	isob_rec(&b, 18, &off, "SELF", 4, 18, 2048, ISO_FLAG_DIRECTORY, NULL, 0);
	isob_rec(&b, 18, &off, "SUB", 3, 22, 2048, ISO_FLAG_DIRECTORY, NULL, 0);
	off = ISO_BLOCK_SIZE - 40;	/* overruns the sector */
	p = b.img + 18 * ISO_BLOCK_SIZE + off;
	isob_rec(&b, 18, &off, "OVER;1", 6, 32, 10, 0, NULL, 0);
	p[0] = 80;
	off = 0;
	isob_rec(&b, 22, &off, "\0", 1, 22, 2048, ISO_FLAG_DIRECTORY, NULL, 0);
	isob_rec(&b, 22, &off, "\1", 1, 18, 2048, ISO_FLAG_DIRECTORY, NULL, 0);
	isob_rec(&b, 22, &off, "UP", 2, 18, 2048, ISO_FLAG_DIRECTORY, NULL, 0);
	snprintf(hand_img, sizeof(hand_img), "%s/hand.iso", isot_dir);
	CU_ASSERT_EQUAL(isob_write(&b, hand_img, IMG_BYTES), 0);
	isob_free(&b);
}

static void test_hand_listing(void)
{
	char list[1024];
	struct stat st;
	ino_t root;

	hand_build();
	CU_ASSERT_EQUAL_FATAL(isot_mount(hand_img, &root), OK);
	CU_ASSERT_EQUAL(isot_list(root, list, sizeof(list)), 7);
	CU_ASSERT_STRING_EQUAL(list, "BIG\nLNK\nSELF\nSMALL\nSUB\na_b_c\n"
	    "first-part-second-part-that-crosses-a-block-boundary");
	CU_ASSERT_EQUAL(isot_fs->fdr_stat(root, &st), OK);
	CU_ASSERT_EQUAL(st.st_mode, S_IFDIR | 0755);
	CU_ASSERT_EQUAL(st.st_ino, root);
	isot_umount();
}

static void test_hand_multi_extent(void)
{
	static char buf[BIG_SIZE + 100];
	struct fsdriver_node n;
	struct fsdriver_data d;
	struct stat st;
	ino_t root;
	size_t i;
	int bad = 0;

	CU_ASSERT_EQUAL_FATAL(isot_mount(hand_img, &root), OK);
	CU_ASSERT_EQUAL_FATAL(isot_lookup(root, "BIG", &n), OK);
	CU_ASSERT_EQUAL(n.fn_size, BIG_SIZE);
	CU_ASSERT_EQUAL(isot_read(n.fn_ino_nr, buf, sizeof(buf)), BIG_SIZE);
	for (i = 0; i < BIG_SIZE; i++)
		bad += (uint8_t)buf[i] != big_byte(i);
	CU_ASSERT_EQUAL(bad, 0);
	fsdriver_data_mem(&d, buf, 3000);
	CU_ASSERT_EQUAL(isot_fs->fdr_read(n.fn_ino_nr, &d, 3000, 3500), 3000);
	for (i = 0; i < 3000; i++)
		bad += (uint8_t)buf[i] != big_byte(3500 + i);
	CU_ASSERT_EQUAL(bad, 0);
	isot_put(n.fn_ino_nr);
	CU_ASSERT_EQUAL_FATAL(isot_lookup(root, "SMALL", &n), OK);
	CU_ASSERT_EQUAL(isot_read(n.fn_ino_nr, buf, 100), 10);
	CU_ASSERT_NSTRING_EQUAL(buf, "0123456789", 10);
	CU_ASSERT_EQUAL(isot_fs->fdr_stat(n.fn_ino_nr, &st), OK);
	CU_ASSERT_EQUAL(st.st_mode, S_IFREG | 0600);
	CU_ASSERT_EQUAL(st.st_uid, 7);
	CU_ASSERT_EQUAL(st.st_gid, 8);
	CU_ASSERT_EQUAL(st.st_mtim.tv_sec, 1617188400);	/* long-form TF */
	CU_ASSERT_EQUAL(st.st_mtim.tv_nsec, 500000000);
	CU_ASSERT_EQUAL(st.st_atim.tv_sec, 946684799);
	CU_ASSERT_EQUAL(st.st_ctim.tv_sec, 1577934245);	/* the record's date */
	isot_put(n.fn_ino_nr);
	isot_umount();
}

static void test_hand_rock_ridge(void)
{
	char buf[256];
	struct fsdriver_node n;
	struct fsdriver_data d;
	ino_t root;

	CU_ASSERT_EQUAL_FATAL(isot_mount(hand_img, &root), OK);
	CU_ASSERT_EQUAL(isot_lookup(root,
	    "first-part-second-part-that-crosses-a-block-boundary", &n), OK);
	isot_put(n.fn_ino_nr);
	CU_ASSERT_EQUAL_FATAL(isot_lookup(root, "LNK", &n), OK);
	CU_ASSERT_EQUAL(n.fn_mode, S_IFLNK | 0777);
	fsdriver_data_mem(&d, buf, sizeof(buf));
	CU_ASSERT_EQUAL(isot_fs->fdr_rdlink(n.fn_ino_nr, &d, sizeof(buf)), 19);
	CU_ASSERT_NSTRING_EQUAL(buf, "/usr/local/.././bin", 19);
	isot_put(n.fn_ino_nr);
	CU_ASSERT_EQUAL(isot_lookup(root, "a_b_c", &n), OK);
	isot_put(n.fn_ino_nr);
	CU_ASSERT_EQUAL(isot_fs->fdr_lookup(root, "loop", &n), -ENOENT);
	CU_ASSERT_EQUAL(isot_fs->fdr_lookup(root, "OVER", &n), -ENOENT);
	isot_umount();
}

static void test_hand_cycles(void)
{
	struct fsdriver_node n, m;
	ino_t root;

	CU_ASSERT_EQUAL_FATAL(isot_mount(hand_img, &root), OK);
	CU_ASSERT_EQUAL(isot_fs->fdr_lookup(root, "SELF", &n), -EIO);
	CU_ASSERT_EQUAL_FATAL(isot_lookup(root, "SUB", &n), OK);
	CU_ASSERT_EQUAL(isot_fs->fdr_lookup(n.fn_ino_nr, "UP", &m),
	    -EIO);
	CU_ASSERT_EQUAL(isot_fs->fdr_lookup(n.fn_ino_nr, "..", &m), OK);
	CU_ASSERT_EQUAL(m.fn_ino_nr, root);
	isot_put(m.fn_ino_nr);
	isot_put(n.fn_ino_nr);
	CU_ASSERT(isot_crawl(root, 1000) < 1000);
	isot_umount();
}

void isot_add_hand(void)
{
	CU_pSuite s = CU_add_suite("isofs-hand", isot_setup, isot_teardown);

	CU_add_test(s, "listing: hidden, renamed, broken records",
	    test_hand_listing);
	CU_add_test(s, "multi-extent file, partial last block",
	    test_hand_multi_extent);
	CU_add_test(s, "NM/ER via CE, split SL, CE loop", test_hand_rock_ridge);
	CU_add_test(s, "directory cycles", test_hand_cycles);
}
