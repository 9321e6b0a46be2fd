/*
 * <sys/dirent.h> for Mica: newlib's generic one is an #error.  Directory
 * streams read VFS_GETDENTS records (struct mica_dirent, mica/dirent.h)
 * and hand them out as struct dirent; lib/libposix/dirent.c.
 */
#ifndef _MICA_SYS_DIRENT_H
#define _MICA_SYS_DIRENT_H

#include <sys/types.h>
#include <sys/syslimits.h>

#define DT_UNKNOWN 0
#define DT_FIFO    1
#define DT_CHR     2
#define DT_DIR     4
#define DT_BLK     6
#define DT_REG     8
#define DT_LNK    10
#define DT_SOCK   12

struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[NAME_MAX + 1];
};

#define _MICA_DIRBUF 2048

typedef struct {
	int dd_fd;
	int dd_pos;			/* next record in dd_buf */
	int dd_len;			/* bytes in dd_buf */
	struct dirent dd_ent;
	long dd_buf[_MICA_DIRBUF / sizeof(long)];
} DIR;

#endif
