/*
 * itime.c - inode timestamps, with nanoseconds when the inode has room.
 *
 * The 128-byte inode holds 32-bit seconds.  Inodes larger than that carry
 * an *_extra word per timestamp (valid when i_extra_isize covers it): bits
 * 2..31 are nanoseconds, bits 0..1 extend the seconds past 2038.  The
 * creation time (i_crtime) exists only in the extra part.
 */
#include "ext2.h"

struct ext2_tfield {
	size_t sec_off;		/* offset of the seconds word */
	size_t extra_off;	/* offset of the extra word */
};

static const struct ext2_tfield ext2_tfields[] = {
	[0] = { offsetof(struct ext2_dinode, i_atime),
		offsetof(struct ext2_dinode, i_atime_extra) },
	[1] = { offsetof(struct ext2_dinode, i_mtime),
		offsetof(struct ext2_dinode, i_mtime_extra) },
	[2] = { offsetof(struct ext2_dinode, i_ctime),
		offsetof(struct ext2_dinode, i_ctime_extra) },
	[3] = { offsetof(struct ext2_dinode, i_crtime),
		offsetof(struct ext2_dinode, i_crtime_extra) },
};

/* Index of the single flag 'which' in ext2_tfields. */
static unsigned int ext2_tindex(int which)
{
	return which == EXT2_ATIME ? 0 : which == EXT2_MTIME ? 1 :
	    which == EXT2_CTIME ? 2 : 3;
}

/* 1 if the inode's extra part covers the 4-byte word at 'off'. */
static int ext2_has_field(const struct ext2_inode *ip, size_t off)
{
	if (off < EXT2_GOOD_OLD_INODE_SIZE)
		return 1;
	return ext2_fs.inode_size > EXT2_GOOD_OLD_INODE_SIZE &&
	    off + 4 <= EXT2_GOOD_OLD_INODE_SIZE + (size_t)ip->i_d->i_extra_isize;
}

static uint32_t *ext2_word(const struct ext2_inode *ip, size_t off)
{
	return (uint32_t *)((char *)ip->i_d + off);
}

void ext2_itime_get(const struct ext2_inode *ip, int which,
    struct timespec *ts)
{
	const struct ext2_tfield *f = &ext2_tfields[ext2_tindex(which)];
	uint32_t extra;

	ts->tv_sec = 0;
	ts->tv_nsec = 0;
	if (!ext2_has_field(ip, f->sec_off))
		return;
	ts->tv_sec = (int32_t)*ext2_word(ip, f->sec_off);
	if (!ext2_has_field(ip, f->extra_off))
		return;
	extra = *ext2_word(ip, f->extra_off);
	ts->tv_sec += (time_t)((int64_t)(extra & 3) << 32);
	ts->tv_nsec = (long)(extra >> 2);
	if (ts->tv_nsec > 999999999)
		ts->tv_nsec = 0;
}

void ext2_itime_set(struct ext2_inode *ip, int which,
    const struct timespec *ts)
{
	const struct ext2_tfield *f = &ext2_tfields[ext2_tindex(which)];
	int64_t sec = ts->tv_sec;
	uint32_t epoch;

	if (!ext2_has_field(ip, f->sec_off))
		return;
	*ext2_word(ip, f->sec_off) = (uint32_t)sec;
	if (ext2_has_field(ip, f->extra_off)) {
		epoch = (uint32_t)(((sec - (int64_t)(int32_t)sec) >> 32) & 3);
		*ext2_word(ip, f->extra_off) =
		    ((uint32_t)ts->tv_nsec << 2) | epoch;
	}
	ext2_idirty(ip);
}

void ext2_touch(struct ext2_inode *ip, int which)
{
	struct timespec now;
	int bit;

	fsdriver_gettime(&now);
	for (bit = EXT2_ATIME; bit <= EXT2_CRTIME; bit <<= 1)
		if (which & bit)
			ext2_itime_set(ip, bit, &now);
	ext2_idirty(ip);
}
