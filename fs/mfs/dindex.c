/*
 * dindex.c - an in-memory name index for large directories.
 *
 * MINIX directories are unsorted arrays, so every lookup is a linear scan;
 * in a directory of n entries, creating n files costs O(n^2).  For a
 * directory past a size threshold, dir.c builds this index once, with one
 * scan, and keeps it current as it enters and deletes names.  The index
 * maps a name's hash to the byte positions of entries with that hash; it
 * does not hold names, so a candidate is always confirmed against the
 * entry on disk (through the cache), and a stale or colliding slot can only
 * cost time, never give a wrong answer.
 *
 * The index belongs to the in-core inode and dies with it.  When memory
 * runs out it is dropped and the directory is scanned as before.
 */
#include <stdlib.h>
#include "mfs.h"

struct mfs_dslot {
	struct mfs_dslot *next;
	uint32_t hash;
	uint32_t pos;		/* byte offset of the entry */
};

struct mfs_dindex {
	uint32_t mask;		/* buckets - 1, a power of two minus one */
	uint32_t count;
	struct mfs_dslot **tab;
};

#define MFS_DINDEX_MIN	256	/* initial buckets */

/* FNV-1a over the name's bytes. */
uint32_t mfs_dname_hash(const char *name, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)name[i];
		h *= 16777619u;
	}
	return h;
}

/* Start an empty index for dp; -ENOMEM if there is no memory. */
int mfs_dindex_new(struct mfs_inode *dp)
{
	struct mfs_dindex *ix;

	mfs_dindex_free(dp);
	if ((ix = calloc(1, sizeof(*ix))) == NULL)
		return -ENOMEM;
	if ((ix->tab = calloc(MFS_DINDEX_MIN, sizeof(*ix->tab))) == NULL) {
		free(ix);
		return -ENOMEM;
	}
	ix->mask = MFS_DINDEX_MIN - 1;
	dp->i_dindex = ix;
	return OK;
}

/* Forget dp's index (if any). */
void mfs_dindex_free(struct mfs_inode *dp)
{
	struct mfs_dindex *ix = dp->i_dindex;
	struct mfs_dslot *s, *next;
	uint32_t i;

	if (ix == NULL)
		return;
	for (i = 0; i <= ix->mask; i++)
		for (s = ix->tab[i]; s != NULL; s = next) {
			next = s->next;
			free(s);
		}
	free(ix->tab);
	free(ix);
	dp->i_dindex = NULL;
}

/* Double the buckets; on failure keep the old table (longer chains). */
static void mfs_dindex_grow(struct mfs_dindex *ix)
{
	uint32_t nmask = ix->mask * 2 + 1, i;
	struct mfs_dslot **ntab, *s, *next;

	if ((ntab = calloc((size_t)nmask + 1, sizeof(*ntab))) == NULL)
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

/* Record an entry; without memory the whole index is dropped. */
void mfs_dindex_add(struct mfs_inode *dp, uint32_t hash, uint32_t pos)
{
	struct mfs_dindex *ix = dp->i_dindex;
	struct mfs_dslot *s;

	if (ix == NULL)
		return;
	if ((s = malloc(sizeof(*s))) == NULL) {
		mfs_dindex_free(dp);
		return;
	}
	s->hash = hash;
	s->pos = pos;
	s->next = ix->tab[hash & ix->mask];
	ix->tab[hash & ix->mask] = s;
	if (++ix->count > (ix->mask + 1) * 2)
		mfs_dindex_grow(ix);
}

/* Forget the entry at 'pos' with this hash. */
void mfs_dindex_remove(struct mfs_inode *dp, uint32_t hash, uint32_t pos)
{
	struct mfs_dindex *ix = dp->i_dindex;
	struct mfs_dslot **pp, *s;

	if (ix == NULL)
		return;
	for (pp = &ix->tab[hash & ix->mask]; (s = *pp) != NULL;
	    pp = &s->next)
		if (s->pos == pos && s->hash == hash) {
			*pp = s->next;
			free(s);
			ix->count--;
			return;
		}
}

/* Positions of the entries whose name has this hash: call with *cursor
 * NULL first; returns 0 when there are no more. */
int mfs_dindex_next(struct mfs_inode *dp, uint32_t hash, void **cursor,
    uint32_t *pos)
{
	struct mfs_dindex *ix = dp->i_dindex;
	struct mfs_dslot *s = *cursor;

	if (ix == NULL)
		return 0;
	s = s == NULL ? ix->tab[hash & ix->mask] : s->next;
	for (; s != NULL; s = s->next)
		if (s->hash == hash) {
			*cursor = s;
			*pos = s->pos;
			return 1;
		}
	return 0;
}
