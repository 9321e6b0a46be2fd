/*
 * t_damage.c - damage injected through the codecs into images of each
 * version: fsck.mfs -n finds it (exit 4), -y repairs it (exit 1), and a
 * second -n finds the result clean (exit 0).
 */
#include <stdio.h>
#include <string.h>
#include "mkfsck_test.h"

static uint8_t mt_iblk[MFS_MAX_BLOCK_SIZE];

static void mt_iget(struct mfsu_img *im, uint32_t n, struct mfs_dinode *ino)
{
	CU_ASSERT_EQUAL_FATAL(mfsu_read_block(im, mfs_inode_block(&im->sb, n),
	    mt_iblk), OK);
	mfs_inode_decode(&im->sb, mt_iblk + mfs_inode_offset(&im->sb, n), ino);
}

static void mt_iput(struct mfsu_img *im, uint32_t n,
    const struct mfs_dinode *ino)
{
	uint32_t b = mfs_inode_block(&im->sb, n);

	CU_ASSERT_EQUAL_FATAL(mfsu_read_block(im, b, mt_iblk), OK);
	mfs_inode_encode(&im->sb, ino, mt_iblk + mfs_inode_offset(&im->sb, n));
	CU_ASSERT_EQUAL(mfsu_write_block(im, b, mt_iblk), OK);
}

/* Find 'name' in the first block of directory 'dir': its inode number,
 * and where the entry is (block contents in blk, zone and slot). */
static uint32_t mt_lookup(struct mfsu_img *im, uint32_t dir, const char *name,
    uint8_t *blk, uint32_t *zone, unsigned int *slot)
{
	struct mfs_dinode d;
	char nm[MFS_NAME_V3 + 1];
	unsigned int s, n;
	uint32_t e;

	mt_iget(im, dir, &d);
	*zone = d.zone[0];
	CU_ASSERT_EQUAL_FATAL(mfsu_read_block(im, *zone, blk), OK);
	n = d.size / im->sb.dirent_size;
	for (s = 0; s < n && s < im->sb.block_size / im->sb.dirent_size;
	    s++) {
		e = mfs_dirent_get(&im->sb, blk, s, nm);
		if (e && strcmp(nm, name) == 0) {
			*slot = s;
			return e;
		}
	}
	CU_FAIL_FATAL("entry not found");
	return 0;
}

static uint32_t mt_ino(struct mfsu_img *im, uint32_t dir, const char *name)
{
	uint8_t blk[MFS_MAX_BLOCK_SIZE];
	unsigned int slot;
	uint32_t zone;

	return mt_lookup(im, dir, name, blk, &zone, &slot);
}

static void mt_flip_map(struct mfsu_img *im, uint32_t start, uint64_t bit)
{
	uint64_t blk = start + bit / 8 / im->sb.block_size;
	size_t off = (size_t)(bit / 8 % im->sb.block_size);

	CU_ASSERT_EQUAL_FATAL(mfsu_read_block(im, blk, mt_iblk), OK);
	mt_iblk[off] ^= (uint8_t)(1u << (bit % 8));
	CU_ASSERT_EQUAL(mfsu_write_block(im, blk, mt_iblk), OK);
}

typedef void (*mt_damage_fn)(struct mfsu_img *im);

static void d_zmap(struct mfsu_img *im)
{
	struct mfs_dinode r;

	mt_iget(im, MFS_ROOT_INO, &r);
	mt_flip_map(im, mfs_zmap_start(&im->sb),
	    mfs_zone_to_bit(&im->sb, r.zone[0]));
}

static void d_imap(struct mfsu_img *im)
{
	mt_flip_map(im, mfs_imap_start(&im->sb), im->sb.ninodes);
}

static void d_nlinks(struct mfsu_img *im)
{
	uint32_t n = mt_ino(im, MFS_ROOT_INO, "a");
	struct mfs_dinode i;

	mt_iget(im, n, &i);
	i.nlinks += 5;
	mt_iput(im, n, &i);
}

static void mt_big_zone(struct mfsu_img *im, int slot, uint32_t z)
{
	uint32_t n = mt_ino(im, MFS_ROOT_INO, "big");
	struct mfs_dinode i;

	mt_iget(im, n, &i);
	i.zone[slot] = z;
	mt_iput(im, n, &i);
}

static void d_zone_range(struct mfsu_img *im)
{
	mt_big_zone(im, 2, im->sb.zones + 3);
}

static void d_zone_meta(struct mfsu_img *im)
{
	mt_big_zone(im, 1, MFS_IMAP_START);
}

static void d_zone_dup(struct mfsu_img *im)
{
	struct mfs_dinode a, big;
	uint32_t na = mt_ino(im, MFS_ROOT_INO, "a");

	mt_iget(im, mt_ino(im, MFS_ROOT_INO, "big"), &big);
	mt_iget(im, na, &a);
	a.zone[0] = big.zone[4];
	mt_iput(im, na, &a);
}

static void d_past_size(struct mfsu_img *im)
{
	uint32_t n = mt_ino(im, MFS_ROOT_INO, "big");
	struct mfs_dinode i;

	mt_iget(im, n, &i);
	i.size = 10;
	mt_iput(im, n, &i);
}

static void mt_set_entry(struct mfsu_img *im, uint32_t dir, const char *name,
    uint32_t ino, const char *newname)
{
	uint8_t blk[MFS_MAX_BLOCK_SIZE];
	unsigned int slot;
	uint32_t zone;

	mt_lookup(im, dir, name, blk, &zone, &slot);
	mfs_dirent_set(&im->sb, blk, slot, ino, newname);
	CU_ASSERT_EQUAL(mfsu_write_block(im, zone, blk), OK);
}

static void d_bad_ino(struct mfsu_img *im)
{
	mt_set_entry(im, MFS_ROOT_INO, "fifo", im->sb.ninodes + 1, "fifo");
}

static void d_dotdot(struct mfsu_img *im)
{
	uint32_t sub = mt_ino(im, MFS_ROOT_INO, "sub");

	mt_set_entry(im, sub, "..", sub, "..");
}

static void d_loop(struct mfsu_img *im)
{
	uint32_t sub = mt_ino(im, MFS_ROOT_INO, "sub");
	uint32_t deep = mt_ino(im, sub, "deep");
	uint8_t blk[MFS_MAX_BLOCK_SIZE];
	struct mfs_dinode d;

	mt_iget(im, deep, &d);
	CU_ASSERT_EQUAL(mfsu_read_block(im, d.zone[0], blk), OK);
	mfs_dirent_set(&im->sb, blk, d.size / im->sb.dirent_size, sub, "up");
	CU_ASSERT_EQUAL(mfsu_write_block(im, d.zone[0], blk), OK);
	d.size += im->sb.dirent_size;
	mt_iput(im, deep, &d);
}

static void d_dirsize(struct mfsu_img *im)
{
	struct mfs_dinode r;

	mt_iget(im, MFS_ROOT_INO, &r);
	r.size += 3;
	mt_iput(im, MFS_ROOT_INO, &r);
}

static void d_unreach(struct mfsu_img *im)
{
	struct mfs_dinode i;

	memset(&i, 0, sizeof(i));
	i.mode = 0100644;
	i.nlinks = 1;
	mt_iput(im, im->sb.ninodes, &i);
	mt_flip_map(im, mfs_imap_start(&im->sb), im->sb.ninodes);
}

static const struct {
	const char *name;
	mt_damage_fn fn;
} mt_damages[] = {
	{ "zone bitmap bit", d_zmap }, { "inode bitmap bit", d_imap },
	{ "link count", d_nlinks }, { "zone past the end", d_zone_range },
	{ "zone in metadata", d_zone_meta }, { "zone used twice", d_zone_dup },
	{ "zones past the size", d_past_size },
	{ "entry with a bad inode", d_bad_ino }, { "wrong '..'", d_dotdot },
	{ "directory loop", d_loop }, { "directory size", d_dirsize },
	{ "unreachable inode", d_unreach },
};

static void mt_damage_all(int version, unsigned int bs)
{
	struct mfsu_img im;
	char img[300], why[200];
	size_t k;

	snprintf(img, sizeof(img), "%s/dmg.img", mt_dir);
	for (k = 0; k < sizeof(mt_damages) / sizeof(mt_damages[0]); k++) {
		CU_ASSERT_EQUAL_FATAL(mt_mkfs(img, version, bs, 0, mt_tree()),
		    MKFS_EXIT_OK);
		CU_ASSERT_EQUAL_FATAL(mfsu_open(&im, img, 1, why, sizeof(why)),
		    OK);
		mt_damages[k].fn(&im);
		CU_ASSERT_EQUAL(mfsu_close(&im), OK);
		if (mt_fsck(img, 0) != FSCK_EXIT_UNFIXED ||
		    mt_fsck(img, 1) != FSCK_EXIT_FIXED ||
		    mt_fsck(img, 0) != FSCK_EXIT_OK) {
			fprintf(stderr, "V%d/%u: %s not found or not fixed\n",
			    version, bs, mt_damages[k].name);
			CU_FAIL("damage not found or not repaired");
		}
	}
}

/* A subtree whose entry is gone comes back under /lost+found, whole. */
static void t_reconnect(void)
{
	char img[300], why[200], name[16];
	struct mfsu_img im;
	uint32_t sub, lost, back;

	snprintf(img, sizeof(img), "%s/lost.img", mt_dir);
	CU_ASSERT_EQUAL_FATAL(mt_mkfs(img, 3, 1024, 0, mt_tree()),
	    MKFS_EXIT_OK);
	CU_ASSERT_EQUAL_FATAL(mfsu_open(&im, img, 1, why, sizeof(why)), OK);
	sub = mt_ino(&im, MFS_ROOT_INO, "sub");
	mt_set_entry(&im, MFS_ROOT_INO, "sub", 0, "sub");
	CU_ASSERT_EQUAL(mfsu_close(&im), OK);
	CU_ASSERT_EQUAL(mt_fsck(img, 0), FSCK_EXIT_UNFIXED);
	CU_ASSERT_EQUAL(mt_fsck(img, 1), FSCK_EXIT_FIXED);
	CU_ASSERT_EQUAL(mt_fsck(img, 0), FSCK_EXIT_OK);
	CU_ASSERT_EQUAL_FATAL(mfsu_open(&im, img, 0, why, sizeof(why)), OK);
	lost = mt_ino(&im, MFS_ROOT_INO, "lost+found");
	snprintf(name, sizeof(name), "#%u", sub);
	CU_ASSERT_EQUAL(mt_ino(&im, lost, name), sub);
	CU_ASSERT_NOT_EQUAL(mt_ino(&im, sub, "deep"), 0);
	back = mt_ino(&im, sub, "..");
	CU_ASSERT_EQUAL(back, lost);
	CU_ASSERT_EQUAL(mfsu_close(&im), OK);
}

static void t_damage_v1(void) { mt_damage_all(1, 1024); }
static void t_damage_v2(void) { mt_damage_all(2, 1024); }
static void t_damage_v3(void) { mt_damage_all(3, 1024); }
static void t_damage_v3_4k(void) { mt_damage_all(3, 4096); }

int mt_add_damage(void)
{
	CU_pSuite s = CU_add_suite("damage", NULL, NULL);

	return !s || !CU_add_test(s, "V1", t_damage_v1) ||
	    !CU_add_test(s, "V2", t_damage_v2) ||
	    !CU_add_test(s, "V3, 1 KiB", t_damage_v3) ||
	    !CU_add_test(s, "V3, 4 KiB", t_damage_v3_4k) ||
	    !CU_add_test(s, "reconnect to /lost+found", t_reconnect);
}
