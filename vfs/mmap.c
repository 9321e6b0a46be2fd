/*
 * mmap.c - mappings of regular files and block special files.
 *
 * VFS_MMAP: VFS checks the descriptor (EBADF; a regular file or block
 * device, else ENODEV; open for reading, and for writing too when a
 * shared mapping may write, else EACCES) and asks VM for the region
 * (VM_FILE_MAP, answered at once).  The object VM maps is named by the
 * vnode's slot + 1; VFS holds one vnode reference for it (vm_held) from
 * the first mapping until VM reports the object idle (VM_VFS_IDLE) and
 * agrees to forget it (VM_FILE_DROP: OK), so a mapped file's inode lives
 * after close and unlink, and a slot id is never reused while VM knows
 * it.
 *
 * Coherence (the file system's cache and VM's are separate): before VFS
 * reads, writes, truncates or syncs a node VM maps, the pages written
 * through shared mappings are written back (mmap_sync: VM_FILE_SYNC
 * hands them over one at a time, write-protected and clean first; a page
 * is written only up to the file's size, so a mapping never extends a
 * file); after a write() the cached pages it touched are read again in
 * place (mmap_refresh: every mapping sees the new bytes); a truncation
 * takes the pages past the new end from every mapping (mmap_trunc).
 * msync (VFS_MSYNC) writes back the caller's range; the last unmapping
 * (VM_VFS_IDLE) writes back everything left before the object goes.  A
 * node VM does not map costs one flag test (vm_held).
 *
 * VM_VFS_FILL: VM wants one page of an object: VFS reads it straight into
 * the page VM granted (an indirect grant to the server: FS_READ for a
 * file, the block path for a device, blk.c) and answers VM_FILE_FILLED
 * with the bytes read — short in the last page, 0 past the end (VM makes
 * that SIGBUS) — or the error.  VFS waits for nobody but the server here,
 * which never waits for VFS or VM on VFS's behalf (vm/filefault.c never
 * fills a page for a server's copy).
 */
#include "vfs.h"

static u32_t obj_id(const struct vnode *vp)
{
	return (u32_t)(vp - vfs_vnodes) + 1;
}

/* The vnode that names vp's object: vp, or for a block device the node
 * VM already maps that device by (one object per device number, whatever
 * node maps it, so two nodes of one device see the same pages). */
static struct vnode *holder(struct vnode *vp)
{
	if (vp->vm_held || !S_ISTYPE(vp->mode, MICA_S_IFBLK))
		return vp;
	for (int i = 0; i < VFS_NR_VNODES; i++)
		if (vfs_vnodes[i].vm_held && vfs_vnodes[i].rdev == vp->rdev &&
		    S_ISTYPE(vfs_vnodes[i].mode, MICA_S_IFBLK))
			return &vfs_vnodes[i];
	return vp;
}

/* A page of block device vp to or from VM's grant g, by blk.c's path for
 * a caller's transfer (the mounting FS's cache, or the driver), on
 * behalf of VM: bytes moved (short at the device's end) or -errno. */
static int dev_xfer(struct vnode *vp, int write, u64_t pos, cp_grant_id_t g)
{
	struct vfs_call c = { .who = VM_PROC_NR };
	struct filp f;

	memset(&f, 0, sizeof(f));
	f.vp = vp;
	return blk_io(&c, &f, write, pos, 0, g, PAGE_SIZE);
}

static struct vnode *obj_vnode(u32_t id)
{
	if (id == 0 || id > VFS_NR_VNODES || !vfs_vnodes[id - 1].vm_held)
		return NULL;
	return &vfs_vnodes[id - 1];
}

static int vm_call(int type, message *m)
{
	int r;

	m->m_type = type;
	if ((r = ipc_sendrec(VM_PROC_NR, m)) != OK)
		return r;
	return m->m_type;
}

/* May f be mapped with this protection and sharing? */
static int map_check(const struct filp *f, int prot, int flags)
{
	const struct vnode *vp = f->vp;
	int acc = f->flags & MICA_O_ACCMODE;

	if (!S_ISTYPE(vp->mode, MICA_S_IFREG) && !S_ISTYPE(vp->mode, MICA_S_IFBLK))
		return -ENODEV;
	if (acc == MICA_O_WRONLY)
		return -EACCES;
	if ((flags & MICA_MAP_SHARED) && (prot & MICA_PROT_WRITE) &&
	    acc != MICA_O_RDWR)
		return -EACCES;
	if (vp->vmnt->dead)
		return -EIO;
	return OK;
}

int do_mmap(struct vfs_call *c)
{
	mess_lc_vm_mmap *q = &c->m->m_lc_vm_mmap;
	struct vnode *hv;
	struct filp *f;
	message m;
	int r;

	if ((r = fd_get(c->fp, q->fd, &f)) != OK)
		return r;
	if ((r = map_check(f, q->prot, q->flags)) != OK)
		return r;
	hv = holder(f->vp);
	memset(&m, 0, sizeof(m));
	m.m_vm_file_map.offset = q->offset;
	m.m_vm_file_map.endpt = c->who;
	m.m_vm_file_map.addr = q->addr;
	m.m_vm_file_map.len = q->len;
	m.m_vm_file_map.prot = q->prot;
	m.m_vm_file_map.flags = q->flags;
	m.m_vm_file_map.obj = obj_id(hv);
	if ((r = vm_call(VM_FILE_MAP, &m)) != OK)
		return r;
	if (!hv->vm_held) {
		vnode_ref(hv);
		hv->vm_held = 1;
	}
	c->fp->file_maps = 1;
	q->addr = m.m_vm_file_map.addr;
	return OK;
}

/* Read the page VM asked for and tell VM how it went: the bytes read. */
static int fill(const mess_vm_file_page *q)
{
	struct vnode *vp = obj_vnode(q->obj);
	u64_t pos = (u64_t)q->page * PAGE_SIZE;
	message m;
	int r;

	if (!vp)
		r = -EIO;
	else if (S_ISTYPE(vp->mode, MICA_S_IFBLK))
		r = dev_xfer(vp, 0, pos, q->grant);
	else
		r = req_io(FS_READ, vp, pos, VM_PROC_NR, q->grant, PAGE_SIZE, NULL);
	memset(&m, 0, sizeof(m));
	m.m_vm_file_page.obj = q->obj;
	m.m_vm_file_page.page = q->page;
	m.m_vm_file_page.seq = q->seq;
	m.m_vm_file_page.result = r;
	vm_call(VM_FILE_FILLED, &m);
	return r;
}

/*
 * Before a server gets a grant on who's buffer [buf, buf+len) (a read or
 * write of a file or device), make the file pages there present: a
 * server's copy fault on a page not cached is not filled (it would need
 * VFS, which waits for that server: vm/filefault.c), so VFS fills those
 * pages itself first.  A page VM has already announced (its notice is on
 * the way) is filled when that notice is taken.  buf is the caller's
 * word; a lie only makes its own copy fail (EFAULT).
 */
void mmap_prefault(endpoint_t who, vir_bytes buf, u32_t len, int write)
{
	mess_vm_file_prefault *a;
	mess_vm_file_page fq;
	vir_bytes from = buf;
	u32_t rounds = len / PAGE_SIZE + 64;	/* a bound, whatever VM says */
	message m;

	while (len > 0 && from - buf < len && rounds-- > 0) {
		memset(&m, 0, sizeof(m));
		a = &m.m_vm_file_prefault;
		a->endpt = who;
		a->addr = from;
		a->len = len - (from - buf);
		a->write = write;
		if (vm_call(VM_FILE_PREFAULT, &m) != OK || a->found == 0)
			return;
		if (a->found == 2) {
			if (ipc_receive(VM_PROC_NR, &m) != OK)
				return;
			if (m.m_type >= VM_VFS_BASE && m.m_type < VM_VFS_BASE + VM_VFS_NR)
				vm_notice(&m);
			continue;
		}
		fq.obj = a->obj;
		fq.page = a->page;
		fq.seq = a->seq;
		fq.grant = a->grant;
		from = (a->addr & ~(vir_bytes)(PAGE_SIZE - 1));
		if (fill(&fq) <= 0)
			from += PAGE_SIZE;	/* past the end: the copy fails */
		if (from < buf)
			from = buf;
	}
}

/* Write back the page VM granted (a): through the file system, up to the
 * file's size; a device's through blk.c (clipped at its end). */
static int writeback(const mess_vm_file_sync *a)
{
	struct vnode *vp = obj_vnode(a->obj);
	u64_t pos = (u64_t)a->page * PAGE_SIZE;
	u32_t n = PAGE_SIZE;
	int r;

	if (!vp)
		return -EIO;
	if (S_ISTYPE(vp->mode, MICA_S_IFBLK))
		return dev_xfer(vp, 1, pos, a->grant);
	if ((r = vfs_getattr(vp)) != OK)
		return r;
	if (pos >= vp->size)
		return 0;
	if (vp->size - pos < n)
		n = (u32_t)(vp->size - pos);
	return req_io(FS_WRITE, vp, pos, VM_PROC_NR, a->grant, n, NULL);
}

/* Write back the dirty pages of object obj, or (obj 0) of ep's shared
 * mappings in [addr, addr+len).  OK, or the last error. */
static int sync_loop(u32_t obj, endpoint_t ep, vir_bytes addr, u32_t len)
{
	mess_vm_file_sync *a;
	message m;
	u32_t page = 0;
	int r, err = OK;

	for (;;) {
		memset(&m, 0, sizeof(m));
		a = &m.m_vm_file_sync;
		a->obj = obj;
		a->page = page;
		a->endpt = ep;
		a->addr = addr;
		a->len = len;
		if ((r = vm_call(VM_FILE_SYNC, &m)) != OK)
			return r;
		if (!a->found)
			return err;
		if ((r = writeback(a)) < 0)
			err = r;
		if (obj && (page = a->page + 1) == 0)
			return err;
		if (!obj) {
			if (a->addr + PAGE_SIZE - addr >= len)
				return err;
			len -= a->addr + PAGE_SIZE - addr;
			addr = a->addr + PAGE_SIZE;
		}
	}
}

void mmap_sync(struct vnode *vp)
{
	vp = holder(vp);
	if (vp->vm_held)
		sync_loop(obj_id(vp), NONE, 0, 0);
}

void mmap_sync_mount(struct vmnt *vm)
{
	for (int i = 0; i < VFS_NR_VNODES; i++)
		if (vfs_vnodes[i].vm_held && vfs_vnodes[i].vmnt == vm)
			mmap_sync(&vfs_vnodes[i]);
}

/* n bytes at pos were written to vp: VM's copies of them read again. */
void mmap_refresh(struct vnode *vp, u64_t pos, u32_t n)
{
	mess_vm_file_sync *a;
	u64_t last = (pos + n - 1) / PAGE_SIZE;
	u32_t page = (u32_t)(pos / PAGE_SIZE);
	message m;

	vp = holder(vp);
	if (!vp->vm_held || n == 0 || pos / PAGE_SIZE > 0xffffffffull)
		return;
	for (;;) {
		memset(&m, 0, sizeof(m));
		a = &m.m_vm_file_sync;
		a->obj = obj_id(vp);
		a->page = page;
		a->last = last > 0xffffffffull ? 0xffffffffu : (u32_t)last;
		if (vm_call(VM_FILE_REFRESH, &m) != OK || !a->found)
			return;
		if (S_ISTYPE(vp->mode, MICA_S_IFBLK))
			dev_xfer(vp, 0, (u64_t)a->page * PAGE_SIZE, a->grant);
		else
			req_io(FS_READ, vp, (u64_t)a->page * PAGE_SIZE, VM_PROC_NR,
				a->grant, PAGE_SIZE, NULL);
		if ((page = a->page + 1) == 0 || page > a->last)
			return;
	}
}

/* vp is now size bytes long. */
void mmap_trunc(struct vnode *vp, u64_t size)
{
	message m;

	if (!vp->vm_held)
		return;
	memset(&m, 0, sizeof(m));
	m.m_vm_file_sync.obj = obj_id(vp);
	m.m_vm_file_sync.size = size;
	vm_call(VM_FILE_TRUNC, &m);
}

int do_msync(struct vfs_call *c)
{
	const mess_lc_vm_mmap *q = &c->m->m_lc_vm_mmap;
	u32_t len = (q->len + PAGE_SIZE - 1) & ~(u32_t)(PAGE_SIZE - 1);

	if ((q->addr & (PAGE_SIZE - 1)) || len < q->len ||
	    (q->flags & ~(MICA_MS_SYNC | MICA_MS_ASYNC | MICA_MS_INVALIDATE)) ||
	    (q->flags & (MICA_MS_SYNC | MICA_MS_ASYNC)) ==
	    (MICA_MS_SYNC | MICA_MS_ASYNC))
		return -EINVAL;
	if (!c->fp->file_maps || len == 0)
		return OK;
	return sync_loop(0, c->who, q->addr, len);
}

/* Nothing maps the object any more: its dirty pages are written back,
 * then VM forgets it if it still agrees, and VFS's reference goes. */
static void idle(const mess_vm_file_page *q)
{
	struct vnode *vp = obj_vnode(q->obj);
	message m;

	if (vp)
		mmap_sync(vp);
	memset(&m, 0, sizeof(m));
	m.m_vm_file_page.obj = q->obj;
	if (vm_call(VM_FILE_DROP, &m) != OK || !vp)
		return;
	vp->vm_held = 0;
	vnode_put(vp);
}

/* vm is being unmounted: the objects VM holds on it that nothing maps
 * any more (their IDLE notice may still be on its way) are written back
 * and let go now, so only live mappings keep the mount busy. */
void mmap_release(struct vmnt *vm)
{
	message m;

	for (int i = 0; i < VFS_NR_VNODES; i++) {
		struct vnode *vp = &vfs_vnodes[i];
		if (!vp->vm_held || vp->vmnt != vm)
			continue;
		mmap_sync(vp);
		memset(&m, 0, sizeof(m));
		m.m_vm_file_page.obj = obj_id(vp);
		if (vm_call(VM_FILE_DROP, &m) == OK) {
			vp->vm_held = 0;
			vnode_put(vp);
		}
	}
}

/* A notice from VM (asynsend; main.c checked the sender). */
void vm_notice(message *m)
{
	if (m->m_type == VM_VFS_FILL)
		fill(&m->m_vm_file_page);
	else if (m->m_type == VM_VFS_IDLE)
		idle(&m->m_vm_file_page);
}
