/*
 * test_sef.c - fsdriver_task() as a server runs it: SEF startup from RS's
 * init, requests received through sef_receive and answered; a restart
 * that finds the dead instance's mount record in DS and mounts again
 * (forced), so the client carries on; a restart without one serves
 * nothing until FS_MOUNT.
 */
#include "fsdos.h"
#include "os_priv.h"

static void boot(int type)
{
	message *m = fake_push(RS_PROC_NR, RS_INIT);

	fk.rs_alive = 1;
	m->m_rs_init.type = type;
	m->m_rs_init.old_ep = 42;
	strcpy(m->m_rs_init.label, "mfs");
}

static void push_mount(void)
{
	message *m = fake_push(VFS_EP, FS_MOUNT);

	m->m_fs_mount.dev = 0x301;
	m->m_fs_mount.minor = 2;
	m->m_fs_mount.label = fsdos_name("memory");
}

static void t_fresh(void)
{
	fake_reset();
	fos_reset();
	ffake_reset();
	memset(&fsdriver_os_mnt, 0, sizeof fsdriver_os_mnt);
	boot(SEF_INIT_FRESH);
	push_mount();
	fake_push(VFS_EP, FS_SYNC);
	CU_ASSERT_EQUAL(fsdriver_task(&fake_fs), -EINTR);  /* queue empty */
	CU_ASSERT_EQUAL(fk.out_n, 1);			/* RS init reply */
	CU_ASSERT_EQUAL(fk.out[0].m_type, RS_INIT_REPLY);
	CU_ASSERT_EQUAL(fk.out[0].m_rs_init_reply.result, OK);
	CU_ASSERT_EQUAL(fos.nreplies, 2);
	CU_ASSERT_EQUAL(fos.reply.m_type, OK);
	CU_ASSERT_STRING_EQUAL(ffake.trace, "mount 0x301 0;sync;");
	CU_ASSERT_STRING_EQUAL(fos.ds_key, "mfs.mnt");
}

static void t_restart(void)
{
	t_fresh();			/* leaves the record in the fake DS */
	fake_reset();			/* the instance dies */
	fos.attached = 0;
	fos.nreplies = 0;
	ffake_reset();
	memset(&fsdriver_os_mnt, 0, sizeof fsdriver_os_mnt);
	boot(SEF_INIT_RESTART);
	fake_push(OTHER_EP, FS_SYNC);
	fake_push(VFS_EP, FS_SYNC);
	CU_ASSERT_EQUAL(fsdriver_task(&fake_fs), -EINTR);
	CU_ASSERT_EQUAL(fk.out[0].m_rs_init_reply.result, OK);
	CU_ASSERT(fos.attached);
	CU_ASSERT_STRING_EQUAL(fos.attached_label, "memory");
	CU_ASSERT_STRING_EQUAL(ffake.trace, "mount 0x301 2;sync;");
	CU_ASSERT_EQUAL(fos.nreplies, 2);	/* EPERM to the stranger */
	CU_ASSERT_EQUAL(fos.reply.m_type, OK);
}

/* The client that saw the crash mounts again: the restored mount answers
 * it once with its root; another FS_MOUNT, or a different one, is EBUSY. */
static void t_restart_remount(void)
{
	message *m;

	t_restart();
	m = fsdos_req(FS_MOUNT);
	m->m_fs_mount.dev = 0x301;
	m->m_fs_mount.minor = 3;
	m->m_fs_mount.label = fsdos_name("memory");
	CU_ASSERT_EQUAL(fsdos_send(m), -EBUSY);		/* another minor */
	m = fsdos_req(FS_MOUNT);
	m->m_fs_mount.dev = 0x302;
	m->m_fs_mount.minor = 2;
	m->m_fs_mount.label = fsdos_name("memory");
	CU_ASSERT_EQUAL(fsdos_send(m), -EBUSY);	/* another dev, with a device */
	m = fsdos_req(FS_MOUNT);
	m->m_source = OTHER_EP;
	m->m_fs_mount.dev = 0x301;
	m->m_fs_mount.minor = 2;
	m->m_fs_mount.label = fsdos_name("memory");
	CU_ASSERT_EQUAL(fsdos_send(m), -EPERM);		/* not the owner */
	CU_ASSERT_EQUAL(fsdos_mount(0), OK);
	CU_ASSERT_EQUAL(fos.reply.m_fs_node.ino, 1);
	CU_ASSERT_STRING_EQUAL(ffake.trace, "mount 0x301 2;sync;");
	CU_ASSERT_EQUAL(fsdos_mount(0), -EBUSY);	/* only once */
	CU_ASSERT_EQUAL(fsdos_send(fsdos_req(FS_UNMOUNT)), OK);
	CU_ASSERT_EQUAL(fsdos_mount(0), OK);		/* a real mount */
	CU_ASSERT_EQUAL(fsdos_mount(0), -EBUSY);
	memset(&fsdriver_os_mnt, 0, sizeof fsdriver_os_mnt);
}

static void t_restart_unmounted(void)
{
	fake_reset();
	fos_reset();
	ffake_reset();
	memset(&fsdriver_os_mnt, 0, sizeof fsdriver_os_mnt);
	boot(SEF_INIT_RESTART);
	fake_push(VFS_EP, FS_SYNC);
	CU_ASSERT_EQUAL(fsdriver_task(&fake_fs), -EINTR);
	CU_ASSERT_EQUAL(fk.out[0].m_rs_init_reply.result, OK);
	CU_ASSERT_EQUAL(fos.reply.m_type, -EINVAL);
	CU_ASSERT_STRING_EQUAL(ffake.trace, "");
}

/* A record the front end cannot trust is not mounted. */
static void t_restart_bad_record(void)
{
	fake_reset();
	fos_reset();
	ffake_reset();
	memset(&fsdriver_os_mnt, 0, sizeof fsdriver_os_mnt);
	strcpy(fos.ds_key, "mfs.mnt");
	fos.ds_present = 1;
	fos.ds_len = 3;
	boot(SEF_INIT_RESTART);
	CU_ASSERT_EQUAL(fsdriver_task(&fake_fs), -EINTR);
	CU_ASSERT_STRING_EQUAL(ffake.trace, "");
	CU_ASSERT_PTR_NOT_NULL(strstr(fos.console, "bad mount record"));
}

void suite_fsdos_sef(void)
{
	CU_pSuite s = CU_add_suite("fsdos_sef", NULL, NULL);

	CU_add_test(s, "fresh start serves", t_fresh);
	CU_add_test(s, "restart remounts", t_restart);
	CU_add_test(s, "restart, then the client mounts again",
	    t_restart_remount);
	CU_add_test(s, "restart with no mount", t_restart_unmounted);
	CU_add_test(s, "restart with a bad record", t_restart_bad_record);
}
