/*
 * bitmap.h - ext2 bitmaps: bit n is bit n % 8 of byte n / 8.
 */
#ifndef EXT2_BITMAP_H
#define EXT2_BITMAP_H

#include <stdint.h>
#include <string.h>

static inline int ext2_bit_test(const uint8_t *map, uint32_t n)
{
	return (map[n >> 3] >> (n & 7)) & 1;
}

static inline void ext2_bit_set(uint8_t *map, uint32_t n)
{
	map[n >> 3] |= (uint8_t)(1u << (n & 7));
}

static inline void ext2_bit_clear(uint8_t *map, uint32_t n)
{
	map[n >> 3] &= (uint8_t)~(1u << (n & 7));
}

/* First clear bit in [start, end), or UINT32_MAX.  Full 64-bit words are
 * skipped whole (a new file's first block is searched from its group's
 * start, past every block already used there). */
static inline uint32_t ext2_bit_find_zero(const uint8_t *map, uint32_t start,
    uint32_t end)
{
	uint32_t n = start;
	uint64_t w;

	while (n < end) {
		if ((n & 63) == 0 && n + 64 <= end) {
			memcpy(&w, map + (n >> 3), sizeof(w));
			if (w == UINT64_MAX) {
				n += 64;
				continue;
			}
		}
		if ((n & 7) == 0 && n + 8 <= end && map[n >> 3] == 0xff) {
			n += 8;
			continue;
		}
		if (!ext2_bit_test(map, n))
			return n;
		n++;
	}
	return UINT32_MAX;
}

#endif /* EXT2_BITMAP_H */
