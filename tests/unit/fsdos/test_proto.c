/*
 * test_proto.c - every request of mica/vfsif.h decoded into the right
 * fsdriver call with the right arguments, data moved through grants, and
 * the reply filled.
 */
#include <sys/statvfs.h>

#include "fsdos.h"
#include "os_priv.h"

static int setup(void)
{
	fake_reset();
	fos_reset();
	ffake_reset();
	memset(&fsdriver_os_mnt, 0, sizeof fsdriver_os_mnt);
	return 0;
}

static void t_mount_unmount(void)
{
	setup();
	CU_ASSERT_EQUAL(fsdos_mount(0), OK);
	CU_ASSERT_STRING_EQUAL(ffake.trace, "mount 0x301 0;");
	CU_ASSERT_STRING_EQUAL(fos.attached_label, "memory");
	CU_ASSERT_EQUAL(fos.attached_minor, 2);
	CU_ASSERT_EQUAL(fos.attached_rdonly, 0);
	CU_ASSERT_EQUAL(fos.reply.m_fs_node.ino, 1);
	CU_ASSERT_EQUAL(fos.reply.m_fs_node.mode, S_IFDIR | 0755);
	CU_ASSERT_EQUAL(fos.reply.m_fs_node.flags, 0);
	CU_ASSERT(fos.ds_present);		/* the mount record */
	CU_ASSERT_EQUAL(fsdos_mount(0), -EBUSY);
	CU_ASSERT_EQUAL(fsdos_send(fsdos_req(FS_UNMOUNT)), OK);
	CU_ASSERT_STRING_EQUAL(ffake.trace, "mount 0x301 0;unmount;");
	CU_ASSERT_FALSE(fos.attached);
	CU_ASSERT_FALSE(fos.ds_present);
	CU_ASSERT_EQUAL(fsdos_send(fsdos_req(FS_SYNC)), -EINVAL);
}

static void t_mount_rdonly(void)
{
	struct mica_statvfs sv;
	message *m;

	setup();
	ffake.mount_res = FSDRIVER_RES_RDONLY;
	CU_ASSERT_EQUAL(fsdos_mount(0), OK);
	CU_ASSERT_EQUAL(fos.reply.m_fs_node.flags, FS_RES_RDONLY);
	m = fsdos_req(FS_UNLINK);
	m->m_fs_name.dir = 1;
	m->m_fs_name.name = fsdos_name("a");
	CU_ASSERT_EQUAL(fsdos_send(m), -EROFS);
	CU_ASSERT_STRING_EQUAL(ffake.trace, "mount 0x301 0;");	/* not called */
	setup();
	CU_ASSERT_EQUAL(fsdos_mount(FS_MOUNT_RDONLY), OK);
	CU_ASSERT_EQUAL(fos.attached_rdonly, 1);
	m = fsdos_req(FS_WRITE);
	m->m_fs_io.ino = 42;
	CU_ASSERT_EQUAL(fsdos_send(m), -EROFS);
	m = fsdos_req(FS_STATVFS);
	m->m_fs_io.bytes = sizeof sv;
	m->m_fs_io.grant = fos_grant(VFS_EP, &sv, sizeof sv, CPF_WRITE);
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	CU_ASSERT_EQUAL(sv.f_flag, FS_ST_RDONLY);
}

static void t_mount_nodev(void)
{
	message *m;

	setup();
	m = fsdos_req(FS_MOUNT);
	m->m_fs_mount.dev = 7;
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	CU_ASSERT_FALSE(fos.attached);
	CU_ASSERT_EQUAL(fsdos_send(fsdos_req(FS_UNMOUNT)), OK);
}

static void t_lookup_putnode(void)
{
	message *m;

	setup();
	fsdos_mount(0);
	ffake.trace[0] = '\0';
	m = fsdos_req(FS_LOOKUP);
	m->m_fs_name.dir = 1;
	m->m_fs_name.name = fsdos_name("..");
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	CU_ASSERT_EQUAL(fos.reply.m_fs_node.ino, 42);
	CU_ASSERT_EQUAL(fos.reply.m_fs_node.size, 77);
	CU_ASSERT_EQUAL(fos.reply.m_fs_node.uid, 5);
	CU_ASSERT_EQUAL(fos.reply.m_fs_node.gid, 6);
	m = fsdos_req(FS_PUTNODE);
	m->m_fs_putnode.ino = 42;
	m->m_fs_putnode.count = 3;
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	CU_ASSERT_STRING_EQUAL(ffake.trace, "lookup 1 ..;putnode 42 3;");
	CU_ASSERT_EQUAL(ffake.postcalls, 3);	/* mount, lookup, putnode */
}

static void t_read_write(void)
{
	char buf[16] = "";
	message *m;

	setup();
	fsdos_mount(0);
	ffake.trace[0] = '\0';
	m = fsdos_req(FS_READ);
	m->m_fs_io.ino = 42;
	m->m_fs_io.pos = 1000;
	m->m_fs_io.bytes = sizeof buf;
	m->m_fs_io.grant = fos_grant(VFS_EP, buf, sizeof buf, CPF_WRITE);
	CU_ASSERT_EQUAL(fsdos_send(m), 5);
	CU_ASSERT_STRING_EQUAL(buf, "hello");
	strcpy(buf, "data!");
	m = fsdos_req(FS_WRITE);
	m->m_fs_io.ino = 42;
	m->m_fs_io.bytes = 5;
	m->m_fs_io.grant = fos_grant(VFS_EP, buf, 5, CPF_READ);
	CU_ASSERT_EQUAL(fsdos_send(m), 5);
	CU_ASSERT_STRING_EQUAL(ffake.written, "data!");
	m = fsdos_req(FS_PEEK);
	m->m_fs_io.ino = 42;
	m->m_fs_io.bytes = 8192;
	CU_ASSERT_EQUAL(fsdos_send(m), 8192);
	CU_ASSERT_STRING_EQUAL(ffake.trace,
	    "read 42 16 1000;write 42 5 0;peek 42 8192 0;");
}

static void t_getdents_rdlink(void)
{
	char buf[16] = "";
	message *m;

	setup();
	fsdos_mount(0);
	ffake.trace[0] = '\0';
	m = fsdos_req(FS_GETDENTS);
	m->m_fs_io.ino = 1;
	m->m_fs_io.pos = 6;
	m->m_fs_io.bytes = sizeof buf;
	m->m_fs_io.grant = fos_grant(VFS_EP, buf, sizeof buf, CPF_WRITE);
	CU_ASSERT_EQUAL(fsdos_send(m), 5);
	CU_ASSERT_EQUAL(fos.reply.m_fs_pos.pos, 9);
	memset(buf, 0, sizeof buf);
	m = fsdos_req(FS_RDLINK);
	m->m_fs_io.ino = 50;
	m->m_fs_io.bytes = 3;
	m->m_fs_io.grant = fos_grant(VFS_EP, buf, 3, CPF_WRITE);
	CU_ASSERT_EQUAL(fsdos_send(m), 3);
	CU_ASSERT_STRING_EQUAL(buf, "hel");
}

static void t_stat_statvfs(void)
{
	struct mica_statvfs sv;
	struct mica_stat st;
	message *m;

	setup();
	fsdos_mount(0);
	m = fsdos_req(FS_STAT);
	m->m_fs_io.ino = 42;
	m->m_fs_io.bytes = sizeof st;
	m->m_fs_io.grant = fos_grant(VFS_EP, &st, sizeof st, CPF_WRITE);
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	CU_ASSERT_EQUAL(st.st_ino, 42);
	CU_ASSERT_EQUAL(st.st_dev, 0x301);
	CU_ASSERT_EQUAL(st.st_size, 12345);
	CU_ASSERT_EQUAL(st.st_mode, S_IFREG | 0600);
	CU_ASSERT_EQUAL(st.st_nlink, 3);
	CU_ASSERT_EQUAL(st.st_mtime_sec, 99);
	CU_ASSERT_EQUAL(st.st_mtime_nsec, 5);
	m = fsdos_req(FS_STATVFS);
	m->m_fs_io.bytes = sizeof sv;
	m->m_fs_io.grant = fos_grant(VFS_EP, &sv, sizeof sv, CPF_WRITE);
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	CU_ASSERT_EQUAL(sv.f_bsize, 4096);
	CU_ASSERT_EQUAL(sv.f_flag, 0);
	CU_ASSERT_EQUAL(sv.f_frsize, 1024);
	CU_ASSERT_EQUAL(sv.f_blocks, 5000000000ull);
}

static void t_attrs(void)
{
	message *m;

	setup();
	fsdos_mount(0);
	ffake.trace[0] = '\0';
	m = fsdos_req(FS_CHMOD);
	m->m_fs_attr.ino = 42;
	m->m_fs_attr.mode = 04711;
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	CU_ASSERT_EQUAL(fos.reply.m_fs_mode.mode, S_IFREG | 04711);
	m = fsdos_req(FS_CHOWN);
	m->m_fs_attr.ino = 42;
	m->m_fs_attr.uid = (u32_t)-1;
	m->m_fs_attr.gid = 9;
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	CU_ASSERT_EQUAL(fos.reply.m_fs_mode.mode, 0644);
	m = fsdos_req(FS_UTIME);
	m->m_fs_utime.ino = 42;
	m->m_fs_utime.atime_sec = 100;
	m->m_fs_utime.atime_nsec = 5;
	m->m_fs_utime.mtime_sec = 77;
	m->m_fs_utime.mtime_nsec = FS_UTIME_OMIT;
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	m = fsdos_req(FS_TRUNC);
	m->m_fs_trunc.ino = 42;
	m->m_fs_trunc.start = 4096;
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	m = fsdos_req(FS_TRUNC);
	m->m_fs_trunc.ino = 42;
	m->m_fs_trunc.start = 4096;
	m->m_fs_trunc.end = 8192;
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	CU_ASSERT_EQUAL(fsdos_send(fsdos_req(FS_SYNC)), OK);
	CU_ASSERT_STRING_EQUAL(ffake.trace, "chmod 42 4711;chown 42 -1 9;"
	    "utime 42 100.5 0.omit;trunc 42 4096 0;"
	    "trunc 42 4096 8192;sync;");
}

static void t_namespace(void)
{
	char target[] = "../x/y";
	message *m;

	setup();
	fsdos_mount(0);
	ffake.trace[0] = '\0';
	m = fsdos_req(FS_CREATE);
	m->m_fs_create.dir = 1;
	m->m_fs_create.name = fsdos_name("f");
	m->m_fs_create.mode = S_IFREG | 0640;
	m->m_fs_create.uid = 10;
	m->m_fs_create.gid = 20;
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	CU_ASSERT_EQUAL(fos.reply.m_fs_node.ino, 44);
	m = fsdos_req(FS_MKDIR);
	m->m_fs_create.dir = 1;
	m->m_fs_create.name = fsdos_name("d");
	m->m_fs_create.mode = S_IFDIR | 0700;
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	m = fsdos_req(FS_MKNOD);
	m->m_fs_create.dir = 1;
	m->m_fs_create.name = fsdos_name("n");
	m->m_fs_create.mode = S_IFBLK | 0600;
	m->m_fs_create.rdev = 0x102;
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	m = fsdos_req(FS_LINK);
	m->m_fs_name.dir = 1;
	m->m_fs_name.ino = 44;
	m->m_fs_name.name = fsdos_name("g");
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	m = fsdos_req(FS_RENAME);
	m->m_fs_rename.old_dir = 1;
	m->m_fs_rename.new_dir = 2;
	m->m_fs_rename.old_name = fsdos_name("g");
	m->m_fs_rename.new_name = fsdos_name("h");
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	m = fsdos_req(FS_SLINK);
	m->m_fs_slink.dir = 1;
	m->m_fs_slink.name = fsdos_name("s");
	m->m_fs_slink.target = fos_grant(VFS_EP, target, 6, CPF_READ);
	m->m_fs_slink.target_len = 6;
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	CU_ASSERT_STRING_EQUAL(ffake.written, "../x/y");
	m = fsdos_req(FS_UNLINK);
	m->m_fs_name.dir = 1;
	m->m_fs_name.name = fsdos_name("f");
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	m = fsdos_req(FS_RMDIR);
	m->m_fs_name.dir = 1;
	m->m_fs_name.name = fsdos_name("d");
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	m = fsdos_req(FS_NEWNODE);
	m->m_fs_create.mode = S_IFIFO | 0600;
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	CU_ASSERT_EQUAL(fos.reply.m_fs_node.ino, 43);
	CU_ASSERT_STRING_EQUAL(ffake.trace, "create 1 f 100640 10 20;"
	    "mkdir 1 d 40700 0 0;mknod 1 n 60600 0 0 0x102;link 1 g 44;"
	    "rename 1 g 2 h;slink 1 s 0 0 6;unlink 1 f;rmdir 1 d;"
	    "newnode 10600 0 0 0;");
}

static void t_block_special(void)
{
	char buf[8] = "";
	message *m;

	setup();
	fsdos_mount(0);
	ffake.trace[0] = '\0';
	m = fsdos_req(FS_BREAD);
	m->m_fs_io.ino = 0x102;
	m->m_fs_io.pos = 512;
	m->m_fs_io.bytes = sizeof buf;
	m->m_fs_io.grant = fos_grant(VFS_EP, buf, sizeof buf, CPF_WRITE);
	CU_ASSERT_EQUAL(fsdos_send(m), 5);
	m = fsdos_req(FS_BWRITE);
	m->m_fs_io.ino = 0x102;
	m->m_fs_io.bytes = 2;
	m->m_fs_io.grant = fos_grant(VFS_EP, buf, 2, CPF_READ);
	CU_ASSERT_EQUAL(fsdos_send(m), 2);
	m = fsdos_req(FS_BFLUSH);
	m->m_fs_io.ino = 0x102;
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	CU_ASSERT_STRING_EQUAL(ffake.trace, "bread 0x102;read 0 8 512;"
	    "bwrite 0x102;write 0 2 0;bflush 0x102;");
}

/* A file system that leaves entries NULL: EROFS for modifying ones,
 * ENOSYS for the rest. */
static void t_null_entries(void)
{
	struct fsdriver saved = fake_fs;
	message *m;

	setup();
	fsdos_mount(0);
	fake_fs.fdr_mkdir = NULL;
	fake_fs.fdr_peek = NULL;
	m = fsdos_req(FS_MKDIR);
	m->m_fs_create.dir = 1;
	m->m_fs_create.name = fsdos_name("d");
	CU_ASSERT_EQUAL(fsdos_send(m), -EROFS);
	m = fsdos_req(FS_PEEK);
	m->m_fs_io.ino = 42;
	CU_ASSERT_EQUAL(fsdos_send(m), -ENOSYS);
	fake_fs = saved;
}

/* FS_CACHESTAT: anyone, before and after a mount; exact size only. */
static void t_cachestat(void)
{
	struct mica_fs_cachestat st;
	message *m;

	setup();
	memset(&st, 0xff, sizeof st);
	m = fsdos_req(FS_CACHESTAT);
	m->m_source = OTHER_EP;
	m->m_fs_io.bytes = sizeof st;
	m->m_fs_io.grant = fos_grant(OTHER_EP, &st, sizeof st, CPF_WRITE);
	CU_ASSERT_EQUAL(fsdos_send(m), OK);
	CU_ASSERT_EQUAL(st.hits, 7);
	CU_ASSERT_EQUAL(st.block_size, 4096);
	CU_ASSERT_EQUAL(st.misses, 0);
	fsdos_mount(0);
	m = fsdos_req(FS_CACHESTAT);
	m->m_source = OTHER_EP;		/* not the mount's owner: still served */
	m->m_fs_io.bytes = sizeof st - 1;
	m->m_fs_io.grant = fos_grant(OTHER_EP, &st, sizeof st, CPF_WRITE);
	CU_ASSERT_EQUAL(fsdos_send(m), -EINVAL);
	m = fsdos_req(FS_CACHESTAT);
	m->m_source = OTHER_EP;
	m->m_fs_io.bytes = sizeof st;
	m->m_fs_io.grant = fos_grant(VFS_EP, &st, sizeof st, CPF_WRITE);
	CU_ASSERT_NOT_EQUAL(fsdos_send(m), OK);	/* someone else's grant */
}

void suite_fsdos_proto(void)
{
	CU_pSuite s = CU_add_suite("fsdos_proto", NULL, NULL);

	CU_add_test(s, "mount and unmount", t_mount_unmount);
	CU_add_test(s, "read-only mounts", t_mount_rdonly);
	CU_add_test(s, "mount without a device", t_mount_nodev);
	CU_add_test(s, "lookup and putnode", t_lookup_putnode);
	CU_add_test(s, "read, write, peek", t_read_write);
	CU_add_test(s, "getdents and rdlink", t_getdents_rdlink);
	CU_add_test(s, "stat and statvfs", t_stat_statvfs);
	CU_add_test(s, "chmod chown utime trunc sync", t_attrs);
	CU_add_test(s, "namespace requests", t_namespace);
	CU_add_test(s, "block special files", t_block_special);
	CU_add_test(s, "NULL entries", t_null_entries);
	CU_add_test(s, "cache statistics", t_cachestat);
}
