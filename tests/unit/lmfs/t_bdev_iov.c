/*
 * t_bdev_iov.c - a compile-time check, no test case: the block protocol's
 * largest vector (BDEV_MAX_IOV, mica/bdev.h) is the block cache's largest
 * gather (LMFS_MAX_IOV, mica/libminixfs.h), so every request the cache
 * makes fits one block request.  The OS build cannot include both headers
 * in one file (libminixfs.h needs the host's libc headers), this host
 * program can.
 */
#include <mica/libminixfs.h>
#include <mica/bdev.h>

_Static_assert(BDEV_MAX_IOV == LMFS_MAX_IOV, "block vector = cache gather");
