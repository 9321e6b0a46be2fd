/*
 * test_hostile.c - requests whose fields lie: bad grants (unknown,
 * another endpoint's, wrong access, too short), lengths past the limits,
 * inode numbers 0 or too wide, names empty, too long, with a NUL or a
 * '/', dots where they are not allowed, positions that overflow, a
 * stranger talking to a mounted server.  Each gets an error and the file
 * system is never called.
 */
#include <stdint.h>
#include <sys/statvfs.h>

#include "fsdos.h"
#include "os_priv.h"

static void mounted(void)
{
	fake_reset();
	fos_reset();
	ffake_reset();
	memset(&fsdriver_os_mnt, 0, sizeof fsdriver_os_mnt);
	CU_ASSERT_EQUAL_FATAL(fsdos_mount(0), OK);
	ffake.trace[0] = '\0';
	ffake.postcalls = 0;
}

/* A lookup in dir 1 of name n. */
static int lookup(struct fs_name n)
{
	message *m = fsdos_req(FS_LOOKUP);

	m->m_fs_name.dir = 1;
	m->m_fs_name.name = n;
	return fsdos_send(m);
}

static void t_names(void)
{
	static char big[300], odd[4] = { 'a', '\0', 'b', 'c' };
	struct fs_name n;
	message *m;

	mounted();
	CU_ASSERT_EQUAL(lookup(fsdos_name("")), -EINVAL);
	memset(big, 'x', 256);
	n.grant = fos_grant(VFS_EP, big, 256, CPF_READ);
	n.len = 256;
	CU_ASSERT_EQUAL(lookup(n), -ENAMETOOLONG);
	n.len = 255;
	CU_ASSERT_EQUAL(lookup(n), OK);		/* the longest allowed */
	CU_ASSERT_EQUAL(lookup(fsdos_name("a/b")), -EINVAL);
	n.grant = fos_grant(VFS_EP, odd, sizeof odd, CPF_READ);
	n.len = sizeof odd;
	CU_ASSERT_EQUAL(lookup(n), -EINVAL);	/* NUL inside */
	m = fsdos_req(FS_UNLINK);
	m->m_fs_name.dir = 1;
	m->m_fs_name.name = fsdos_name("..");
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	m = fsdos_req(FS_CREATE);
	m->m_fs_create.dir = 1;
	m->m_fs_create.name = fsdos_name(".");
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	CU_ASSERT_EQUAL(strncmp(ffake.trace, "lookup 1 xxx", 12), 0);
	CU_ASSERT_EQUAL(strlen(ffake.trace), strlen("lookup 1 ;") + 255);
}

static void t_grants(void)
{
	char buf[8] = "abc";
	struct fs_name n;
	message *m;

	mounted();
	n.grant = 4242;				/* nobody's */
	n.len = 3;
	CU_ASSERT_EQUAL(lookup(n), -EINVAL);
	n.grant = fos_grant(OTHER_EP, buf, 3, CPF_READ);
	CU_ASSERT_EQUAL(lookup(n), -EINVAL);	/* a third party's */
	n.grant = fos_grant(VFS_EP, buf, 3, CPF_WRITE);
	CU_ASSERT_EQUAL(lookup(n), -EPERM);	/* not readable */
	n.grant = fos_grant(VFS_EP, buf, 2, CPF_READ);
	CU_ASSERT_EQUAL(lookup(n), -ERANGE);	/* shorter than said */
	m = fsdos_req(FS_READ);			/* fs copies into a grant */
	m->m_fs_io.ino = 42;
	m->m_fs_io.bytes = 8;
	m->m_fs_io.grant = fos_grant(VFS_EP, buf, 4, CPF_WRITE);
	CU_ASSERT_EQUAL(fsdos_send(m), -ERANGE);
	CU_ASSERT_STRING_EQUAL(buf, "abc");	/* untouched */
	m = fsdos_req(FS_WRITE);
	m->m_fs_io.ino = 42;
	m->m_fs_io.bytes = 8;
	m->m_fs_io.grant = fos_grant(VFS_EP, buf, 8, CPF_WRITE);
	CU_ASSERT_EQUAL(fsdos_send(m), -EPERM);
}

/* The copy functions never reach past the size the request gave. */
static void t_copy_bounds(void)
{
	char buf[16] = "0123456789abcdef", out[16];
	struct fsdriver_data d;

	d.fd_ref = (uintptr_t)fos_grant(VFS_EP, buf, 16, CPF_READ | CPF_WRITE);
	d.fd_endpt = VFS_EP;
	d.fd_size = 8;
	CU_ASSERT_EQUAL(fsdriver_copyin(&d, 4, out, 4), OK);
	CU_ASSERT_EQUAL(memcmp(out, "4567", 4), 0);
	CU_ASSERT_EQUAL(fsdriver_copyin(&d, 4, out, 5), -EFAULT);
	CU_ASSERT_EQUAL(fsdriver_copyin(&d, SIZE_MAX, out, 2), -EFAULT);
	CU_ASSERT_EQUAL(fsdriver_copyout(&d, 7, "zz", 2), -EFAULT);
	CU_ASSERT_EQUAL(fsdriver_zero(&d, 9, 0), -EFAULT);
	CU_ASSERT_EQUAL(fsdriver_zero(&d, 2, 6), OK);
	CU_ASSERT_EQUAL(memcmp(buf, "01\0\0\0\0\0\0" "89abcdef", 16), 0);
	CU_ASSERT_EQUAL(fsdriver_copyin(NULL, 0, out, 1), -EFAULT);
}

static void t_numbers(void)
{
	message *m;

	mounted();
	m = fsdos_req(FS_LOOKUP);		/* inode 0 */
	m->m_fs_name.name = fsdos_name("a");
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	if (sizeof(ino_t) < 8) {
		m = fsdos_req(FS_PUTNODE);
		m->m_fs_putnode.ino = (u64_t)1 << 40;
		m->m_fs_putnode.count = 1;
		CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	}
	m = fsdos_req(FS_PUTNODE);		/* no references */
	m->m_fs_putnode.ino = 42;
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	m = fsdos_req(FS_READ);			/* position past off_t */
	m->m_fs_io.ino = 42;
	m->m_fs_io.pos = (u64_t)1 << 63;
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	m = fsdos_req(FS_WRITE);		/* position + bytes past it */
	m->m_fs_io.ino = 42;
	m->m_fs_io.pos = ((u64_t)1 << 63) - 4;
	m->m_fs_io.bytes = 8;
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	m = fsdos_req(FS_READ);			/* count beyond an int */
	m->m_fs_io.ino = 42;
	m->m_fs_io.bytes = 0x80000000u;
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	m = fsdos_req(FS_STAT);			/* wrong struct size */
	m->m_fs_io.ino = 42;
	m->m_fs_io.bytes = sizeof(struct mica_stat) - 1;
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	m = fsdos_req(FS_STATVFS);
	m->m_fs_io.bytes = sizeof(struct mica_statvfs) + 1;
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	m = fsdos_req(FS_CHMOD);		/* type bits */
	m->m_fs_attr.ino = 42;
	m->m_fs_attr.mode = S_IFREG | 0644;
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	m = fsdos_req(FS_UTIME);
	m->m_fs_utime.ino = 42;
	m->m_fs_utime.atime_nsec = 1000000000;
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	m = fsdos_req(FS_TRUNC);		/* empty hole */
	m->m_fs_trunc.ino = 42;
	m->m_fs_trunc.start = 10;
	m->m_fs_trunc.end = 10;
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	m = fsdos_req(FS_SLINK);		/* empty target */
	m->m_fs_slink.dir = 1;
	m->m_fs_slink.name = fsdos_name("s");
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	CU_ASSERT_STRING_EQUAL(ffake.trace, "");
}

static void t_sender_and_state(void)
{
	message *m;
	int n;

	mounted();
	m = fsdos_req(FS_SYNC);
	m->m_source = OTHER_EP;
	CU_ASSERT_EQUAL(fsdos_send(m), -EPERM);
	m = fsdos_req(FS_UNMOUNT);
	m->m_source = OTHER_EP;
	CU_ASSERT_EQUAL(fsdos_send(m), -EPERM);
	CU_ASSERT_EQUAL(fsdos_send(fsdos_req(FS_RQ_BASE + FS_NR_RQ)), -ENOSYS);
	CU_ASSERT_EQUAL(fsdos_send(fsdos_req(0)), -ENOSYS);
	CU_ASSERT_EQUAL(fsdos_send(fsdos_req(-5)), -ENOSYS);
	CU_ASSERT_STRING_EQUAL(ffake.trace, "");
	n = fos.nreplies;
	m = fsdos_req(NOTIFY_MESSAGE);		/* no reply at all */
	fsdriver_process(&fake_fs, m);
	CU_ASSERT_EQUAL(fos.nreplies, n);
}

/* FS_DELEGATE: OTHER_EP may read (and, if allowed, write) one inode, and
 * nothing else; only the owner delegates; revoke takes it back. */
static message *io_from(endpoint_t who, int type, u64_t ino, char *buf)
{
	message *m = fsdos_req(type);

	m->m_source = who;
	m->m_fs_io.ino = ino;
	m->m_fs_io.bytes = 5;
	m->m_fs_io.grant = fos_grant(who, buf, 5,
	    type == FS_READ ? CPF_WRITE : CPF_READ);
	return m;
}

static message *delegate(endpoint_t from, endpoint_t ep, u64_t ino, u32_t acc)
{
	message *m = fsdos_req(FS_DELEGATE);

	m->m_source = from;
	m->m_fs_delegate.ep = ep;
	m->m_fs_delegate.ino = ino;
	m->m_fs_delegate.access = acc;
	return m;
}

static void t_delegate(void)
{
	char buf[8] = "abcde";
	int i;

	mounted();
	CU_ASSERT_EQUAL(fsdos_send(io_from(OTHER_EP, FS_READ, 42, buf)), -EPERM);
	CU_ASSERT_EQUAL(fsdos_send(delegate(OTHER_EP, OTHER_EP, 42,
	    FS_DELEGATE_R)), -EPERM);		/* only the owner delegates */
	CU_ASSERT_EQUAL(fsdos_send(delegate(VFS_EP, OTHER_EP, 42, 0x4)), -EINVAL);
	CU_ASSERT_EQUAL(fsdos_send(delegate(VFS_EP, NONE, 42, FS_DELEGATE_R)), -EINVAL);
	CU_ASSERT_EQUAL(fsdos_send(delegate(VFS_EP, VFS_EP, 42, FS_DELEGATE_R)), -EINVAL);
	CU_ASSERT_EQUAL(fsdos_send(delegate(VFS_EP, OTHER_EP, 42, 0)), -ENOENT);
	CU_ASSERT_EQUAL(fsdos_send(delegate(VFS_EP, OTHER_EP, 42, FS_DELEGATE_R)), OK);
	CU_ASSERT_EQUAL(fsdos_send(io_from(OTHER_EP, FS_READ, 42, buf)), 5);
	CU_ASSERT_EQUAL(fsdos_send(io_from(OTHER_EP, FS_WRITE, 42, buf)), -EPERM);
	CU_ASSERT_EQUAL(fsdos_send(io_from(OTHER_EP, FS_READ, 43, buf)), -EPERM);
	CU_ASSERT_EQUAL(fsdos_send(io_from(OTHER_EP, FS_PEEK, 42, buf)), -EPERM);
	CU_ASSERT_EQUAL(fsdos_send(io_from(OTHER_EP, FS_TRUNC, 42, buf)), -EPERM);
	CU_ASSERT_EQUAL(fsdos_send(delegate(VFS_EP, OTHER_EP, 42,
	    FS_DELEGATE_R | FS_DELEGATE_W)), OK);
	CU_ASSERT_EQUAL(fsdos_send(io_from(OTHER_EP, FS_WRITE, 42, buf)), 5);
	CU_ASSERT_STRING_EQUAL(ffake.trace, "read 42 5 0;write 42 5 0;");
	CU_ASSERT_EQUAL(fsdos_send(delegate(VFS_EP, OTHER_EP, 42, 0)), OK);
	CU_ASSERT_EQUAL(fsdos_send(io_from(OTHER_EP, FS_READ, 42, buf)), -EPERM);
	for (i = 0; i < FS_NR_DELEGATES; i++)	/* the table is bounded */
		CU_ASSERT_EQUAL(fsdos_send(delegate(VFS_EP, OTHER_EP, 100 + i,
		    FS_DELEGATE_R)), OK);
	CU_ASSERT_EQUAL(fsdos_send(delegate(VFS_EP, OTHER_EP, 99,
	    FS_DELEGATE_R)), -ENOSPC);
	CU_ASSERT_EQUAL(fsdos_send(fsdos_req(FS_UNMOUNT)), OK);
	mounted();				/* unmount forgot them all */
	CU_ASSERT_EQUAL(fsdos_send(io_from(OTHER_EP, FS_READ, 100, buf)), -EPERM);
}

static void t_bad_mounts(void)
{
	static char lbl[20] = "0123456789abcdefghi";
	message *m;

	mounted();
	fsdos_send(fsdos_req(FS_UNMOUNT));
	CU_ASSERT_EQUAL(fsdos_mount(0x80), -EINVAL);	/* unknown flag */
	m = fsdos_req(FS_MOUNT);			/* label too long */
	m->m_fs_mount.label.grant = fos_grant(VFS_EP, lbl, 16, CPF_READ);
	m->m_fs_mount.label.len = 16;
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	m = fsdos_req(FS_MOUNT);			/* label with a NUL */
	lbl[3] = '\0';
	m->m_fs_mount.label.grant = fos_grant(VFS_EP, lbl, 6, CPF_READ);
	m->m_fs_mount.label.len = 6;
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	m = fsdos_req(FS_MOUNT);			/* negative minor */
	m->m_fs_mount.minor = -1;
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	fos.attach_err = -ENXIO;			/* no such device */
	CU_ASSERT_EQUAL(fsdos_mount(0), -ENXIO);
	fos.attach_err = OK;
	ffake.result = -EINVAL;				/* not this format */
	CU_ASSERT_EQUAL(fsdos_mount(0), -EINVAL);
	CU_ASSERT_FALSE(fos.attached);			/* detached again */
	CU_ASSERT_FALSE(fsdriver_os_mnt.mounted);
	CU_ASSERT_FALSE(fos.ds_present);
	ffake.result = OK;
	CU_ASSERT_EQUAL(fsdos_mount(0), OK);
}

void suite_fsdos_hostile(void)
{
	CU_pSuite s = CU_add_suite("fsdos_hostile", NULL, NULL);

	CU_add_test(s, "names", t_names);
	CU_add_test(s, "grants", t_grants);
	CU_add_test(s, "copy bounds", t_copy_bounds);
	CU_add_test(s, "numbers and sizes", t_numbers);
	CU_add_test(s, "sender, unknown codes, notify", t_sender_and_state);
	CU_add_test(s, "bad mounts", t_bad_mounts);
	CU_add_test(s, "FS_DELEGATE: one inode, read or write, owner only", t_delegate);
}
