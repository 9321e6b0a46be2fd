/*
 * nameidx.c - the in-memory name index of a large directory
 * (include/mica/fsdriver_nameidx.h), shared by MFS and ext2.
 *
 * Linear on-disk directories make every lookup, and the "is the name
 * free" check of every create, a pass over the whole directory: n creates
 * in one directory cost O(n^2).  A file system builds this index once for
 * a large directory, with one scan, and keeps it current as it enters and
 * removes names.  It is a chained hash table of (hash, position) slots,
 * 256 buckets at first, doubled when there are more than two slots a
 * bucket; a doubling that finds no memory keeps the old table (longer
 * chains), a slot that finds none drops the whole index.
 */
#include <errno.h>
#include <stdlib.h>

#include <mica/fsdriver_nameidx.h>

struct fsdriver_nameslot {
	struct fsdriver_nameslot *next;
	uint64_t pos;			/* the file system's position */
	uint32_t hash;
};

struct fsdriver_nameidx {
	uint32_t mask;			/* buckets - 1 (a power of two - 1) */
	uint32_t count;			/* slots */
	struct fsdriver_nameslot **tab;
};

#define FSDRIVER_NAMEIDX_BUCKETS	256	/* initial buckets */

uint32_t fsdriver_nameidx_hash(const char *name, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)name[i];
		h *= 16777619u;
	}
	return h;
}

int fsdriver_nameidx_new(struct fsdriver_nameidx **ixp)
{
	struct fsdriver_nameidx *ix;

	fsdriver_nameidx_free(ixp);
	if ((ix = calloc(1, sizeof(*ix))) == NULL)
		return -ENOMEM;
	ix->tab = calloc(FSDRIVER_NAMEIDX_BUCKETS, sizeof(*ix->tab));
	if (ix->tab == NULL) {
		free(ix);
		return -ENOMEM;
	}
	ix->mask = FSDRIVER_NAMEIDX_BUCKETS - 1;
	*ixp = ix;
	return 0;
}

void fsdriver_nameidx_free(struct fsdriver_nameidx **ixp)
{
	struct fsdriver_nameidx *ix = *ixp;
	struct fsdriver_nameslot *s, *next;
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
	*ixp = NULL;
}

/* Double the buckets; on failure keep the old table (longer chains). */
static void fsdriver_nameidx_grow(struct fsdriver_nameidx *ix)
{
	uint32_t nmask = ix->mask * 2 + 1, i;
	struct fsdriver_nameslot **ntab, *s, *next;

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

void fsdriver_nameidx_add(struct fsdriver_nameidx **ixp, uint32_t hash,
    uint64_t pos)
{
	struct fsdriver_nameidx *ix = *ixp;
	struct fsdriver_nameslot *s;

	if (ix == NULL)
		return;
	if ((s = malloc(sizeof(*s))) == NULL) {
		fsdriver_nameidx_free(ixp);
		return;
	}
	s->hash = hash;
	s->pos = pos;
	s->next = ix->tab[hash & ix->mask];
	ix->tab[hash & ix->mask] = s;
	if (++ix->count > (ix->mask + 1) * 2)
		fsdriver_nameidx_grow(ix);
}

void fsdriver_nameidx_remove(struct fsdriver_nameidx *ix, uint32_t hash,
    uint64_t pos)
{
	struct fsdriver_nameslot **pp, *s;

	if (ix == NULL)
		return;
	for (pp = &ix->tab[hash & ix->mask]; (s = *pp) != NULL;
	    pp = &s->next)
		if (s->hash == hash && s->pos == pos) {
			*pp = s->next;
			free(s);
			ix->count--;
			return;
		}
}

int fsdriver_nameidx_next(const struct fsdriver_nameidx *ix, uint32_t hash,
    void **cursor, uint64_t *pos)
{
	struct fsdriver_nameslot *s = *cursor;

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
