/*
 * test_order.c - write ordering for crashes (balloc.c, bmap.c, dir.c): a
 * freed block is not handed out again before the change that freed it has
 * been written back, a full disk still gets the pending blocks (after a
 * writeback), and fresh indirect and directory blocks are on the image
 * before anything points at them.  Found by tests/host/crash (kill -9 of
 * micafuse): e2fsck "Illegal block" in indirect blocks holding file data.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "et.h"
#include "ext2.h"

#define NB	64

/* The blocks of 'path': data (first NB-1) and the single indirect. */
static int blocks_of(const char *path, uint32_t *b)
{
	struct ext2_inode *ip;
	uint32_t p;
	uint64_t l;
	ino_t ino;
	int n = 0;

	CU_ASSERT_FATAL(et_lookup(path, &ino) == OK);
	CU_ASSERT_FATAL(ext2_iget(ino, &ip) == OK);
	for (l = 0; l < NB - 1; l++)
		if (ext2_bmap(ip, l, &p) == OK && p != 0)
			b[n++] = p;
	if (ip->i_d->i_block[EXT2_IND_BLOCK] != 0)
		b[n++] = ip->i_d->i_block[EXT2_IND_BLOCK];
	ext2_iput(ip);
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
	uint32_t ba[NB], bb[NB], bc[NB];
	static char buf[20 * 1024];
	int na, nb, nc;

	memset(buf, 0x5a, sizeof(buf));
	CU_ASSERT_FATAL(et_mkfs("-b 1024", 4096) == 0);
	et_mount();
	CU_ASSERT(et_put_file("a", buf, sizeof(buf)) == OK);
	CU_ASSERT(ET_T->fdr_sync() == OK);
	na = blocks_of("a", ba);
	CU_ASSERT(na == 21);			/* 20 data + 1 indirect */
	CU_ASSERT(et_unlink("a") == OK);
	CU_ASSERT(et_put_file("b", buf, sizeof(buf)) == OK);
	nb = blocks_of("b", bb);
	CU_ASSERT(shared(ba, na, bb, nb) == 0);	/* not before a writeback */
	CU_ASSERT(ET_T->fdr_sync() == OK);
	CU_ASSERT(et_unlink("b") == OK);
	CU_ASSERT(ET_T->fdr_sync() == OK);
	CU_ASSERT(et_put_file("c", buf, sizeof(buf)) == OK);
	nc = blocks_of("c", bc);
	CU_ASSERT(shared(ba, na, bc, nc) + shared(bb, nb, bc, nc) > 0);
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
}

static void test_full_disk_takes_pending(void)
{
	struct statvfs sv, sv2;
	static char buf[65536];
	off_t pos = 0, again = 0;
	ino_t ino;
	ssize_t w;

	CU_ASSERT_FATAL(et_mkfs("-b 1024 -m 0", 2048) == 0);
	et_mount();
	CU_ASSERT(ET_T->fdr_statvfs(&sv) == OK);
	CU_ASSERT_FATAL(et_create("fill", 0644, &ino) == OK);
	while ((w = et_pwrite(ino, buf, sizeof(buf), pos)) > 0)
		pos += w;
	CU_ASSERT(w == -ENOSPC);
	CU_ASSERT(et_unlink("fill") == OK);	/* no sync: all pending */
	CU_ASSERT(ET_T->fdr_statvfs(&sv2) == OK);
	CU_ASSERT(sv2.f_bfree == sv.f_bfree);	/* counted free at once */
	CU_ASSERT_FATAL(et_create("again", 0644, &ino) == OK);
	while ((w = et_pwrite(ino, buf, sizeof(buf), again)) > 0)
		again += w;
	CU_ASSERT(again == pos);		/* the same amount fits */
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
}

/* Fresh indirect and directory blocks are zeroed / filled on the image at
 * once, before any sync, although the zones held other bytes. */
static void test_fresh_blocks_written(void)
{
	static char buf[1024], blk[1024];
	struct ext2_inode *ip;
	uint32_t ind, dblk;
	ino_t ino;
	int fd, i, zero = 1;

	CU_ASSERT_FATAL(et_mkfs("-b 1024", 4096) == 0);
	et_mount();
	memset(buf, 0x77, sizeof(buf));
	/* Fill the free space with a pattern, then free it (synced). */
	CU_ASSERT(et_create("junk", 0644, &ino) == OK);
	for (i = 0; i < 1000; i++)
		if (et_pwrite(ino, buf, sizeof(buf), (off_t)i * 1024) != 1024)
			break;
	CU_ASSERT(et_unlink("junk") == OK);
	CU_ASSERT(ET_T->fdr_sync() == OK);
	CU_ASSERT(et_create("f", 0644, &ino) == OK);
	CU_ASSERT(et_pwrite(ino, buf, 1024, 12 * 1024) == 1024);
	CU_ASSERT(et_mkdir("d", 0755) == OK);
	CU_ASSERT_FATAL(ext2_iget(ino, &ip) == OK);
	ind = ip->i_d->i_block[EXT2_IND_BLOCK];
	ext2_iput(ip);
	CU_ASSERT_FATAL(et_lookup("d", &ino) == OK);
	CU_ASSERT_FATAL(ext2_iget(ino, &ip) == OK);
	dblk = ip->i_d->i_block[0];
	ext2_iput(ip);
	CU_ASSERT_FATAL(ind != 0 && dblk != 0);
	fd = open(et_img, O_RDONLY);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT(pread(fd, blk, 1024, (off_t)ind * 1024) == 1024);
	for (i = 0; i < 1024; i++)
		zero &= blk[i] == 0;
	CU_ASSERT(zero);			/* the indirect block */
	CU_ASSERT(pread(fd, blk, 1024, (off_t)dblk * 1024) == 1024);
	CU_ASSERT(blk[8] == '.' && blk[12 + 8] == '.' && blk[12 + 9] == '.');
	close(fd);
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
}

void et_suite_order(void)
{
	CU_pSuite s = CU_add_suite("ext2_order", NULL, NULL);

	CU_add_test(s, "freed blocks wait for a writeback",
	    test_no_reuse_before_sync);
	CU_add_test(s, "a full disk takes the pending blocks",
	    test_full_disk_takes_pending);
	CU_add_test(s, "fresh indirect and directory blocks written at once",
	    test_fresh_blocks_written);
}
