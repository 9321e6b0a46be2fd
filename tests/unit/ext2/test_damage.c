/*
 * test_damage.c - damaged images: bytes flipped in the superblock, the
 * descriptors, inode tables, bitmaps and directories, and truncated image
 * files.  Mount may fail and operations may give EIO; nothing may crash
 * (the ASan/UBSan build checks memory safety), and the image file must not
 * grow (no write outside it).  ET_FUZZ=<n> runs n rounds per region
 * instead of 25.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <mica/dirent.h>
#include <mica/fsdriver_host.h>
#include <sys/stat.h>

#include "et.h"

static int et_base_made;
static int et_mounted;		/* damaged images that still mounted */

/* Visit a directory tree, reading everything; bounded by 'budget'. */
static void et_walk_tree(ino_t dir, int depth, int *budget)
{
	char buf[2048], data[4096];
	struct fsdriver_data d, dd;
	struct fsdriver_node n;
	off_t pos = 0;
	ssize_t got, off;

	fsdriver_data_mem(&d, buf, sizeof(buf));
	fsdriver_data_mem(&dd, data, sizeof(data));
	while (depth < 8 && --*budget > 0 &&
	    (got = ET_T->fdr_getdents(dir, &d, sizeof(buf), &pos)) > 0) {
		for (off = 0; off < got; ) {
			struct mica_dirent *e = (struct mica_dirent *)(buf + off);

			off += e->d_reclen;
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0 ||
			    ET_T->fdr_lookup(dir, e->d_name, &n) != OK)
				continue;
			if (S_ISDIR(n.fn_mode))
				et_walk_tree(n.fn_ino_nr, depth + 1, budget);
			else if (S_ISLNK(n.fn_mode))
				ET_T->fdr_rdlink(n.fn_ino_nr, &dd, sizeof(data));
			else if (S_ISREG(n.fn_mode))
				ET_T->fdr_read(n.fn_ino_nr, &dd, sizeof(data),
				    0);
			ET_T->fdr_listxattr(n.fn_ino_nr, &dd, sizeof(data));
			ET_T->fdr_putnode(n.fn_ino_nr, 1);
		}
	}
}

/* Exercise a mounted damaged image: walk it, then change it. */
static void et_poke(void)
{
	char buf[3000];
	int budget = 400;
	ino_t ino;

	et_walk_tree(2, 0, &budget);
	memset(buf, 'p', sizeof(buf));
	if (et_create("newfile", 0644, &ino) == OK)
		et_pwrite(ino, buf, sizeof(buf), 0);
	et_mkdir("newdir", 0755);
	et_unlink("src/a1");
	et_rename("src/b", "moved");
	et_rmdir("src/d2");
}

static int et_make_base(void)
{
	if (et_sh("rm -rf %s/src && mkdir -p %s/src/d1/d2 %s/src/b && "
	    "cd %s/src && for i in 1 2 3 4 5 6 7 8 9; do "
	    "seq 1 9999 | head -c $((i * 1500)) > a$i; "
	    "ln -s $(printf 'target%%0100d' $i) l$i; ln -s a$i s$i; "
	    "touch b/f$i d1/g$i; done && setfattr -n user.x -v 1 a1 2>/dev/null;"
	    " true", et_dir, et_dir, et_dir, et_dir) != 0)
		return -1;
	return et_sh("mke2fs -q -F -t ext2 -b 1024 -N 64 -d %s/src %s/base.img "
	    "1024", et_dir, et_dir);
}

/* Copy the base image with 'nflip' random bytes changed in [lo, hi). */
static void et_damage(unsigned int seed, long lo, long hi, int nflip)
{
	int fd, i;
	unsigned char c;

	CU_ASSERT_FATAL(et_sh("cp %s/base.img %s", et_dir, et_img) == 0);
	fd = open(et_img, O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	srand(seed);
	for (i = 0; i < nflip; i++) {
		off_t at = lo + rand() % (hi - lo);

		c = (unsigned char)(rand() & 0xff);
		if (pwrite(fd, &c, 1, at) != 1)
			break;
	}
	close(fd);
}

static void et_try_damaged(void)
{
	struct stat before, after;
	unsigned int res;

	CU_ASSERT_FATAL(stat(et_img, &before) == 0);
	et_log_begin();
	if (et_mount_flags(FSDRIVER_MOUNT_FORCE, &res) == OK) {
		et_mounted++;
		et_poke();
		et_unmount();
	}
	et_log_end();
	CU_ASSERT(stat(et_img, &after) == 0 && after.st_size == before.st_size);
}

static void test_flips(void)
{
	/* regions of the 1 KiB-block base image: superblock, descriptors,
	 * bitmaps and inode table, the first data blocks (directories) */
	static const long regions[][2] = {
		{ 1024, 2048 }, { 2048, 3072 }, { 3072, 48 * 1024 },
		{ 3 * 1024, 300 * 1024 },
	};
	unsigned int r, seed, et_rounds = 25;
	const char *env = getenv("ET_FUZZ");	/* more rounds, by hand */
	ino_t ino;

	if (env != NULL && atoi(env) > 0)
		et_rounds = (unsigned int)atoi(env);

	if (!et_base_made) {
		CU_ASSERT_FATAL(et_make_base() == 0);
		et_base_made = 1;
	}
	/* the undamaged image mounts and holds the tree */
	CU_ASSERT_FATAL(et_sh("cp %s/base.img %s", et_dir, et_img) == 0);
	et_mount();
	CU_ASSERT(et_lookup("d1/d2", &ino) == OK);
	CU_ASSERT(et_lookup("l9", &ino) == OK);
	et_unmount();
	et_mounted = 0;
	for (r = 0; r < sizeof(regions) / sizeof(regions[0]); r++)
		for (seed = 1; seed <= et_rounds; seed++) {
			et_damage(seed * 31 + r, regions[r][0], regions[r][1],
			    r == 0 ? 2 : 40);
			et_try_damaged();
		}
	CU_ASSERT(et_mounted > (int)et_rounds * 3 / 2);	/* most damage is past the superblock */
}

static void test_truncated(void)
{
	static const long sizes[] = { 0, 1000, 1500, 4096, 200 * 1024,
	    600 * 1024, 1023 * 1024 };
	unsigned int i;

	if (!et_base_made) {
		CU_ASSERT_FATAL(et_make_base() == 0);
		et_base_made = 1;
	}
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		CU_ASSERT_FATAL(et_sh("cp %s/base.img %s && truncate -s %ld %s",
		    et_dir, et_img, sizes[i], et_img) == 0);
		et_try_damaged();
	}
}

void et_suite_damage(void)
{
	CU_pSuite s = CU_add_suite("ext2_damage", NULL, NULL);

	CU_add_test(s, "flipped metadata bytes", test_flips);
	CU_add_test(s, "truncated images", test_truncated);
}
