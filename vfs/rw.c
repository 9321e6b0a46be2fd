/*
 * rw.c - data calls: read, write, pread, pwrite, lseek, getdents, truncate,
 * ftruncate.  Regular files and directories go to their server with an
 * indirect grant on the caller's buffer; character devices to dev.c.
 * O_APPEND writes at the size the server reports (one VFS request at a
 * time, so no other write comes between).  A node VM maps is kept
 * coherent with the mappings around each transfer (mmap.c).
 */
#include "vfs.h"

#define POS_MAX 0x7fffffffffffffffull

/* Check the descriptor for a transfer of the given direction. */
static int rw_filp(struct vfs_call *c, int fd, int write, struct filp **f)
{
	int r, acc;

	if ((r = fd_get(c->fp, fd, f)) != OK)
		return r;
	acc = (*f)->flags & MICA_O_ACCMODE;
	if (write ? acc == MICA_O_RDONLY : acc == MICA_O_WRONLY)
		return -EBADF;
	return OK;
}

/* The server's idea of the node (stat), for sizes and attributes. */
int vfs_getattr(struct vnode *vp)
{
	struct mica_stat st;
	cp_grant_id_t g;
	int r;

	g = cpf_grant_direct(vp->vmnt->fs, (vir_bytes)&st, sizeof(st), CPF_WRITE);
	if (g < 0)
		return -ENOMEM;
	r = req_stat(vp, SELF, g);
	cpf_revoke(g);
	if (r == OK) {
		vp->mode = st.st_mode;
		vp->uid = st.st_uid;
		vp->gid = st.st_gid;
		vp->size = st.st_size;
	}
	return r;
}

static int file_io(struct vfs_call *c, struct filp *f, int write, u64_t pos,
	int move, cp_grant_id_t g, u32_t count)
{
	struct vnode *vp = f->vp;
	u64_t newpos;
	int r;

	if (S_ISTYPE(vp->mode, MICA_S_IFCHR))
		return dev_io(c, f, write, g, count);
	if (S_ISTYPE(vp->mode, MICA_S_IFIFO))
		return pipe_io(c, f, write, g, count);
	if (S_ISTYPE(vp->mode, MICA_S_IFBLK)) {
		mmap_sync(vp);
		r = blk_io(c, f, write, pos, move, g, count);
		if (r > 0 && write)
			mmap_refresh(vp, pos, r);
		return r;
	}
	if (S_ISTYPE(vp->mode, MICA_S_IFDIR))
		return -EISDIR;
	if (!S_ISTYPE(vp->mode, MICA_S_IFREG))
		return -ENXIO;
	if (count > FS_MAX_BYTES)
		return -EINVAL;
	if (write && move && (f->flags & MICA_O_APPEND)) {
		if ((r = vfs_getattr(vp)) != OK)
			return r;
		pos = vp->size;
	}
	if (count == 0)
		return 0;
	if (pos > POS_MAX - count)
		return write ? -EFBIG : 0;
	mmap_sync(vp);
	r = req_io(write ? FS_WRITE : FS_READ, vp, pos, c->who, g, count, &newpos);
	if (r > 0 && write)
		mmap_refresh(vp, pos, r);
	if (r > 0 && move)
		f->pos = newpos;
	if (r > 0 && write && newpos > vp->size)
		vp->size = newpos;
	return r;
}

static int do_rw(struct vfs_call *c, int write, int positional)
{
	const mess_lc_vfs_io *q = &c->m->m_lc_vfs_io;
	struct filp *f;
	int r;

	if ((r = rw_filp(c, q->fd, write, &f)) != OK)
		return r;
	if (c->fp->file_maps && (S_ISTYPE(f->vp->mode, MICA_S_IFREG) ||
	    S_ISTYPE(f->vp->mode, MICA_S_IFBLK)))
		mmap_prefault(c->who, q->buf, q->count, !write);
	if (positional) {
		if (q->pos < 0)
			return -EINVAL;
		if (!S_ISTYPE(f->vp->mode, MICA_S_IFREG) &&
		    !S_ISTYPE(f->vp->mode, MICA_S_IFBLK))
			return S_ISTYPE(f->vp->mode, MICA_S_IFDIR) ? -EISDIR : -ESPIPE;
		return file_io(c, f, write, q->pos, 0, q->grant, q->count);
	}
	return file_io(c, f, write, f->pos, 1, q->grant, q->count);
}

int do_read(struct vfs_call *c) { return do_rw(c, 0, 0); }
int do_write(struct vfs_call *c) { return do_rw(c, 1, 0); }
int do_pread(struct vfs_call *c) { return do_rw(c, 0, 1); }
int do_pwrite(struct vfs_call *c) { return do_rw(c, 1, 1); }

int do_lseek(struct vfs_call *c)
{
	mess_lc_vfs_lseek *q = &c->m->m_lc_vfs_lseek;
	struct filp *f;
	i64_t base;
	int r;

	if ((r = fd_get(c->fp, q->fd, &f)) != OK)
		return r;
	if (S_ISTYPE(f->vp->mode, MICA_S_IFIFO))
		return -ESPIPE;
	switch (q->whence) {
	case MICA_SEEK_SET: base = 0; break;
	case MICA_SEEK_CUR: base = f->pos; break;
	case MICA_SEEK_END:
		if (S_ISTYPE(f->vp->mode, MICA_S_IFBLK)) {
			u64_t size;
			if ((r = blk_size(f, &size)) != OK)
				return r;
			if (size > POS_MAX)
				return -EOVERFLOW;
			base = (i64_t)size;
			break;
		}
		if ((r = vfs_getattr(f->vp)) != OK)
			return r;
		base = f->vp->size;
		break;
	default: return -EINVAL;
	}
	if ((q->offset > 0 && base > (i64_t)POS_MAX - q->offset) ||
	    base + q->offset < 0)
		return q->offset > 0 ? -EOVERFLOW : -EINVAL;
	f->pos = base + q->offset;
	q->offset = f->pos;
	return OK;
}

int do_getdents(struct vfs_call *c)
{
	const mess_lc_vfs_io *q = &c->m->m_lc_vfs_io;
	struct filp *f;
	u64_t newpos;
	int r;

	if ((r = rw_filp(c, q->fd, 0, &f)) != OK)
		return r;
	if (!S_ISTYPE(f->vp->mode, MICA_S_IFDIR))
		return -ENOTDIR;
	if (q->count == 0 || q->count > FS_MAX_BYTES)
		return -EINVAL;
	r = req_io(FS_GETDENTS, f->vp, f->pos, c->who, q->grant, q->count, &newpos);
	if (r > 0)
		f->pos = newpos;
	return r;
}

static int trunc_node(struct fproc *fp, struct vnode *vp, u64_t len, int check)
{
	int r;

	if (S_ISTYPE(vp->mode, MICA_S_IFDIR))
		return -EISDIR;
	if (!S_ISTYPE(vp->mode, MICA_S_IFREG))
		return -EINVAL;
	if (len > POS_MAX)
		return -EFBIG;
	if (check && (r = perm_check(fp, vp, MICA_W_OK)) != OK)
		return r;
	if (perm_rdonly(vp))
		return -EROFS;
	mmap_sync(vp);
	if ((r = req_trunc(vp, len)) == OK) {
		vp->size = len;
		mmap_trunc(vp, len);
	}
	return r;
}

int do_truncate(struct vfs_call *c)
{
	const mess_lc_vfs_path *q = &c->m->m_lc_vfs_path;
	struct lookup l;
	int r;

	if ((r = path_user(c, q->path, q->path_len, 0, &l)) != OK)
		return r;
	r = trunc_node(c->fp, l.vp, q->length, 1);
	lookup_put(&l);
	return r;
}

int do_ftruncate(struct vfs_call *c)
{
	const mess_lc_vfs_fd *q = &c->m->m_lc_vfs_fd;
	struct filp *f;
	int r;

	if ((r = fd_get(c->fp, q->fd, &f)) != OK)
		return r;
	if ((f->flags & MICA_O_ACCMODE) == MICA_O_RDONLY)
		return S_ISTYPE(f->vp->mode, MICA_S_IFREG) ? -EBADF : -EINVAL;
	return trunc_node(c->fp, f->vp, q->length, 0);
}
