/*
 * encode.c - encodings every file system shares (front-end independent).
 *
 * Device numbers: MINIX and Linux file systems store a device node's number
 * in 32 bits the way Linux's new_encode_dev() does: minor bits 0-7 in bits
 * 0-7, the 12-bit major in bits 8-19, minor bits 8-19 in bits 20-31.
 * Numbers with major and minor below 256 come out as major << 8 | minor,
 * the old 16-bit form (MINIX's own, and ext2's first block pointer), so
 * one decoder reads both.
 *
 * d_type: Linux and MINIX both define DT_x as S_IFx >> 12.
 */
#include <sys/sysmacros.h>

#include <mica/fsdriver.h>

/* dev -> the 32-bit on-disk form (new_encode_dev). */
uint32_t fsdriver_dev_encode(dev_t dev)
{
	uint32_t ma = major(dev), mi = minor(dev);

	return (mi & 0xffu) | ((ma & 0xfffu) << 8) | ((mi & ~0xffu) << 12);
}

/* The 32-bit (or old 16-bit) on-disk form -> dev. */
dev_t fsdriver_dev_decode(uint32_t x)
{
	return makedev((x & 0xfff00u) >> 8, (x & 0xffu) | ((x >> 12) & 0xfff00u));
}

/* The getdents d_type (DT_*) of a mode. */
unsigned int fsdriver_mode_dtype(mode_t mode)
{
	return (mode & S_IFMT) >> 12;
}
