/*
 * t_reuse.c - write ordering for crashes (fs/mfs/alloc.c, bmap.c): a freed
 * zone is not handed out again before the change that freed it has been
 * written back (at the next sync, or when nothing else is free), and a
 * fresh indirect block reaches the device zeroed (a directory's new zone
 * filled) before anything that points at it.  Found by tests/host/crash: kill -9 of micafuse left
 * indirect blocks full of another file's data ("Zone N >= ZONES").
 */
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <fcntl.h>
#include "mfs_test.h"
#include "mfs.h"

#define NZ	64

/* The zones of 'path' (data and the single indirect block). */
static int zones_of(const char *path, uint32_t *z)
{
	struct mfs_inode *ip;
	uint32_t zz;
	uint64_t b;
	ino_t ino;
	int n = 0;

	CU_ASSERT_FATAL(mt_ino(path, &ino) == OK);
	CU_ASSERT_FATAL(mfs_get_inode(ino, &ip) == OK);
	for (b = 0; b < NZ - 1; b++)
		if (mfs_read_map(ip, b, &zz) == OK && zz != 0)
			z[n++] = zz;
	if (ip->i_zone[MFS_ZONE_IND] != 0)
		z[n++] = ip->i_zone[MFS_ZONE_IND];
	mfs_put_inode(ip);
	return n;
}

static int shared(const uint32_t *a, int na, const uint32_t *b, int nb)
{
	int i, j, n = 0;

	for (i = 0; i < na; i++)
		for (j = 0; j < nb; j++)
			n += a[i] == b[j];
	return n;
}

static void test_no_reuse_before_sync(void)
{
	uint32_t za[NZ], zb[NZ], zc[NZ];
	char *buf = malloc(20 * 1024);
	int na, nb, nc;

	CU_ASSERT_FATAL(buf != NULL);
	memset(buf, 0x5a, 20 * 1024);
	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 2048, 0, 0) == 0);
	mt_mount();
	CU_ASSERT(mt_put_file("a", buf, 20 * 1024) == OK);
	CU_ASSERT(mfs_table.fdr_sync() == OK);
	na = zones_of("a", za);
	CU_ASSERT(na == 21);			/* 20 data + 1 indirect */
	CU_ASSERT(mt_unlink("a") == OK);	/* frees them, in the cache */
	CU_ASSERT(mt_put_file("b", buf, 20 * 1024) == OK);
	nb = zones_of("b", zb);
	CU_ASSERT(nb == 21);
	CU_ASSERT(shared(za, na, zb, nb) == 0);	/* not before a writeback */
	CU_ASSERT(mfs_table.fdr_sync() == OK);
	CU_ASSERT(mt_put_file("c", buf, 20 * 1024) == OK);
	nc = zones_of("c", zc);
	CU_ASSERT(shared(za, na, zc, nc) > 0);	/* and free after it */
	mt_unmount();
	CU_ASSERT(mt_fsck() == 0);
	free(buf);
}

/* Freed but unsynced zones still serve a full disk (after a writeback). */
static void test_full_disk_takes_pending(void)
{
	struct statvfs before, after;
	char *buf = calloc(1, 65536);
	ssize_t n = 0, m = 0;
	ino_t ino;
	int i;

	CU_ASSERT_FATAL(buf != NULL);
	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 1024, 64, 0) == 0);
	mt_mount();
	CU_ASSERT(mfs_table.fdr_statvfs(&before) == OK);
	CU_ASSERT(mt_create("fill", 0644, &ino) == OK);
	for (i = 0; i < 64 && (n = mt_write(ino, (off_t)i * 65536, buf,
	    65536)) == 65536; i++)
		m += n;
	m += n > 0 ? n : 0;
	CU_ASSERT(mt_unlink("fill") == OK);
	CU_ASSERT(mfs_table.fdr_statvfs(&after) == OK);
	CU_ASSERT(after.f_bfree == before.f_bfree);	/* free at once */
	CU_ASSERT(mt_create("again", 0644, &ino) == OK);
	for (i = 0; m > 0; i++, m -= n)
		if ((n = mt_write(ino, (off_t)i * 65536, buf,
		    m > 65536 ? 65536 : (size_t)m)) <= 0)
			break;
	CU_ASSERT(m <= 0);			/* the same amount fits */
	mt_unmount();
	CU_ASSERT(mt_fsck() == 0);
	free(buf);
}

/* The indirect block is on the image, zeroed, as soon as it exists:
 * before any sync, before the inode that points at it. */
static void test_fresh_indirect_written(void)
{
	char *buf = malloc(1024), *blk = malloc(1024);
	struct mfs_inode *ip;
	uint32_t ind, first;
	ino_t ino;
	int fd, i, zero = 1;

	CU_ASSERT_FATAL(buf != NULL && blk != NULL);
	CU_ASSERT_FATAL(mt_mkfs(3, 1024, 2048, 0, 0) == 0);
	/* Fill the free data zones with a pattern: a fresh zone holds old
	 * bytes, as after other files were deleted. */
	mt_mount();
	first = mfs_m.sb.firstdatazone;
	mt_unmount();
	fd = open(mt_img, O_RDWR);
	CU_ASSERT_FATAL(fd >= 0);
	memset(blk, 0xff, 1024);
	for (i = first + 1; i < 2048; i++)
		CU_ASSERT(pwrite(fd, blk, 1024, (off_t)i * 1024) == 1024);
	mt_mount();
	memset(buf, 0x11, 1024);
	CU_ASSERT(mt_create("f", 0644, &ino) == OK);
	CU_ASSERT(mt_write(ino, 8 * 1024, buf, 1024) == 1024); /* block 8 */
	CU_ASSERT_FATAL(mfs_get_inode(ino, &ip) == OK);
	ind = ip->i_zone[MFS_ZONE_IND];
	mfs_put_inode(ip);
	CU_ASSERT_FATAL(ind != 0);
	CU_ASSERT(pread(fd, blk, 1024, (off_t)ind * 1024) == 1024);
	for (i = 0; i < 1024; i++)
		zero &= blk[i] == 0;
	CU_ASSERT(ind > first);
	CU_ASSERT(zero);
	/* A new directory's zone: "." is on the image at once (V3 entry:
	 * 32-bit inode number, then the name). */
	CU_ASSERT(mt_mkdir("d", 0755) == OK);
	CU_ASSERT_FATAL(mt_ino("d", &ino) == OK);
	CU_ASSERT_FATAL(mfs_get_inode(ino, &ip) == OK);
	ind = ip->i_zone[0];
	mfs_put_inode(ip);
	CU_ASSERT_FATAL(ind > first);
	CU_ASSERT(pread(fd, blk, 1024, (off_t)ind * 1024) == 1024);
	CU_ASSERT((unsigned char)blk[0] == (ino & 0xff) && blk[4] == '.' &&
	    blk[5] == '\0');
	close(fd);
	mt_unmount();
	CU_ASSERT(mt_fsck() == 0);
	free(buf);
	free(blk);
}

void mt_add_reuse_suite(void)
{
	CU_pSuite s = CU_add_suite("mfs_reuse", NULL, NULL);

	CU_add_test(s, "freed zones wait for a writeback",
	    test_no_reuse_before_sync);
	CU_add_test(s, "a full disk takes the pending zones",
	    test_full_disk_takes_pending);
	CU_add_test(s, "fresh indirect and directory zones written at once",
	    test_fresh_indirect_written);
}
