/*
 * susp.c - the System Use Sharing Protocol (SUSP 1.12) walker.
 *
 * A record's System Use area holds a sequence of entries (two signature
 * bytes, a length, a version, data).  A CE entry says the sequence goes on
 * in a continuation area elsewhere on the volume (block, offset, length);
 * that area may have its own CE, and so on.  The walker hands every entry
 * except CE, ST and PD to a callback, then follows the chain.  A chain is
 * bounded: an area is at most ISO_CE_MAX_LEN bytes (it may span blocks),
 * at most ISO_CE_MAX_HOPS areas follow one record, an area is never visited
 * twice (a loop is corruption: -EIO), and every area must lie inside the
 * image.  An entry whose length is below 4 or runs past its area ends that
 * area quietly (writers pad areas with zeros).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "iso.h"

struct susp_next {
	bool ce;
	uint64_t pos, len;
};

void iso_susp_area(const uint8_t *rec, unsigned int skip,
    const uint8_t **area, size_t *len)
{
	size_t start = ISO_DIRREC_FIXED + rec[32] + !(rec[32] & 1) + skip;

	*area = rec + start;
	*len = rec[0] > start ? rec[0] - start : 0;
}

/* Walk one area; note the last CE entry in *next. */
static int susp_walk_area(const uint8_t *p, size_t n, iso_susp_fn fn,
    void *arg, struct susp_next *next)
{
	int r;

	while (n >= SUSP_HDR_SIZE) {
		size_t elen = p[2];

		if (elen < SUSP_HDR_SIZE || elen > n)
			break;
		if (p[0] == 'S' && p[1] == 'T')
			break;
		if (p[0] == 'C' && p[1] == 'E' && elen >= sizeof(struct susp_ce)) {
			const struct susp_ce *ce = (const void *)p;

			next->ce = true;
			next->pos = (uint64_t)iso_le32(&ce->block) *
			    ISO_BLOCK_SIZE + iso_le32(&ce->offset);
			next->len = iso_le32(&ce->length);
		} else if (!(p[0] == 'P' && p[1] == 'D')) {
			r = fn(arg, p, elen);
			if (r != OK)
				return r;
		}
		p += elen;
		n -= elen;
	}
	return OK;
}

/* Check continuation 'next' against the image and the areas seen. */
static int susp_check_ce(const struct susp_next *next, const uint64_t *seen,
    unsigned int hops)
{
	unsigned int i;

	if (hops >= ISO_CE_MAX_HOPS) {
		fsdriver_log("isofs: CE chain longer than %d areas",
		    ISO_CE_MAX_HOPS);
		return -EIO;
	}
	for (i = 0; i < hops; i++) {
		if (seen[i] == next->pos) {
			fsdriver_log("isofs: CE loop at byte %llu",
			    (unsigned long long)next->pos);
			return -EIO;
		}
	}
	if (next->len > ISO_CE_MAX_LEN || !iso_range_ok(next->pos, next->len)) {
		fsdriver_log("isofs: CE area %llu+%llu outside the image",
		    (unsigned long long)next->pos,
		    (unsigned long long)next->len);
		return -EIO;
	}
	return OK;
}

int iso_susp_walk(const uint8_t *area, size_t len, iso_susp_fn fn, void *arg)
{
	uint64_t seen[ISO_CE_MAX_HOPS];
	unsigned int hops = 0;
	uint8_t *buf = NULL, *nbuf;
	struct susp_next next;
	int r;

	for (;;) {
		memset(&next, 0, sizeof(next));
		r = susp_walk_area(area, len, fn, arg, &next);
		if (r != OK || !next.ce)
			break;
		r = susp_check_ce(&next, seen, hops);
		if (r != OK)
			break;
		seen[hops++] = next.pos;
		nbuf = realloc(buf, next.len ? next.len : 1);
		if (nbuf == NULL) {
			r = -ENOMEM;
			break;
		}
		buf = nbuf;
		r = iso_read_bytes(next.pos, buf, next.len);
		if (r != OK)
			break;
		area = buf;
		len = next.len;
	}
	free(buf);
	return r;
}
