/*
 * fstype.c - how host tools recognise an MFS image.
 *
 * The probe accepts only an image that passes the mount's superblock checks;
 * one that carries a MINIX magic but fails them is passed over with the
 * reason logged, since a stray magic number in another format's superblock
 * must not capture it.
 */
#include "mfs.h"
#include <mica/fstype.h>

/* 1 if 'dev' holds a MINIX file system this code can mount, 0 if not, or
 * a negative errno when the device cannot be read. */
static int mfs_probe(dev_t dev)
{
	unsigned char raw[MFS_SUPER_SIZE];
	struct mfs_sb sb;
	char why[200];
	ssize_t n;

	n = lmfs_dev_read(dev, MFS_SUPER_OFFSET, raw, sizeof(raw));
	if (n < 0)
		return (int)n;
	if (n != (ssize_t)sizeof(raw))
		return 0;
	if (mfs_sb_decode(raw, lmfs_dev_size(dev), &sb, why,
	    sizeof(why)) == OK)
		return 1;
	/* Say why a MINIX-looking image was passed over, or the user only
	 * hears that no file system was found. */
	if (mfs_sb_magic_version(raw) != 0)
		fsdriver_log("mfs: MINIX V%d magic found, but %s",
		    mfs_sb_magic_version(raw), why);
	return 0;
}

const struct fsdriver_fstype mfs_fstype = { FSTYPE_MFS, mfs_probe, &mfs_table };
