/*
 * mkfs_run.c - mkfs.mfs from validated options to a finished image.
 *
 * Sizing: -b wins; otherwise an existing non-empty image keeps its size;
 * otherwise, with -d, the file system is sized from the tree (its data and
 * index blocks and inodes, plus one eighth and a little slack).  The new
 * superblock is decoded again with the MFS server's own decoder before
 * anything is written, so mkfs never makes an image MFS would refuse.
 *
 * The image is sized and written through libminixfs (mfsutil); only the
 * preparation below works on the file itself, a host step.  It is prepared
 * so no old byte survives inside the file system: a
 * regular file is truncated and re-extended (sparse) or, when it is larger
 * than the file system, the file system's range is zeroed (sys_linux.c
 * punches it out; sys_posix.c, Mica's build, writes zeros).  A block
 * device is written only where mkfs puts metadata or data.  An image file
 * that mkfs created is removed again when mkfs fails.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mkfs.h"

/* Size the file system from the tree when -b and the image give none. */
static int mkfs_auto_size(const struct mkfs_opts *o,
    const struct mkfs_tree *t, uint64_t *blocks, uint64_t *inodes)
{
	uint64_t data = t->blocks + t->blocks / 8 + 64, total = data;
	struct mfs_sb sb;
	char why[160];
	int i;

	if (!*inodes)
		*inodes = t->inodes + t->inodes / 8 + 16;
	for (i = 0; i < 4; i++) {
		if (mkfs_layout(&sb, o->version, o->block_size, o->name_max,
		    total, *inodes, why, sizeof(why)) != OK) {
			fprintf(stderr, "mkfs.mfs: %s: %s\n", o->srcdir, why);
			return -EFBIG;
		}
		total = data + sb.firstdatazone;
	}
	*blocks = total;
	return OK;
}

/* Open (or create) the image and find the block count to use. */
static int mkfs_open_image(const struct mkfs_opts *o,
    const struct mkfs_tree *t, int *fd, int *created, uint64_t *blocks,
    uint64_t *inodes)
{
	uint64_t bytes = 0;
	int r = OK;

	*fd = open(o->image, O_RDWR);
	if (*fd < 0 && errno == ENOENT) {
		*fd = open(o->image, O_RDWR | O_CREAT | O_EXCL, 0644);
		*created = *fd >= 0;
	}
	if (*fd < 0 || (r = mfsu_image_size(o->image, &bytes)) != OK) {
		r = *fd < 0 ? -errno : r;
		fprintf(stderr, "mkfs.mfs: %s: %s\n", o->image, strerror(-r));
		return r;
	}
	*blocks = o->blocks;
	*inodes = o->inodes;
	if (*blocks) {
		if (bytes && bytes / o->block_size < *blocks) {
			fprintf(stderr, "mkfs.mfs: %s: %llu bytes is too small "
			    "for %llu blocks of %u bytes\n", o->image,
			    (unsigned long long)bytes,
			    (unsigned long long)*blocks, o->block_size);
			return -ENOSPC;
		}
		return OK;
	}
	if (bytes)
		*blocks = bytes / o->block_size;
	else if (t->root)
		return mkfs_auto_size(o, t, blocks, inodes);
	else {
		fprintf(stderr, "mkfs.mfs: %s: empty image: give its size "
		    "with -b\n", o->image);
		return -EINVAL;
	}
	return OK;
}

/* Zero the file system's range of a regular file. */
static int mkfs_prepare(int fd, uint64_t fs_bytes)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -errno;
	if (!S_ISREG(st.st_mode))
		return OK;
	if ((uint64_t)st.st_size <= fs_bytes) {
		if (ftruncate(fd, 0) < 0 || ftruncate(fd, (off_t)fs_bytes) < 0)
			return -errno;
		return OK;
	}
	return mkfs_zero_range(fd, fs_bytes);
}

/* Check the layout against the tree and against MFS's own decoder. */
static int mkfs_check_layout(const struct mkfs_opts *o,
    const struct mkfs_tree *t, const struct mfs_sb *sb)
{
	uint8_t raw[MFS_SUPER_SIZE];
	struct mfs_sb back;
	char why[160];

	if (t->root && t->inodes > sb->ninodes) {
		fprintf(stderr, "mkfs.mfs: %s needs %llu inodes, the file "
		    "system has %u (use -i)\n", o->srcdir,
		    (unsigned long long)t->inodes, sb->ninodes);
		return -ENOSPC;
	}
	if (t->root && t->blocks > (uint64_t)sb->zones - sb->firstdatazone) {
		fprintf(stderr, "mkfs.mfs: %s needs up to %llu data blocks, "
		    "the file system has %u (use -b)\n", o->srcdir,
		    (unsigned long long)t->blocks,
		    sb->zones - sb->firstdatazone);
		return -ENOSPC;
	}
	mkfs_super_encode(sb, raw);
	if (mfs_sb_decode(raw, (uint64_t)sb->zones * sb->block_size, &back,
	    why, sizeof(why)) != OK) {
		fprintf(stderr, "mkfs.mfs: MFS would refuse this layout: %s\n",
		    why);
		return -EINVAL;
	}
	return OK;
}

static void mkfs_summary(const struct mkfs_opts *o, const struct mfs_sb *sb)
{
	if (o->quiet)
		return;
	printf("%u inodes\n%u blocks\nFirstdatazone=%u\nZonesize=%u\n"
	    "Maxsize=%llu\n", sb->ninodes, sb->zones, sb->firstdatazone,
	    sb->block_size, (unsigned long long)sb->max_size);
}

int mkfs_run(const struct mkfs_opts *o)
{
	struct mkfs_tree tree;
	struct mfs_sb sb;
	uint64_t blocks = 0, inodes = 0;
	char why[160];
	int fd = -1, created = 0, r, code = MKFS_EXIT_OPER, i;

	memset(&tree, 0, sizeof(tree));
	mfs_sb_geometry(&sb, o->version, o->block_size, o->name_max);
	if (o->srcdir && mkfs_scan(&tree, o->srcdir, &sb, o->image) != OK)
		goto out;
	for (i = 0; i < o->ndevtab; i++)
		if (mkfs_devtable(&tree, o->devtab[i], &sb) != OK)
			goto out;
	if ((r = mkfs_open_image(o, &tree, &fd, &created, &blocks,
	    &inodes)) != OK)
		goto out;
	if (tree.root && !inodes) {
		inodes = mkfs_default_inodes(blocks * o->block_size);
		if (inodes < tree.inodes + 16)
			inodes = tree.inodes + 16;
	}
	if (mkfs_layout(&sb, o->version, o->block_size, o->name_max, blocks,
	    inodes, why, sizeof(why)) != OK) {
		fprintf(stderr, "mkfs.mfs: %s\n", why);
		goto out;
	}
	if (mkfs_check_layout(o, &tree, &sb) != OK)
		goto out;
	if ((r = mkfs_prepare(fd, (uint64_t)sb.zones * sb.block_size))) {
		fprintf(stderr, "mkfs.mfs: %s: %s\n", o->image, strerror(-r));
		goto out;
	}
	if (mkfs_write(&sb, &tree, o) != OK)
		goto out;
	mkfs_summary(o, &sb);
	code = MKFS_EXIT_OK;
out:
	if (fd >= 0 && close(fd) < 0 && code == MKFS_EXIT_OK) {
		fprintf(stderr, "mkfs.mfs: %s: %s\n", o->image,
		    strerror(errno));
		code = MKFS_EXIT_OPER;
	}
	if (code != MKFS_EXIT_OK && created)
		unlink(o->image);
	mkfs_tree_free(&tree);
	return code;
}
