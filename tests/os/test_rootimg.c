/*
 * test_rootimg.c - the root image (build/i386/root.img, a boot module) as
 * the memory driver serves it and the MFS server reads it:
 *   rootimg: test_rootimg role=user image=6, memory priv=sys image=6, mfs priv=sys,
 *            test_rootimg priv=sys, ds priv=sys,
 *            memory priv=sys image=42, root.img data
 * The test sits in RS's slot (3) and starts DS, the drivers and MFS as RS
 * would.  The kernel listed module 6 (a data module: no process) in the
 * first driver's privileges ("image=6"); the driver maps it and serves it
 * as /dev/ram0.  The second driver names a module that does not exist and
 * must fail its init.  Then, as VFS would: mount the image, find /bin/sh,
 * /sbin/init, /etc/rc and /dev/console as the host's mkfs.mfs and
 * tools/mkimage/devtable made them, write a file in /tmp, unmount, mount
 * again and read it back; and the character minors: /dev/null, /dev/zero,
 * /dev/random, and the missing ones.  The user role (slot 0, no priv=sys)
 * reads its own privileges without the PRIVCTL call bit (the kernel's
 * exception) and finds the image listed, but may read no one else's, set
 * none, and cannot SYS_PHYSMAP without the call; it sends each result as
 * the m_type of a message.
 */
#include <mica/ds.h>
#include <mica/sef.h>
#include <mica/libbdev.h>
#include <mica/vfsif.h>
#include <mica/cdev.h>
#include <mica/memdev.h>
#include "mfs_format.h"		/* MFS_MAGIC_V3 */
#include "tap.h"
#include "lib/as_rs.h"

#define USER		0
#define MEMORY		1
#define MFS		2
#define BADMEM		5
#define IMAGE_BYTES	(8u * 1024u * 1024u)	/* tools/mkimage/module.mk */
#define DEV_NR		0x100
#define T_IFMT		0170000
#define T_IFDIR		0040000
#define T_IFREG		0100000
#define T_IFCHR		0020000
#define RC_FIRST	"# /etc/rc"		/* tools/mkimage/etc/rc */

static u8_t buf[8192];

static int fs_call(message *m, int type)
{
	int r;

	m->m_type = type;
	if ((r = ipc_sendrec(MFS, m)) != OK)
		return r;
	return m->m_type;
}

static cp_grant_id_t grant(endpoint_t to, const void *p, u32_t len, u32_t access)
{
	return cpf_grant_direct(to, (vir_bytes)p, len, access);
}

static i64_t lookup(u64_t dir, const char *name, message *m)
{
	int r;

	memset(m, 0, sizeof(*m));
	m->m_fs_name.dir = dir;
	m->m_fs_name.name.len = strlen(name);
	m->m_fs_name.name.grant = grant(MFS, name, strlen(name), CPF_READ);
	r = fs_call(m, FS_LOOKUP);
	cpf_revoke(m->m_fs_name.name.grant);
	return r == OK ? (i64_t)m->m_fs_node.ino : r;
}

/* Look a path of names up from the root (no putnode: the test is short). */
static i64_t walk(const char *a, const char *b)
{
	message m;
	i64_t d = lookup(1, a, &m);

	return d > 0 && b ? lookup((u64_t)d, b, &m) : d;
}

static int io(int type, u64_t ino, u64_t pos, void *p, u32_t len)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_fs_io.ino = ino;
	m.m_fs_io.pos = pos;
	m.m_fs_io.bytes = len;
	m.m_fs_io.grant = grant(MFS, p, len, type == FS_WRITE ? CPF_READ : CPF_WRITE);
	r = fs_call(&m, type);
	cpf_revoke(m.m_fs_io.grant);
	return r;
}

static int stat_of(i64_t ino, struct mica_stat *st)
{
	return ino > 0 ? io(FS_STAT, (u64_t)ino, 0, st, sizeof(*st)) : (int)ino;
}

static int mount(void)
{
	static const char label[] = "memory";
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_fs_mount.dev = DEV_NR;
	m.m_fs_mount.label.len = sizeof(label) - 1;
	m.m_fs_mount.label.grant = grant(MFS, label, sizeof(label) - 1, CPF_READ);
	r = fs_call(&m, FS_MOUNT);
	cpf_revoke(m.m_fs_mount.label.grant);
	return r;
}

static int simple(int type)
{
	message m;

	memset(&m, 0, sizeof(m));
	return fs_call(&m, type);
}

/* One character-device request to the driver; the reply's status. */
static int cdev(int type, int minor, void *p, u32_t len)
{
	static u32_t id = 1;
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	if (type == CDEV_READ || type == CDEV_WRITE) {
		m.m_cdev_rw.minor = minor;
		m.m_cdev_rw.id = ++id;
		m.m_cdev_rw.count = len;
		m.m_cdev_rw.grant = grant(MEMORY, p, len,
		    type == CDEV_READ ? CPF_WRITE : CPF_READ);
	} else {
		m.m_cdev_oc.minor = minor;
		m.m_cdev_oc.id = ++id;
		m.m_cdev_oc.access = CDEV_R | CDEV_W;
	}
	r = ipc_sendrec(MEMORY, &m);
	if (type == CDEV_READ || type == CDEV_WRITE)
		cpf_revoke(m.m_cdev_rw.grant);
	if (r != OK)
		return r;
	if (m.m_type != CDEV_REPLY || m.m_cdev_reply.id != id)
		return -9997;
	return m.m_cdev_reply.status;
}

static void block_tests(void)
{
	struct bdev_dev d;
	u64_t size = 0;
	int r;

	tap_is(bdev_open(&d, MEMORY, MEM_RAM_MINOR, BDEV_R_BIT | BDEV_W_BIT), OK,
	    "open /dev/ram0");
	r = bdev_size(&d, &size);
	tap_ok(r == OK && size == IMAGE_BYTES, "its size is the image's (%u)",
	    (u32_t)size);
	r = bdev_read(&d, 1024, buf, 1024);
	tap_ok(r == 1024 && (buf[24] | buf[25] << 8) == MFS_MAGIC_V3,
	    "the superblock at 1024 has MFS's V3 magic (%d)", r);
	r = bdev_read(&d, IMAGE_BYTES - 1024, buf, 4096);
	tap_is(r, 1024, "a read across the image's end is cut there");
	tap_is(bdev_open(&d, MEMORY, 1, BDEV_R_BIT), -ENXIO,
	    "block minor 1 does not exist");
	bdev_close(&d);
}

static void fs_tests(void)
{
	struct mica_stat st;
	i64_t ino;
	int r;

	tap_is(mount(), OK, "MFS mounts the root image");
	r = stat_of(walk("bin", "sh"), &st);
	tap_ok(r == OK && st.st_mode == (T_IFREG | 0755) && st.st_uid == 0 &&
	    st.st_size > 1000, "/bin/sh: regular, 0755, root's (%d)", r);
	r = io(FS_READ, (u64_t)walk("bin", "sh"), 0, buf, 4);
	tap_ok(r == 4 && !memcmp(buf, "\177ELF", 4), "/bin/sh is an ELF file");
	tap_ok(walk("sbin", "init") > 0, "/sbin/init is there");
	tap_ok(walk("bin", "[") == walk("bin", "test") && walk("bin", "[") > 0,
	    "/bin/[ is /bin/test");
	ino = walk("etc", "rc");
	memset(buf, 0, sizeof(buf));
	r = ino > 0 ? io(FS_READ, (u64_t)ino, 0, buf, sizeof(RC_FIRST) - 1) : -1;
	tap_ok(r == sizeof(RC_FIRST) - 1 && !memcmp(buf, RC_FIRST, r),
	    "/etc/rc starts as tools/mkimage/etc/rc (%d)", r);
	r = stat_of(walk("dev", "console"), &st);
	tap_ok(r == OK && (st.st_mode & T_IFMT) == T_IFCHR &&
	    st.st_rdev == (4u << 8 | 0), "/dev/console is char 4,0 (%d)", r);
	r = stat_of(walk("tmp", NULL), &st);
	tap_ok(r == OK && st.st_mode == (T_IFDIR | 01777), "/tmp is 1777 (%d)", r);
	tap_ok(walk("bin", "no-such-command") == -ENOENT, "a missing name: ENOENT");
}

static void write_tests(void)
{
	message m;
	i64_t tmp = walk("tmp", NULL), f;
	static const char text[] = "written in Mica";
	int r;

	memset(&m, 0, sizeof(m));
	m.m_fs_create.dir = (u64_t)tmp;
	m.m_fs_create.name.len = 1;
	m.m_fs_create.name.grant = grant(MFS, "f", 1, CPF_READ);
	m.m_fs_create.mode = T_IFREG | 0644;
	r = fs_call(&m, FS_CREATE);
	cpf_revoke(m.m_fs_create.name.grant);
	f = r == OK ? (i64_t)m.m_fs_node.ino : r;
	tap_ok(f > 0, "create /tmp/f (%d)", r);
	tap_is(io(FS_WRITE, (u64_t)f, 0, (void *)text, sizeof(text)),
	    sizeof(text), "write it");
	tap_is(simple(FS_SYNC), OK, "sync");
	tap_is(simple(FS_UNMOUNT), OK, "unmount");
	tap_is(mount(), OK, "mount again");
	f = walk("tmp", "f");
	memset(buf, 0, sizeof(buf));
	r = f > 0 ? io(FS_READ, (u64_t)f, 0, buf, sizeof(buf)) : (int)f;
	tap_ok(r == sizeof(text) && !memcmp(buf, text, sizeof(text)),
	    "/tmp/f came back from the image (%d)", r);
	tap_is(simple(FS_UNMOUNT), OK, "unmount again");
}

static void char_tests(void)
{
	static u8_t a[5000], b[5000];
	u32_t i, zeros = 0;
	int r;

	tap_is(cdev(CDEV_OPEN, MEM_NULL_MINOR, NULL, 0), OK, "open /dev/null");
	tap_is(cdev(CDEV_READ, MEM_NULL_MINOR, a, sizeof(a)), 0, "null reads EOF");
	tap_is(cdev(CDEV_WRITE, MEM_NULL_MINOR, a, sizeof(a)), sizeof(a),
	    "null takes every byte");
	memset(a, 0xaa, sizeof(a));
	r = cdev(CDEV_READ, MEM_ZERO_MINOR, a, sizeof(a));
	for (i = 0; i < sizeof(a); i++)
		zeros += a[i] == 0;
	tap_ok(r == sizeof(a) && zeros == sizeof(a), "zero reads 5000 zeros "
	    "(%d, %u)", r, zeros);
	r = cdev(CDEV_READ, MEM_RANDOM_MINOR, a, sizeof(a));
	tap_is(cdev(CDEV_READ, MEM_RANDOM_MINOR, b, sizeof(b)), sizeof(b),
	    "random reads 5000 bytes twice");
	for (i = zeros = 0; i < sizeof(a); i++)
		zeros += a[i] == 0;
	tap_ok(r == sizeof(a) && memcmp(a, b, sizeof(a)) && zeros < 100,
	    "random: the two differ, few zero bytes (%u)", zeros);
	tap_is(cdev(CDEV_OPEN, 0, NULL, 0), -ENXIO, "char minor 0: ENXIO");
	tap_ok(cdev(CDEV_OPEN, MEM_NR_CHAR_MINORS, NULL, 0) < 0,
	    "a char minor past the last: an error");
	tap_ok(cdev(CDEV_READ, MEM_ZERO_MINOR, a, 0x80000000u) < 0,
	    "a read of 2 GiB into a small grant: an error, no crash");
	tap_is(cdev(CDEV_READ, MEM_ZERO_MINOR, a, 16), 16,
	    "the driver still serves");
}

/* The user role: four results to the main role (slot 3). */
static void user(void)
{
	struct priv_info pi;
	message m;
	int r[4], i;

	memset(&pi, 0, sizeof(pi));
	r[0] = sys_privctl(SELF, PRIV_GET, &pi);
	r[1] = r[0] == OK && pi.mem_len[0] == IMAGE_BYTES ? OK : -9000;
	r[2] = sys_privctl(MEMORY, PRIV_GET, &pi) == -EPERM &&
	    sys_privctl(SELF, PRIV_SET, &pi) == -EPERM ? OK : -9001;
	r[3] = sys_physmap(SELF, 0xB0000000u, pi.mem_base[0], 4096, VMPROT_READ);
	for (i = 0; i < 4; i++) {
		memset(&m, 0, sizeof(m));
		m.m_type = r[i];
		ipc_send(3, &m);
	}
	sys_exit(0);
}

static void user_results(void)
{
	static const char *what[] = {
		"a user process reads its own privileges (no PRIVCTL bit)",
		"  the kernel listed the image (8 MiB) for it too (image=6)",
		"  but reads no other's and sets none (EPERM)",
		"  and cannot map it without the PHYSMAP call (EPERM)",
	};
	static const int want[] = { OK, OK, OK, -EPERM };
	message m;

	for (int i = 0; i < 4; i++) {
		if (ipc_receive(USER, &m) != OK)
			m.m_type = -9999;
		tap_is(m.m_type, want[i], what[i]);
	}
}

int main(const char *args)
{
	if (tap_role(args, "user"))
		user();
	user_results();
	tap_is(as_rs_init(DS_PROC_NR, "ds", SEF_INIT_FRESH), OK, "DS initialised");
	tap_is(as_rs_init(MEMORY, "memory", SEF_INIT_FRESH), OK,
	    "memory driver (image=6) initialised");
	tap_ok(as_rs_init(BADMEM, "memory2", SEF_INIT_FRESH) == -ENXIO,
	    "a driver naming no module (image=42) fails its init with ENXIO");
	tap_is(as_rs_init(MFS, "mfs", SEF_INIT_FRESH), OK, "MFS initialised");
	tap_is(ds_publish_label("memory", MEMORY, 0), OK, "label memory");
	tap_is(ds_publish_label("mfs", MFS, 0), OK, "label mfs");
	block_tests();
	fs_tests();
	write_tests();
	char_tests();
	tap_done();
}
