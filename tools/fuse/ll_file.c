/*
 * ll_file.c - FUSE handlers on open files: open, create, read, write,
 * flush, release, fsync.
 *
 * There is no per-open state: the fs addresses files by inode number.  So
 * OPEN answers ENOSYS (once: the kernel then opens without asking, see
 * ops.c), FLUSH too, and CREATE too (the kernel then sends MKNOD, which
 * calls the same fdr_create).  With -o all_requests, or a kernel without
 * no-open support, they are served: the kernel may keep a file's pages
 * across opens (keep_cache), which is correct because every write to the
 * image goes through this mount, and need not send FLUSH on close
 * (noflush): there is nothing to flush then.  An open for writing on a
 * read-only mount answers EROFS either way (the kernel mount is
 * read-only too, main.c).
 * O_TRUNC reaches us as a setattr (atomic_o_trunc is off, see ops.c).
 * Reads land in a reusable buffer of the request's size and go out with
 * one fuse_reply_buf; writes go straight from libfuse's buffer to the fs.
 */
#include <errno.h>
#include <fcntl.h>

#include "micafuse.h"

void mf_ll_open(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	struct micafuse *mf = mf_of(req);

	(void)ino;
	if (mf->rdonly && (fi->flags & O_ACCMODE) != O_RDONLY) {
		mf_reply_err(mf, req, -EROFS);
		return;
	}
	if (mf->cut_open) {
		mf_reply_err(mf, req, -ENOSYS);
		return;
	}
	fi->keep_cache = 1;
	fi->noflush = 1;
	mf_postcall(mf);
	fuse_reply_open(req, fi);
}

void mf_ll_create(fuse_req_t req, fuse_ino_t parent, const char *name,
    mode_t mode, struct fuse_file_info *fi)
{
	struct micafuse *mf = mf_of(req);
	const struct fuse_ctx *ctx = fuse_req_ctx(req);
	struct fsdriver_node node;
	int r;

	if (!mf->opts.all_requests) {
		mf_reply_err(mf, req, -ENOSYS);	/* MKNOD from now on */
		return;
	}
	if ((r = mf_modify_ok(mf, mf->fs->fdr_create)) != OK) {
		mf_reply_err(mf, req, r);
		return;
	}
	r = mf->fs->fdr_create(mf_to_fs_ino(mf, parent), name, mode,
	    ctx->uid, ctx->gid, &node);
	if (r != OK) {
		mf_reply_err(mf, req, r);
		return;
	}
	mf_reply_node(mf, req, node.fn_ino_nr, fi);
}

void mf_ll_read(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off,
    struct fuse_file_info *fi)
{
	struct micafuse *mf = mf_of(req);
	struct fsdriver_data data;
	char *buf;
	ssize_t n;

	(void)fi;
	if (mf->fs->fdr_read == NULL) {
		mf_reply_err(mf, req, -ENOSYS);
		return;
	}
	if (off < 0) {
		mf_reply_err(mf, req, -EINVAL);
		return;
	}
	if ((buf = mf_iobuf(mf, size > 0 ? size : 1)) == NULL) {
		mf_reply_err(mf, req, -ENOMEM);
		return;
	}
	fsdriver_data_mem(&data, buf, size);
	n = mf->fs->fdr_read(mf_to_fs_ino(mf, ino), &data, size, off);
	if (n > (ssize_t)size)
		n = -EIO;		/* never send what the fs did not fill */
	if (n < 0) {
		mf_reply_err(mf, req, (int)n);
		return;
	}
	mf_postcall(mf);
	fuse_reply_buf(req, buf, (size_t)n);
}

void mf_ll_write(fuse_req_t req, fuse_ino_t ino, const char *buf,
    size_t size, off_t off, struct fuse_file_info *fi)
{
	struct micafuse *mf = mf_of(req);
	struct fsdriver_data data;
	ssize_t n;
	int r;

	(void)fi;
	if ((r = mf_modify_ok(mf, mf->fs->fdr_write)) != OK) {
		mf_reply_err(mf, req, r);
		return;
	}
	if (off < 0) {
		mf_reply_err(mf, req, -EINVAL);
		return;
	}
	fsdriver_data_mem(&data, (void *)buf, size);
	n = mf->fs->fdr_write(mf_to_fs_ino(mf, ino), &data, size, off);
	if (n > (ssize_t)size)
		n = -EIO;
	if (n < 0) {
		mf_reply_err(mf, req, (int)n);
		return;
	}
	mf_postcall(mf);
	fuse_reply_write(req, (size_t)n);
}

void mf_ll_flush(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	struct micafuse *mf = mf_of(req);

	(void)ino;
	(void)fi;
	mf_reply_err(mf, req, mf->opts.all_requests ? OK : -ENOSYS);
}

void mf_ll_release(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)ino;
	(void)fi;
	mf_reply_err(mf_of(req), req, OK);
}

void mf_ll_fsync(fuse_req_t req, fuse_ino_t ino, int datasync,
    struct fuse_file_info *fi)
{
	struct micafuse *mf = mf_of(req);

	(void)ino;
	(void)datasync;
	(void)fi;
	mf_reply_err(mf, req, mf->rdonly ? OK : mf_image_sync(mf));
}
