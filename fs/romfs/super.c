/*
 * super.c - the volume: probe, mount, unmount, statvfs.
 *
 * Mount checks the superblock as a whole before anything is cached: the
 * magic, an image size that the device holds, the checksum over the first
 * 512 bytes, a volume name that ends inside them, a root directory.  romfs
 * has no block size: the cache uses ROMFS_BLOCK_SIZE, and the last block
 * of an image whose size is not a multiple of it is partial.  The volume
 * is read-only whatever the mount asked.
 */
#include <string.h>

#include "romfs.h"

struct romfs_vol romfs_vol;

static uint32_t be32b(const uint8_t *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3];
}

/* The fstype probe: the magic, read raw. */
int romfs_probe(dev_t dev)
{
	char magic[ROMFS_MAGIC_LEN];
	ssize_t n = lmfs_dev_read(dev, 0, magic, sizeof(magic));

	if (n < 0)
		return (int)n;
	return n == ROMFS_MAGIC_LEN &&
	    memcmp(magic, ROMFS_MAGIC, ROMFS_MAGIC_LEN) == 0;
}

/* Check the superblock in 'sb' (the first 'n' bytes of 'dev'); set the
 * volume's size and root.  -EINVAL (logged) if it is not usable. */
static int romfs_check_super(dev_t dev, const uint8_t *sb, size_t n)
{
	uint32_t size, sum = 0, i;
	const uint8_t *nul;

	if (n < 32 || memcmp(sb, ROMFS_MAGIC, ROMFS_MAGIC_LEN) != 0) {
		fsdriver_log("romfs: mount refused: not a romfs image");
		return -EINVAL;
	}
	size = be32b(sb + 8);
	if (size < 32 || size > lmfs_dev_size(dev)) {
		fsdriver_log("romfs: mount refused: image size %lu, device "
		    "%llu bytes", (unsigned long)size,
		    (unsigned long long)lmfs_dev_size(dev));
		return -EINVAL;
	}
	for (i = 0; i + 4 <= (size < n ? size : n); i += 4)
		sum += be32b(sb + i);
	if (sum != 0) {
		fsdriver_log("romfs: mount refused: bad superblock checksum");
		return -EINVAL;
	}
	nul = memchr(sb + 16, '\0', (size < n ? size : n) - 16);
	if (nul == NULL) {
		fsdriver_log("romfs: mount refused: bad volume name");
		return -EINVAL;
	}
	romfs_vol.size = size;
	romfs_vol.root = 16 + (((uint32_t)(nul - (sb + 16)) + ROMFS_ALIGN) &
	    ~(ROMFS_ALIGN - 1));
	return OK;
}

/* fdr_mount: always read-only (FSDRIVER_RES_RDONLY). */
int romfs_mount(dev_t dev, unsigned int flags, struct fsdriver_node *root,
    unsigned int *res_flags)
{
	uint8_t sb[ROMFS_CHECK_LEN];
	struct romfs_file f;
	uint64_t blocks;
	ssize_t n;
	int r;

	(void)flags;
	if (romfs_vol.mounted)
		return -EBUSY;
	if ((n = lmfs_dev_read(dev, 0, sb, sizeof(sb))) < 0)
		return (int)n;
	if ((r = romfs_check_super(dev, sb, (size_t)n)) != OK)
		return r;
	romfs_vol.dev = dev;
	lmfs_set_blocksize(ROMFS_BLOCK_SIZE);
	blocks = (romfs_vol.size + ROMFS_BLOCK_SIZE - 1) / ROMFS_BLOCK_SIZE;
	lmfs_set_blockusage(blocks, blocks);
	if ((r = romfs_file_get(romfs_vol.root, &f)) != OK ||
	    (f.type != ROMFS_DIR && (r = -EINVAL) != OK) ||
	    (r = romfs_node_ref(f.off)) != OK) {
		fsdriver_log("romfs: mount refused: no root directory");
		lmfs_invalidate(dev);
		return r == -EIO ? -EINVAL : r;
	}
	romfs_fill_node(&f, root);
	*res_flags = FSDRIVER_RES_RDONLY;
	romfs_vol.mounted = 1;
	return OK;
}

/* fdr_unmount: nothing to write back; forget the volume. */
int romfs_unmount(void)
{
	romfs_node_free_all();
	if (romfs_vol.mounted)
		lmfs_invalidate(romfs_vol.dev);
	romfs_vol.mounted = 0;
	return OK;
}

/* fdr_statvfs: no free space, no inode count. */
int romfs_statvfs(struct statvfs *st)
{
	uint64_t total, used;

	lmfs_get_blockusage(&total, &used);
	st->f_bsize = st->f_frsize = ROMFS_BLOCK_SIZE;
	st->f_blocks = total;
	st->f_flag = ST_RDONLY;
	st->f_namemax = ROMFS_MAXFN - 1;
	return OK;
}
