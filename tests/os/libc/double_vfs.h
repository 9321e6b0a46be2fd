/*
 * double_vfs.h - the VFS stand-in's state (see double.h), shared by
 * double_vfs.c (names, directories, stat, the call table) and
 * double_vfs_fd.c (descriptors and what they reach: file data, the pipe,
 * the console; select).  One client, so one fd table.
 */
#ifndef LIBC_DOUBLE_VFS_H
#define LIBC_DOUBLE_VFS_H

#include "double.h"

#define NFILES   24
#define FILE_MAX (32 * 1024)
#define NAME_MAX_D 64
#define NFDS     16
#define PIPE_BUF_D 512

enum { K_FREE, K_CONSOLE, K_FILE, K_PIPE_R, K_PIPE_W };

struct dfile {
	int used, dir;
	char name[NAME_MAX_D];
	u32_t size, mode;
	u8_t data[FILE_MAX];
};

/* An open file description (shared by dup'd fds) and the fd table. */
struct dv_filp { int kind, file, flags, refs; u32_t pos; };
struct dv_fd { int filp, cloexec; };	/* filp -1: closed */
struct dv_pipe { u8_t buf[PIPE_BUF_D]; u32_t head, len; int readers, writers; };

extern struct dfile dv_files[NFILES];
extern struct dv_filp dv_filps[NFDS];
extern struct dv_fd dv_fdt[NFDS];
extern struct dv_pipe dv_pipe;
#define FP(fd) (&dv_filps[dv_fdt[fd].filp])

/* double_vfs_fd.c */
int dv_new_fd(int kind, int file, int flags);	/* fd or -EMFILE/-ENFILE */
int dv_bad_fd(int fd);
int vfs_close(message *m);
int vfs_read(message *m);
int vfs_write(message *m);
int vfs_lseek(message *m);
int vfs_dup(message *m);
int vfs_dup2(message *m);
int vfs_fcntl(message *m);
int vfs_pipe(message *m);
int vfs_ioctl(message *m);
int vfs_poll(message *m);
int vfs_umask(message *m);

#endif
