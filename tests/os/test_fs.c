/*
 * test_fs.c - the MFS server in QEMU, driven by a fake VFS over the
 * VFS<->FS protocol (mica/vfsif.h):
 *   fs: test_fs role=stranger, memory size=393216, mfs priv=sys,
 *       test_fs role=vfs priv=sys, ds priv=sys, mfs priv=sys
 * The vfs role sits in RS's slot (3): it initialises DS, the memory driver
 * and MFS as RS would, publishes their labels, and loads an MFS image made
 * on the host by mkfs.mfs (linked into this program, fs_image.S) into the
 * memory driver through the block protocol.  Then, as VFS: mount by the
 * driver's label, read a file the host put in the image, create, write,
 * read back, list, stat, rename, link, symlink, chmod/chown/utime,
 * truncate, statvfs, unlink, rmdir, sync, unmount, and mount again to find
 * the data on the device; requests with hostile fields get errors; the
 * stranger (slot 0), told by the vfs role, is refused (EPERM).  Half way
 * the server is killed and its second instance (slot 5) is started as RS
 * restarts a service: it mounts again from the record in DS and serves on.
 */
#include <mica/ds.h>
#include <mica/sef.h>
#include <mica/libbdev.h>
#include <mica/vfsif.h>
#include <mica/dirent.h>
#include "tap.h"
#include "lib/as_vfs.h"
#include "lib/as_rs.h"

#define STRANGER	0
#define MEMORY		1
#define MFS		2		/* the server; its restarted instance: */
#define MFS2		5
#define DEV_NR		0x100		/* the device number of the mount */
#define T_IFMT		0170000		/* POSIX's file types */
#define T_IFDIR		0040000
#define T_IFREG		0100000
#define T_IFLNK		0120000
#define FILE_BYTES	20000

extern const u8_t fs_image_start[], fs_image_end[];

static u8_t big[FILE_BYTES], back[FILE_BYTES];
static endpoint_t mfs_ep = MFS;		/* the instance requests go to */
static char dents[4096];

/* Write the image into the driver's minor 0. */
static int load_image(void)
{
	u32_t size = (u32_t)(fs_image_end - fs_image_start), off, n;
	struct bdev_dev d;
	int r;

	if ((r = bdev_open(&d, MEMORY, 0, BDEV_R_BIT | BDEV_W_BIT)) != OK)
		return r;
	for (off = 0; off < size; off += n) {
		n = size - off < 32768 ? size - off : 32768;
		if ((r = bdev_write(&d, off, fs_image_start + off, n)) != (int)n)
			return r < 0 ? r : -EIO;
	}
	return bdev_close(&d);
}

/*
 * Print the device for tests/os/fs.check, which rebuilds it on the host
 * and runs fsck.mfs and util-linux fsck.minix on it: "img OFFSET HEX" per
 * 32 bytes that are not all zero (offset and bytes in hex).
 */
static int dump_image(void)
{
	static const char digits[] = "0123456789abcdef";
	static u8_t blk[4096];
	char hex[65];
	struct bdev_dev d;
	u32_t off, i, j;
	int r;

	if ((r = bdev_open(&d, MEMORY, 0, BDEV_R_BIT)) != OK)
		return r;
	for (off = 0; (r = bdev_read(&d, off, blk, sizeof(blk))) > 0;
	    off += (u32_t)r) {
		for (i = 0; i < (u32_t)r; i += 32) {
			for (j = 0; j < 32 && blk[i + j] == 0; j++)
				;
			if (j == 32)
				continue;
			for (j = 0; j < 32; j++) {
				hex[2 * j] = digits[blk[i + j] >> 4];
				hex[2 * j + 1] = digits[blk[i + j] & 15];
			}
			hex[64] = '\0';
			printf("img %x %s\n", off + i, hex);
		}
	}
	printf("img end %x\n", off);
	bdev_close(&d);
	return r;
}

static int fs_call(message *m, int type)
{
	return as_vfs_call(mfs_ep, m, type);
}

static cp_grant_id_t grant(const void *p, u32_t len, u32_t access)
{
	return cpf_grant_direct(mfs_ep, (vir_bytes)p, len, access);
}

/* A request naming 'name' in 'dir' (LOOKUP, UNLINK, RMDIR, LINK). */
static int name_call(int type, u64_t dir, const char *name, u64_t ino,
    message *m)
{
	int r;

	memset(m, 0, sizeof(*m));
	m->m_fs_name.dir = dir;
	m->m_fs_name.ino = ino;
	m->m_fs_name.name.len = strlen(name);
	m->m_fs_name.name.grant = grant(name, strlen(name), CPF_READ);
	r = fs_call(m, type);
	cpf_revoke(m->m_fs_name.name.grant);
	return r;
}

/* Look name up in dir: its inode number, or the error. */
static i64_t lookup(u64_t dir, const char *name, message *m)
{
	int r = name_call(FS_LOOKUP, dir, name, 0, m);

	return r == OK ? (i64_t)m->m_fs_node.ino : r;
}

static int putnode(u64_t ino)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_fs_putnode.ino = ino;
	m.m_fs_putnode.count = 1;
	return fs_call(&m, FS_PUTNODE);
}

static int create(int type, u64_t dir, const char *name, u32_t mode,
    message *m)
{
	int r;

	memset(m, 0, sizeof(*m));
	m->m_fs_create.dir = dir;
	m->m_fs_create.name.len = strlen(name);
	m->m_fs_create.name.grant = grant(name, strlen(name), CPF_READ);
	m->m_fs_create.mode = mode;
	m->m_fs_create.uid = 7;
	m->m_fs_create.gid = 8;
	r = fs_call(m, type);
	cpf_revoke(m->m_fs_create.name.grant);
	return r;
}

/* READ, WRITE, GETDENTS, RDLINK, STAT, STATVFS over buf. */
static int io(int type, u64_t ino, u64_t pos, void *buf, u32_t len,
    message *m)
{
	int r;

	memset(m, 0, sizeof(*m));
	m->m_fs_io.ino = ino;
	m->m_fs_io.pos = pos;
	m->m_fs_io.bytes = len;
	m->m_fs_io.grant = grant(buf, len, type == FS_WRITE ? CPF_READ :
	    CPF_WRITE);
	r = fs_call(m, type);
	cpf_revoke(m->m_fs_io.grant);
	return r;
}

static int mount(void)
{
	static const char label[] = "memory";
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_fs_mount.dev = DEV_NR;
	m.m_fs_mount.label.len = sizeof(label) - 1;
	m.m_fs_mount.label.grant = grant(label, sizeof(label) - 1, CPF_READ);
	r = fs_call(&m, FS_MOUNT);
	cpf_revoke(m.m_fs_mount.label.grant);
	if (r == OK && (m.m_fs_node.ino != 1 ||
	    (m.m_fs_node.mode & T_IFMT) != T_IFDIR))
		return -9000;
	return r;
}

/* Does the listing of dir hold name?  Reads every chunk of 'size'
 * bytes, resuming where the reply's position says. */
static int listed_by(u64_t dir, const char *name, u32_t size)
{
	u64_t pos = 0;
	message m;
	int r, off, found = 0;

	while ((r = io(FS_GETDENTS, dir, pos, dents, size, &m)) > 0) {
		pos = m.m_fs_pos.pos;
		for (off = 0; off < r; ) {
			struct mica_dirent *d = (struct mica_dirent *)(dents + off);

			if (d->d_reclen == 0)
				return -EIO;
			found |= strcmp(d->d_name, name) == 0;
			off += d->d_reclen;
		}
	}
	return r < 0 ? r : found;
}

static int listed(u64_t dir, const char *name)
{
	return listed_by(dir, name, sizeof(dents));
}

static void file_tests(u64_t *keep)
{
	struct mica_stat st;
	message m;
	i64_t etc, motd, f;
	char text[32];
	u32_t i;
	int r;

	etc = lookup(1, "etc", &m);
	tap_ok(etc > 1 && (m.m_fs_node.mode & T_IFMT) == T_IFDIR,
	    "lookup /etc from the host image");
	motd = lookup((u64_t)etc, "motd", &m);
	memset(text, 0, sizeof(text));
	r = io(FS_READ, (u64_t)motd, 0, text, sizeof(text), &m);
	tap_ok(r == 10 && memcmp(text, "mica test\n", 10) == 0,
	    "read /etc/motd as the host wrote it (%d)", r);
	tap_is(putnode((u64_t)motd) | putnode((u64_t)etc), OK, "putnode both");

	tap_is(create(FS_CREATE, 1, "f", T_IFREG | 0644, &m), OK, "create /f");
	f = (i64_t)m.m_fs_node.ino;
	for (i = 0; i < FILE_BYTES; i++)
		big[i] = (u8_t)(i * 13 + (i >> 10));
	tap_is(io(FS_WRITE, (u64_t)f, 0, big, FILE_BYTES, &m), FILE_BYTES,
	    "write 20000 bytes");
	r = io(FS_READ, (u64_t)f, 0, back, FILE_BYTES, &m);
	tap_ok(r == FILE_BYTES && memcmp(big, back, FILE_BYTES) == 0,
	    "read them back (%d)", r);
	tap_is(io(FS_READ, (u64_t)f, FILE_BYTES - 10, back, 100, &m), 10,
	    "a read across the end is short");
	r = io(FS_STAT, (u64_t)f, 0, &st, sizeof(st), &m);
	tap_ok(r == OK && st.st_size == FILE_BYTES && st.st_ino == (u64_t)f &&
	    st.st_mode == (T_IFREG | 0644) && st.st_nlink == 1 &&
	    st.st_uid == 7 && st.st_gid == 8 && st.st_dev == DEV_NR,
	    "stat /f (%d)", r);
	tap_is(listed(1, "f"), 1, "getdents / lists f");
	tap_is(listed(1, "etc"), 1, "getdents / lists etc");
	tap_is(listed_by(1, "f", 40), 1,
	    "getdents one entry at a time, resuming at the reply's position");
	memset(&m, 0, sizeof(m));
	m.m_fs_io.ino = (u64_t)f;
	m.m_fs_io.bytes = 8192;
	tap_is(fs_call(&m, FS_PEEK), 8192, "peek two blocks into the cache");

	tap_is(create(FS_CREATE, 1, "keep", T_IFREG | 0600, &m), OK,
	    "create /keep");
	*keep = m.m_fs_node.ino;
	tap_is(io(FS_WRITE, *keep, 0, "persist", 7, &m), 7, "write /keep");
	tap_is(putnode(*keep), OK, "putnode /keep");
	tap_is(putnode((u64_t)f), OK, "putnode /f");
}

/*
 * Requests longer than MFS's 32 KiB copy window (fs/mfs/read.c moves a
 * caller's bytes through one bounce buffer, window by window): a write at
 * an unaligned offset over three windows, then reads across a leading
 * hole, a hole in the middle and the end of the file, each compared byte
 * for byte with what the file must hold.
 */
#define WIN_BYTES	72000
#define WIN_OFF		5003		/* blocks 0-3 stay a hole */
#define WIN_TAIL	200000		/* 10 bytes here: a hole before */

static u8_t win[WIN_BYTES], win_back[140000];

static void window_tests(void)
{
	u64_t size = WIN_TAIL + 10, w;
	message m;
	u32_t i;
	int r, bad;

	tap_is(create(FS_CREATE, 1, "w", T_IFREG | 0644, &m), OK, "create /w");
	w = m.m_fs_node.ino;
	for (i = 0; i < WIN_BYTES; i++)
		win[i] = (u8_t)(i * 7 + (i >> 12) + 1);
	tap_is(io(FS_WRITE, w, WIN_OFF, win, WIN_BYTES, &m), WIN_BYTES,
	    "write 72000 bytes at 5003: three copy windows");
	tap_is(io(FS_WRITE, w, WIN_TAIL, "0123456789", 10, &m), 10,
	    "write 10 bytes at 200000: a hole before them");
	memset(win_back, 0xee, sizeof(win_back));
	r = io(FS_READ, w, 0, win_back, WIN_OFF + WIN_BYTES, &m);
	for (i = bad = 0; i < WIN_OFF + WIN_BYTES; i++)
		bad += win_back[i] != (i < WIN_OFF ? 0 : win[i - WIN_OFF]);
	tap_ok(r == WIN_OFF + WIN_BYTES && bad == 0,
	    "read from 0: the leading hole as zeros, then the bytes (%d, %d bad)",
	    r, bad);
	memset(win_back, 0xee, sizeof(win_back));
	r = io(FS_READ, w, 70001, win_back, sizeof(win_back), &m);
	for (i = bad = 0; i < size - 70001; i++) {
		u64_t at = 70001 + i;
		u8_t want = at < WIN_OFF + WIN_BYTES ? win[at - WIN_OFF] :
		    at < WIN_TAIL ? 0 : (u8_t)('0' + (at - WIN_TAIL));
		bad += win_back[i] != want;
	}
	tap_ok(r == (int)(size - 70001) && bad == 0 &&
	    win_back[size - 70001] == 0xee,
	    "read across the middle hole and the end: short, exact (%d, %d bad)",
	    r, bad);
	tap_is(putnode(w), OK, "putnode /w");
	tap_is(name_call(FS_UNLINK, 1, "w", 0, &m), OK, "unlink /w");
}

static void dir_tests(void)
{
	struct mica_stat st;
	message m;
	i64_t d, g, l;
	char text[16];
	int r;

	tap_is(create(FS_MKDIR, 1, "d", T_IFDIR | 0755, &m), OK, "mkdir /d");
	d = lookup(1, "d", &m);
	memset(&m, 0, sizeof(m));
	m.m_fs_rename.old_dir = 1;
	m.m_fs_rename.new_dir = (u64_t)d;
	m.m_fs_rename.old_name.len = 1;
	m.m_fs_rename.old_name.grant = grant("f", 1, CPF_READ);
	m.m_fs_rename.new_name.len = 1;
	m.m_fs_rename.new_name.grant = grant("g", 1, CPF_READ);
	tap_is(fs_call(&m, FS_RENAME), OK, "rename /f to /d/g");
	cpf_revoke(m.m_fs_rename.old_name.grant);
	cpf_revoke(m.m_fs_rename.new_name.grant);
	tap_is((int)lookup(1, "f", &m), -ENOENT, "/f is gone");
	g = lookup((u64_t)d, "g", &m);
	tap_ok(g > 0 && m.m_fs_node.size == FILE_BYTES, "/d/g is the file");
	tap_is(name_call(FS_LINK, 1, "h", (u64_t)g, &m), OK, "link /h to it");
	r = io(FS_STAT, (u64_t)g, 0, &st, sizeof(st), &m);
	tap_ok(r == OK && st.st_nlink == 2, "two links (%d)", r);

	memset(&m, 0, sizeof(m));
	m.m_fs_slink.dir = 1;
	m.m_fs_slink.name.len = 1;
	m.m_fs_slink.name.grant = grant("l", 1, CPF_READ);
	m.m_fs_slink.target = grant("d/g", 3, CPF_READ);
	m.m_fs_slink.target_len = 3;
	tap_is(fs_call(&m, FS_SLINK), OK, "symlink /l -> d/g");
	cpf_revoke(m.m_fs_slink.name.grant);
	cpf_revoke(m.m_fs_slink.target);
	l = lookup(1, "l", &m);
	tap_ok(l > 0 && (m.m_fs_node.mode & T_IFMT) == T_IFLNK, "lookup /l");
	memset(text, 0, sizeof(text));
	r = io(FS_RDLINK, (u64_t)l, 0, text, sizeof(text), &m);
	tap_ok(r == 3 && memcmp(text, "d/g", 3) == 0, "readlink /l (%d)", r);

	memset(&m, 0, sizeof(m));
	m.m_fs_attr.ino = (u64_t)g;
	m.m_fs_attr.mode = 0600;
	tap_ok(fs_call(&m, FS_CHMOD) == OK && m.m_fs_mode.mode ==
	    (T_IFREG | 0600), "chmod 0600");
	memset(&m, 0, sizeof(m));
	m.m_fs_attr.ino = (u64_t)g;
	m.m_fs_attr.uid = 100;
	m.m_fs_attr.gid = (u32_t)-1;
	tap_is(fs_call(&m, FS_CHOWN), OK, "chown 100");
	memset(&m, 0, sizeof(m));
	m.m_fs_trunc.ino = (u64_t)g;
	m.m_fs_trunc.start = 100;
	tap_is(fs_call(&m, FS_TRUNC), OK, "truncate to 100");
	memset(&m, 0, sizeof(m));
	m.m_fs_utime.ino = (u64_t)g;
	m.m_fs_utime.atime_sec = 1234567;
	m.m_fs_utime.mtime_sec = 7654321;
	tap_is(fs_call(&m, FS_UTIME), OK, "utime");
	r = io(FS_STAT, (u64_t)g, 0, &st, sizeof(st), &m);
	tap_ok(r == OK && st.st_size == 100 && st.st_uid == 100 &&
	    st.st_gid == 8 && st.st_mode == (T_IFREG | 0600) &&
	    st.st_atime_sec == 1234567 && st.st_mtime_sec == 7654321,
	    "stat shows all four (%d: %u %u %u %x %u %u)", r,
	    (u32_t)st.st_size, st.st_uid, st.st_gid, st.st_mode,
	    (u32_t)st.st_atime_sec, (u32_t)st.st_mtime_sec);

	tap_is(name_call(FS_RMDIR, 1, "d", 0, &m), -ENOTEMPTY,
	    "rmdir of a non-empty directory");
	tap_is(name_call(FS_UNLINK, (u64_t)d, "g", 0, &m), OK, "unlink /d/g");
	tap_is(name_call(FS_UNLINK, 1, "h", 0, &m), OK, "unlink /h");
	tap_is(name_call(FS_UNLINK, 1, "l", 0, &m), OK, "unlink /l");
	tap_is(putnode((u64_t)g) | putnode((u64_t)l) | putnode((u64_t)d), OK,
	    "putnode g, l, d");
	tap_is(name_call(FS_RMDIR, 1, "d", 0, &m), OK, "rmdir /d");
	tap_is(listed(1, "d"), 0, "/d is not listed");
}

/* Block-special access to the mounted device goes through MFS's cache. */
static void bio_tests(void)
{
	const u8_t *img = fs_image_start + 1024;
	u8_t sb[32];
	message m;
	int r;

	/* The V3 superblock but its flags (bytes 14-15: clean/in use). */
	r = io(FS_BREAD, DEV_NR, 1024, sb, sizeof(sb), &m);
	tap_ok(r == (int)sizeof(sb) && memcmp(sb, img, 14) == 0 &&
	    memcmp(sb + 16, img + 16, 16) == 0 && !(sb[14] & 1),
	    "bread of the mounted device: its superblock, marked in use (%d)",
	    r);
	tap_ok(io(FS_BREAD, DEV_NR + 1, 0, sb, sizeof(sb), &m) < 0,
	    "bread of a device the server does not hold fails");
	memset(&m, 0, sizeof(m));
	m.m_fs_io.ino = DEV_NR;
	tap_is(fs_call(&m, FS_BFLUSH), OK, "bflush");
}

static void statvfs_tests(void)
{
	struct mica_statvfs sv;
	message m;
	int r;

	r = io(FS_STATVFS, 0, 0, &sv, sizeof(sv), &m);
	tap_ok(r == OK && sv.f_bsize == 1024 && sv.f_blocks == 384 &&
	    sv.f_bfree > 0 && sv.f_bfree < sv.f_blocks && sv.f_namemax == 60 &&
	    sv.f_flag == 0, "statvfs (%d: %u %llu %llu)", r, sv.f_bsize,
	    sv.f_blocks, sv.f_bfree);
}

/* Requests whose fields lie: each an error, the server carries on. */
static void hostile_tests(void)
{
	static char longname[300];
	struct mica_stat st;
	message m;
	cp_grant_id_t g;

	tap_is((int)lookup(1, "a/b", &m), -EINVAL, "a name with a slash");
	tap_is((int)lookup(1, "", &m), -EINVAL, "an empty name");
	memset(longname, 'x', sizeof(longname) - 1);
	tap_is((int)lookup(1, longname, &m), -ENAMETOOLONG, "a 299-byte name");
	tap_is((int)lookup(0, "etc", &m), -EINVAL, "inode 0");
	tap_is((int)lookup(60000, "etc", &m), -EINVAL,
	    "an inode past the file system's last");
	tap_is((int)lookup((u64_t)1 << 40, "etc", &m), -EINVAL,
	    "an inode number wider than ino_t");
	tap_is(name_call(FS_UNLINK, 1, "..", 0, &m), -EINVAL, "unlink ..");
	memset(&m, 0, sizeof(m));
	m.m_fs_name.dir = 1;
	m.m_fs_name.name.len = 3;
	m.m_fs_name.name.grant = g = grant("etc", 3, CPF_READ);
	cpf_revoke(g);
	tap_ok(fs_call(&m, FS_LOOKUP) < 0, "a revoked grant");
	memset(&m, 0, sizeof(m));
	m.m_fs_name.dir = 1;
	m.m_fs_name.name.len = 3;
	m.m_fs_name.name.grant = g = grant("etc", 2, CPF_READ);
	tap_ok(fs_call(&m, FS_LOOKUP) < 0, "a grant shorter than the name");
	cpf_revoke(g);
	memset(&m, 0, sizeof(m));
	m.m_fs_name.dir = 1;
	m.m_fs_name.name.len = 3;
	m.m_fs_name.name.grant = g = grant("etc", 3, CPF_WRITE);
	tap_ok(fs_call(&m, FS_LOOKUP) < 0, "a grant without read access");
	cpf_revoke(g);
	tap_is(io(FS_READ, 1, (u64_t)1 << 63, back, 10, &m), -EINVAL,
	    "a position past off_t");
	memset(&m, 0, sizeof(m));
	m.m_fs_io.ino = 1;
	m.m_fs_io.bytes = 0x80000000u;
	tap_is(fs_call(&m, FS_READ), -EINVAL, "a count past an int");
	tap_is(io(FS_STAT, 1, 0, &st, sizeof(st) - 4, &m), -EINVAL,
	    "a stat buffer of the wrong size");
	memset(&m, 0, sizeof(m));
	tap_is(fs_call(&m, FS_RQ_BASE + FS_NR_RQ), -ENOSYS, "an unknown request");
	tap_is(mount(), -EBUSY, "a second mount");
	memset(&m, 0, sizeof(m));
	m.m_type = FS_RQ_BASE + 999;
	tap_is(ipc_send(mfs_ep, &m), OK, "a request sent without waiting");
	memset(&m, 0, sizeof(m));
	tap_is(fs_call(&m, FS_SYNC), OK,
	    "its reply was dropped, the server serves the next one");
}

/*
 * Kill the server after a sync and start its second instance as RS would
 * restart it: same label, SEF_INIT_RESTART.  It finds the mount record in
 * DS, mounts the same device again, and serves the same client.
 */
static void restart_tests(void)
{
	message m;
	char text[8];
	i64_t keep;
	int r;

	memset(&m, 0, sizeof(m));
	tap_is(fs_call(&m, FS_SYNC), OK, "sync before the crash");
	tap_is(sys_kill(MFS, SIGKILL), OK, "MFS killed");
	memset(&m, 0, sizeof(m));
	tap_ok(fs_call(&m, FS_SYNC) < 0, "a request to the dead server fails");
	tap_is(ds_publish_label("mfs", MFS2, DSF_OVERWRITE), OK,
	    "label mfs -> the new instance");
	tap_is(as_rs_init(MFS2, "mfs", SEF_INIT_RESTART), OK,
	    "restart init: remounted from the mount record");
	mfs_ep = MFS2;
	tap_is(mount(), OK, "mounting again after the crash: the restored "
	    "mount's root, once");
	tap_is(putnode(1), OK, "putnode that root");
	keep = lookup(1, "keep", &m);
	memset(text, 0, sizeof(text));
	r = io(FS_READ, (u64_t)keep, 0, text, sizeof(text), &m);
	tap_ok(keep > 0 && r == 7 && memcmp(text, "persist", 7) == 0,
	    "the new instance serves /keep (%d)", r);
	tap_is(putnode((u64_t)keep), OK, "putnode /keep");
}

/* Ask the stranger to try a request; its result. */
static void vfs(void)
{
	message m;
	u64_t keep = 0;
	char text[8];
	int r;

	tap_is(as_rs_init(DS_PROC_NR, "ds", SEF_INIT_FRESH), OK, "DS initialised");
	tap_is(as_rs_init(MEMORY, "memory", SEF_INIT_FRESH), OK,
	    "memory driver initialised");
	tap_is(as_rs_init(MFS, "mfs", SEF_INIT_FRESH), OK, "MFS initialised");
	tap_is(ds_publish_label("memory", MEMORY, 0), OK, "label memory");
	tap_is(ds_publish_label("mfs", MFS, 0), OK, "label mfs (its mount "
	    "record goes to DS under it)");
	tap_is(load_image(), OK, "host-made image loaded into the driver");
	memset(&m, 0, sizeof(m));
	tap_is(fs_call(&m, FS_SYNC), -EINVAL, "no request before a mount");
	tap_is(mount(), OK, "mount /dev/ram0 by label");
	file_tests(&keep);
	window_tests();
	dir_tests();
	statvfs_tests();
	bio_tests();
	restart_tests();
	hostile_tests();
	tap_is(as_vfs_stranger_result(STRANGER), -EPERM, "another endpoint is refused");
	memset(&m, 0, sizeof(m));
	tap_is(fs_call(&m, FS_SYNC), OK, "sync");
	tap_is(fs_call(&m, FS_UNMOUNT), OK, "unmount");
	tap_is((int)lookup(1, "keep", &m), -EINVAL, "nothing served unmounted");
	tap_is(mount(), OK, "mount again");
	keep = (u64_t)lookup(1, "keep", &m);
	memset(text, 0, sizeof(text));
	r = io(FS_READ, keep, 0, text, sizeof(text), &m);
	tap_ok(r == 7 && memcmp(text, "persist", 7) == 0,
	    "/keep came back from the device (%d)", r);
	tap_is(putnode(keep), OK, "putnode /keep");
	memset(&m, 0, sizeof(m));
	tap_is(fs_call(&m, FS_UNMOUNT), OK, "unmount again");
	tap_is(dump_image(), OK, "device dumped for the host's fsck (fs.check)");
	tap_done();
}

int main(const char *args)
{
	if (tap_role(args, "stranger"))
		as_vfs_stranger(MFS2);	/* tries a sync on MFS itself */
	vfs();
	return 0;
}
