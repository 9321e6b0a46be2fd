/*
 * table.c - the fsdriver table of a virtual tree: lookup, putnode, stat,
 * statvfs, read, getdents, rdlink over tree.c and gen.c.  No modifying
 * entry: the front end answers EROFS (fsdriver.h).
 */
#include <string.h>
#include <sys/statvfs.h>

#include <mica/dirent.h>
#include "vtree_priv.h"

static struct timespec vtree_mounted;	/* every node's times */

static void node_out(const struct vtree_node *n, struct fsdriver_node *fn)
{
	memset(fn, 0, sizeof(*fn));
	fn->fn_ino_nr = vtree_ino(n);
	fn->fn_mode = n->vn_mode;
	fn->fn_uid = n->vn_uid;
	fn->fn_gid = n->vn_gid;
}

/* A held node that is still in the tree. */
static int node_live(ino_t ino, struct vtree_node **out)
{
	struct vtree_node *n = vtree_by_ino(ino);

	if (n == NULL)
		return -EINVAL;
	if (vtree_detached(n))
		return -ENOENT;
	*out = n;
	return OK;
}

static int refresh(struct vtree_node *dir)
{
	if (dir->vn_ops == NULL || dir->vn_ops->vt_refresh == NULL)
		return OK;
	return dir->vn_ops->vt_refresh(dir);
}

static int vt_mount(dev_t dev, unsigned int flags, struct fsdriver_node *rn,
    unsigned int *res_flags)
{
	struct vtree_node *root = vtree_root();

	(void)dev, (void)flags;
	if (root == NULL)
		return -EINVAL;
	fsdriver_gettime(&vtree_mounted);
	root->vn_refs++;
	node_out(root, rn);
	*res_flags |= FSDRIVER_RES_RDONLY;
	return OK;
}

static int vt_unmount(void)
{
	return OK;
}

static int vt_statvfs(struct statvfs *st)
{
	st->f_bsize = st->f_frsize = 4096;
	st->f_files = vtree_pool_size();
	st->f_ffree = st->f_favail = vtree_pool_size() - vtree_used();
	st->f_flag = ST_RDONLY;
	st->f_namemax = VTREE_NAME_MAX;
	return OK;
}

static int vt_lookup(ino_t dir_nr, const char *name, struct fsdriver_node *fn)
{
	struct vtree_node *dir, *n;
	int r;

	if ((r = node_live(dir_nr, &dir)) != OK)
		return r;
	if (!S_ISDIR(dir->vn_mode))
		return -ENOTDIR;
	if (strcmp(name, ".") == 0)
		n = dir;
	else if (strcmp(name, "..") == 0)
		n = dir->vn_parent;
	else {
		if ((r = refresh(dir)) != OK)
			return r;
		if (vtree_detached(dir))	/* the refresh removed it */
			return -ENOENT;
		if ((n = vtree_find(dir, name)) == NULL)
			return -ENOENT;
	}
	n->vn_refs++;
	node_out(n, fn);
	return OK;
}

static int vt_putnode(ino_t ino, unsigned int count)
{
	struct vtree_node *n = vtree_by_ino(ino);

	if (n == NULL || count == 0 || count > n->vn_refs) {
		fsdriver_log("vtreefs: putnode %llu x%u: not held",
		    (unsigned long long)ino, count);
		return -EINVAL;
	}
	n->vn_refs -= count;
	if (n->vn_refs == 0 && vtree_detached(n))
		vtree_release(n);
	return OK;
}

static int vt_stat(ino_t ino, struct stat *st)
{
	struct vtree_node *n = vtree_by_ino(ino);
	const char *data;
	size_t len;

	if (n == NULL)
		return -EINVAL;
	st->st_mode = n->vn_mode;
	st->st_nlink = S_ISDIR(n->vn_mode) ? 2 : 1;
	st->st_uid = n->vn_uid;
	st->st_gid = n->vn_gid;
	st->st_blksize = 4096;
	st->st_atim = st->st_mtim = st->st_ctim = vtree_mounted;
	if (S_ISLNK(n->vn_mode) && !vtree_detached(n) &&
	    vtree_content(n, 1, &data, &len) == OK)
		st->st_size = (off_t)len;
	return OK;
}

static ssize_t vt_read(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t pos)
{
	struct vtree_node *n;
	const char *text;
	size_t len;
	int r;

	if ((r = node_live(ino, &n)) != OK)
		return r;
	if (S_ISDIR(n->vn_mode))
		return -EISDIR;
	if (!S_ISREG(n->vn_mode) || pos < 0)
		return -EINVAL;
	if ((r = vtree_content(n, pos == 0, &text, &len)) != OK)
		return r;
	if ((uint64_t)pos >= len)
		return 0;
	if (bytes > len - (size_t)pos)
		bytes = len - (size_t)pos;
	if ((r = fsdriver_copyout(data, 0, text + pos, bytes)) != OK)
		return r;
	return (ssize_t)bytes;
}

static ssize_t vt_rdlink(ino_t ino, struct fsdriver_data *data, size_t bytes)
{
	struct vtree_node *n;
	const char *text;
	size_t len;
	int r;

	if ((r = node_live(ino, &n)) != OK)
		return r;
	if (!S_ISLNK(n->vn_mode))
		return -EINVAL;
	if ((r = vtree_content(n, 1, &text, &len)) != OK)
		return r;
	if (len > bytes)
		len = bytes;
	if ((r = fsdriver_copyout(data, 0, text, len)) != OK)
		return r;
	return (ssize_t)len;
}

/* Positions: 0 ".", 1 "..", then "resume at the first child whose
 * sequence number is at least pos" (vtreefs.h). */
static ssize_t vt_getdents(ino_t ino, struct fsdriver_data *data,
    size_t bytes, off_t *pos)
{
	char stage[1024];
	struct fsdriver_dentry d;
	struct vtree_node *dir, *c;
	ssize_t n;
	int r = 1;

	if ((r = node_live(ino, &dir)) != OK)
		return r;
	if (!S_ISDIR(dir->vn_mode))
		return -ENOTDIR;
	if (*pos < 0)
		return -EINVAL;
	if (*pos == 0 && (r = refresh(dir)) != OK)
		return r;
	if (vtree_detached(dir))
		return -ENOENT;
	fsdriver_dentry_init(&d, data, bytes, stage, sizeof(stage));
	r = 1;
	if (*pos == 0) {
		if ((r = fsdriver_dentry_add(&d, vtree_ino(dir), ".", 1, fsdriver_mode_dtype(S_IFDIR),
		    1)) > 0)
			*pos = 1;
	}
	if (r > 0 && *pos == 1) {
		if ((r = fsdriver_dentry_add(&d, vtree_ino(dir->vn_parent), "..",
		    2, fsdriver_mode_dtype(S_IFDIR), VTREE_SEQ_FIRST)) > 0)
			*pos = VTREE_SEQ_FIRST;
	}
	for (c = dir->vn_child; r > 0 && c != NULL; c = c->vn_next) {
		if ((off_t)c->vn_seq < *pos)
			continue;
		r = fsdriver_dentry_add(&d, vtree_ino(c), c->vn_name,
		    strlen(c->vn_name), fsdriver_mode_dtype(c->vn_mode),
		    (off_t)c->vn_seq + 1);
		if (r > 0)
			*pos = (off_t)c->vn_seq + 1;
	}
	if (r < 0)
		return r;
	n = fsdriver_dentry_finish(&d);
	if (n == 0 && r == 0)
		return -EINVAL;		/* not even one entry fits */
	return n;
}

const struct fsdriver vtree_table = {
	.fdr_mount	= vt_mount,
	.fdr_unmount	= vt_unmount,
	.fdr_statvfs	= vt_statvfs,
	.fdr_lookup	= vt_lookup,
	.fdr_putnode	= vt_putnode,
	.fdr_stat	= vt_stat,
	.fdr_read	= vt_read,
	.fdr_getdents	= vt_getdents,
	.fdr_rdlink	= vt_rdlink,
};
