/*
 * ll_dir.c - FUSE handlers on directories: opendir, readdir.  (releasedir
 * and fsyncdir are the file handlers of ll_file.c: nothing differs.)
 *
 * readdir asks the fs for struct mica_dirent records from position 'off'
 * (fdr_getdents), then re-encodes them with fuse_add_direntry, each with
 * its own d_off.  A FUSE record can be a few bytes longer than a Mica one,
 * so not everything fetched may fit: the kernel then resumes at the d_off
 * of the last entry sent, and the rest is fetched again.  Records are
 * checked before use: a malformed one ends the listing with EIO.
 */
#include <errno.h>
#include <string.h>

#include <mica/dirent.h>

#include "micafuse.h"

#define DIR_MIN_FETCH	MICA_DIRENT_RECLEN(255)	/* one longest entry */

void mf_ll_opendir(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	struct micafuse *mf = mf_of(req);

	(void)ino;
	mf_postcall(mf);
	fuse_reply_open(req, fi);
}

/* The record at 'p' of 'n' fetched bytes, or NULL if it is malformed. */
static const struct mica_dirent *dir_record(const char *buf, size_t p,
    size_t n)
{
	const struct mica_dirent *de = (const void *)(buf + p);
	size_t hdr = offsetof(struct mica_dirent, d_name);

	if (n - p < hdr + 2 || de->d_reclen < hdr + 2 ||
	    de->d_reclen > n - p || (de->d_reclen & 7) != 0)
		return NULL;
	if (memchr(de->d_name, '\0', de->d_reclen - hdr) == NULL ||
	    de->d_name[0] == '\0')
		return NULL;
	return de;
}

/* Re-encode fetched records into 'out'; return the bytes used or -errno. */
static ssize_t dir_encode(struct micafuse *mf, fuse_req_t req,
    const char *in, size_t n, char *out, size_t size)
{
	const struct mica_dirent *de;
	struct stat st;
	size_t p, used = 0, ent;

	memset(&st, 0, sizeof(st));
	for (p = 0; p < n; p += de->d_reclen) {
		if ((de = dir_record(in, p, n)) == NULL) {
			fsdriver_log("%s: bad directory record from the fs",
			    mf->opts.image);
			return -EIO;
		}
		st.st_ino = mf_to_fuse_ino(mf, de->d_ino);
		st.st_mode = (mode_t)de->d_type << 12;
		ent = fuse_add_direntry(req, out + used, size - used,
		    de->d_name, &st, de->d_off);
		if (ent > size - used)
			break;
		used += ent;
	}
	if (used == 0 && n > 0)
		return -EINVAL;		/* not even one entry fits */
	return (ssize_t)used;
}

void mf_ll_readdir(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off,
    struct fuse_file_info *fi)
{
	struct micafuse *mf = mf_of(req);
	size_t fetch = size > DIR_MIN_FETCH ? size : DIR_MIN_FETCH;
	struct fsdriver_data data;
	off_t pos = off;
	char *in, *out;
	ssize_t n;

	(void)fi;
	if (mf->fs->fdr_getdents == NULL) {
		mf_reply_err(mf, req, -ENOSYS);
		return;
	}
	if ((in = mf_iobuf(mf, fetch + size)) == NULL) {
		mf_reply_err(mf, req, -ENOMEM);
		return;
	}
	out = in + fetch;
	fsdriver_data_mem(&data, in, fetch);
	n = mf->fs->fdr_getdents(mf_to_fs_ino(mf, ino), &data, fetch, &pos);
	if (n > (ssize_t)fetch)
		n = -EIO;
	if (n >= 0)
		n = dir_encode(mf, req, in, (size_t)n, out, size);
	if (n < 0) {
		mf_reply_err(mf, req, (int)n);
		return;
	}
	mf_postcall(mf);
	fuse_reply_buf(req, out, (size_t)n);
}
