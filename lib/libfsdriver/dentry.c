/*
 * dentry.c - building getdents replies (front-end independent).
 *
 * A file system lists a directory by calling fsdriver_dentry_add() once per
 * entry.  Each entry becomes a struct mica_dirent record (8-byte aligned,
 * NUL-terminated name, d_off = where a later call resumes).  Records are
 * collected in the caller-supplied staging buffer and copied out with
 * fsdriver_copyout() whenever it fills up, and by fsdriver_dentry_finish().
 * A staging buffer too small for a record (or none at all) is allowed: the
 * record is then copied out on its own.
 *
 * Bytes between the name's NUL and the end of a record are zeroed so that no
 * stale memory reaches the caller.  A failed copy is reported to the caller
 * (the file system), which stops and returns the error.
 */
#include <errno.h>
#include <string.h>

#include <mica/dirent.h>
#include <mica/fsdriver.h>

#define DENTRY_NAME_MAX	255
#define DENTRY_REC_MAX	MICA_DIRENT_RECLEN(DENTRY_NAME_MAX)

/* Copy the staged records out; d->data_off counts the bytes delivered. */
static int dentry_flush(struct fsdriver_dentry *d)
{
	int r;

	if (d->buf_off == 0)
		return OK;
	r = fsdriver_copyout(d->data, d->data_off, d->buf, d->buf_off);
	if (r != OK)
		return r;
	d->data_off += d->buf_off;
	d->buf_off = 0;
	return OK;
}

/* Lay out one record in 'rec' (DENTRY_REC_MAX bytes); return its length. */
static size_t dentry_format(char *rec, ino_t ino, const char *name,
    size_t namelen, unsigned int type, off_t next_pos)
{
	struct mica_dirent hdr;
	size_t reclen = MICA_DIRENT_RECLEN(namelen);

	memset(rec, 0, reclen);
	hdr.d_ino = (uint64_t)ino;
	hdr.d_off = (int64_t)next_pos;
	hdr.d_reclen = (uint16_t)reclen;
	hdr.d_type = (uint8_t)type;
	memcpy(rec, &hdr, offsetof(struct mica_dirent, d_name));
	memcpy(rec + offsetof(struct mica_dirent, d_name), name, namelen);
	return reclen;
}

/* Set up 'd' to fill 'bytes' bytes of 'data', staging in 'buf'. */
void fsdriver_dentry_init(struct fsdriver_dentry *d,
    const struct fsdriver_data *data, size_t bytes, char *buf,
    size_t bufsize)
{
	d->data = data;
	d->data_size = bytes;
	d->data_off = 0;
	d->buf = buf;
	d->buf_size = buf != NULL ? bufsize : 0;
	d->buf_off = 0;
}

/* Append one entry: 1 added, 0 reply full (not added), or -errno. */
int fsdriver_dentry_add(struct fsdriver_dentry *d, ino_t ino,
    const char *name, size_t namelen, unsigned int type, off_t next_pos)
{
	char rec[DENTRY_REC_MAX];
	size_t reclen;
	int r;

	if (namelen == 0)
		return -EINVAL;
	if (namelen > DENTRY_NAME_MAX)
		return -ENAMETOOLONG;
	reclen = MICA_DIRENT_RECLEN(namelen);
	if (d->data_off + d->buf_off + reclen > d->data_size)
		return 0;
	if (d->buf_off + reclen > d->buf_size && (r = dentry_flush(d)) != OK)
		return r;
	if (reclen > d->buf_size) {
		dentry_format(rec, ino, name, namelen, type, next_pos);
		r = fsdriver_copyout(d->data, d->data_off, rec, reclen);
		if (r != OK)
			return r;
		d->data_off += reclen;
		return 1;
	}
	dentry_format(d->buf + d->buf_off, ino, name, namelen, type,
	    next_pos);
	d->buf_off += reclen;
	return 1;
}

/* Copy out what is staged; return the total bytes produced or -errno. */
ssize_t fsdriver_dentry_finish(struct fsdriver_dentry *d)
{
	int r;

	if ((r = dentry_flush(d)) != OK)
		return r;
	return (ssize_t)d->data_off;
}
