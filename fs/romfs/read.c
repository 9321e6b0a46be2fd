/*
 * read.c - file data and symlink targets.
 *
 * Data starts right after a header's name, at any 16-byte boundary, so it
 * is copied out with lmfs_bio() through a bounce buffer, not taken from
 * tagged cache blocks (fs blocks and file offsets do not line up).
 */
#include "romfs.h"

#define ROMFS_CHUNK	4096

/* fdr_read */
ssize_t romfs_read(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t pos)
{
	char buf[ROMFS_CHUNK];
	struct romfs_file f;
	size_t done = 0, n;
	int r;

	if ((r = romfs_file_get((uint32_t)ino, &f)) != OK)
		return r;
	if (f.type == ROMFS_DIR)
		return -EISDIR;
	if (f.type != ROMFS_REG || pos < 0)
		return -EINVAL;
	if ((uint64_t)pos >= f.size)
		return 0;
	if (bytes > f.size - (uint64_t)pos)
		bytes = (size_t)(f.size - (uint64_t)pos);
	while (done < bytes) {
		n = bytes - done < sizeof(buf) ? bytes - done : sizeof(buf);
		r = romfs_read_bytes(f.data + (uint32_t)pos + (uint32_t)done,
		    buf, n);
		if (r == OK)
			r = fsdriver_copyout(data, done, buf, n);
		if (r != OK)
			return done > 0 ? (ssize_t)done : r;
		done += n;
	}
	return (ssize_t)done;
}

/* fdr_rdlink: the target, not NUL-terminated, cut at 'bytes'. */
ssize_t romfs_rdlink(ino_t ino, struct fsdriver_data *data, size_t bytes)
{
	char buf[ROMFS_CHUNK];
	struct romfs_file f;
	size_t n;
	int r;

	if ((r = romfs_file_get((uint32_t)ino, &f)) != OK)
		return r;
	if (f.type != ROMFS_SYMLINK)
		return -EINVAL;
	if (f.size > sizeof(buf))
		return -EIO;
	n = f.size < bytes ? f.size : bytes;
	if ((r = romfs_read_bytes(f.data, buf, n)) != OK ||
	    (r = fsdriver_copyout(data, 0, buf, n)) != OK)
		return r;
	return (ssize_t)n;
}
