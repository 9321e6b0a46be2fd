/*
 * romfs_format.h - the on-disk layout of Linux's romfs (as genromfs writes
 * it): the single definition, used by the library and its tests.
 *
 * Every number is big-endian.  The image starts with the superblock: the
 * magic "-rom1fs-", the image size, a checksum that makes the big-endian
 * 32-bit words of the first min(512, size) bytes sum to 0, and the volume
 * name (NUL-terminated, padded to 16 bytes).  File headers follow, each at
 * a 16-byte boundary: next header in the same directory (low 4 bits: type
 * and executable bit), type-specific info, size, checksum, then the name
 * (NUL-terminated, padded to 16 bytes), then the data, byte-packed.
 *
 * spec.info: a directory's first entry; a hard link's target header; a
 * device's major << 16 | minor.  Directories list "." and ".." as entries
 * (genromfs: "." a directory header or a hard link, ".." a hard link).
 */
#ifndef ROMFS_FORMAT_H
#define ROMFS_FORMAT_H

#include <stdint.h>

#define ROMFS_MAGIC		"-rom1fs-"
#define ROMFS_MAGIC_LEN		8
#define ROMFS_ALIGN		16u		/* headers and names */
#define ROMFS_MAXFN		128		/* name bytes, NUL included */
#define ROMFS_CHECK_LEN		512u		/* bytes the checksum covers */

struct romfs_super {
	char magic[ROMFS_MAGIC_LEN];
	uint32_t full_size;	/* big-endian */
	uint32_t checksum;	/* big-endian */
	/* volume name follows */
};
_Static_assert(sizeof(struct romfs_super) == 16, "romfs superblock");

struct romfs_hdr {
	uint32_t next;		/* big-endian; low 4 bits: ROMFS_EXEC | type */
	uint32_t spec;		/* big-endian */
	uint32_t size;		/* big-endian */
	uint32_t checksum;	/* big-endian */
	/* name follows */
};
_Static_assert(sizeof(struct romfs_hdr) == 16, "romfs file header");

#define ROMFS_TYPE_MASK		7u
#define ROMFS_EXEC		8u
#define ROMFS_OFF_MASK		(~15u)

enum romfs_type {
	ROMFS_HARDLINK = 0, ROMFS_DIR = 1, ROMFS_REG = 2, ROMFS_SYMLINK = 3,
	ROMFS_BLKDEV = 4, ROMFS_CHRDEV = 5, ROMFS_SOCKET = 6, ROMFS_FIFO = 7,
};

#endif /* ROMFS_FORMAT_H */
