/*
 * ll_reply.c - what every FUSE handler shares: the state, error replies,
 * entry replies with their reference counting, and a scratch buffer.
 *
 * Reference rule: the fs hands out one reference per node it returns
 * (lookup, create); an entry reply passes that reference to the kernel,
 * which gives it back with forget.  If the reply does not reach the kernel
 * (interrupted request), the reference goes straight back to the fs.
 *
 * Negative entries are cached by the kernel for MF_TIMEOUT: correct, since
 * every change to the image comes through this mount.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "micafuse.h"

struct micafuse *mf_of(fuse_req_t req)
{
	return fuse_req_userdata(req);
}

/* The table's per-request hook (e.g. a sync mount flushing). */
void mf_postcall(struct micafuse *mf)
{
	if (mf->fs->fdr_postcall != NULL)
		mf->fs->fdr_postcall();
}

/* May a modifying entry be called?  OK, or -EROFS on a read-only mount
 * or when the entry is NULL (a read-only format, fsdriver.h). */
int mf_modify_ok(const struct micafuse *mf, const void *entry)
{
	return mf->rdonly || entry == NULL ? -EROFS : OK;
}

/* Reply with a negative errno from the fs (OK -> success). */
void mf_reply_err(struct micafuse *mf, fuse_req_t req, int r)
{
	mf_postcall(mf);
	fuse_reply_err(req, r < 0 ? -r : r);
}

static void reply_putnode(struct micafuse *mf, ino_t ino)
{
	if (mf->fs->fdr_putnode != NULL)
		mf->fs->fdr_putnode(ino, 1);
}

/* Entry (or create) reply for fs node 'ino', whose reference we hold. */
void mf_reply_node(struct micafuse *mf, fuse_req_t req, ino_t ino,
    struct fuse_file_info *fi)
{
	struct fuse_entry_param e;
	int r;

	memset(&e, 0, sizeof(e));
	r = mf_stat(mf, ino, &e.attr);
	if (r != OK) {
		reply_putnode(mf, ino);
		mf_reply_err(mf, req, r);
		return;
	}
	e.ino = mf_to_fuse_ino(mf, ino);
	e.attr_timeout = MF_TIMEOUT;
	e.entry_timeout = MF_TIMEOUT;
	mf_postcall(mf);
	if (fi != NULL) {
		fi->keep_cache = 1;
		fi->noflush = 1;
		r = fuse_reply_create(req, &e, fi);
	} else {
		r = fuse_reply_entry(req, &e);
	}
	if (r != 0)
		reply_putnode(mf, ino);
}

/* Look 'name' up in fs directory 'dir' and reply with the entry. */
void mf_reply_lookup(struct micafuse *mf, fuse_req_t req, ino_t dir,
    const char *name, int negative)
{
	struct fsdriver_node node;
	struct fuse_entry_param e;
	int r;

	if (mf->fs->fdr_lookup == NULL) {
		mf_reply_err(mf, req, -ENOSYS);
		return;
	}
	r = mf->fs->fdr_lookup(dir, name, &node);
	if (r == -ENOENT && negative) {
		memset(&e, 0, sizeof(e));
		e.entry_timeout = MF_TIMEOUT;
		mf_postcall(mf);
		fuse_reply_entry(req, &e);
		return;
	}
	if (r != OK) {
		mf_reply_err(mf, req, r);
		return;
	}
	mf_reply_node(mf, req, node.fn_ino_nr, NULL);
}

/* Scratch buffer of at least 'size' bytes (single-threaded), or NULL. */
char *mf_iobuf(struct micafuse *mf, size_t size)
{
	char *p;

	if (size <= mf->iobuf_size)
		return mf->iobuf;
	p = realloc(mf->iobuf, size);
	if (p == NULL)
		return NULL;
	mf->iobuf = p;
	mf->iobuf_size = size;
	return p;
}
