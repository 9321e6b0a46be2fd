/*
 * ll_node.c - FUSE handlers on inodes: lookup, forget, getattr, setattr,
 * statfs.
 *
 * setattr applies its parts in the order owner, mode, size, times: a chown
 * clears set-id bits, so a mode given in the same request must come after
 * it.  Time values use utimensat(2)'s UTIME_NOW/UTIME_OMIT.
 */
#include <errno.h>
#include <string.h>

#include "micafuse.h"

void mf_ll_lookup(fuse_req_t req, fuse_ino_t parent, const char *name)
{
	struct micafuse *mf = mf_of(req);

	mf_reply_lookup(mf, req, mf_to_fs_ino(mf, parent), name, 1);
}

/* Drop 'n' kernel references of FUSE inode 'ino'. */
static void node_forget(struct micafuse *mf, fuse_ino_t ino, uint64_t n)
{
	ino_t fsino = mf_to_fs_ino(mf, ino);

	if (mf->fs->fdr_putnode == NULL || !mf->mounted)
		return;
	while (n > 0) {
		unsigned int chunk = n > UINT32_MAX ? UINT32_MAX :
		    (unsigned int)n;

		mf->fs->fdr_putnode(fsino, chunk);
		n -= chunk;
	}
}

void mf_ll_forget(fuse_req_t req, fuse_ino_t ino, uint64_t nlookup)
{
	struct micafuse *mf = mf_of(req);

	node_forget(mf, ino, nlookup);
	mf_postcall(mf);
	fuse_reply_none(req);
}

void mf_ll_forget_multi(fuse_req_t req, size_t count,
    struct fuse_forget_data *forgets)
{
	struct micafuse *mf = mf_of(req);
	size_t i;

	for (i = 0; i < count; i++)
		node_forget(mf, forgets[i].ino, forgets[i].nlookup);
	mf_postcall(mf);
	fuse_reply_none(req);
}

/* Reply with the attributes of fs inode 'ino'. */
static void node_reply_attr(struct micafuse *mf, fuse_req_t req, ino_t ino)
{
	struct stat st;
	int r;

	r = mf_stat(mf, ino, &st);
	if (r != OK) {
		mf_reply_err(mf, req, r);
		return;
	}
	mf_postcall(mf);
	fuse_reply_attr(req, &st, MF_TIMEOUT);
}

void mf_ll_getattr(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	struct micafuse *mf = mf_of(req);

	(void)fi;
	node_reply_attr(mf, req, mf_to_fs_ino(mf, ino));
}

/* One time of a setattr, as utimensat(2) wants it. */
static void node_time(struct timespec *ts, const struct timespec *val,
    int to_set, int set_bit, int now_bit)
{
	ts->tv_sec = 0;
	if (to_set & now_bit)
		ts->tv_nsec = UTIME_NOW;
	else if (to_set & set_bit)
		*ts = *val;
	else
		ts->tv_nsec = UTIME_OMIT;
}

/* Owner and mode parts of a setattr. */
static int node_set_owner_mode(struct micafuse *mf, ino_t ino,
    const struct stat *attr, int to_set)
{
	const struct fsdriver *fs = mf->fs;
	mode_t mode;
	int r;

	if (to_set & (FUSE_SET_ATTR_UID | FUSE_SET_ATTR_GID)) {
		if ((r = mf_modify_ok(mf, fs->fdr_chown)) != OK)
			return r;
		r = fs->fdr_chown(ino,
		    (to_set & FUSE_SET_ATTR_UID) ? attr->st_uid : (uid_t)-1,
		    (to_set & FUSE_SET_ATTR_GID) ? attr->st_gid : (gid_t)-1,
		    &mode);
		if (r != OK)
			return r;
	}
	if (to_set & FUSE_SET_ATTR_MODE) {
		if ((r = mf_modify_ok(mf, fs->fdr_chmod)) != OK)
			return r;
		mode = attr->st_mode & 07777;
		r = fs->fdr_chmod(ino, &mode);
		if (r != OK)
			return r;
	}
	return OK;
}

/* Size and time parts of a setattr. */
static int node_set_size_times(struct micafuse *mf, ino_t ino,
    const struct stat *attr, int to_set)
{
	const struct fsdriver *fs = mf->fs;
	const int times = FUSE_SET_ATTR_ATIME | FUSE_SET_ATTR_ATIME_NOW |
	    FUSE_SET_ATTR_MTIME | FUSE_SET_ATTR_MTIME_NOW;
	struct timespec at, mt;
	int r;

	if (to_set & FUSE_SET_ATTR_SIZE) {
		if ((r = mf_modify_ok(mf, fs->fdr_trunc)) != OK)
			return r;
		if (attr->st_size < 0)
			return -EINVAL;
		r = fs->fdr_trunc(ino, attr->st_size, 0);
		if (r != OK)
			return r;
	}
	if (to_set & times) {
		if ((r = mf_modify_ok(mf, fs->fdr_utime)) != OK)
			return r;
		node_time(&at, &attr->st_atim, to_set, FUSE_SET_ATTR_ATIME,
		    FUSE_SET_ATTR_ATIME_NOW);
		node_time(&mt, &attr->st_mtim, to_set, FUSE_SET_ATTR_MTIME,
		    FUSE_SET_ATTR_MTIME_NOW);
		return fs->fdr_utime(ino, &at, &mt);
	}
	return OK;
}

void mf_ll_setattr(fuse_req_t req, fuse_ino_t ino, struct stat *attr,
    int to_set, struct fuse_file_info *fi)
{
	struct micafuse *mf = mf_of(req);
	ino_t fsino = mf_to_fs_ino(mf, ino);
	int r;

	(void)fi;
	if (mf->rdonly) {
		mf_reply_err(mf, req, -EROFS);
		return;
	}
	r = node_set_owner_mode(mf, fsino, attr, to_set);
	if (r == OK)
		r = node_set_size_times(mf, fsino, attr, to_set);
	if (r != OK) {
		mf_reply_err(mf, req, r);
		return;
	}
	node_reply_attr(mf, req, fsino);
}

void mf_ll_statfs(fuse_req_t req, fuse_ino_t ino)
{
	struct micafuse *mf = mf_of(req);
	struct statvfs st;
	int r;

	(void)ino;
	if (mf->fs->fdr_statvfs == NULL) {
		mf_reply_err(mf, req, -ENOSYS);
		return;
	}
	memset(&st, 0, sizeof(st));
	r = mf->fs->fdr_statvfs(&st);
	if (r != OK) {
		mf_reply_err(mf, req, r);
		return;
	}
	mf_postcall(mf);
	fuse_reply_statfs(req, &st);
}
