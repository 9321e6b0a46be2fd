/*
 * mbr.h - the MBR partition table of a disk: its on-disk layout (one
 * place) and a parser that trusts nothing it reads.  Plain C with no
 * system calls, so the host's CUnit suite (tests/unit/mbr) runs the same
 * code the virtio-blk driver does.
 */
#ifndef VIRTIO_BLK_MBR_H
#define VIRTIO_BLK_MBR_H

#include <mica/type.h>

#define MBR_SECTOR	512u		/* bytes of the table's sector */
#define MBR_TABLE	0x1be		/* offset of the four entries */
#define MBR_ENTRY	16u		/* bytes per entry */
#define MBR_SIG_OFF	0x1fe		/* 0x55, 0xaa */
#define MBR_PARTS	4		/* primary partitions */
/* Inside an entry: type byte, then little-endian start and count (LBA). */
#define MBR_E_TYPE	4
#define MBR_E_START	8
#define MBR_E_COUNT	12

struct mbr_part {
	u8_t type;			/* 0: no partition */
	u64_t start;			/* first sector */
	u64_t count;			/* sectors */
};

/*
 * Parse sector 0 of a disk of disk_sectors sectors into parts[MBR_PARTS].
 * No 0x55aa signature: no table, every entry empty, OK.  A table with an
 * entry that is not empty (type != 0) but has no sectors, starts at
 * sector 0 (the table itself), reaches past the disk's end, or overlaps
 * another entry is corrupt: -EINVAL and every entry empty, so a bad table
 * gives no partition minors at all rather than some of them.
 */
int mbr_parse(const u8_t sector[MBR_SECTOR], u64_t disk_sectors,
    struct mbr_part parts[MBR_PARTS]);

#endif /* VIRTIO_BLK_MBR_H */
