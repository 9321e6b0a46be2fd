/*
 * ll_name.c - FUSE handlers on names: mknod, mkdir, symlink, link, unlink,
 * rmdir, rename, readlink.
 *
 * The fs calls that make a name (mkdir, mknod, slink, link) return no node,
 * so a successful one is followed by a lookup, whose reference goes to the
 * kernel with the entry reply.  New nodes belong to the caller
 * (fuse_req_ctx); the fs applies set-gid directory inheritance itself.
 * Every call that changes the image answers EROFS on a read-only mount,
 * and so does one whose table entry is NULL (a read-only format).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "micafuse.h"

/* 0, or replies EROFS (read-only mount or format) and returns -1. */
static int name_check(struct micafuse *mf, fuse_req_t req, const void *fn)
{
	int r = mf_modify_ok(mf, fn);

	if (r != OK) {
		mf_reply_err(mf, req, r);
		return -1;
	}
	return 0;
}

/* Reply to a call that made 'name' in fs directory 'dir'. */
static void name_made(struct micafuse *mf, fuse_req_t req, ino_t dir,
    const char *name, int r)
{
	if (r != OK)
		mf_reply_err(mf, req, r);
	else
		mf_reply_lookup(mf, req, dir, name, 0);
}

void mf_ll_mknod(fuse_req_t req, fuse_ino_t parent, const char *name,
    mode_t mode, dev_t rdev)
{
	struct micafuse *mf = mf_of(req);
	const struct fuse_ctx *ctx = fuse_req_ctx(req);
	ino_t dir = mf_to_fs_ino(mf, parent);
	struct fsdriver_node node;
	int r;

	if (S_ISREG(mode)) {
		/* A plain file: create gives the node and its reference. */
		if (name_check(mf, req, mf->fs->fdr_create) != 0)
			return;
		r = mf->fs->fdr_create(dir, name, mode, ctx->uid, ctx->gid,
		    &node);
		if (r != OK)
			mf_reply_err(mf, req, r);
		else
			mf_reply_node(mf, req, node.fn_ino_nr, NULL);
		return;
	}
	if (name_check(mf, req, mf->fs->fdr_mknod) != 0)
		return;
	r = mf->fs->fdr_mknod(dir, name, mode, ctx->uid, ctx->gid, rdev);
	name_made(mf, req, dir, name, r);
}

void mf_ll_mkdir(fuse_req_t req, fuse_ino_t parent, const char *name,
    mode_t mode)
{
	struct micafuse *mf = mf_of(req);
	const struct fuse_ctx *ctx = fuse_req_ctx(req);
	ino_t dir = mf_to_fs_ino(mf, parent);
	int r;

	if (name_check(mf, req, mf->fs->fdr_mkdir) != 0)
		return;
	r = mf->fs->fdr_mkdir(dir, name, S_IFDIR | (mode & 07777), ctx->uid,
	    ctx->gid);
	name_made(mf, req, dir, name, r);
}

void mf_ll_symlink(fuse_req_t req, const char *link, fuse_ino_t parent,
    const char *name)
{
	struct micafuse *mf = mf_of(req);
	const struct fuse_ctx *ctx = fuse_req_ctx(req);
	ino_t dir = mf_to_fs_ino(mf, parent);
	struct fsdriver_data data;
	size_t len = strlen(link);
	int r;

	if (name_check(mf, req, mf->fs->fdr_slink) != 0)
		return;
	fsdriver_data_mem(&data, (void *)link, len);
	r = mf->fs->fdr_slink(dir, name, ctx->uid, ctx->gid, &data, len);
	name_made(mf, req, dir, name, r);
}

void mf_ll_link(fuse_req_t req, fuse_ino_t ino, fuse_ino_t newparent,
    const char *newname)
{
	struct micafuse *mf = mf_of(req);
	ino_t dir = mf_to_fs_ino(mf, newparent);
	int r;

	if (name_check(mf, req, mf->fs->fdr_link) != 0)
		return;
	r = mf->fs->fdr_link(dir, newname, mf_to_fs_ino(mf, ino));
	name_made(mf, req, dir, newname, r);
}

void mf_ll_unlink(fuse_req_t req, fuse_ino_t parent, const char *name)
{
	struct micafuse *mf = mf_of(req);

	if (name_check(mf, req, mf->fs->fdr_unlink) != 0)
		return;
	mf_reply_err(mf, req, mf->fs->fdr_unlink(mf_to_fs_ino(mf, parent),
	    name));
}

void mf_ll_rmdir(fuse_req_t req, fuse_ino_t parent, const char *name)
{
	struct micafuse *mf = mf_of(req);

	if (name_check(mf, req, mf->fs->fdr_rmdir) != 0)
		return;
	mf_reply_err(mf, req, mf->fs->fdr_rmdir(mf_to_fs_ino(mf, parent),
	    name));
}

/* RENAME_NOREPLACE: OK if 'name' is free in 'dir', else -EEXIST/-errno. */
static int name_free(struct micafuse *mf, ino_t dir, const char *name)
{
	struct fsdriver_node node;
	int r;

	if (mf->fs->fdr_lookup == NULL)
		return -ENOSYS;
	r = mf->fs->fdr_lookup(dir, name, &node);
	if (r == -ENOENT)
		return OK;
	if (r != OK)
		return r;
	if (mf->fs->fdr_putnode != NULL)
		mf->fs->fdr_putnode(node.fn_ino_nr, 1);
	return -EEXIST;
}

void mf_ll_rename(fuse_req_t req, fuse_ino_t parent, const char *name,
    fuse_ino_t newparent, const char *newname, unsigned int flags)
{
	struct micafuse *mf = mf_of(req);
	ino_t odir = mf_to_fs_ino(mf, parent);
	ino_t ndir = mf_to_fs_ino(mf, newparent);
	int r = OK;

	if (name_check(mf, req, mf->fs->fdr_rename) != 0)
		return;
	if (flags & ~(unsigned int)RENAME_NOREPLACE) {
		mf_reply_err(mf, req, -EINVAL);	/* RENAME_EXCHANGE etc. */
		return;
	}
	if (flags & RENAME_NOREPLACE)
		r = name_free(mf, ndir, newname);
	if (r == OK)
		r = mf->fs->fdr_rename(odir, name, ndir, newname);
	mf_reply_err(mf, req, r);
}

void mf_ll_readlink(fuse_req_t req, fuse_ino_t ino)
{
	struct micafuse *mf = mf_of(req);
	struct fsdriver_data data;
	char buf[PATH_MAX + 1];
	ssize_t n;

	if (mf->fs->fdr_rdlink == NULL) {
		mf_reply_err(mf, req, -ENOSYS);
		return;
	}
	fsdriver_data_mem(&data, buf, PATH_MAX);
	n = mf->fs->fdr_rdlink(mf_to_fs_ino(mf, ino), &data, PATH_MAX);
	if (n > PATH_MAX)
		n = -EIO;
	if (n < 0) {
		mf_reply_err(mf, req, (int)n);
		return;
	}
	buf[n] = '\0';
	mf_postcall(mf);
	fuse_reply_readlink(req, buf);
}
