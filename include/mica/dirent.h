/*
 * The directory-entry record that getdents produces, in the OS (the user
 * ABI) and on the host (the form libfsdriver hands to the FUSE front end).
 * Same layout as Linux's dirent64: records are 8-byte aligned, the name is
 * NUL-terminated, d_off is the position to resume from after this entry.
 */
#ifndef MICA_DIRENT_H
#define MICA_DIRENT_H

#include <stddef.h>
#include <stdint.h>

struct mica_dirent {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;		/* DT_* as in <dirent.h>: DT_REG 8, DT_DIR 4 ... */
	char d_name[];
} __attribute__((aligned(8)));	/* the same 24-byte header on i386 */

_Static_assert(sizeof(struct mica_dirent) == 24, "mica_dirent header");
_Static_assert(offsetof(struct mica_dirent, d_name) == 19, "mica_dirent name");

#define MICA_DIRENT_RECLEN(namelen) \
	((offsetof(struct mica_dirent, d_name) + (namelen) + 1 + 7) & ~(size_t)7)

#endif /* MICA_DIRENT_H */
