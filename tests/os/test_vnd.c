/*
 * test_vnd.c - the vnode disk driver (bdev/vnd) on its own, every field of
 * its requests wrong in turn:
 *   vnd: kernel, vnd priv=sys, test_vnd priv=sys, kernel,
 *        test_vnd role=fs priv=sys
 * The main test sits in VFS's slot (2), so the driver takes its
 * VND_IOC_ATTACH/DETACH; role=fs (slot 4) stands in for a file system
 * server holding a 3.5 KiB file as inode 77 (FS_READ/FS_WRITE, clipped
 * at its size like MFS's), and on request tries an attach itself, which
 * the driver must refuse (EPERM: not VFS).  Checked: attach records (bad
 * flags, server, grant, minor; twice: EBUSY), the size, reads and writes
 * at, across and past the end with the file's bytes, a read-only attach
 * (EROFS at open for writing and at a write), detach while open (EBUSY),
 * of a free minor (ENXIO), and a server error passed on.
 */
#include <mica/sef.h>
#include <mica/vfsif.h>
#include <mica/vnd.h>
#include "tap.h"
#include <mica/libbdev.h>

#define VND_EP		1
#define FS_EP		4
#define INO		77
#define FSZ		3584u		/* 3 KiB + 512 */
#define TRY_ATTACH	0x7777		/* main -> fs: attach from there */
#define PEEK		0x7778		/* main -> fs: the file's byte at pos */

static u8_t file[FSZ];

static u8_t pattern(u32_t pos)
{
	return (u8_t)(pos * 13 + 5);
}

/* role=fs: the file's server; everything answered at once. */
static void __attribute__((noreturn)) fs_role(void)
{
	message m, a;
	endpoint_t who;
	u32_t n;
	u32_t i;

	for (i = 0; i < FSZ; i++)
		file[i] = pattern(i);
	for (;;) {
		if (ipc_receive(ANY, &m) != OK)
			continue;
		who = m.m_source;
		if (m.m_type == FS_READ || m.m_type == FS_WRITE) {
			u64_t pos = m.m_fs_io.pos;
			if (m.m_fs_io.ino != INO)
				m.m_type = -EPERM;
			else if (pos >= FSZ)
				m.m_type = 0;
			else {
				n = m.m_fs_io.bytes;
				if (n > FSZ - pos)
					n = FSZ - (u32_t)pos;
				m.m_type = m.m_type == FS_READ ?
				    sys_safecopyto(who, m.m_fs_io.grant, 0,
					file + pos, n) :
				    sys_safecopyfrom(who, m.m_fs_io.grant, 0,
					file + pos, n);
				if (m.m_type == OK)
					m.m_type = (int)n;
			}
		} else if (m.m_type == TRY_ATTACH) {
			memset(&a, 0, sizeof(a));
			a.m_type = BDEV_IOCTL;
			a.m_bdev.minor = 0;
			a.m_bdev.request = VND_IOC_ATTACH;
			a.m_bdev.grant = GRANT_INVALID;
			m.m_type = ipc_sendrec(VND_EP, &a) == OK ? a.m_type : -EIO;
		} else if (m.m_type == PEEK) {
			m.m_type = m.m_bdev.pos < FSZ ? file[m.m_bdev.pos] : -1;
		} else
			m.m_type = -ENOSYS;
		ipc_send(who, &m);
	}
}

static int ctl(int minor, int request, const struct vnd_attach *va, int badgrant)
{
	message m;
	cp_grant_id_t g = GRANT_INVALID;
	int r;

	if (va && !badgrant)
		g = cpf_grant_direct(VND_EP, (vir_bytes)va, sizeof(*va), CPF_READ);
	memset(&m, 0, sizeof(m));
	m.m_type = BDEV_IOCTL;
	m.m_bdev.minor = minor;
	m.m_bdev.request = request;
	m.m_bdev.grant = badgrant ? 12345 : g;
	r = bdev_sendrec(VND_EP, &m);
	if (g != GRANT_INVALID)
		cpf_revoke(g);
	return r;
}

static int attach(int minor, endpoint_t fs, u64_t ino, u64_t size, u32_t flags)
{
	struct vnd_attach va = { fs, flags, ino, size };

	return ctl(minor, VND_IOC_ATTACH, &va, 0);
}

static int detach(int minor)
{
	return ctl(minor, VND_IOC_DETACH, NULL, 0);
}

static int fs_msg(int type, u64_t pos)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	m.m_bdev.pos = pos;
	return ipc_sendrec(FS_EP, &m) == OK ? m.m_type : -EIO;
}

static int holds(const u8_t *b, u32_t pos, u32_t len)
{
	for (u32_t i = 0; i < len; i++)
		if (b[i] != pattern(pos + i))
			return 0;
	return 1;
}

int main(const char *args)
{
	static u8_t buf[2048];
	struct vnd_attach va = { FS_EP, 0, INO, FSZ };
	struct bdev_dev d;
	u64_t size = 0;

	if (tap_role(args, "fs"))
		fs_role();
	tap_is(fs_msg(TRY_ATTACH, 0), -EPERM, "VND_IOC_ATTACH from another than VFS: EPERM");
	tap_is(bdev_open(&d, VND_EP, 0, BDEV_R_BIT), -ENXIO, "open of an unattached minor: ENXIO");
	tap_is(attach(4, FS_EP, INO, FSZ, 0), -ENXIO, "attach minor 4 (of 0..3): ENXIO");
	tap_is(attach(-1, FS_EP, INO, FSZ, 0), -ENXIO, "attach minor -1: ENXIO");
	tap_is(attach(0, FS_EP, INO, FSZ, 0x80), -EINVAL, "attach with unknown flags: EINVAL");
	tap_is(attach(0, NONE, INO, FSZ, 0), -EINVAL, "attach with no server: EINVAL");
	tap_is(attach(0, FS_EP, INO, 1ull << 63, 0), -EINVAL, "attach of 2^63 bytes: EINVAL");
	tap_ok(ctl(0, VND_IOC_ATTACH, &va, 1) < 0, "attach with a bogus grant: an error");
	tap_is(detach(0), -ENXIO, "detach of a free minor: ENXIO");
	tap_is(ctl(0, 0x7603, NULL, 0), -ENXIO, "another ioctl on a free minor: ENXIO");

	tap_is(attach(0, FS_EP, INO, FSZ, 0), OK, "attach a 3.5 KiB file as vnd0");
	tap_is(attach(0, FS_EP, INO, FSZ, 0), -EBUSY, "attach it again: EBUSY");
	tap_is(bdev_open(&d, VND_EP, 0, BDEV_R_BIT | BDEV_W_BIT), OK, "open vnd0");
	tap_is(bdev_size(&d, &size), OK, "GETSIZE");
	tap_ok(size == FSZ, "the size is the file's, 3584 (got %u)", (u32_t)size);
	tap_ok(bdev_read(&d, 0, buf, 1024) == 1024 && holds(buf, 0, 1024), "read the first KiB");
	tap_ok(bdev_read(&d, 1000, buf, 100) == 100 && holds(buf, 1000, 100), "an unaligned read");
	tap_ok(bdev_read(&d, 3072, buf, 1024) == 512 && holds(buf, 3072, 512),
	    "a 1 KiB read across the end: the 512 bytes before it");
	tap_is(bdev_read(&d, FSZ, buf, 512), 0, "a read at the end: 0");
	tap_is(bdev_read(&d, FSZ + 4096, buf, 512), 0, "a read past the end: 0");
	memset(buf, 0xa5, 1024);
	tap_is(bdev_write(&d, 3072, buf, 1024), 512, "a 1 KiB write across the end: 512");
	tap_ok(fs_msg(PEEK, 3072) == 0xa5 && fs_msg(PEEK, FSZ - 1) == 0xa5 &&
	    fs_msg(PEEK, 3071) == pattern(3071), "the file holds exactly the written bytes");
	tap_is(bdev_write(&d, FSZ, buf, 512), 0, "a write at the end: 0");
	tap_is(detach(0), -EBUSY, "detach while open: EBUSY");
	tap_is(bdev_close(&d), OK, "close");
	tap_is(detach(0), OK, "detach");
	tap_is(detach(0), -ENXIO, "detach again: ENXIO");

	tap_is(attach(1, FS_EP, INO, FSZ, VND_RDONLY), OK, "attach read-only as vnd1");
	tap_is(bdev_open(&d, VND_EP, 1, BDEV_R_BIT | BDEV_W_BIT), -EROFS,
	    "open it for writing: EROFS");
	tap_is(bdev_open(&d, VND_EP, 1, BDEV_R_BIT), OK, "open it for reading");
	tap_is(bdev_write(&d, 0, buf, 512), -EROFS, "a write that reaches the driver: EROFS");
	tap_ok(fs_msg(PEEK, 0) == pattern(0), "the file is unchanged");
	tap_is(bdev_close(&d), OK, "close");
	tap_is(detach(1), OK, "detach vnd1");

	tap_is(attach(2, FS_EP, INO + 1, FSZ, 0), OK, "attach an inode the server refuses");
	tap_is(bdev_open(&d, VND_EP, 2, BDEV_R_BIT), OK, "open it");
	tap_is(bdev_read(&d, 0, buf, 512), -EPERM, "a read: the server's EPERM");
	tap_is(bdev_close(&d), OK, "close");
	tap_is(detach(2), OK, "detach");
	tap_done();
}
