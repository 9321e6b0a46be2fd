/* <sys/mman.h> for Mica: the values are mica/abi.h's; lib/libposix/vm.c. */
#ifndef _MICA_SYS_MMAN_H
#define _MICA_SYS_MMAN_H

#include <sys/types.h>
#include <mica/abi.h>

#define PROT_NONE     MICA_PROT_NONE
#define PROT_READ     MICA_PROT_READ
#define PROT_WRITE    MICA_PROT_WRITE
#define PROT_EXEC     MICA_PROT_EXEC
#define MAP_SHARED    MICA_MAP_SHARED
#define MAP_PRIVATE   MICA_MAP_PRIVATE
#define MAP_FIXED     MICA_MAP_FIXED
#define MAP_ANONYMOUS MICA_MAP_ANONYMOUS
#define MAP_ANON      MAP_ANONYMOUS
#define MAP_FAILED    ((void *)-1)
#define MS_ASYNC      MICA_MS_ASYNC
#define MS_INVALIDATE MICA_MS_INVALIDATE
#define MS_SYNC       MICA_MS_SYNC

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
int msync(void *addr, size_t len, int flags);

#endif
