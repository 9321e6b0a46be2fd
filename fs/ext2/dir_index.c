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
 * The index belongs to the in-memory inode and dies with it (inode.c).
 * When memory runs out it is dropped and dir.c scans as before.  As in
 * MFS's dindex.c (the same idea over MINIX directories).
 */
#include <stdlib.h>
#include <string.h>

#include "ext2.h"

struct ext2_dslot {
	struct ext2_dslot *next;
	uint32_t hash;
	uint32_t lblk;			/* logical block of the entry */
	uint32_t off;			/* its offset in the block */
};

struct ext2_dindex {
	uint32_t mask;			/* buckets - 1 (a power of two - 1) */
	uint32_t count;			/* slots */
	struct ext2_dslot **tab;
	uint32_t *room;			/* per block: largest new entry */
	uint32_t nblocks, room_cap;
	uint32_t hint;			/* blocks below it have no room */
};

#define EXT2_DINDEX_BUCKETS	256	/* initial buckets */

/* FNV-1a over the name's bytes. */
uint32_t ext2_dname_hash(const char *name, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)name[i];
		h *= 16777619u;
	}
	return h;
}

int ext2_dindex_new(struct ext2_inode *dp)
{
	struct ext2_dindex *ix;

	ext2_dindex_free(dp);
	if ((ix = calloc(1, sizeof(*ix))) == NULL)
		return -ENOMEM;
	ix->tab = calloc(EXT2_DINDEX_BUCKETS, sizeof(*ix->tab));
	if (ix->tab == NULL) {
		free(ix);
		return -ENOMEM;
	}
	ix->mask = EXT2_DINDEX_BUCKETS - 1;
	dp->i_dindex = ix;
	return OK;
}

void ext2_dindex_free(struct ext2_inode *dp)
{
	struct ext2_dindex *ix = dp->i_dindex;
	struct ext2_dslot *s, *next;
	uint32_t i;

	if (ix == NULL)
		return;
	for (i = 0; i <= ix->mask; i++)
		for (s = ix->tab[i]; s != NULL; s = next) {
			next = s->next;
			free(s);
		}
	free(ix->tab);
	free(ix->room);
	free(ix);
	dp->i_dindex = NULL;
}

/* Double the buckets; on failure keep the old table (longer chains). */
static void ext2_dindex_grow(struct ext2_dindex *ix)
{
	uint32_t nmask = ix->mask * 2 + 1, i;
	struct ext2_dslot **ntab, *s, *next;

	if (nmask > (UINT32_MAX >> 2) ||
	    (ntab = calloc((size_t)nmask + 1, sizeof(*ntab))) == NULL)
		return;
	for (i = 0; i <= ix->mask; i++)
		for (s = ix->tab[i]; s != NULL; s = next) {
			next = s->next;
			s->next = ntab[s->hash & nmask];
			ntab[s->hash & nmask] = s;
		}
	free(ix->tab);
	ix->tab = ntab;
	ix->mask = nmask;
}

void ext2_dindex_add(struct ext2_inode *dp, uint32_t hash, uint32_t lblk,
    uint32_t off)
{
	struct ext2_dindex *ix = dp->i_dindex;
	struct ext2_dslot *s;

	if (ix == NULL)
		return;
	if ((s = malloc(sizeof(*s))) == NULL) {
		ext2_dindex_free(dp);
		return;
	}
	s->hash = hash;
	s->lblk = lblk;
	s->off = off;
	s->next = ix->tab[hash & ix->mask];
	ix->tab[hash & ix->mask] = s;
	if (++ix->count > (ix->mask + 1) * 2)
		ext2_dindex_grow(ix);
}

void ext2_dindex_remove(struct ext2_inode *dp, uint32_t hash, uint32_t lblk,
    uint32_t off)
{
	struct ext2_dindex *ix = dp->i_dindex;
	struct ext2_dslot **pp, *s;

	if (ix == NULL)
		return;
	for (pp = &ix->tab[hash & ix->mask]; (s = *pp) != NULL;
	    pp = &s->next)
		if (s->hash == hash && s->lblk == lblk && s->off == off) {
			*pp = s->next;
			free(s);
			ix->count--;
			return;
		}
}

int ext2_dindex_next(struct ext2_inode *dp, uint32_t hash, void **cursor,
    uint32_t *lblk, uint32_t *off)
{
	struct ext2_dindex *ix = dp->i_dindex;
	struct ext2_dslot *s = *cursor;

	if (ix == NULL)
		return 0;
	s = s == NULL ? ix->tab[hash & ix->mask] : s->next;
	for (; s != NULL; s = s->next)
		if (s->hash == hash) {
			*cursor = s;
			*lblk = s->lblk;
			*off = s->off;
			return 1;
		}
	return 0;
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
