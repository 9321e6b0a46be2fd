/*
 * harness.c - mounting images and working on them by path.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <mica/dirent.h>
#include <mica/fsdriver_host.h>
#include <mica/libminixfs_host.h>
#include "mfs_test.h"
#include "mfs_sb.h"

char mt_dir[256];
char mt_img[300];
char mt_logbuf[4096];
ino_t mt_root;

static void *mt_ctx;
static int mt_saved_err = -1;

int mt_mount_flags(unsigned int flags, unsigned int *res)
{
	const struct lmfs_dev_ops *ops;
	struct fsdriver_node root;
	int r;

	r = lmfs_file_dev_open(mt_img, !(flags & FSDRIVER_MOUNT_RDONLY), 0,
	    &ops, &mt_ctx);
	if (r != OK)
		return r;
	if ((r = lmfs_dev_register(MT_DEV, ops, mt_ctx)) != OK) {
		lmfs_file_dev_close(mt_ctx);
		return r;
	}
	r = mfs_table.fdr_mount(MT_DEV, flags, &root, res);
	if (r != OK) {
		lmfs_dev_unregister(MT_DEV);
		lmfs_file_dev_close(mt_ctx);
		mt_ctx = NULL;
		return r;
	}
	mt_root = root.fn_ino_nr;
	return OK;
}

void mt_mount(void)
{
	unsigned int res;

	CU_ASSERT_FATAL(mt_mount_flags(0, &res) == OK);
	CU_ASSERT(res == 0);
}

void mt_unmount(void)
{
	if (mt_ctx == NULL)
		return;
	mfs_table.fdr_putnode(mt_root, 1);
	mfs_table.fdr_unmount();
	lmfs_flushall();
	lmfs_dev_unregister(MT_DEV);
	lmfs_file_dev_close(mt_ctx);
	mt_ctx = NULL;
}

void mt_remount(void)
{
	mt_unmount();
	mt_mount();
}

int mt_fsck(void)
{
	char cmd[1000];
	int st;

	snprintf(cmd, sizeof(cmd), "fsck.minix -f %s > %s/fsck.log 2>&1",
	    mt_img, mt_dir);
	st = system(cmd);
	if (!WIFEXITED(st))
		return -1;
	if (WEXITSTATUS(st) != 0) {
		snprintf(cmd, sizeof(cmd), "cat %s/fsck.log >&2", mt_dir);
		if (system(cmd) != 0)
			return -1;
	}
	return WEXITSTATUS(st);
}

void mt_log_begin(void)
{
	char path[320];
	int fd;

	snprintf(path, sizeof(path), "%s/log", mt_dir);
	fflush(stderr);
	mt_saved_err = dup(2);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd >= 0) {
		dup2(fd, 2);
		close(fd);
	}
}

int mt_log_end(void)
{
	char path[320], *p;
	ssize_t n = 0;
	int fd, lines = 0;

	fflush(stderr);
	snprintf(path, sizeof(path), "%s/log", mt_dir);
	if ((fd = open(path, O_RDONLY)) >= 0) {
		n = read(fd, mt_logbuf, sizeof(mt_logbuf) - 1);
		close(fd);
	}
	mt_logbuf[n > 0 ? n : 0] = '\0';
	if (mt_saved_err >= 0) {
		dup2(mt_saved_err, 2);
		close(mt_saved_err);
		mt_saved_err = -1;
	}
	for (p = mt_logbuf; (p = strchr(p, '\n')) != NULL; p++)
		lines++;
	return lines;
}

/* Walk 'path' from the root; no reference is kept. */
int mt_ino(const char *path, ino_t *ino)
{
	struct fsdriver_node node;
	char buf[1024], *save, *comp;
	ino_t cur = mt_root;
	int r;

	snprintf(buf, sizeof(buf), "%s", path);
	for (comp = strtok_r(buf, "/", &save); comp != NULL;
	    comp = strtok_r(NULL, "/", &save)) {
		if ((r = mfs_table.fdr_lookup(cur, comp, &node)) != OK)
			return r;
		mfs_table.fdr_putnode(node.fn_ino_nr, 1);
		cur = node.fn_ino_nr;
	}
	*ino = cur;
	return OK;
}

/* The directory of 'path' and a pointer to its last component. */
int mt_parent(const char *path, ino_t *dir, const char **name)
{
	char buf[1024];
	const char *slash = strrchr(path, '/');

	if (slash == NULL) {
		*dir = mt_root;
		*name = path;
		return OK;
	}
	snprintf(buf, sizeof(buf), "%.*s", (int)(slash - path), path);
	*name = slash + 1;
	return mt_ino(buf, dir);
}

int mt_create(const char *path, mode_t mode, ino_t *ino)
{
	struct fsdriver_node node;
	const char *name;
	ino_t dir;
	int r;

	if ((r = mt_parent(path, &dir, &name)) != OK)
		return r;
	if ((r = mfs_table.fdr_create(dir, name, mode, 0, 0, &node)) != OK)
		return r;
	mfs_table.fdr_putnode(node.fn_ino_nr, 1);
	if (ino != NULL)
		*ino = node.fn_ino_nr;
	return OK;
}

int mt_mkdir(const char *path, mode_t mode)
{
	const char *name;
	ino_t dir;
	int r;

	if ((r = mt_parent(path, &dir, &name)) != OK)
		return r;
	return mfs_table.fdr_mkdir(dir, name, mode, 0, 0);
}

int mt_unlink(const char *path)
{
	const char *name;
	ino_t dir;
	int r;

	if ((r = mt_parent(path, &dir, &name)) != OK)
		return r;
	return mfs_table.fdr_unlink(dir, name);
}

int mt_rmdir(const char *path)
{
	const char *name;
	ino_t dir;
	int r;

	if ((r = mt_parent(path, &dir, &name)) != OK)
		return r;
	return mfs_table.fdr_rmdir(dir, name);
}

int mt_rename(const char *from, const char *to)
{
	const char *n1, *n2;
	ino_t d1, d2;
	int r;

	if ((r = mt_parent(from, &d1, &n1)) != OK ||
	    (r = mt_parent(to, &d2, &n2)) != OK)
		return r;
	return mfs_table.fdr_rename(d1, n1, d2, n2);
}

int mt_link(const char *from, const char *to)
{
	const char *name;
	ino_t dir, ino;
	int r;

	if ((r = mt_ino(from, &ino)) != OK ||
	    (r = mt_parent(to, &dir, &name)) != OK)
		return r;
	return mfs_table.fdr_link(dir, name, ino);
}

int mt_symlink(const char *target, const char *path)
{
	struct fsdriver_data data;
	const char *name;
	ino_t dir;
	int r;

	if ((r = mt_parent(path, &dir, &name)) != OK)
		return r;
	fsdriver_data_mem(&data, (void *)target, strlen(target));
	return mfs_table.fdr_slink(dir, name, 0, 0, &data, strlen(target));
}

ssize_t mt_write(ino_t ino, off_t pos, const void *buf, size_t len)
{
	struct fsdriver_data data;

	fsdriver_data_mem(&data, (void *)buf, len);
	return mfs_table.fdr_write(ino, &data, len, pos);
}

ssize_t mt_read(ino_t ino, off_t pos, void *buf, size_t len)
{
	struct fsdriver_data data;

	fsdriver_data_mem(&data, buf, len);
	return mfs_table.fdr_read(ino, &data, len, pos);
}

int mt_stat(const char *path, struct stat *st)
{
	ino_t ino;
	int r;

	if ((r = mt_ino(path, &ino)) != OK)
		return r;
	return mfs_table.fdr_stat(ino, st);
}

int mt_put_file(const char *path, const void *buf, size_t len)
{
	ino_t ino;
	ssize_t n;
	int r;

	if ((r = mt_create(path, 0644, &ino)) != OK)
		return r;
	n = mt_write(ino, 0, buf, len);
	if (n < 0)
		return (int)n;
	return (size_t)n == len ? OK : -EIO;
}

int mt_file_is(const char *path, const void *buf, size_t len)
{
	struct stat st;
	char *got;
	ino_t ino;
	int ok;

	if (mt_ino(path, &ino) != OK || mfs_table.fdr_stat(ino, &st) != OK ||
	    (size_t)st.st_size != len)
		return 0;
	if ((got = malloc(len + 1)) == NULL)
		return 0;
	ok = mt_read(ino, 0, got, len + 1) == (ssize_t)len &&
	    memcmp(got, buf, len) == 0;
	free(got);
	return ok;
}

int mt_count_entries(const char *path)
{
	struct fsdriver_data data;
	char buf[8192];
	off_t pos = 0;
	ssize_t n, off;
	ino_t ino;
	int r, count = 0;

	if ((r = mt_ino(path, &ino)) != OK)
		return r;
	fsdriver_data_mem(&data, buf, sizeof(buf));
	while ((n = mfs_table.fdr_getdents(ino, &data, sizeof(buf), &pos))
	    > 0) {
		for (off = 0; off < n; ) {
			struct mica_dirent *d = (void *)(buf + off);

			if (strcmp(d->d_name, ".") != 0 &&
			    strcmp(d->d_name, "..") != 0)
				count++;
			off += d->d_reclen;
		}
	}
	return n < 0 ? (int)n : count;
}

void mt_fill(void *buf, size_t len, unsigned int seed)
{
	unsigned char *p = buf;
	uint32_t x = seed * 2654435761u + 1;
	size_t i;

	for (i = 0; i < len; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		p[i] = (unsigned char)x;
	}
}

int mt_img_read(uint64_t off, void *buf, size_t len)
{
	int fd = open(mt_img, O_RDONLY), ok;

	if (fd < 0)
		return -1;
	ok = pread(fd, buf, len, (off_t)off) == (ssize_t)len;
	close(fd);
	return ok ? 0 : -1;
}

int mt_img_write(uint64_t off, const void *buf, size_t len)
{
	int fd = open(mt_img, O_WRONLY), ok;

	if (fd < 0)
		return -1;
	ok = pwrite(fd, buf, len, (off_t)off) == (ssize_t)len;
	close(fd);
	return ok ? 0 : -1;
}

int mt_layout(struct mfs_sb *sb)
{
	unsigned char raw[MFS_SUPER_SIZE];
	struct stat st;
	char why[200];

	if (stat(mt_img, &st) != 0 || mt_img_read(MFS_SUPER_OFFSET, raw,
	    sizeof(raw)) != 0)
		return -1;
	return mfs_sb_decode(raw, (uint64_t)st.st_size, sb, why,
	    sizeof(why)) == OK ? 0 : -1;
}
