/*
 * rng.c - the exerciser's seeded generator.
 *
 * splitmix64: tiny, fast, and the same stream on every host, so a seed
 * printed by a failed run replays the run.  Nothing here is cryptographic.
 */
#include <string.h>

#include "fsxr.h"

/* Start the stream for seed. */
void rng_seed(struct fsx *x, uint64_t seed)
{
	x->rng = seed;
}

/* The next 64 pseudo-random bits. */
uint64_t rng_next(struct fsx *x)
{
	uint64_t z = (x->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A value in [0, n); the tiny modulo bias does not matter here. */
uint64_t rng_below(struct fsx *x, uint64_t n)
{
	return rng_next(x) % n;
}

/* 1 with probability pct percent. */
int rng_pct(struct fsx *x, unsigned pct)
{
	return rng_below(x, 100) < pct;
}

/* Fill buf with n bytes, eight at a time. */
void rng_fill(struct fsx *x, unsigned char *buf, size_t n)
{
	uint64_t v;

	while (n >= sizeof(v)) {
		v = rng_next(x);
		memcpy(buf, &v, sizeof(v));
		buf += sizeof(v);
		n -= sizeof(v);
	}
	if (n > 0) {
		v = rng_next(x);
		memcpy(buf, &v, n);
	}
}
