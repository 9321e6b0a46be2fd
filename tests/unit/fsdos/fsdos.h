/*
 * fsdos.h - test_fsdos: libfsdriver's OS front end (lib/libfsdriver/os_*.c)
 * on the host, over the SEF suite's fake kernel (tests/unit/sef/fake.c)
 * plus what the front end adds (fake_os.c): safecopy against a table of
 * fake grants, sendnb replies, the console, DS MEM entries and the block
 * device attach; and a fake file system (fake_fs.c) whose entries record
 * their arguments in a trace and answer what the test scripts.
 */
#ifndef TESTS_UNIT_FSDOS_H
#define TESTS_UNIT_FSDOS_H

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <CUnit/CUnit.h>

#include <mica/fsdriver_os.h>
#include <mica/vfsif.h>
#include "fake.h"

#define VFS_EP	 30			/* the fake VFS */
#define OTHER_EP 31			/* somebody else */

/* fake_os.c */
struct fos_grant {
	endpoint_t owner;
	cp_grant_id_t id;
	void *buf;
	u32_t len;
	u32_t access;			/* CPF_READ | CPF_WRITE */
};
struct fake_os {
	struct fos_grant grants[32];
	int ngrants;
	message reply;			/* the last sendnb */
	endpoint_t reply_to;
	int nreplies;
	char console[512];
	char ds_key[DS_KEY_LEN];	/* one MEM entry */
	char ds_val[256];
	u32_t ds_len;
	int ds_present;
	char attached_label[RS_LABEL_LEN];
	int attached_minor, attached_rdonly, attached, attach_err;
	dev_t attached_dev;
};
extern struct fake_os fos;
void fos_reset(void);
/* A grant of owner over buf; its id. */
cp_grant_id_t fos_grant(endpoint_t owner, void *buf, u32_t len, u32_t access);

/* fake_fs.c */
struct ffake_state {
	char trace[1024];		/* "lookup 1 a;read 5 10 0;..." */
	int result;			/* what the next entry returns */
	int postcalls;
	const char *data;		/* read/getdents/rdlink: bytes copied out */
	char written[64];		/* write/slink: bytes copied in */
	unsigned int mount_res;
};
extern struct ffake_state ffake;
extern struct fsdriver fake_fs;		/* every entry filled */
void ffake_reset(void);

/* test_os.c helpers */
message *fsdos_req(int type);		/* a zeroed request from VFS_EP */
int fsdos_send(message *m);		/* process it; the reply's m_type */
int fsdos_mount(unsigned int flags);	/* mount "memory" minor 2 as 0x301 */
struct fs_name fsdos_name(const char *s);	/* a CPF_READ grant */

void suite_fsdos_proto(void);
void suite_fsdos_hostile(void);
void suite_fsdos_sef(void);

#endif /* TESTS_UNIT_FSDOS_H */
