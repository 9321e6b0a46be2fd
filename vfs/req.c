/*
 * req.c - requests to file-system servers (mica/vfsif.h), one function per
 * request.  Names go by a grant on VFS's own copy; user buffers by an
 * indirect grant on the user's grant, so the server copies straight to or
 * from the user.  A server that does not answer (crashed, gone) marks its
 * mount dead: this request and every later one on it fail with EIO, the
 * caller never hangs (the kernel fails a sendrec to a dead endpoint).
 */
#include "vfs.h"

static int fs_call(struct vmnt *vm, int type, message *m)
{
	int r;

	if (vm->dead)
		return -EIO;
	m->m_type = type;
	if ((r = ipc_sendrec(vm->fs, m)) != OK) {
		printf("vfs: %s (%d) did not answer request 0x%x: %d\n",
			vm->label, vm->fs, type, r);
		vm->dead = 1;
		return -EIO;
	}
	return m->m_type;
}

static int name_grant(struct vmnt *vm, const char *name, struct fs_name *n)
{
	n->len = strlen(name);
	n->grant = cpf_grant_direct(vm->fs, (vir_bytes)name, n->len, CPF_READ);
	return n->grant < 0 ? -ENOMEM : OK;
}

int req_lookup(struct vnode *dir, const char *name, mess_fs_vfs_node *res)
{
	message m;
	cp_grant_id_t ng;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_fs_name.dir = dir->ino;
	if ((r = name_grant(dir->vmnt, name, &m.m_fs_name.name)) != OK)
		return r;
	ng = m.m_fs_name.name.grant;
	r = fs_call(dir->vmnt, FS_LOOKUP, &m);
	cpf_revoke(ng);
	if (r == OK)
		*res = m.m_fs_node;
	return r;
}

int req_putnode(struct vmnt *vm, u64_t ino, u32_t count)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_fs_putnode.ino = ino;
	m.m_fs_putnode.count = count;
	return fs_call(vm, FS_PUTNODE, &m);
}

static int create_call(int type, struct vnode *dir, const char *name,
	u32_t mode, u32_t uid, u32_t gid, u32_t rdev, mess_fs_vfs_node *res)
{
	message m;
	cp_grant_id_t ng;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_fs_create.dir = dir->ino;
	m.m_fs_create.mode = mode;
	m.m_fs_create.uid = uid;
	m.m_fs_create.gid = gid;
	m.m_fs_create.rdev = rdev;
	if ((r = name_grant(dir->vmnt, name, &m.m_fs_create.name)) != OK)
		return r;
	ng = m.m_fs_create.name.grant;
	r = fs_call(dir->vmnt, type, &m);
	cpf_revoke(ng);
	if (r == OK && res)
		*res = m.m_fs_node;
	return r;
}

int req_create(struct vnode *dir, const char *name, u32_t mode, u32_t uid,
	u32_t gid, mess_fs_vfs_node *res)
{
	return create_call(FS_CREATE, dir, name, mode, uid, gid, 0, res);
}

int req_mkdir(struct vnode *dir, const char *name, u32_t mode, u32_t uid,
	u32_t gid)
{
	return create_call(FS_MKDIR, dir, name, mode, uid, gid, 0, NULL);
}

int req_mknod(struct vnode *dir, const char *name, u32_t mode, u32_t uid,
	u32_t gid, u32_t rdev)
{
	return create_call(FS_MKNOD, dir, name, mode, uid, gid, rdev, NULL);
}

/* An FS_* transfer on a user's grant from byte off (or on VFS's own
 * grant when who is SELF). */
static int io_call_off(struct vmnt *vm, int op, u64_t ino, u64_t pos,
	endpoint_t who, cp_grant_id_t g, u32_t off, u32_t bytes, message *m)
{
	cp_grant_id_t ig = -1;
	int r, access = (op == FS_WRITE || op == FS_BWRITE) ? CPF_READ : CPF_WRITE;

	memset(m, 0, sizeof(*m));
	m->m_fs_io.ino = ino;
	m->m_fs_io.pos = pos;
	m->m_fs_io.bytes = bytes;
	m->m_fs_io.grant = -1;
	if (bytes > 0) {
		ig = who == SELF ? g : cpf_grant_indirect(vm->fs, who, g, off,
			bytes, access);
		if (ig < 0)
			return -ENOMEM;
		m->m_fs_io.grant = ig;
	}
	r = fs_call(vm, op, m);
	if (ig >= 0 && who != SELF)
		cpf_revoke(ig);
	return r;
}

static int io_call(struct vmnt *vm, int op, u64_t ino, u64_t pos,
	endpoint_t who, cp_grant_id_t g, u32_t bytes, message *m)
{
	return io_call_off(vm, op, ino, pos, who, g, 0, bytes, m);
}

int req_io_off(int op, struct vnode *vp, endpoint_t who, cp_grant_id_t g,
	u32_t off, u32_t bytes)
{
	message m;

	return io_call_off(vp->vmnt, op, vp->ino, 0, who, g, off, bytes, &m);
}

int req_newnode(struct vmnt *vm, u32_t mode, u32_t uid, u32_t gid,
	mess_fs_vfs_node *res)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_fs_create.mode = mode;
	m.m_fs_create.uid = uid;
	m.m_fs_create.gid = gid;
	m.m_fs_create.name.grant = -1;
	if ((r = fs_call(vm, FS_NEWNODE, &m)) == OK)
		*res = m.m_fs_node;
	return r;
}

int req_io(int op, struct vnode *vp, u64_t pos, endpoint_t who,
	cp_grant_id_t g, u32_t bytes, u64_t *newpos)
{
	message m;
	int r = io_call(vp->vmnt, op, vp->ino, pos, who, g, bytes, &m);

	if (r >= 0 && newpos)
		*newpos = op == FS_GETDENTS ? m.m_fs_pos.pos : pos + r;
	return r;
}

int req_stat(struct vnode *vp, endpoint_t who, cp_grant_id_t g)
{
	message m;

	return io_call(vp->vmnt, FS_STAT, vp->ino, 0, who, g,
		sizeof(struct mica_stat), &m);
}

int req_statvfs(struct vmnt *vm, endpoint_t who, cp_grant_id_t g)
{
	message m;

	return io_call(vm, FS_STATVFS, vm->root->ino, 0, who, g,
		sizeof(struct mica_statvfs), &m);
}

/* The link text into VFS's buffer (NUL-terminated); length or error. */
int req_rdlink_local(struct vnode *vp, char *buf, u32_t size)
{
	cp_grant_id_t g;
	message m;
	int r;

	g = cpf_grant_direct(vp->vmnt->fs, (vir_bytes)buf, size - 1, CPF_WRITE);
	if (g < 0)
		return -ENOMEM;
	r = io_call(vp->vmnt, FS_RDLINK, vp->ino, 0, SELF, g, size - 1, &m);
	cpf_revoke(g);
	if (r >= 0)
		buf[r] = '\0';
	return r;
}

int req_trunc(struct vnode *vp, u64_t size)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_fs_trunc.ino = vp->ino;
	m.m_fs_trunc.start = size;
	return fs_call(vp->vmnt, FS_TRUNC, &m);
}

int req_attr(int op, struct vnode *vp, u32_t mode, u32_t uid, u32_t gid,
	u32_t *newmode)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_fs_attr.ino = vp->ino;
	m.m_fs_attr.mode = mode;
	m.m_fs_attr.uid = uid;
	m.m_fs_attr.gid = gid;
	r = fs_call(vp->vmnt, op, &m);
	if (r == OK && newmode)
		*newmode = m.m_fs_mode.mode;
	return r;
}

int req_utime(struct vnode *vp, const mess_lc_vfs_utimens *u)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_fs_utime.ino = vp->ino;
	m.m_fs_utime.atime_sec = u->atime_sec;
	m.m_fs_utime.mtime_sec = u->mtime_sec;
	m.m_fs_utime.atime_nsec = u->atime_nsec;
	m.m_fs_utime.mtime_nsec = u->mtime_nsec;
	return fs_call(vp->vmnt, FS_UTIME, &m);
}

/* FS_UNLINK, FS_RMDIR, FS_LINK (ino: the node to link). */
int req_name(int op, struct vnode *dir, const char *name, u64_t ino)
{
	message m;
	cp_grant_id_t ng;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_fs_name.dir = dir->ino;
	m.m_fs_name.ino = ino;
	if ((r = name_grant(dir->vmnt, name, &m.m_fs_name.name)) != OK)
		return r;
	ng = m.m_fs_name.name.grant;
	r = fs_call(dir->vmnt, op, &m);
	cpf_revoke(ng);
	return r;
}

int req_rename(struct vnode *odir, const char *oname, struct vnode *ndir,
	const char *nname)
{
	message m;
	cp_grant_id_t ng, ng2;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_fs_rename.old_dir = odir->ino;
	m.m_fs_rename.new_dir = ndir->ino;
	if ((r = name_grant(odir->vmnt, oname, &m.m_fs_rename.old_name)) != OK)
		return r;
	if ((r = name_grant(odir->vmnt, nname, &m.m_fs_rename.new_name)) != OK) {
		cpf_revoke(m.m_fs_rename.old_name.grant);
		return r;
	}
	ng = m.m_fs_rename.old_name.grant;
	ng2 = m.m_fs_rename.new_name.grant;
	r = fs_call(odir->vmnt, FS_RENAME, &m);
	cpf_revoke(ng);
	cpf_revoke(ng2);
	return r;
}

int req_slink(struct vnode *dir, const char *name, endpoint_t who,
	cp_grant_id_t target, u32_t len, u32_t uid, u32_t gid)
{
	message m;
	cp_grant_id_t ig, ng;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_fs_slink.dir = dir->ino;
	m.m_fs_slink.uid = uid;
	m.m_fs_slink.gid = gid;
	m.m_fs_slink.target_len = len;
	ig = cpf_grant_indirect(dir->vmnt->fs, who, target, 0, len, CPF_READ);
	if (ig < 0)
		return -ENOMEM;
	m.m_fs_slink.target = ig;
	if ((r = name_grant(dir->vmnt, name, &m.m_fs_slink.name)) == OK) {
		ng = m.m_fs_slink.name.grant;
		r = fs_call(dir->vmnt, FS_SLINK, &m);
		cpf_revoke(ng);
	}
	cpf_revoke(ig);
	return r;
}

/* Pages written through shared mappings of vm's files go to the server
 * first (mmap.c), so sync and fsync cover them. */
int req_sync(struct vmnt *vm)
{
	message m;

	mmap_sync_mount(vm);
	memset(&m, 0, sizeof(m));
	return fs_call(vm, FS_SYNC, &m);
}

int req_fs_mount(endpoint_t fs, u32_t dev, u32_t flags, const char *dev_label,
	int minor, mess_fs_vfs_node *res)
{
	struct vmnt tmp = { .fs = fs, .label = "mount" };
	message m;
	cp_grant_id_t ng;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_fs_mount.dev = dev;
	m.m_fs_mount.flags = flags;
	m.m_fs_mount.minor = minor;
	m.m_fs_mount.label.grant = -1;
	if (dev_label && *dev_label &&
	    (r = name_grant(&tmp, dev_label, &m.m_fs_mount.label)) != OK)
		return r;
	ng = m.m_fs_mount.label.grant;
	r = fs_call(&tmp, FS_MOUNT, &m);
	if (ng >= 0)
		cpf_revoke(ng);
	if (r == OK)
		*res = m.m_fs_node;
	/* FS_MOUNT's answer is OK or an error: anything else came from a
	 * server that does not speak vfsif.h (mount -t tty: a CDEV_REPLY). */
	return r > 0 ? -ENODEV : r;
}

int req_unmount(struct vmnt *vm)
{
	message m;

	memset(&m, 0, sizeof(m));
	return fs_call(vm, FS_UNMOUNT, &m);
}

int req_delegate(struct vnode *vp, endpoint_t ep, u32_t access)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_fs_delegate.ino = vp->ino;
	m.m_fs_delegate.ep = ep;
	m.m_fs_delegate.access = access;
	return fs_call(vp->vmnt, FS_DELEGATE, &m);
}
