/*
 * ll_dir.c - FUSE handlers on directories: opendir, readdir, readdirplus.
 * (releasedir and fsyncdir are the file handlers of ll_file.c: nothing
 * differs.)
 *
 * opendir answers ENOSYS when the kernel can open directories without us
 * (ops.c: no per-open state).
 *
 * readdir asks the fs for struct mica_dirent records from position 'off'
 * (fdr_getdents), then re-encodes them with fuse_add_direntry, each with
 * its own d_off.  A FUSE record can be a few bytes longer than a Mica one,
 * so not everything fetched may fit: the kernel then resumes at the d_off
 * of the last entry sent, and the rest is fetched again.  Records are
 * checked before use: a malformed one ends the listing with EIO.
 *
 * readdirplus does the same with fuse_add_direntry_plus, each entry with
 * its attributes and one reference (a lookup of the name), except "." and
 * "..", which the kernel takes no reference for.  An entry is looked up
 * only once it is known to fit; one whose lookup fails goes out without
 * attributes (node id 0: the kernel then lists it and looks it up itself
 * when asked).  If the reply does not reach the kernel, the references it
 * carried go back to the fs.
 */
#include <errno.h>
#include <linux/fuse.h>
#include <string.h>

#include <mica/dirent.h>

#include "micafuse.h"

#define DIR_MIN_FETCH	MICA_DIRENT_RECLEN(255)	/* one longest entry */

void mf_ll_opendir(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	struct micafuse *mf = mf_of(req);

	(void)ino;
	if (mf->cut_opendir) {
		mf_reply_err(mf, req, -ENOSYS);
		return;
	}
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

static int dir_is_dot(const char *name)
{
	return name[0] == '.' &&
	    (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

/* One readdirplus entry for record 'de' of fs directory 'dir' at 'out'
 * ('room' bytes); the bytes it takes, or more than 'room' if it does not
 * fit (then nothing was written and no reference taken). */
static size_t dir_plus_entry(struct micafuse *mf, fuse_req_t req, ino_t dir,
    const struct mica_dirent *de, char *out, size_t room)
{
	struct fuse_entry_param e;
	struct fsdriver_node node;
	size_t need;

	need = fuse_add_direntry_plus(req, NULL, 0, de->d_name, NULL, 0);
	if (need > room)
		return need;
	memset(&e, 0, sizeof(e));
	if (!dir_is_dot(de->d_name) && mf->fs->fdr_lookup != NULL &&
	    mf->fs->fdr_lookup(dir, de->d_name, &node) == OK) {
		if (mf_stat(mf, node.fn_ino_nr, &e.attr) == OK) {
			e.ino = mf_to_fuse_ino(mf, node.fn_ino_nr);
			e.attr_timeout = MF_TIMEOUT;
			e.entry_timeout = MF_TIMEOUT;
		} else if (mf->fs->fdr_putnode != NULL) {
			mf->fs->fdr_putnode(node.fn_ino_nr, 1);
		}
	}
	if (e.ino == 0) {
		memset(&e.attr, 0, sizeof(e.attr));
		e.attr.st_ino = mf_to_fuse_ino(mf, de->d_ino);
		e.attr.st_mode = (mode_t)de->d_type << 12;
	}
	return fuse_add_direntry_plus(req, out, room, de->d_name, &e,
	    de->d_off);
}

/* Give back the references carried by readdirplus reply 'out' ('n'
 * bytes), which did not reach the kernel. */
static void dir_plus_unref(struct micafuse *mf, const char *out, size_t n)
{
	const struct fuse_direntplus *d;
	size_t p;

	for (p = 0; p + FUSE_NAME_OFFSET_DIRENTPLUS <= n;
	    p += FUSE_DIRENTPLUS_SIZE(d)) {
		d = (const void *)(out + p);
		if (d->entry_out.nodeid != 0 && mf->fs->fdr_putnode != NULL)
			mf->fs->fdr_putnode(mf_to_fs_ino(mf,
			    d->entry_out.nodeid), 1);
	}
}

/* Re-encode fetched records into 'out' (with attributes and references if
 * 'plus'); return the bytes used or -errno. */
static ssize_t dir_encode(struct micafuse *mf, fuse_req_t req, ino_t dir,
    int plus, const char *in, size_t n, char *out, size_t size)
{
	const struct mica_dirent *de;
	struct stat st;
	size_t p, used = 0, ent;

	memset(&st, 0, sizeof(st));
	for (p = 0; p < n; p += de->d_reclen) {
		if ((de = dir_record(in, p, n)) == NULL) {
			fsdriver_log("%s: bad directory record from the fs",
			    mf->opts.image);
			if (plus)
				dir_plus_unref(mf, out, used);
			return -EIO;
		}
		if (plus) {
			ent = dir_plus_entry(mf, req, dir, de, out + used,
			    size - used);
		} else {
			st.st_ino = mf_to_fuse_ino(mf, de->d_ino);
			st.st_mode = (mode_t)de->d_type << 12;
			ent = fuse_add_direntry(req, out + used, size - used,
			    de->d_name, &st, de->d_off);
		}
		if (ent > size - used)
			break;
		used += ent;
	}
	if (used == 0 && n > 0)
		return -EINVAL;		/* not even one entry fits */
	return (ssize_t)used;
}

static void dir_read(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off,
    int plus)
{
	struct micafuse *mf = mf_of(req);
	size_t fetch = size > DIR_MIN_FETCH ? size : DIR_MIN_FETCH;
	ino_t dir = mf_to_fs_ino(mf, ino);
	struct fsdriver_data data;
	off_t pos = off;
	char *in, *out;
	ssize_t n;

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
	n = mf->fs->fdr_getdents(dir, &data, fetch, &pos);
	if (n > (ssize_t)fetch)
		n = -EIO;
	if (n >= 0)
		n = dir_encode(mf, req, dir, plus, in, (size_t)n, out, size);
	if (n < 0) {
		mf_reply_err(mf, req, (int)n);
		return;
	}
	mf_postcall(mf);
	if (fuse_reply_buf(req, out, (size_t)n) != 0 && plus)
		dir_plus_unref(mf, out, (size_t)n);
}

void mf_ll_readdir(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off,
    struct fuse_file_info *fi)
{
	(void)fi;
	dir_read(req, ino, size, off, 0);
}

void mf_ll_readdirplus(fuse_req_t req, fuse_ino_t ino, size_t size,
    off_t off, struct fuse_file_info *fi)
{
	(void)fi;
	dir_read(req, ino, size, off, 1);
}
