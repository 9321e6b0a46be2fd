/*
 * slab.c - memory for block contents: areas carved out of big slabs.
 *
 * Every buffer's data area comes from a slab of SLAB_BYTES, aligned to its
 * own size.  The slab's first area holds its header; the other areas are
 * handed out in address order (a bump index), and freed ones are reused
 * first (a list threaded through the free areas).  Compared with one
 * aligned allocation per block this packs block data densely: no allocator
 * headers between blocks, so growing the pool touches one page per 4 KiB
 * block instead of two, and each area stays aligned to the block size (a
 * block never straddles a page boundary).
 *
 * An area finds its slab by masking its address.  A slab remembers the
 * area size it was made for, so areas of an old block size (orphans freed
 * after lmfs_set_blocksize) go back to the right slab.  A slab whose areas
 * are all free is released at once: shrinking the pool gives memory back.
 *
 * Under AddressSanitizer every area is its own allocation instead, so an
 * overrun of one block into the next is still caught.
 */
#include <stdint.h>
#include <stdlib.h>

#include "lmfs_priv.h"

#define SLAB_BYTES	((size_t)2 << 20)

#if defined(__SANITIZE_ADDRESS__)
#define SLAB_PLAIN	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SLAB_PLAIN	1
#endif
#endif

#ifdef SLAB_PLAIN
void *lmfs_area_alloc(size_t bytes)
{
	return aligned_alloc(bytes < 4096 ? bytes : 4096, bytes);
}

void lmfs_area_free(void *p)
{
	free(p);
}
#else

struct slab {
	struct slab *prev, *next;	/* in the list of slabs with room */
	size_t area;			/* bytes per area */
	unsigned int cap;		/* areas for blocks (header excluded) */
	unsigned int bumped;		/* areas handed out at least once */
	unsigned int used;		/* areas handed out now */
	void *free;			/* freed areas, linked */
};

static struct slab *room;		/* slabs with a free area */

static void room_link(struct slab *s)
{
	s->prev = NULL;
	s->next = room;
	if (room != NULL)
		room->prev = s;
	room = s;
}

static void room_unlink(struct slab *s)
{
	if (s->prev != NULL)
		s->prev->next = s->next;
	else
		room = s->next;
	if (s->next != NULL)
		s->next->prev = s->prev;
	s->prev = s->next = NULL;
}

/* A new slab of 'area'-byte areas (a power of two <= 64 KiB), or NULL. */
static struct slab *slab_new(size_t area)
{
	struct slab *s = aligned_alloc(SLAB_BYTES, SLAB_BYTES);

	if (s == NULL)
		return NULL;
	*s = (struct slab){ .area = area,
	    .cap = (unsigned int)(SLAB_BYTES / area) - 1 };
	room_link(s);
	return s;
}

/* A data area of 'bytes' (the block size), aligned to it; NULL if out of
 * memory. */
void *lmfs_area_alloc(size_t bytes)
{
	struct slab *s;
	char *p;

	for (s = room; s != NULL && s->area != bytes; s = s->next)
		;
	if (s == NULL && (s = slab_new(bytes)) == NULL)
		return NULL;
	if (s->free != NULL) {
		p = s->free;
		s->free = *(void **)p;
	} else {
		p = (char *)s + (size_t)(1 + s->bumped++) * s->area;
	}
	if (++s->used == s->cap)
		room_unlink(s);
	return p;
}

/* Give back an area from lmfs_area_alloc(). */
void lmfs_area_free(void *p)
{
	struct slab *s;

	if (p == NULL)
		return;
	s = (struct slab *)((uintptr_t)p & ~(uintptr_t)(SLAB_BYTES - 1));
	if (s->used == s->cap)
		room_link(s);
	*(void **)p = s->free;
	s->free = p;
	if (--s->used == 0) {
		room_unlink(s);
		free(s);
	}
}
#endif /* SLAB_PLAIN */
