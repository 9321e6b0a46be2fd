/*
 * test_xattr.c - extended attributes in the inode and in a block, shared
 * blocks copied on write, checked with debugfs ea_list and e2fsck.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/xattr.h>

#include "ext2_format.h"
#include "et.h"
#include <mica/fsdriver_host.h>

static int et_setx(ino_t ino, const char *name, const char *val, int flags)
{
	struct fsdriver_data d;

	fsdriver_data_mem(&d, (void *)val, strlen(val));
	return ET_T->fdr_setxattr(ino, name, &d, strlen(val), flags);
}

static ssize_t et_getx(ino_t ino, const char *name, char *buf, size_t size)
{
	struct fsdriver_data d;

	fsdriver_data_mem(&d, buf, size);
	return ET_T->fdr_getxattr(ino, name, &d, size);
}

static void test_inode_and_block(void)
{
	char big[700], buf[1024];
	struct fsdriver_data d;
	ino_t ino;

	CU_ASSERT_FATAL(et_mkfs("-b 1024 -I 256", 4096) == 0);
	et_mount();
	CU_ASSERT_FATAL(et_create("f", 0644, &ino) == OK);
	CU_ASSERT(et_setx(ino, "user.small", "v1", 0) == OK);
	memset(big, 'B', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	CU_ASSERT(et_setx(ino, "user.big", big, 0) == OK);
	CU_ASSERT(et_setx(ino, "trusted.t", "tv", XATTR_CREATE) == OK);
	CU_ASSERT(et_setx(ino, "trusted.t", "tv", XATTR_CREATE) == -EEXIST);
	CU_ASSERT(et_setx(ino, "user.none", "x", XATTR_REPLACE) == -ENODATA);
	CU_ASSERT(et_getx(ino, "user.small", buf, 0) == 2);
	CU_ASSERT(et_getx(ino, "user.small", buf, 1) == -ERANGE);
	CU_ASSERT(et_getx(ino, "user.big", buf, sizeof(buf)) == 699);
	CU_ASSERT(memcmp(buf, big, 699) == 0);
	fsdriver_data_mem(&d, buf, sizeof(buf));
	CU_ASSERT(ET_T->fdr_listxattr(ino, &d, 0) ==
	    (ssize_t)(sizeof("user.small") + sizeof("user.big") +
	    sizeof("trusted.t")));
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
	CU_ASSERT(et_sh("debugfs -R 'ea_list /f' %s | grep -q 'user.small "
	    "(2) = \"v1\"'", et_img) == 0);
	CU_ASSERT(et_sh("debugfs -R 'ea_get /f user.big' %s | grep -q BBBB",
	    et_img) == 0);
	CU_ASSERT(et_sh("debugfs -R 'stat /f' %s | grep -q 'File ACL: [1-9]'",
	    et_img) == 0);
	et_mount();
	CU_ASSERT_FATAL(et_lookup("f", &ino) == OK);
	CU_ASSERT(ET_T->fdr_removexattr(ino, "user.big") == OK);
	CU_ASSERT(ET_T->fdr_removexattr(ino, "user.big") == -ENODATA);
	CU_ASSERT(et_getx(ino, "trusted.t", buf, sizeof(buf)) == 2);
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
	CU_ASSERT(et_sh("debugfs -R 'stat /f' %s | grep -q 'File ACL: 0'",
	    et_img) == 0);
}

/* Make /a and /b share a's attribute block (refcount 2), as Linux's
 * mbcache would, by editing the image. */
static int et_share_block(void)
{
	unsigned int blk = 0;
	uint32_t two = 2;
	FILE *f;
	int fd, ok;

	if (et_sh("debugfs -R 'stat /a' %s | sed -n 's/.*File ACL: "
	    "\\([0-9]*\\).*/\\1/p' > %s/acl", et_img, et_dir) != 0)
		return -1;
	{
		char path[400];

		snprintf(path, sizeof(path), "%s/acl", et_dir);
		if ((f = fopen(path, "r")) == NULL)
			return -1;
		ok = fscanf(f, "%u", &blk) == 1;
		fclose(f);
	}
	if (!ok || blk == 0)
		return -1;
	if ((fd = open(et_img, O_RDWR)) < 0)
		return -1;
	ok = pwrite(fd, &two, 4, (off_t)blk * 1024 + 4) == 4;
	close(fd);
	if (!ok)
		return -1;
	return et_sh("debugfs -w -R 'sif /b file_acl %u' %s && "
	    "debugfs -w -R 'sif /b blocks 2' %s", blk, et_img, et_img);
}

static void test_shared_block(void)
{
	char big[600], buf[700];
	ino_t a, b;

	CU_ASSERT_FATAL(et_mkfs("-b 1024 -I 128", 4096) == 0);
	et_mount();
	CU_ASSERT_FATAL(et_create("a", 0644, &a) == OK);
	CU_ASSERT_FATAL(et_create("b", 0644, &b) == OK);
	memset(big, 'S', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	CU_ASSERT(et_setx(a, "user.shared", big, 0) == OK);
	et_unmount();
	CU_ASSERT_FATAL(et_share_block() == 0);
	CU_ASSERT_FATAL(et_fsck() == 0);
	et_mount();
	CU_ASSERT_FATAL(et_lookup("b", &b) == OK);
	CU_ASSERT(et_getx(b, "user.shared", buf, sizeof(buf)) == 599);
	CU_ASSERT(et_setx(b, "user.own", "mine", 0) == OK);	/* COW */
	CU_ASSERT(et_unlink("a") == OK);			/* drops a ref */
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
	CU_ASSERT(et_sh("debugfs -R 'ea_list /b' %s | grep -q 'user.own (4)'",
	    et_img) == 0);
}

static void test_many_attrs_enospc(void)
{
	char name[64], val[100];
	ino_t ino;
	int i, r = OK;

	CU_ASSERT_FATAL(et_mkfs("-b 1024", 4096) == 0);
	et_mount();
	CU_ASSERT_FATAL(et_mkdir("d", 0755) == OK);
	CU_ASSERT_FATAL(et_lookup("d", &ino) == OK);
	memset(val, 'v', sizeof(val) - 1);
	val[sizeof(val) - 1] = '\0';
	for (i = 0; i < 40 && r == OK; i++) {
		snprintf(name, sizeof(name), "user.attr%02d", i);
		r = et_setx(ino, name, val, 0);
	}
	CU_ASSERT(r == -ENOSPC);
	CU_ASSERT(i > 7);
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
}

/* An access ACL in Linux's xattr form: owner rw, user 1000 r, group r,
 * mask r, other none. */
static const unsigned char et_acl[] = {
	2, 0, 0, 0,
	0x01, 0, 6, 0, 0xff, 0xff, 0xff, 0xff,
	0x02, 0, 4, 0, 0xe8, 0x03, 0, 0,
	0x04, 0, 4, 0, 0xff, 0xff, 0xff, 0xff,
	0x10, 0, 4, 0, 0xff, 0xff, 0xff, 0xff,
	0x20, 0, 0, 0, 0xff, 0xff, 0xff, 0xff,
};
/* u::rwx g::r-x o::r-- : nothing beyond mode 0754 */
static const unsigned char et_acl_min[] = {
	2, 0, 0, 0,
	0x01, 0, 7, 0, 0xff, 0xff, 0xff, 0xff,
	0x04, 0, 5, 0, 0xff, 0xff, 0xff, 0xff,
	0x20, 0, 4, 0, 0xff, 0xff, 0xff, 0xff,
};
#define ET_ACL_HEX "0x0200000001000600ffffffff02000400e8030000" \
	"04000400ffffffff10000400ffffffff20000000ffffffff"

static void test_posix_acl(void)
{
	struct fsdriver_data d;
	struct stat st;
	char buf[256];
	mode_t mode;
	ino_t ino;
	int host_acl;

	/* an ACL set by the host kernel, copied by mke2fs -d */
	host_acl = et_sh("mkdir -p %s/acltree && touch %s/acltree/f && "
	    "setfattr -n system.posix_acl_access -v %s %s/acltree/f",
	    et_dir, et_dir, ET_ACL_HEX, et_dir) == 0;
	CU_ASSERT_FATAL(et_sh("mke2fs -q -F -t ext2 -b 1024 -d %s/acltree %s 4096",
	    et_dir, et_img) == 0);
	et_mount();
	if (host_acl) {
		CU_ASSERT_FATAL(et_lookup("f", &ino) == OK);
		CU_ASSERT(et_getx(ino, "system.posix_acl_access", buf,
		    sizeof(buf)) == (ssize_t)sizeof(et_acl));
		CU_ASSERT(memcmp(buf, et_acl, sizeof(et_acl)) == 0);
	}
	CU_ASSERT_FATAL(et_create("g", 0640, &ino) == OK);
	fsdriver_data_mem(&d, (void *)et_acl, sizeof(et_acl));
	CU_ASSERT(ET_T->fdr_setxattr(ino, "system.posix_acl_access", &d,
	    sizeof(et_acl), 0) == OK);
	CU_ASSERT(ET_T->fdr_setxattr(ino, "system.posix_acl_access", &d, 6,
	    0) == -EINVAL);
	CU_ASSERT(et_getx(ino, "system.posix_acl_access", buf, sizeof(buf)) ==
	    (ssize_t)sizeof(et_acl));
	CU_ASSERT(memcmp(buf, et_acl, sizeof(et_acl)) == 0);
	CU_ASSERT(ET_T->fdr_stat(ino, &st) == OK);
	CU_ASSERT((st.st_mode & 07777) == 0640);	/* user rw, mask r */
	mode = 0700;					/* mask follows */
	CU_ASSERT(ET_T->fdr_chmod(ino, &mode) == OK);
	CU_ASSERT(et_getx(ino, "system.posix_acl_access", buf, sizeof(buf)) ==
	    (ssize_t)sizeof(et_acl));
	CU_ASSERT(buf[28] == 0x10 && buf[30] == 0);	/* mask --- */
	CU_ASSERT(buf[6] == 7);				/* owner rwx */
	/* an ACL equal to a mode is not stored: it sets the mode */
	CU_ASSERT_FATAL(et_create("h", 0600, &ino) == OK);
	fsdriver_data_mem(&d, (void *)et_acl_min, sizeof(et_acl_min));
	CU_ASSERT(ET_T->fdr_setxattr(ino, "system.posix_acl_access", &d,
	    sizeof(et_acl_min), 0) == OK);
	CU_ASSERT(et_getx(ino, "system.posix_acl_access", buf, sizeof(buf)) ==
	    -ENODATA);
	CU_ASSERT(ET_T->fdr_stat(ino, &st) == OK);
	CU_ASSERT((st.st_mode & 07777) == 0754);
	et_unmount();
	CU_ASSERT(et_fsck() == 0);
	CU_ASSERT(et_sh("debugfs -R 'ea_list /g' %s | grep -q "
	    "'system.posix_acl_access'", et_img) == 0);
}

void et_suite_xattr(void)
{
	CU_pSuite s = CU_add_suite("ext2_xattr", NULL, NULL);

	CU_add_test(s, "in-inode and block attributes", test_inode_and_block);
	CU_add_test(s, "shared block copy-on-write", test_shared_block);
	CU_add_test(s, "full attribute block", test_many_attrs_enospc);
	CU_add_test(s, "POSIX ACLs", test_posix_acl);
}
