/*
 * dir_index.c - an in-memory name index for large ext2 directories.
 *
 * dir.c reads directories linearly, so a lookup, and the "is the name
 * free, where is there room" scan of every create, cost a pass over the
 * whole directory: creating n files in one directory cost O(n^2) (issue
 * 11: 10,000 -> 40,000 files, 3.6 -> 30.8 s).  For a directory of at least
 * EXT2_DINDEX_MIN_BLOCKS blocks, dir.c builds this index with one scan and
 * keeps it current through every change it makes (enter, remove; retarget
 * keeps the name where it is).  It holds, for each used entry, the hash of
 * its name and its place (logical block, offset); and for each block the
 * largest entry a new name could take there, so an insert finds room
 * without reading the directory.
 *
 * It holds no names: a candidate place is always confirmed against the
 * block itself (through the cache, walked with the checked walker), so a
 * stale or colliding slot can only cost time, never give a wrong answer.
 * The index is not the on-disk htree: the directory stays a linear one on
 * disk (dir.c clears EXT2_INDEX_FL before any change, as before), which
 * e2fsck accepts and which reads correctly anywhere.
 *
 * The name part is libfsdriver's nameidx.c, shared with MFS; a place is
 * packed into its 64-bit position as lblk << 32 | off.  This file adds
 * the per-block room.  The index belongs to the in-memory inode and dies
 * with it (inode.c).  When memory runs out it is dropped (names and room
 * together) and dir.c scans as before.
 */
#include <stdlib.h>
#include <string.h>

#include "ext2.h"

struct ext2_dindex {
	struct fsdriver_nameidx *names;	/* hash -> packed (lblk, off) */
	uint32_t *room;			/* per block: largest new entry */
	uint32_t nblocks, room_cap;
	uint32_t hint;			/* blocks below it have no room */
};

static uint64_t ext2_dindex_pos(uint32_t lblk, uint32_t off)
{
	return (uint64_t)lblk << 32 | off;
}

int ext2_dindex_new(struct ext2_inode *dp)
{
	struct ext2_dindex *ix;

	ext2_dindex_free(dp);
	if ((ix = calloc(1, sizeof(*ix))) == NULL)
		return -ENOMEM;
	if (fsdriver_nameidx_new(&ix->names) != 0) {
		free(ix);
		return -ENOMEM;
	}
	dp->i_dindex = ix;
	return OK;
}

void ext2_dindex_free(struct ext2_inode *dp)
{
	struct ext2_dindex *ix = dp->i_dindex;

	if (ix == NULL)
		return;
	fsdriver_nameidx_free(&ix->names);
	free(ix->room);
	free(ix);
	dp->i_dindex = NULL;
}

void ext2_dindex_add(struct ext2_inode *dp, uint32_t hash, uint32_t lblk,
    uint32_t off)
{
	struct ext2_dindex *ix = dp->i_dindex;

	if (ix == NULL)
		return;
	fsdriver_nameidx_add(&ix->names, hash, ext2_dindex_pos(lblk, off));
	if (ix->names == NULL)		/* no memory: names were dropped */
		ext2_dindex_free(dp);
}

void ext2_dindex_remove(struct ext2_inode *dp, uint32_t hash, uint32_t lblk,
    uint32_t off)
{
	struct ext2_dindex *ix = dp->i_dindex;

	if (ix != NULL)
		fsdriver_nameidx_remove(ix->names, hash,
		    ext2_dindex_pos(lblk, off));
}

int ext2_dindex_next(struct ext2_inode *dp, uint32_t hash, void **cursor,
    uint32_t *lblk, uint32_t *off)
{
	struct ext2_dindex *ix = dp->i_dindex;
	uint64_t pos;

	if (ix == NULL ||
	    !fsdriver_nameidx_next(ix->names, hash, cursor, &pos))
		return 0;
	*lblk = (uint32_t)(pos >> 32);
	*off = (uint32_t)pos;
	return 1;
}

void ext2_dindex_set_room(struct ext2_inode *dp, uint32_t lblk,
    uint32_t room)
{
	struct ext2_dindex *ix = dp->i_dindex;
	uint32_t cap, *nroom;

	if (ix == NULL)
		return;
	if (lblk >= ix->room_cap) {
		cap = ix->room_cap ? ix->room_cap : 64;
		while (cap <= lblk && cap < UINT32_MAX / 2)
			cap *= 2;
		if (cap <= lblk ||
		    (nroom = realloc(ix->room, cap * sizeof(*nroom))) ==
		    NULL) {
			ext2_dindex_free(dp);
			return;
		}
		ix->room = nroom;
		ix->room_cap = cap;
	}
	while (ix->nblocks <= lblk)
		ix->room[ix->nblocks++] = 0;
	ix->room[lblk] = room;
	if (room >= EXT2_DIR_REC_LEN(1) && lblk < ix->hint)
		ix->hint = lblk;
}

int ext2_dindex_find_room(struct ext2_inode *dp, uint32_t need,
    uint32_t *lblk)
{
	struct ext2_dindex *ix = dp->i_dindex;
	uint32_t b;

	if (ix == NULL)
		return 0;
	/* Blocks before the hint have no room for even the shortest name;
	 * move it past more such blocks on the way. */
	for (b = ix->hint; b < ix->nblocks; b++) {
		if (b == ix->hint && ix->room[b] < EXT2_DIR_REC_LEN(1))
			ix->hint = b + 1;
		if (ix->room[b] >= need) {
			*lblk = b;
			return 1;
		}
	}
	return 0;
}
