/*
 * os_node.c - requests about one node: lookup, putnode, newnode, stat,
 * chown, chmod, utime, trunc.  Decode and check, call the entry, reply.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "os_priv.h"
#include "os_calls.h"

#define OS_NSEC_MAX	999999999L

int os_lookup(const struct os_req *rq)
{
	mess_vfs_fs_name q = rq->m->m_fs_name;
	char name[FS_NAME_MAX + 1];
	struct fsdriver_node node;
	ino_t dir;
	int r;

	if ((r = os_ino(q.dir, &dir)) != OK ||
	    (r = os_name(rq, &q.name, name, 1)) != OK)
		return r;
	memset(&node, 0, sizeof node);
	if ((r = rq->fdp->fdr_lookup(dir, name, &node)) == OK)
		os_node_reply(rq->m, &node);
	return r;
}

int os_putnode(const struct os_req *rq)
{
	mess_vfs_fs_putnode q = rq->m->m_fs_putnode;
	ino_t ino;
	int r;

	if ((r = os_ino(q.ino, &ino)) != OK)
		return r;
	if (q.count == 0)
		return -EINVAL;
	return rq->fdp->fdr_putnode(ino, q.count);
}

/* The mode, owner and device of a new node; EINVAL if one does not fit. */
int os_newattr(const mess_vfs_fs_create *q, mode_t *mode, uid_t *uid,
    gid_t *gid, dev_t *rdev)
{
	*mode = (mode_t)q->mode;
	*uid = (uid_t)q->uid;
	*gid = (gid_t)q->gid;
	if ((u32_t)*mode != q->mode || (u32_t)*uid != q->uid ||
	    (u32_t)*gid != q->gid || *uid == (uid_t)-1 || *gid == (gid_t)-1)
		return -EINVAL;
	return os_dev(q->rdev, rdev);
}

int os_newnode(const struct os_req *rq)
{
	mess_vfs_fs_create q = rq->m->m_fs_create;
	struct fsdriver_node node;
	mode_t mode;
	uid_t uid;
	gid_t gid;
	dev_t rdev;
	int r;

	if ((r = os_newattr(&q, &mode, &uid, &gid, &rdev)) != OK)
		return r;
	memset(&node, 0, sizeof node);
	if ((r = rq->fdp->fdr_newnode(mode, uid, gid, rdev, &node)) == OK)
		os_node_reply(rq->m, &node);
	return r;
}

/* The C library's stat, from the file system, in the wire form. */
static void os_stat_wire(const struct stat *st, ino_t ino,
    struct mica_stat *w)
{
	memset(w, 0, sizeof *w);
	w->st_dev = fsdriver_os_mnt.dev;
	w->st_ino = (u64_t)ino;
	w->st_mode = (u32_t)st->st_mode;
	w->st_nlink = (u32_t)st->st_nlink;
	w->st_uid = (u32_t)st->st_uid;
	w->st_gid = (u32_t)st->st_gid;
	w->st_rdev = (u64_t)st->st_rdev;
	w->st_size = (i64_t)st->st_size;
	w->st_blocks = (u64_t)st->st_blocks;
	w->st_blksize = (u32_t)st->st_blksize;
	w->st_atime_sec = (i64_t)st->st_atim.tv_sec;
	w->st_atime_nsec = (u32_t)st->st_atim.tv_nsec;
	w->st_mtime_sec = (i64_t)st->st_mtim.tv_sec;
	w->st_mtime_nsec = (u32_t)st->st_mtim.tv_nsec;
	w->st_ctime_sec = (i64_t)st->st_ctim.tv_sec;
	w->st_ctime_nsec = (u32_t)st->st_ctim.tv_nsec;
}

/* The grant receives a struct mica_stat (mica/ipc_lc.h), exactly. */
int os_stat(const struct os_req *rq)
{
	mess_vfs_fs_io q = rq->m->m_fs_io;
	struct fsdriver_data data;
	struct mica_stat w;
	struct stat st;
	ino_t ino;
	int r;

	if ((r = os_ino(q.ino, &ino)) != OK)
		return r;
	if (q.bytes != sizeof w)
		return -EINVAL;
	if ((r = os_data(rq, q.grant, q.bytes, &data)) != OK)
		return r;
	memset(&st, 0, sizeof st);
	if ((r = rq->fdp->fdr_stat(ino, &st)) != OK)
		return r;
	os_stat_wire(&st, ino, &w);
	return fsdriver_copyout(&data, 0, &w, sizeof w);
}

int os_chown(const struct os_req *rq)
{
	mess_vfs_fs_attr q = rq->m->m_fs_attr;
	uid_t uid = (uid_t)q.uid;
	gid_t gid = (gid_t)q.gid;
	mode_t mode = 0;
	ino_t ino;
	int r;

	if ((r = os_ino(q.ino, &ino)) != OK)
		return r;
	if ((q.uid != (u32_t)-1 && (u32_t)uid != q.uid) ||
	    (q.gid != (u32_t)-1 && (u32_t)gid != q.gid))
		return -EINVAL;
	if (q.uid == (u32_t)-1)
		uid = (uid_t)-1;
	if (q.gid == (u32_t)-1)
		gid = (gid_t)-1;
	if ((r = rq->fdp->fdr_chown(ino, uid, gid, &mode)) != OK)
		return r;
	memset(&rq->m->m_fs_mode, 0, sizeof rq->m->m_fs_mode);
	rq->m->m_fs_mode.mode = (u32_t)mode;
	return OK;
}

int os_chmod(const struct os_req *rq)
{
	mess_vfs_fs_attr q = rq->m->m_fs_attr;
	mode_t mode = (mode_t)q.mode;
	ino_t ino;
	int r;

	if ((r = os_ino(q.ino, &ino)) != OK)
		return r;
	if (q.mode & ~(u32_t)07777)
		return -EINVAL;
	if ((r = rq->fdp->fdr_chmod(ino, &mode)) != OK)
		return r;
	memset(&rq->m->m_fs_mode, 0, sizeof rq->m->m_fs_mode);
	rq->m->m_fs_mode.mode = (u32_t)mode;
	return OK;
}

/* One utimensat time: nsec in range or FS_UTIME_NOW/FS_UTIME_OMIT (the
 * C library's UTIME_NOW/UTIME_OMIT for the file system). */
static int os_time(i64_t sec, i32_t nsec, struct timespec *ts)
{
	ts->tv_sec = (time_t)sec;
	ts->tv_nsec = nsec;
	if (nsec == FS_UTIME_NOW || nsec == FS_UTIME_OMIT) {
		ts->tv_sec = 0;
		ts->tv_nsec = nsec == FS_UTIME_NOW ? UTIME_NOW : UTIME_OMIT;
		return OK;
	}
	if (nsec < 0 || nsec > OS_NSEC_MAX || (i64_t)ts->tv_sec != sec)
		return -EINVAL;
	return OK;
}

int os_utime(const struct os_req *rq)
{
	mess_vfs_fs_utime q = rq->m->m_fs_utime;
	struct timespec at, mt;
	ino_t ino;
	int r;

	if ((r = os_ino(q.ino, &ino)) != OK ||
	    (r = os_time(q.atime_sec, q.atime_nsec, &at)) != OK ||
	    (r = os_time(q.mtime_sec, q.mtime_nsec, &mt)) != OK)
		return r;
	return rq->fdp->fdr_utime(ino, &at, &mt);
}

int os_trunc(const struct os_req *rq)
{
	mess_vfs_fs_trunc q = rq->m->m_fs_trunc;
	off_t start, end;
	ino_t ino;
	int r;

	if ((r = os_ino(q.ino, &ino)) != OK ||
	    (r = os_off(q.start, 0, &start)) != OK ||
	    (r = os_off(q.end, 0, &end)) != OK)
		return r;
	if (q.end != 0 && q.end <= q.start)
		return -EINVAL;
	return rq->fdp->fdr_trunc(ino, start, end);
}
