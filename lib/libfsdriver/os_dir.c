/*
 * os_dir.c - requests that change a directory: create, mkdir, mknod,
 * link, unlink, rmdir, rename, slink.  Names are never "." or "..".
 */
#include <errno.h>
#include <string.h>

#include "os_priv.h"
#include "os_calls.h"

/* The directory and name of a create, mkdir or mknod, and the new node's
 * attributes. */
struct os_new {
	ino_t dir;
	char name[FS_NAME_MAX + 1];
	mode_t mode;
	uid_t uid;
	gid_t gid;
	dev_t rdev;
};

static int os_decode_new(const struct os_req *rq, struct os_new *n)
{
	mess_vfs_fs_create q = rq->m->m_fs_create;
	int r;

	if ((r = os_ino(q.dir, &n->dir)) != OK ||
	    (r = os_newattr(&q, &n->mode, &n->uid, &n->gid, &n->rdev)) != OK)
		return r;
	return os_name(rq, &q.name, n->name, 0);
}

int os_create(const struct os_req *rq)
{
	struct fsdriver_node node;
	struct os_new n;
	int r;

	if ((r = os_decode_new(rq, &n)) != OK)
		return r;
	memset(&node, 0, sizeof node);
	r = rq->fdp->fdr_create(n.dir, n.name, n.mode, n.uid, n.gid, &node);
	if (r == OK)
		os_node_reply(rq->m, &node);
	return r;
}

int os_mkdir(const struct os_req *rq)
{
	struct os_new n;
	int r;

	if ((r = os_decode_new(rq, &n)) != OK)
		return r;
	return rq->fdp->fdr_mkdir(n.dir, n.name, n.mode, n.uid, n.gid);
}

int os_mknod(const struct os_req *rq)
{
	struct os_new n;
	int r;

	if ((r = os_decode_new(rq, &n)) != OK)
		return r;
	return rq->fdp->fdr_mknod(n.dir, n.name, n.mode, n.uid, n.gid, n.rdev);
}

/* The directory and name of a link, unlink or rmdir. */
static int os_decode_name(const struct os_req *rq, ino_t *dir, char *name)
{
	mess_vfs_fs_name q = rq->m->m_fs_name;
	int r;

	if ((r = os_ino(q.dir, dir)) != OK)
		return r;
	return os_name(rq, &q.name, name, 0);
}

int os_link(const struct os_req *rq)
{
	char name[FS_NAME_MAX + 1];
	ino_t dir, ino;
	int r;

	if ((r = os_ino(rq->m->m_fs_name.ino, &ino)) != OK ||
	    (r = os_decode_name(rq, &dir, name)) != OK)
		return r;
	return rq->fdp->fdr_link(dir, name, ino);
}

int os_unlink(const struct os_req *rq)
{
	char name[FS_NAME_MAX + 1];
	ino_t dir;
	int r;

	if ((r = os_decode_name(rq, &dir, name)) != OK)
		return r;
	return rq->fdp->fdr_unlink(dir, name);
}

int os_rmdir(const struct os_req *rq)
{
	char name[FS_NAME_MAX + 1];
	ino_t dir;
	int r;

	if ((r = os_decode_name(rq, &dir, name)) != OK)
		return r;
	return rq->fdp->fdr_rmdir(dir, name);
}

int os_rename(const struct os_req *rq)
{
	mess_vfs_fs_rename q = rq->m->m_fs_rename;
	char old_name[FS_NAME_MAX + 1], new_name[FS_NAME_MAX + 1];
	ino_t old_dir, new_dir;
	int r;

	if ((r = os_ino(q.old_dir, &old_dir)) != OK ||
	    (r = os_ino(q.new_dir, &new_dir)) != OK ||
	    (r = os_name(rq, &q.old_name, old_name, 0)) != OK ||
	    (r = os_name(rq, &q.new_name, new_name, 0)) != OK)
		return r;
	return rq->fdp->fdr_rename(old_dir, old_name, new_dir, new_name);
}

int os_slink(const struct os_req *rq)
{
	mess_vfs_fs_slink q = rq->m->m_fs_slink;
	char name[FS_NAME_MAX + 1];
	struct fsdriver_data data;
	uid_t uid = (uid_t)q.uid;
	gid_t gid = (gid_t)q.gid;
	ino_t dir;
	int r;

	if ((r = os_ino(q.dir, &dir)) != OK)
		return r;
	if ((u32_t)uid != q.uid || (u32_t)gid != q.gid || q.target_len == 0)
		return -EINVAL;
	if ((r = os_data(rq, q.target, q.target_len, &data)) != OK ||
	    (r = os_name(rq, &q.name, name, 0)) != OK)
		return r;
	return rq->fdp->fdr_slink(dir, name, uid, gid, &data, data.fd_size);
}
