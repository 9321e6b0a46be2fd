/*
 * harness.c - images, mounts, logs and path operations for the ext2 tests.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <mica/dirent.h>
#include <mica/fsdriver_host.h>
#include <mica/libminixfs_host.h>

#include "et.h"

char et_dir[256];
char et_img[320];
char et_logbuf[8192];

static void *et_ctx;
static ino_t et_root;
static int et_saved_stderr = -1;

int et_sh(const char *fmt, ...)
{
	char cmd[2048], full[2400];
	va_list ap;
	int st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	snprintf(full, sizeof(full), "( %s ) > %s/sh.log 2>&1", cmd, et_dir);
	st = system(full);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

void et_sh_dump(void)
{
	char cmd[400];

	snprintf(cmd, sizeof(cmd), "cat %s/sh.log >&2", et_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "(no log)\n");
}

int et_mkfs(const char *opts, unsigned int size_kb)
{
	int r;

	unlink(et_img);
	r = et_sh("mke2fs -q -F -t ext2 -E root_owner=0:0 %s %s %u",
	    opts, et_img, size_kb);
	if (r != 0)
		et_sh_dump();
	return r;
}

int et_fsck(void)
{
	int r = et_sh("e2fsck -fn %s", et_img);

	if (r != 0)
		et_sh_dump();
	return r;
}

int et_mount_flags(unsigned int flags, unsigned int *res)
{
	const struct lmfs_dev_ops *ops;
	struct fsdriver_node root;
	int r;

	r = lmfs_file_dev_open(et_img, !(flags & FSDRIVER_MOUNT_RDONLY), 0,
	    &ops, &et_ctx);
	if (r != OK)
		return r;
	if ((r = lmfs_dev_register(ET_DEV, ops, et_ctx)) != OK)
		goto fail_close;
	if (ext2_fstype.probe(ET_DEV) != 1) {
		r = -EINVAL;
		goto fail_unreg;
	}
	if ((r = ET_T->fdr_mount(ET_DEV, flags, &root, res)) != OK)
		goto fail_unreg;
	et_root = root.fn_ino_nr;
	return OK;
fail_unreg:
	lmfs_dev_unregister(ET_DEV);
fail_close:
	lmfs_file_dev_close(et_ctx);
	et_ctx = NULL;
	return r;
}

void et_mount(void)
{
	unsigned int res = 0;

	CU_ASSERT_FATAL(et_mount_flags(0, &res) == OK);
	CU_ASSERT(res == 0);
}

void et_unmount(void)
{
	if (et_ctx == NULL)
		return;
	ET_T->fdr_putnode(et_root, 1);
	ET_T->fdr_unmount();
	lmfs_dev_unregister(ET_DEV);
	lmfs_file_dev_close(et_ctx);
	et_ctx = NULL;
}

void et_remount(void)
{
	et_unmount();
	et_mount();
}

void et_log_begin(void)
{
	char path[300];
	int fd;

	snprintf(path, sizeof(path), "%s/log", et_dir);
	fflush(stderr);
	et_saved_stderr = dup(2);
	if ((fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600)) >= 0) {
		dup2(fd, 2);
		close(fd);
	}
}

void et_log_end(void)
{
	char path[300];
	ssize_t n = 0;
	int fd;

	fflush(stderr);
	snprintf(path, sizeof(path), "%s/log", et_dir);
	if ((fd = open(path, O_RDONLY)) >= 0) {
		n = read(fd, et_logbuf, sizeof(et_logbuf) - 1);
		close(fd);
	}
	et_logbuf[n > 0 ? n : 0] = '\0';
	if (et_saved_stderr >= 0) {
		dup2(et_saved_stderr, 2);
		close(et_saved_stderr);
		et_saved_stderr = -1;
	}
}

/* Walk all but the last component of 'path'; *dir gets the directory (no
 * reference kept), *name the last component. */
static int et_walk(const char *path, ino_t *dir, char *name, size_t size)
{
	char buf[1024], *p, *slash;
	struct fsdriver_node n;
	ino_t cur = et_root;
	int r;

	snprintf(buf, sizeof(buf), "%s", path);
	p = buf;
	while ((slash = strchr(p, '/')) != NULL) {
		*slash = '\0';
		if ((r = ET_T->fdr_lookup(cur, p, &n)) != OK)
			return r;
		ET_T->fdr_putnode(n.fn_ino_nr, 1);
		cur = n.fn_ino_nr;
		p = slash + 1;
	}
	if (strlen(p) >= size)
		return -ENAMETOOLONG;
	memcpy(name, p, strlen(p) + 1);
	*dir = cur;
	return OK;
}

int et_lookup(const char *path, ino_t *ino)
{
	struct fsdriver_node n;
	char name[300];
	ino_t dir;
	int r;

	if ((r = et_walk(path, &dir, name, sizeof(name))) != OK)
		return r;
	if ((r = ET_T->fdr_lookup(dir, name, &n)) != OK)
		return r;
	ET_T->fdr_putnode(n.fn_ino_nr, 1);
	*ino = n.fn_ino_nr;
	return OK;
}

int et_create(const char *path, mode_t mode, ino_t *ino)
{
	struct fsdriver_node n;
	char name[300];
	ino_t dir;
	int r;

	if ((r = et_walk(path, &dir, name, sizeof(name))) != OK)
		return r;
	if ((r = ET_T->fdr_create(dir, name, mode, 0, 0, &n)) != OK)
		return r;
	ET_T->fdr_putnode(n.fn_ino_nr, 1);
	if (ino != NULL)
		*ino = n.fn_ino_nr;
	return OK;
}

int et_mkdir(const char *path, mode_t mode)
{
	char name[300];
	ino_t dir;
	int r;

	if ((r = et_walk(path, &dir, name, sizeof(name))) != OK)
		return r;
	return ET_T->fdr_mkdir(dir, name, mode, 0, 0);
}

int et_unlink(const char *path)
{
	char name[300];
	ino_t dir;
	int r;

	if ((r = et_walk(path, &dir, name, sizeof(name))) != OK)
		return r;
	return ET_T->fdr_unlink(dir, name);
}

int et_rmdir(const char *path)
{
	char name[300];
	ino_t dir;
	int r;

	if ((r = et_walk(path, &dir, name, sizeof(name))) != OK)
		return r;
	return ET_T->fdr_rmdir(dir, name);
}

int et_rename(const char *from, const char *to)
{
	char n1[300], n2[300];
	ino_t d1, d2;
	int r;

	if ((r = et_walk(from, &d1, n1, sizeof(n1))) != OK ||
	    (r = et_walk(to, &d2, n2, sizeof(n2))) != OK)
		return r;
	return ET_T->fdr_rename(d1, n1, d2, n2);
}

int et_symlink(const char *path, const char *target)
{
	struct fsdriver_data d;
	char name[300];
	ino_t dir;
	int r;

	if ((r = et_walk(path, &dir, name, sizeof(name))) != OK)
		return r;
	fsdriver_data_mem(&d, (void *)target, strlen(target));
	return ET_T->fdr_slink(dir, name, 1000, 1000, &d, strlen(target));
}

int et_mknod(const char *path, mode_t mode, dev_t rdev)
{
	char name[300];
	ino_t dir;
	int r;

	if ((r = et_walk(path, &dir, name, sizeof(name))) != OK)
		return r;
	return ET_T->fdr_mknod(dir, name, mode, 0, 0, rdev);
}

int et_stat(const char *path, struct stat *st)
{
	ino_t ino;
	int r;

	if ((r = et_lookup(path, &ino)) != OK)
		return r;
	return ET_T->fdr_stat(ino, st);
}

ssize_t et_pwrite(ino_t ino, const void *buf, size_t len, off_t pos)
{
	struct fsdriver_data d;

	fsdriver_data_mem(&d, (void *)buf, len);
	return ET_T->fdr_write(ino, &d, len, pos);
}

ssize_t et_pread(ino_t ino, void *buf, size_t len, off_t pos)
{
	struct fsdriver_data d;

	fsdriver_data_mem(&d, buf, len);
	return ET_T->fdr_read(ino, &d, len, pos);
}

int et_put_file(const char *path, const void *buf, size_t len)
{
	ino_t ino;
	ssize_t w;
	int r;

	r = et_create(path, 0644, &ino);
	if (r == -EEXIST)
		r = et_lookup(path, &ino);
	if (r != OK)
		return r;
	w = et_pwrite(ino, buf, len, 0);
	return w == (ssize_t)len ? OK : w < 0 ? (int)w : -EIO;
}

int et_count_entries(const char *path, size_t bufsize)
{
	struct fsdriver_data d;
	char *buf = malloc(bufsize);
	off_t pos = 0;
	ssize_t n;
	size_t off;
	int count = 0;
	ino_t ino;

	if (buf == NULL || et_lookup(path, &ino) != OK) {
		free(buf);
		return -1;
	}
	fsdriver_data_mem(&d, buf, bufsize);
	while ((n = ET_T->fdr_getdents(ino, &d, bufsize, &pos)) > 0)
		for (off = 0; off < (size_t)n; count++)
			off += ((struct mica_dirent *)(buf + off))->d_reclen;
	free(buf);
	return n < 0 ? (int)n : count;
}

void et_pattern(void *buf, size_t len, unsigned int seed, uint64_t off)
{
	unsigned char *p = buf;
	size_t i;

	for (i = 0; i < len; i++) {
		uint64_t x = (off + i) * 2654435761u + seed * 40503u;

		p[i] = (unsigned char)(x ^ (x >> 13) ^ (x >> 29));
	}
}
