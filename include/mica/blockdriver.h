/*
 * blockdriver.h - the driver side of the block protocol (bdev.h):
 * lib/libblockdriver receives requests, checks every field, clips
 * transfers at the device end, fetches I/O vectors and replies; a driver
 * only supplies this table.  The memory driver and virtio-blk use it.
 */
#ifndef MICA_BLOCKDRIVER_H
#define MICA_BLOCKDRIVER_H

#include <mica/kipc.h>
#include <mica/bdev.h>

struct blockdriver {
	/* OPEN/CLOSE of a minor the driver has (bdr_size said so). */
	int (*bdr_open)(int minor, int access);
	int (*bdr_close)(int minor);
	/* Size of minor in bytes, or -ENXIO for a minor the driver lacks. */
	int (*bdr_size)(int minor, u64_t *size);
	/*
	 * Move len bytes at pos (pos + len <= the size) from the device to
	 * grant gid of ep at offset goff (write == 0), or back (write != 0).
	 * OK or a negative errno.  Unused (may be NULL) with bdr_vtransfer.
	 */
	int (*bdr_transfer)(int minor, int write, u64_t pos, endpoint_t ep,
	    cp_grant_id_t gid, vir_bytes goff, u32_t len);
	/*
	 * Optional (NULL: bdr_transfer per piece): move a whole vector of n
	 * pieces at pos in one go, already clipped at the size (every len >
	 * 0, their sum fits the device), for a driver that makes one device
	 * request of many pieces.  The bytes moved (a short count when a
	 * later part failed) or a negative errno when nothing moved.
	 */
	int (*bdr_vtransfer)(int minor, int write, u64_t pos, endpoint_t ep,
	    const struct bdev_iovec *iov, u32_t n);
	/*
	 * Optional (NULL: base 0, bdr_size's size): BDEV_IOC_GETSIZE's
	 * answer, for a driver whose minors are partitions of a disk.
	 */
	int (*bdr_part)(int minor, struct bdev_part *part);
};

/* Handle one request m (not a notification) and reply to its sender. */
void blockdriver_process(const struct blockdriver *bdr, message *m);

/* Receive and handle requests forever (after sef_startup). */
void blockdriver_task(const struct blockdriver *bdr) __attribute__((noreturn));

#endif /* MICA_BLOCKDRIVER_H */
