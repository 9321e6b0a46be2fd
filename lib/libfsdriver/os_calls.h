/*
 * os_calls.h - the request handlers of the OS front end, one per request
 * of mica/vfsif.h (os_node.c, os_io.c, os_dir.c, os_mount.c); the table
 * that maps codes to them is os_call.c.
 */
#ifndef LIBFSDRIVER_OS_CALLS_H
#define LIBFSDRIVER_OS_CALLS_H

#include "os_priv.h"

int os_newattr(const mess_vfs_fs_create *q, mode_t *mode, uid_t *uid,
    gid_t *gid, dev_t *rdev);

int os_lookup(const struct os_req *rq);
int os_putnode(const struct os_req *rq);
int os_newnode(const struct os_req *rq);
int os_stat(const struct os_req *rq);
int os_chown(const struct os_req *rq);
int os_chmod(const struct os_req *rq);
int os_utime(const struct os_req *rq);
int os_trunc(const struct os_req *rq);

int os_read(const struct os_req *rq);
int os_write(const struct os_req *rq);
int os_peek(const struct os_req *rq);
int os_getdents(const struct os_req *rq);
int os_rdlink(const struct os_req *rq);
int os_statvfs(const struct os_req *rq);
int os_sync(const struct os_req *rq);
int os_bread(const struct os_req *rq);
int os_bwrite(const struct os_req *rq);
int os_bflush(const struct os_req *rq);
int os_cachestat(const struct os_req *rq);

int os_create(const struct os_req *rq);
int os_mkdir(const struct os_req *rq);
int os_mknod(const struct os_req *rq);
int os_link(const struct os_req *rq);
int os_unlink(const struct os_req *rq);
int os_rmdir(const struct os_req *rq);
int os_rename(const struct os_req *rq);
int os_slink(const struct os_req *rq);

#endif /* LIBFSDRIVER_OS_CALLS_H */
