/*
 * fakedev.h - an in-memory block device behind the libminixfs seam, with
 * fault injection and request counters, for the libminixfs unit tests.
 */
#ifndef FAKEDEV_H
#define FAKEDEV_H

#include <mica/libminixfs.h>

#define FD_MAX_FAULTS	16
#define FD_LOG		512

#define FD_READ		0x1	/* fault applies to reads */
#define FD_WRITE	0x2	/* fault applies to writes */

struct fd_req {
	int write;
	uint64_t pos;
	int iovcnt;
	size_t bytes;
};

struct fakedev {
	uint8_t *mem;
	uint64_t size;
	size_t fault_bs;		/* block size for block faults */
	/* faults */
	uint64_t bad_block[FD_MAX_FAULTS];
	int bad_mode[FD_MAX_FAULTS];
	unsigned int nbad;
	unsigned int fail_req;		/* fail the request with this number */
	size_t short_by;		/* next transfer moves this much less */
	int size_error;			/* size() returns this if nonzero */
	int flush_error;
	int fail_all;			/* FD_READ/FD_WRITE: every such request
					 * fails with -EIO (a dead disk) */
	/* counters */
	unsigned int nreq, reads, writes, flushes;
	struct fd_req log[FD_LOG];
	unsigned int nlog;
};

extern const struct lmfs_dev_ops fakedev_ops;

/* A device of 'size' bytes filled with fd_pattern(). */
struct fakedev *fakedev_new(uint64_t size);
void fakedev_free(struct fakedev *f);
/* Make requests touching 'block' (fault_bs units) fail with -EIO. */
void fakedev_fail_block(struct fakedev *f, uint64_t block, int mode);
void fakedev_clear_faults(struct fakedev *f);
void fakedev_reset_counts(struct fakedev *f);
/* The byte the device holds at 'pos' before anybody writes. */
uint8_t fd_pattern(uint64_t pos);

#endif
