/*
 * mkimg.c - test images: util-linux mkfs.minix for 1 KiB blocks (the
 * outside reference), and a small V3 builder for other block sizes, which
 * mkfs.minix cannot make.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "mfs_test.h"
#include "mfs_format.h"

static int mt_run_mkfs(int version, unsigned int blocks, unsigned int inodes,
    unsigned int namelen)
{
	char cmd[1200], iopt[32] = "", nopt[32] = "";
	int st;

	if (inodes)
		snprintf(iopt, sizeof(iopt), "-i %u", inodes);
	if (namelen)
		snprintf(nopt, sizeof(nopt), "-n %u", namelen);
	snprintf(cmd, sizeof(cmd), "rm -f %s && truncate -s %u %s && "
	    "mkfs.minix -%d %s %s %s %u > /dev/null 2>&1", mt_img,
	    blocks * 1024, mt_img, version, iopt, nopt, mt_img, blocks);
	st = system(cmd);
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

static int mt_pwrite(int fd, uint64_t off, const void *buf, size_t len)
{
	return pwrite(fd, buf, len, (off_t)off) == (ssize_t)len ? 0 : -1;
}

/* Set bits [0, n) of a bitmap at block 'start'. */
static int mt_set_bits(int fd, unsigned int bs, uint32_t start, unsigned n)
{
	unsigned char b = 0;
	unsigned int i;

	for (i = 0; i < n; i++)
		b |= (unsigned char)(1u << i);
	return mt_pwrite(fd, (uint64_t)start * bs, &b, 1);
}

static int mt_build_v3(unsigned int bs, unsigned int blocks,
    unsigned int inodes)
{
	struct mfs_super_v3 sb;
	struct mfs_inode_v2 root;
	struct mfs_dirent_v3 de[2];
	uint32_t imap, zmap, itab, fdz;
	int fd, r = 0;

	if (inodes == 0)
		inodes = blocks / 4 + 16;
	imap = (inodes + 1 + bs * 8 - 1) / (bs * 8);
	zmap = (blocks + bs * 8 - 1) / (bs * 8);
	itab = (inodes + bs / 64 - 1) / (bs / 64);
	fdz = 2 + imap + zmap + itab;
	memset(&sb, 0, sizeof(sb));
	sb.s_ninodes = inodes;
	sb.s_imap_blocks = (uint16_t)imap;
	sb.s_zmap_blocks = (uint16_t)zmap;
	sb.s_firstdatazone = (uint16_t)fdz;
	sb.s_max_size = 0x7fffffff;
	sb.s_zones = blocks;
	sb.s_magic = MFS_MAGIC_V3;
	sb.s_block_size = (uint16_t)bs;
	sb.s_flags = MFSFLAG_CLEAN;
	memset(&root, 0, sizeof(root));
	root.i_mode = 040755;
	root.i_nlinks = 2;
	root.i_size = 2 * sizeof(de[0]);
	root.i_atime = root.i_mtime = root.i_ctime = 1700000000;
	root.i_zone[0] = fdz;
	memset(de, 0, sizeof(de));
	de[0].d_ino = de[1].d_ino = 1;
	strcpy(de[0].d_name, ".");
	strcpy(de[1].d_name, "..");
	unlink(mt_img);
	if ((fd = open(mt_img, O_RDWR | O_CREAT | O_TRUNC, 0600)) < 0)
		return -1;
	if (ftruncate(fd, (off_t)blocks * bs) != 0 ||
	    mt_pwrite(fd, MFS_SUPER_OFFSET, &sb, sizeof(sb)) != 0 ||
	    mt_set_bits(fd, bs, 2, 2) != 0 ||
	    mt_set_bits(fd, bs, 2 + imap, 2) != 0 ||
	    mt_pwrite(fd, (uint64_t)(2 + imap + zmap) * bs, &root,
	    sizeof(root)) != 0 ||
	    mt_pwrite(fd, (uint64_t)fdz * bs, de, sizeof(de)) != 0)
		r = -1;
	close(fd);
	return r;
}

int mt_mkfs(int version, unsigned int bs, unsigned int blocks,
    unsigned int inodes, unsigned int namelen)
{
	if (bs == 1024)
		return mt_run_mkfs(version, blocks, inodes, namelen);
	if (version != 3)
		return -1;
	return mt_build_v3(bs, blocks, inodes);
}
