/*
 * libminixfs_os.h - libminixfs's OS seam: the device implementation over
 * the block protocol (libminixfs/bdev_dev.c: libbdev to a block driver),
 * used by file-system servers (lib/libfsdriver/os_dev.c attaches it at
 * mount).  The host has libminixfs_host.h instead; the portable contract
 * is include/mica/libminixfs.h alone.
 */
#ifndef MICA_LIBMINIXFS_OS_H
#define MICA_LIBMINIXFS_OS_H

#include <mica/libminixfs.h>

/* Open minor 'minor' of the block driver DS knows as 'label' (read-only
 * unless 'writable'), learn its size, and return what lmfs_dev_register()
 * takes.  A driver restart is survived by libbdev's reopen by label.  OK
 * or a negative errno (the driver's, DS's, or -ENOMEM). */
int lmfs_bdev_open(const char *label, int minor, int writable,
    const struct lmfs_dev_ops **opsp, void **ctxp);
/* Close it (unregister it from the cache first). */
void lmfs_bdev_close(void *ctx);

#endif /* MICA_LIBMINIXFS_OS_H */
