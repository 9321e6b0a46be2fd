/*
 * ll_xattr.c - extended attributes, for file systems whose table has them.
 *
 * Without the table entry the reply is ENOSYS: the kernel then answers
 * EOPNOTSUPP (== ENOTSUP) itself from then on, without asking again, which
 * spares a round trip on every ls -l and cp -a.  A size of 0 asks for the
 * size needed (fuse_reply_xattr); otherwise the value goes out with
 * fuse_reply_buf, or ERANGE if it does not fit.  Changes on a read-only
 * mount are EROFS, whether or not the format has attributes.
 */
#include <errno.h>
#include <stddef.h>

#include "micafuse.h"

/* Reply to a get/list: 'n' bytes in 'buf', or the size if size == 0. */
static void xattr_reply(struct micafuse *mf, fuse_req_t req, ssize_t n,
    const char *buf, size_t size)
{
	if (size > 0 && n > (ssize_t)size)
		n = -EIO;
	if (n < 0) {
		mf_reply_err(mf, req, (int)n);
		return;
	}
	mf_postcall(mf);
	if (size == 0)
		fuse_reply_xattr(req, (size_t)n);
	else
		fuse_reply_buf(req, buf, (size_t)n);
}

/* getxattr (name != NULL) and listxattr (name == NULL): the same dance. */
static void xattr_fetch(fuse_req_t req, fuse_ino_t ino, const char *name,
    size_t size)
{
	struct micafuse *mf = mf_of(req);
	const struct fsdriver *fs = mf->fs;
	struct fsdriver_data data;
	char *buf = NULL;
	ssize_t n;

	if (name != NULL ? fs->fdr_getxattr == NULL :
	    fs->fdr_listxattr == NULL) {
		mf_reply_err(mf, req, -ENOSYS);
		return;
	}
	if (size > 0 && (buf = mf_iobuf(mf, size)) == NULL) {
		mf_reply_err(mf, req, -ENOMEM);
		return;
	}
	fsdriver_data_mem(&data, buf, size);
	if (name != NULL)
		n = fs->fdr_getxattr(mf_to_fs_ino(mf, ino), name, &data, size);
	else
		n = fs->fdr_listxattr(mf_to_fs_ino(mf, ino), &data, size);
	xattr_reply(mf, req, n, buf, size);
}

void mf_ll_getxattr(fuse_req_t req, fuse_ino_t ino, const char *name,
    size_t size)
{
	xattr_fetch(req, ino, name, size);
}

void mf_ll_listxattr(fuse_req_t req, fuse_ino_t ino, size_t size)
{
	xattr_fetch(req, ino, NULL, size);
}

void mf_ll_setxattr(fuse_req_t req, fuse_ino_t ino, const char *name,
    const char *value, size_t size, int flags)
{
	struct micafuse *mf = mf_of(req);
	struct fsdriver_data data;

	if (mf->rdonly || mf->fs->fdr_setxattr == NULL) {
		mf_reply_err(mf, req, mf->rdonly ? -EROFS : -ENOSYS);
		return;
	}
	fsdriver_data_mem(&data, (void *)value, size);
	mf_reply_err(mf, req, mf->fs->fdr_setxattr(mf_to_fs_ino(mf, ino),
	    name, &data, size, flags));
}

void mf_ll_removexattr(fuse_req_t req, fuse_ino_t ino, const char *name)
{
	struct micafuse *mf = mf_of(req);

	if (mf->rdonly || mf->fs->fdr_removexattr == NULL) {
		mf_reply_err(mf, req, mf->rdonly ? -EROFS : -ENOSYS);
		return;
	}
	mf_reply_err(mf, req, mf->fs->fdr_removexattr(mf_to_fs_ino(mf, ino),
	    name));
}
