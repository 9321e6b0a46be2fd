/*
 * helpers.c - building requests as the fake VFS and sending them through
 * fsdriver_process(), which answers through the fake sendnb.
 */
#include "fsdos.h"

static message fsdos_m;
static char fsdos_names[8][300];
static int fsdos_nnames;

message *fsdos_req(int type)
{
	memset(&fsdos_m, 0, sizeof fsdos_m);
	fsdos_m.m_source = VFS_EP;
	fsdos_m.m_type = type;
	return &fsdos_m;
}

int fsdos_send(message *m)
{
	int before = fos.nreplies;

	fsdriver_process(&fake_fs, m);
	CU_ASSERT_EQUAL(fos.nreplies, before + 1);
	CU_ASSERT_EQUAL(fos.reply_to, m->m_source);
	return fos.reply.m_type;
}

struct fs_name fsdos_name(const char *s)
{
	char *buf = fsdos_names[fsdos_nnames++ % 8];
	struct fs_name n;

	n.len = (u32_t)strlen(s);
	memcpy(buf, s, n.len);
	n.grant = fos_grant(VFS_EP, buf, n.len, CPF_READ);
	return n;
}

int fsdos_mount(unsigned int flags)
{
	message *m = fsdos_req(FS_MOUNT);

	m->m_fs_mount.dev = 0x301;
	m->m_fs_mount.flags = flags;
	m->m_fs_mount.minor = 2;
	m->m_fs_mount.label = fsdos_name("memory");
	return fsdos_send(m);
}
