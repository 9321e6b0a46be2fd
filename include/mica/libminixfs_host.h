/*
 * libminixfs_host.h - libminixfs's host seam: the device implementation
 * for image files (libminixfs/file_dev.c), used by host programs only
 * (micafuse, the unit tests, benchmarks).  The OS build of libminixfs has
 * its own device behind the same struct lmfs_dev_ops and not this file;
 * the portable contract is include/mica/libminixfs.h alone.
 */
#ifndef MICA_LIBMINIXFS_HOST_H
#define MICA_LIBMINIXFS_HOST_H

#include <mica/libminixfs.h>

/* Host implementation of the seam: an image file (or a Linux block device),
 * optionally starting at byte 'offset' (a file system inside a partitioned
 * image).  'writable' opens read-write.  Returns OK or a negative errno;
 * *opsp and *ctxp are what lmfs_dev_register() takes. */
int lmfs_file_dev_open(const char *path, int writable, uint64_t offset,
    const struct lmfs_dev_ops **opsp, void **ctxp);
void lmfs_file_dev_close(void *ctx);

#endif /* MICA_LIBMINIXFS_HOST_H */
