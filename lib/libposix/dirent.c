/*
 * dirent.c - directory streams over VFS_GETDENTS: the DIR buffer holds
 * struct mica_dirent records (mica/dirent.h), checked one by one before
 * use (a record must fit the bytes read and hold a NUL-terminated name)
 * and copied into the stream's struct dirent.
 */
#include <stddef.h>
#include <string.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#include <mica/dirent.h>
#include "posix.h"

DIR *opendir(const char *path)
{
	DIR *d;
	int fd;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return NULL;
	if (!(d = malloc(sizeof(*d)))) {
		close(fd);
		return NULL;
	}
	d->dd_fd = fd;
	d->dd_pos = d->dd_len = 0;
	return d;
}

/* A stream over the open directory fd (POSIX 2008); the fd is the
 * stream's from now on, closed by closedir. */
DIR *fdopendir(int fd)
{
	struct stat st;
	DIR *d;

	if (fstat(fd, &st) < 0)
		return NULL;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return NULL;
	}
	if (!(d = malloc(sizeof(*d))))
		return NULL;
	d->dd_fd = fd;
	d->dd_pos = d->dd_len = 0;
	return d;
}

/* The record at dd_pos, or NULL when it is malformed. */
static struct mica_dirent *next_record(DIR *d)
{
	struct mica_dirent *e = (void *)((char *)d->dd_buf + d->dd_pos);
	size_t left = d->dd_len - d->dd_pos;

	size_t head = offsetof(struct mica_dirent, d_name);

	if (left < head + 1 || e->d_reclen < head + 1 ||
	    e->d_reclen > left || (e->d_reclen & 7) ||
	    !memchr(e->d_name, '\0', e->d_reclen - head))
		return NULL;
	return e;
}

struct dirent *readdir(DIR *d)
{
	struct mica_dirent *e;
	int n;

	if (d->dd_pos >= d->dd_len) {
		if ((n = lc_getdents(d->dd_fd, d->dd_buf, sizeof(d->dd_buf))) <= 0)
			return NULL;
		d->dd_len = n;
		d->dd_pos = 0;
	}
	if (!(e = next_record(d))) {
		d->dd_pos = d->dd_len;
		errno = EIO;
		return NULL;
	}
	d->dd_pos += e->d_reclen;
	d->dd_ent.d_ino = e->d_ino;
	d->dd_ent.d_off = e->d_off;
	d->dd_ent.d_type = e->d_type;
	strncpy(d->dd_ent.d_name, e->d_name, sizeof(d->dd_ent.d_name) - 1);
	d->dd_ent.d_name[sizeof(d->dd_ent.d_name) - 1] = '\0';
	d->dd_ent.d_reclen = sizeof(d->dd_ent);
	return &d->dd_ent;
}

void rewinddir(DIR *d)
{
	lseek(d->dd_fd, 0, SEEK_SET);
	d->dd_pos = d->dd_len = 0;
}

int closedir(DIR *d)
{
	int r = close(d->dd_fd);

	free(d);
	return r;
}

int dirfd(DIR *d)
{
	return d->dd_fd;
}
