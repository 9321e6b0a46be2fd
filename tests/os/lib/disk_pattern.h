/*
 * disk_pattern.h - the byte pattern the block-device suites write and
 * check (test_bdev on the memory driver, test_vblk on virtio disks): byte
 * pos of a device holds (pos * 7 + pos / 512 + seed) mod 256, so a block
 * read from the wrong place, or stale from an earlier seed, shows.  The
 * host writes and checks the same pattern in tests/os/vblk_disk.py.
 * Header-only (static inline): the suites are single boot modules.
 */
#ifndef TESTS_OS_DISK_PATTERN_H
#define TESTS_OS_DISK_PATTERN_H

#include <mica/type.h>

static inline u8_t dp_byte(u64_t pos, int seed)
{
	return (u8_t)(pos * 7 + (pos >> 9) + (u32_t)seed);
}

static inline void dp_fill(u8_t *b, u64_t pos, u32_t len, int seed)
{
	for (u32_t i = 0; i < len; i++)
		b[i] = dp_byte(pos + i, seed);
}

/* Does b hold the pattern of [pos, pos + len)? */
static inline int dp_holds(const u8_t *b, u64_t pos, u32_t len, int seed)
{
	for (u32_t i = 0; i < len; i++)
		if (b[i] != dp_byte(pos + i, seed))
			return 0;
	return 1;
}

#endif
