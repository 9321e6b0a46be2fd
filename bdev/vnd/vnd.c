/*
 * vnd.c - the vnode disk: /dev/vnd0..vnd3 (mica/vnd.h), each a regular
 * file served as a block device over lib/libblockdriver, which checks
 * every request field and clips transfers at the size; a file whose size
 * is no multiple of any block size is served with its partial last block
 * (libminixfs reads only the valid bytes).
 *
 * VFS attaches and detaches (VND_IOC_ATTACH/DETACH, from VFS only: any
 * other sender gets EPERM) and has given this driver the right to read,
 * and maybe write, that one inode at its file system server; the data
 * moves between the client's grant and the server by an indirect grant,
 * never through this driver.  An attach is forgotten if the driver
 * restarts (the device then is ENXIO until vnconfig runs again).
 */
#include <mica/blockdriver.h>
#include <mica/sef.h>
#include <mica/syslib.h>
#include <mica/vfsif.h>
#include <mica/vnd.h>

struct vnd {
	int attached;
	struct vnd_attach va;
	u32_t opens;
};

static struct vnd vnds[VND_NR];

static struct vnd *vnd_get(int minor)
{
	if (minor < 0 || minor >= VND_NR || !vnds[minor].attached)
		return NULL;
	return &vnds[minor];
}

static int vnd_size(int minor, u64_t *size)
{
	struct vnd *v = vnd_get(minor);

	if (!v)
		return -ENXIO;
	*size = v->va.size;
	return OK;
}

static int vnd_open(int minor, int access)
{
	struct vnd *v = vnd_get(minor);

	if ((access & BDEV_W_BIT) && (v->va.flags & VND_RDONLY))
		return -EROFS;
	v->opens++;
	return OK;
}

static int vnd_close(int minor)
{
	struct vnd *v = vnd_get(minor);

	if (v->opens == 0)
		return -EINVAL;
	v->opens--;
	return OK;
}

/* len bytes at pos (inside the size: libblockdriver clipped) between the
 * client's grant and the file, by FS_READ/FS_WRITE to its server. */
static int vnd_transfer(int minor, int write, u64_t pos, endpoint_t ep,
    cp_grant_id_t gid, vir_bytes goff, u32_t len)
{
	struct vnd *v = vnd_get(minor);
	u32_t done = 0;
	message m;
	cp_grant_id_t g;
	int r;

	if (write && (v->va.flags & VND_RDONLY))
		return -EROFS;
	while (done < len) {
		g = cpf_grant_indirect(v->va.fs, ep, gid, goff + done, len - done,
		    write ? CPF_READ : CPF_WRITE);
		if (g < 0)
			return -ENOMEM;
		memset(&m, 0, sizeof(m));
		m.m_type = write ? FS_WRITE : FS_READ;
		m.m_fs_io.ino = v->va.ino;
		m.m_fs_io.pos = pos + done;
		m.m_fs_io.grant = g;
		m.m_fs_io.bytes = len - done;
		r = ipc_sendrec(v->va.fs, &m);
		cpf_revoke(g);
		if (r != OK)
			return -EIO;		/* the server is gone */
		if (m.m_type < 0)
			return m.m_type;
		if (m.m_type == 0 || (u32_t)m.m_type > len - done)
			return -EIO;		/* the file shrank under us */
		done += (u32_t)m.m_type;
	}
	return OK;
}

static const struct blockdriver vnd_driver = {
	.bdr_open = vnd_open,
	.bdr_close = vnd_close,
	.bdr_size = vnd_size,
	.bdr_transfer = vnd_transfer,
};

/* VND_IOC_ATTACH: every field of VFS's record checked. */
static int vnd_attach(int minor, const message *m)
{
	struct vnd_attach va;
	int r;

	if ((r = sys_safecopyfrom(m->m_source, m->m_bdev.grant, 0, &va,
	    sizeof(va))) != OK)
		return r;
	if (va.flags & ~(u32_t)VND_RDONLY || va.fs == NONE || va.fs == ANY ||
	    va.fs == SELF || va.size > 0x7fffffffffffffffull)
		return -EINVAL;
	if (vnds[minor].attached)
		return -EBUSY;
	vnds[minor].va = va;
	vnds[minor].opens = 0;
	vnds[minor].attached = 1;
	return OK;
}

static int vnd_detach(int minor)
{
	if (!vnds[minor].attached)
		return -ENXIO;
	if (vnds[minor].opens)
		return -EBUSY;
	memset(&vnds[minor], 0, sizeof(vnds[minor]));
	return OK;
}

/* Is m one of VFS's attach requests?  Then answer it here. */
static int vnd_control(message *m)
{
	int minor = m->m_bdev.minor, r;

	if (m->m_type != BDEV_IOCTL || (m->m_bdev.request != VND_IOC_ATTACH &&
	    m->m_bdev.request != VND_IOC_DETACH))
		return 0;
	if (m->m_source != VFS_PROC_NR)
		r = -EPERM;
	else if (minor < 0 || minor >= VND_NR)
		r = -ENXIO;
	else if (m->m_bdev.request == VND_IOC_ATTACH)
		r = vnd_attach(minor, m);
	else
		r = vnd_detach(minor);
	m->m_type = r;
	(void)ipc_sendnb(m->m_source, m);
	return 1;
}

int main(const char *args)
{
	message m;
	int r;

	(void)args;
	sef_setcb_lu_state_isreached(sef_cb_lu_state_isreached_all);
	if ((r = sef_startup()) != OK)
		panic("vnd: init failed (%d)", r);
	for (;;) {
		if ((r = sef_receive(ANY, &m)) != OK)
			panic("vnd: receive failed (%d)", r);
		if (!IS_NOTIFY(&m) && !vnd_control(&m))
			blockdriver_process(&vnd_driver, &m);
	}
}
