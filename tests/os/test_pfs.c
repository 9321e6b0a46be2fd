/*
 * test_pfs.c - the PFS server in QEMU, driven by a fake VFS over the
 * VFS<->FS protocol (mica/vfsif.h, the pipe rules beside FS_PIPE_SIZE):
 *   pfs: test_pfs role=stranger, kernel, pfs priv=sys,
 *        test_pfs role=vfs priv=sys, ds priv=sys, pfs priv=sys
 * The vfs role sits in RS's slot (3): it initialises DS and PFS as RS
 * would and publishes PFS's label.  Then, as VFS: mount without a device,
 * make pipes with FS_NEWNODE, move bytes through them (order, the ring's
 * wrap, atomicity of writes up to FS_PIPE_BUF, partial writes beyond it,
 * "would block" as EAGAIN, never 0), fill PFS to its limits (ENFILE,
 * ENOSPC) and empty it again, send hostile requests (bad inodes, counts,
 * grants that fault: nothing moves), and kill PFS: its second instance
 * (slot 5), started as RS restarts a service, mounts again from the
 * record in DS and never hands out a number the first one gave.  EOF and
 * EPIPE are VFS's (only VFS knows readers and writers); the suites with
 * the real VFS test them through this server.
 */
#include <mica/ds.h>
#include <mica/sef.h>
#include <mica/vfsif.h>
#include <mica/ipc_lc.h>
#include <mica/dirent.h>
#include "tap.h"
#include "lib/as_vfs.h"
#include "lib/as_rs.h"

#define STRANGER	0
#define PFS		2		/* the server; its restarted instance: */
#define PFS2		5
#define DEV_NR		0x300
#define NR_INODES	256		/* fs/pfs/pfs.h's limits, as a */
#define NR_BUFS		128		/* client sees them */

static u8_t out[3 * FS_PIPE_SIZE], in[3 * FS_PIPE_SIZE];
static u64_t many[NR_INODES + 1];
static endpoint_t pfs_ep = PFS;
static char dents[512];

static int fs_call(message *m, int type)
{
	return as_vfs_call(pfs_ep, m, type);
}

static cp_grant_id_t grant(const void *p, u32_t len, u32_t access)
{
	return cpf_grant_direct(pfs_ep, (vir_bytes)p, len, access);
}

static int mount_with_dev(const char *label, u32_t flags, u32_t dev,
    message *m)
{
	u32_t len = strlen(label);
	int r;

	memset(m, 0, sizeof(*m));
	m->m_fs_mount.dev = dev;
	m->m_fs_mount.flags = flags;
	m->m_fs_mount.label.len = len;
	m->m_fs_mount.label.grant = len ? grant(label, len, CPF_READ) : -1;
	r = fs_call(m, FS_MOUNT);
	if (len)
		cpf_revoke(m->m_fs_mount.label.grant);
	return r;
}

static int mount_with(const char *label, u32_t flags, message *m)
{
	return mount_with_dev(label, flags, DEV_NR, m);
}

static int mount(void)
{
	message m;
	int r = mount_with("", 0, &m);

	if (r == OK && (m.m_fs_node.ino != 1 ||
	    (m.m_fs_node.mode & MICA_S_IFMT) != MICA_S_IFDIR))
		return -9000;
	return r;
}

/* A new pipe: its inode number, or the error. */
static i64_t newnode(u32_t mode, u32_t rdev)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_fs_create.mode = mode;
	m.m_fs_create.uid = 7;
	m.m_fs_create.gid = 8;
	m.m_fs_create.rdev = rdev;
	m.m_fs_create.name.grant = -1;
	if ((r = fs_call(&m, FS_NEWNODE)) != OK)
		return r;
	if (m.m_fs_node.size != 0 || m.m_fs_node.uid != 7 ||
	    m.m_fs_node.gid != 8 || m.m_fs_node.mode != mode)
		return -9001;
	return (i64_t)m.m_fs_node.ino;
}

static i64_t pipe(void)
{
	return newnode(MICA_S_IFIFO | 0600, 0);
}

static int putnode(u64_t ino, u32_t count)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_fs_putnode.ino = ino;
	m.m_fs_putnode.count = count;
	return fs_call(&m, FS_PUTNODE);
}

/* A transfer on a grant of 'glen' bytes with 'access' (a hostile test
 * passes a mismatch); 'len' bytes asked for. */
static int io_as(int type, u64_t ino, void *buf, u32_t len, u32_t glen,
    u32_t access)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_fs_io.ino = ino;
	m.m_fs_io.pos = 12345;		/* ignored for pipes */
	m.m_fs_io.bytes = len;
	m.m_fs_io.grant = glen ? grant(buf, glen, access) : -1;
	r = fs_call(&m, type);
	if (glen)
		cpf_revoke(m.m_fs_io.grant);
	return r;
}

static int io(int type, u64_t ino, void *buf, u32_t len)
{
	return io_as(type, ino, buf, len, len, type == FS_WRITE ? CPF_READ :
	    CPF_WRITE);
}

static int wr(u64_t ino, const void *buf, u32_t len)
{
	return io(FS_WRITE, ino, (void *)buf, len);
}

static int rd(u64_t ino, void *buf, u32_t len)
{
	return io(FS_READ, ino, buf, len);
}

/* The pipe's st_size (bytes held), or the error. */
static i64_t held(u64_t ino)
{
	struct mica_stat st;
	int r;

	memset(&st, 0, sizeof(st));
	if ((r = io(FS_STAT, ino, &st, sizeof(st))) != OK)
		return r;
	return st.st_size;
}

static void pattern(u8_t *p, u32_t len, u32_t seed)
{
	for (u32_t i = 0; i < len; i++)
		p[i] = (u8_t)(seed + i * 7 + (i >> 8));
}

/* Read exactly len bytes (in chunks of 'chunk') and compare with want. */
static int drain(u64_t ino, const u8_t *want, u32_t len, u32_t chunk)
{
	u32_t got = 0;
	int r;

	memset(in, 0, len);
	while (got < len) {
		u32_t n = len - got < chunk ? len - got : chunk;

		if ((r = rd(ino, in + got, n)) <= 0)
			return r < 0 ? r : -9002;
		got += (u32_t)r;
	}
	return memcmp(in, want, len) == 0 ? OK : -9003;
}

static void node_tests(void)
{
	message m;
	struct mica_stat st;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_fs_name.dir = 1;
	m.m_fs_name.name.len = 2;
	m.m_fs_name.name.grant = grant("..", 2, CPF_READ);
	r = fs_call(&m, FS_LOOKUP);
	cpf_revoke(m.m_fs_name.name.grant);
	tap_ok(r == OK && m.m_fs_node.ino == 1, "lookup .. at the root: root");
	tap_is(putnode(1, 1), OK, "putnode root");
	m.m_fs_name.name.len = 4;
	m.m_fs_name.name.grant = grant("pipe", 4, CPF_READ);
	r = fs_call(&m, FS_LOOKUP);
	cpf_revoke(m.m_fs_name.name.grant);
	tap_is(r, -ENOENT, "no names in PFS (lookup pipe)");
	memset(&st, 0, sizeof(st));
	tap_is(io(FS_STAT, 1, &st, sizeof(st)), OK, "stat root");
	tap_ok((st.st_mode & MICA_S_IFMT) == MICA_S_IFDIR && st.st_ino == 1,
	    "root is directory 1");
	memset(&m, 0, sizeof(m));
	m.m_fs_io.ino = 1;
	m.m_fs_io.bytes = sizeof(dents);
	m.m_fs_io.grant = grant(dents, sizeof(dents), CPF_WRITE);
	r = fs_call(&m, FS_GETDENTS);
	tap_ok(r > 0 && strcmp(((struct mica_dirent *)dents)->d_name, ".") == 0
	    && m.m_fs_pos.pos == 2, "getdents root: . and .. (%d)", r);
	m.m_fs_io.ino = 1;		/* the reply's pos overwrote it */
	m.m_fs_io.pos = 2;
	m.m_fs_io.bytes = sizeof(dents);
	tap_is(fs_call(&m, FS_GETDENTS), 0, "getdents root: then the end");
	cpf_revoke(m.m_fs_io.grant);
	tap_is(newnode(MICA_S_IFREG | 0600, 0), -EINVAL, "newnode: a file");
	tap_is(newnode(MICA_S_IFDIR | 0700, 0), -EINVAL, "newnode: a dir");
	tap_is(newnode(MICA_S_IFIFO | 0600, 0x101), -EINVAL,
	    "newnode: a pipe with a device number");
	tap_is(newnode(MICA_S_IFIFO | 0600 | 0x40000, 0), -EINVAL,
	    "newnode: bits beyond type and permissions");
}

static void data_tests(void)
{
	i64_t p = pipe(), q;
	char text[16];
	struct mica_stat st;
	message m;

	tap_ok(p > 1, "newnode: a pipe (%lld)", (long long)p);
	tap_is(rd(p, text, sizeof(text)), -EAGAIN,
	    "read of an empty pipe: would block, not 0");
	tap_is(wr(p, "hello", 5), 5, "write 5");
	tap_is(wr(p, "", 0), 0, "write 0");
	tap_is((int)held(p), 5, "st_size: 5 held");
	memset(&st, 0, sizeof(st));
	tap_ok(io(FS_STAT, p, &st, sizeof(st)) == OK &&
	    st.st_mode == (MICA_S_IFIFO | 0600) && st.st_uid == 7 &&
	    st.st_gid == 8 && st.st_ino == (u64_t)p && st.st_blksize ==
	    FS_PIPE_BUF, "stat: fifo, owner, st_blksize PIPE_BUF");
	memset(text, 0, sizeof(text));
	tap_ok(rd(p, text, 3) == 3 && memcmp(text, "hel", 3) == 0,
	    "read 3: hel");
	tap_ok(rd(p, text, sizeof(text)) == 2 && memcmp(text, "lo", 2) == 0,
	    "read more: lo (short count)");
	tap_is(rd(p, text, sizeof(text)), -EAGAIN, "empty again");
	tap_is(io(FS_READ, 1, text, 4), -EISDIR, "read the root");
	tap_is(io(FS_GETDENTS, p, dents, sizeof(dents)), -ENOTDIR,
	    "getdents on a pipe");

	/* Fill with more than PIPE_BUF in one go, then atomicity. */
	pattern(out, sizeof(out), 1);
	tap_is(wr(p, out, FS_PIPE_SIZE - 100), FS_PIPE_SIZE - 100,
	    "a write that fits, larger than PIPE_BUF");
	tap_is(wr(p, out, 200), -EAGAIN,
	    "200 bytes (<= PIPE_BUF) with 100 free: whole or nothing");
	tap_is(wr(p, out, FS_PIPE_BUF), -EAGAIN,
	    "PIPE_BUF bytes with 100 free: whole or nothing");
	tap_is((int)held(p), FS_PIPE_SIZE - 100, "nothing of them went in");
	tap_is(wr(p, out + FS_PIPE_SIZE - 100, FS_PIPE_BUF + 1), 100,
	    "PIPE_BUF+1 bytes: a partial write of what fits");
	tap_is(wr(p, out, 1), -EAGAIN, "full: one byte would block");
	tap_is(drain(p, out, FS_PIPE_SIZE, 1000), OK,
	    "8192 bytes read back in order");
	tap_is((int)held(p), 0, "empty");

	/* The ring wraps: leave the head in the middle, write across. */
	tap_is(wr(p, out, 5000), 5000, "5000 in");
	tap_is(drain(p, out, 4000, 4000), OK, "4000 out");
	tap_is(wr(p, out + 5000, 7000), 7000, "7000 in, across the wrap");
	tap_is(drain(p, out + 4000, 8000, 3000), OK,
	    "8000 out across the wrap, in order");

	/* Two pipes do not mix. */
	q = pipe();
	tap_ok(q > 1 && q != p, "a second pipe");
	tap_is(wr(p, "pp", 2), 2, "write p");
	tap_is(wr(q, "qqq", 3), 3, "write q");
	memset(text, 0, sizeof(text));
	tap_ok(rd(q, text, sizeof(text)) == 3 && memcmp(text, "qqq", 3) == 0,
	    "q has its own bytes");
	tap_ok(rd(p, text, sizeof(text)) == 2 && memcmp(text, "pp", 2) == 0,
	    "p has its own bytes");

	/* Attributes. */
	memset(&m, 0, sizeof(m));
	m.m_fs_attr.ino = p;
	m.m_fs_attr.mode = 0640;
	tap_ok(fs_call(&m, FS_CHMOD) == OK && m.m_fs_mode.mode ==
	    (MICA_S_IFIFO | 0640), "chmod keeps the type");
	memset(&m, 0, sizeof(m));
	m.m_fs_attr.ino = p;
	m.m_fs_attr.uid = 9;
	m.m_fs_attr.gid = (u32_t)-1;
	tap_is(fs_call(&m, FS_CHOWN), OK, "chown");
	memset(&st, 0, sizeof(st));
	tap_ok(io(FS_STAT, p, &st, sizeof(st)) == OK && st.st_uid == 9 &&
	    st.st_gid == 8, "uid changed, gid kept");
	memset(&m, 0, sizeof(m));
	m.m_fs_trunc.ino = p;
	tap_is(fs_call(&m, FS_TRUNC), -EINVAL, "truncate a pipe: EINVAL");
	memset(&m, 0, sizeof(m));
	m.m_fs_attr.ino = 1;
	m.m_fs_attr.mode = 0777;
	tap_is(fs_call(&m, FS_CHMOD), -EPERM, "chmod the root: EPERM");
	tap_is(putnode(q, 1), OK, "putnode q: gone");
	tap_is((int)held(q), -EINVAL, "q is gone");
	tap_is(putnode(p, 1), OK, "putnode p: gone");
}

static void limit_tests(void)
{
	struct mica_statvfs sv;
	int n, r = OK, full = 0;
	i64_t x;

	for (n = 0; n < NR_INODES; n++) {
		if ((x = pipe()) < 0) {
			r = (int)x;
			break;
		}
		many[n] = (u64_t)x;
	}
	tap_is(n, NR_INODES, "256 pipes at once");
	tap_is((int)pipe(), -ENFILE, "the 257th: ENFILE");
	for (int i = 0; i < n && r == OK; i++)
		if ((r = wr(many[i], "x", 1)) == 1)
			r = OK, full++;
	tap_is(full, NR_BUFS, "128 pipes hold bytes at once");
	tap_is(r, -ENOSPC, "the next one's first byte: ENOSPC");
	memset(&sv, 0, sizeof(sv));
	tap_ok(io(FS_STATVFS, 1, &sv, sizeof(sv)) == OK && sv.f_bfree == 0 &&
	    sv.f_ffree == 0 && sv.f_files == NR_INODES,
	    "statvfs: no buffer, no inode free");
	tap_is(wr(many[0], "y", 1), 1, "a pipe with a buffer still takes bytes");
	tap_is(rd(many[0], in, 2), 2, "and gives them back");
	tap_is(wr(many[NR_BUFS], "x", 1), 1,
	    "a read that empties a pipe frees its buffer for another");
	for (r = OK, n = 0; n < NR_INODES; n++)
		if (putnode(many[n], 1) != OK)
			r = -1;
	tap_is(r, OK, "all 256 put");
	memset(&sv, 0, sizeof(sv));
	tap_ok(io(FS_STATVFS, 1, &sv, sizeof(sv)) == OK &&
	    sv.f_bfree == NR_BUFS && sv.f_ffree == NR_INODES,
	    "statvfs: everything free again");
	x = pipe();
	tap_ok(x > (i64_t)many[NR_INODES - 1], "numbers are not reused");
	tap_is(putnode((u64_t)x, 1), OK, "put it");
}

static void hostile_tests(void)
{
	i64_t p = pipe();
	message m;
	char text[8];

	tap_is(wr(p, "abc", 3), 3, "a pipe holding abc");
	tap_ok(io_as(FS_READ, p, text, 3, 3, CPF_READ) < 0,
	    "read into a grant PFS may not write: refused by the kernel");
	tap_is(io_as(FS_READ, p, text, 3, 0, 0), -EINVAL,
	    "read into no grant: EINVAL");
	memset(&m, 0, sizeof(m));
	m.m_fs_io.ino = (u64_t)p;
	m.m_fs_io.bytes = 3;
	m.m_fs_io.grant = 4000;
	tap_ok(fs_call(&m, FS_READ) < 0, "read into a grant nobody made");
	tap_is((int)held(p), 3, "the faulted reads consumed nothing");
	tap_ok(io_as(FS_WRITE, p, text, 3, 3, CPF_WRITE) < 0,
	    "write from a grant PFS may not read: refused by the kernel");
	tap_ok(io_as(FS_WRITE, p, text, 8, 4, CPF_READ) < 0,
	    "write of 8 from a grant of 4: refused by the kernel");
	tap_is((int)held(p), 3, "the faulted writes appended nothing");
	tap_is(io(FS_READ, 0, text, 3), -EINVAL, "inode 0");
	tap_is(io(FS_READ, 0x7fffffffull, text, 3), -EINVAL, "unknown inode");
	tap_is(io(FS_WRITE, 1ull << 40, text, 3), -EINVAL,
	    "an inode wider than ino_t");
	memset(&m, 0, sizeof(m));
	m.m_fs_io.ino = (u64_t)p;
	m.m_fs_io.bytes = 0x80000000u;
	tap_is(fs_call(&m, FS_WRITE), -EINVAL, "a count past an int");
	memset(&m, 0, sizeof(m));
	m.m_fs_create.mode = MICA_S_IFIFO | 0600;
	m.m_fs_create.uid = 0x10000;
	tap_is(fs_call(&m, FS_NEWNODE), -EINVAL, "newnode: a uid wider than "
	    "uid_t");
	memset(&m, 0, sizeof(m));
	m.m_fs_create.mode = MICA_S_IFIFO | 0600;
	m.m_fs_create.gid = (u32_t)-1;
	tap_is(fs_call(&m, FS_NEWNODE), -EINVAL, "newnode: gid -1");
	tap_is(putnode(p, 0), -EINVAL, "putnode count 0");
	tap_is(putnode(p, 2), -EINVAL, "putnode more than held");
	tap_is(putnode(1, 5), -EINVAL, "putnode root more than held");
	memset(&m, 0, sizeof(m));
	m.m_fs_create.dir = 1;
	m.m_fs_create.name.len = 1;
	m.m_fs_create.name.grant = grant("f", 1, CPF_READ);
	m.m_fs_create.mode = MICA_S_IFREG | 0600;
	tap_is(fs_call(&m, FS_CREATE), -EROFS, "create in PFS: EROFS");
	cpf_revoke(m.m_fs_create.name.grant);
	tap_is(io(FS_RDLINK, p, text, 4), -ENOSYS, "readlink: ENOSYS");
	memset(&m, 0, sizeof(m));
	tap_is(fs_call(&m, FS_RQ_BASE + FS_NR_RQ), -ENOSYS, "unknown request");
	memset(&m, 0, sizeof(m));
	tap_is(mount_with("", 0, &m), -EBUSY, "a second mount");
	memset(&m, 0, sizeof(m));
	m.m_type = FS_RQ_BASE + 999;
	tap_is(ipc_send(pfs_ep, &m), OK, "a request sent without waiting");
	memset(&m, 0, sizeof(m));
	tap_is(fs_call(&m, FS_SYNC), OK,
	    "its reply was dropped, the server serves the next one");
	memset(text, 0, sizeof(text));
	tap_ok(rd(p, text, sizeof(text)) == 3 && memcmp(text, "abc", 3) == 0,
	    "abc is still there, whole");
	tap_is(putnode(p, 1), OK, "put it");
	tap_is(putnode(p, 1), -EINVAL, "put it again");
}

/*
 * Kill PFS and start its second instance as RS restarts a service: it
 * finds the mount record in DS and mounts again; the pipe's bytes are
 * gone, and its number names nothing rather than a new pipe.
 */
static void restart_tests(void)
{
	i64_t old = pipe(), fresh;
	struct mica_stat st;
	message m;

	tap_is(wr(old, "lost", 4), 4, "bytes in a pipe before the crash");
	tap_is(sys_kill(PFS, SIGKILL), OK, "PFS killed");
	memset(&m, 0, sizeof(m));
	tap_ok(fs_call(&m, FS_SYNC) < 0, "a request to the dead server fails");
	tap_is(ds_publish_label("pfs", PFS2, DSF_OVERWRITE), OK,
	    "label pfs -> the new instance");
	tap_is(as_rs_init(PFS2, "pfs", SEF_INIT_RESTART), OK,
	    "restart init: mounted from the record");
	pfs_ep = PFS2;
	tap_is((int)held(1), 0, "the new instance serves the root");
	tap_is(mount_with("", FS_MOUNT_RDONLY, &m), -EBUSY,
	    "a different mount: EBUSY");
	tap_ok(mount_with_dev("", 0, DEV_NR + 1, &m) == OK &&
	    m.m_fs_node.ino == 1, "the client that saw the crash mounts "
	    "again (a new st_dev, as VFS does): the restored root");
	tap_is(mount_with("", 0, &m), -EBUSY, "only once");
	tap_is(putnode(1, 1), OK, "that root reference is the client's");
	memset(&st, 0, sizeof(st));
	tap_ok(io(FS_STAT, 1, &st, sizeof(st)) == OK && st.st_dev ==
	    DEV_NR + 1, "stat reports the new st_dev");
	tap_is((int)held(old), -EINVAL,
	    "the dead instance's pipe: EINVAL (its bytes did not survive)");
	fresh = pipe();
	tap_ok(fresh > old, "a new pipe gets a number never given before "
	    "(%lld > %lld)", (long long)fresh, (long long)old);
	tap_is(wr(fresh, "new", 3), 3, "and works");
	tap_is((int)held(old), -EINVAL, "the old number still names nothing");
	tap_is(putnode(fresh, 1), OK, "put it");
}

static void vfs(void)
{
	message m;

	tap_is(as_rs_init(DS_PROC_NR, "ds", SEF_INIT_FRESH), OK, "DS initialised");
	tap_is(as_rs_init(PFS, "pfs", SEF_INIT_FRESH), OK, "PFS initialised");
	tap_is(ds_publish_label("pfs", PFS, 0), OK, "label pfs");
	memset(&m, 0, sizeof(m));
	tap_is(fs_call(&m, FS_SYNC), -EINVAL, "no request before a mount");
	tap_is(mount_with("memory", 0, &m), -ENODEV,
	    "a mount naming a device: ENODEV");
	tap_is(mount_with("", FS_MOUNT_RDONLY, &m), -EINVAL,
	    "a read-only mount: EINVAL");
	tap_is(mount(), OK, "mount without a device");
	node_tests();
	data_tests();
	limit_tests();
	hostile_tests();
	restart_tests();
	tap_is(as_vfs_stranger_result(STRANGER), -EPERM, "another endpoint is refused");
	memset(&m, 0, sizeof(m));
	tap_is(fs_call(&m, FS_UNMOUNT), OK, "unmount");
	tap_is((int)held(1), -EINVAL, "nothing served unmounted");
	tap_is(mount(), OK, "mount again");
	tap_ok(pipe() > 1, "pipes again");
	memset(&m, 0, sizeof(m));
	tap_is(fs_call(&m, FS_UNMOUNT), OK, "unmount again");
	tap_done();
}

int main(const char *args)
{
	if (tap_role(args, "stranger"))
		as_vfs_stranger(PFS2);	/* tries a sync on PFS itself */
	vfs();
	return 0;
}
