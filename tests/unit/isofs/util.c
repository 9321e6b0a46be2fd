/*
 * util.c - mounting images and walking them through the fsdriver table.
 */
#include <CUnit/CUnit.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <mica/dirent.h>
#include <mica/fstype.h>
#include <mica/libminixfs.h>
#include <mica/fsdriver_host.h>
#include <mica/libminixfs_host.h>
#include "isotest.h"

char isot_dir[64];
const struct fsdriver *isot_fs;
static void *isot_ctx;

#define ISOT_FAIL(...) do {						\
	char msg_[512];							\
	snprintf(msg_, sizeof(msg_), __VA_ARGS__);			\
	CU_assertImplementation(CU_FALSE, __LINE__, msg_, __FILE__, "",	\
	    CU_FALSE);							\
	fails++;							\
} while (0)

int isot_setup(void)
{
	strcpy(isot_dir, "/tmp/isofs-test.XXXXXX");
	if (mkdtemp(isot_dir) == NULL)
		return -1;
	isot_fs = isofs_fstype.table;
	return 0;
}

int isot_teardown(void)
{
	if (getenv("KEEP") == NULL)
		isot_run("rm -rf %s", isot_dir);
	return 0;
}

int isot_run(const char *fmt, ...)
{
	char cmd[2048], full[2200];
	va_list ap;
	int r;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	snprintf(full, sizeof(full), "timeout 60 sh -c '%s' >>%s/tools.log 2>&1",
	    cmd, isot_dir[0] ? isot_dir : "/tmp");
	r = system(full);
	return r == -1 ? -1 : WEXITSTATUS(r);
}

int isot_mount(const char *img, ino_t *root)
{
	const struct lmfs_dev_ops *ops;
	struct fsdriver_node node;
	unsigned int res = 0;
	int r;

	r = lmfs_file_dev_open(img, 0, 0, &ops, &isot_ctx);
	if (r != OK)
		return r;
	r = lmfs_dev_register(ISOT_DEV, ops, isot_ctx);
	if (r == OK) {
		r = isofs_fstype.probe(ISOT_DEV);
		r = r == 1 ? OK : r < 0 ? r : -EINVAL;
	}
	if (r == OK)
		r = isot_fs->fdr_mount(ISOT_DEV, FSDRIVER_MOUNT_RDONLY, &node,
		    &res);
	if (r == OK && !(res & FSDRIVER_RES_RDONLY))
		r = -EPROTO;
	if (r != OK) {
		lmfs_dev_unregister(ISOT_DEV);
		lmfs_file_dev_close(isot_ctx);
		return r;
	}
	*root = node.fn_ino_nr;
	return OK;
}

void isot_umount(void)
{
	isot_fs->fdr_unmount();
	lmfs_dev_unregister(ISOT_DEV);
	lmfs_file_dev_close(isot_ctx);
}

int isot_lookup(ino_t root, const char *path, struct fsdriver_node *n)
{
	char buf[4096], *save = NULL, *c;
	ino_t cur = root;
	int r;

	snprintf(buf, sizeof(buf), "%s", path);
	r = isot_fs->fdr_lookup(root, ".", n);
	for (c = strtok_r(buf, "/", &save); r == OK && c != NULL;
	    c = strtok_r(NULL, "/", &save)) {
		cur = n->fn_ino_nr;
		r = isot_fs->fdr_lookup(cur, c, n);
		isot_put(cur);
	}
	return r;
}

void isot_put(ino_t ino)
{
	CU_ASSERT_EQUAL(isot_fs->fdr_putnode(ino, 1), OK);
}

ssize_t isot_read(ino_t ino, char *buf, size_t size)
{
	struct fsdriver_data d;
	size_t done = 0;
	ssize_t r;

	while (done < size) {
		size_t want = size - done < 3001 ? size - done : 3001;

		fsdriver_data_mem(&d, buf + done, want);
		r = isot_fs->fdr_read(ino, &d, want, (off_t)done);
		if (r < 0)
			return r;
		if (r == 0)
			break;
		done += (size_t)r;
	}
	return (ssize_t)done;
}

static int isot_cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collect names of 'dir' into an array (strdup'ed); count or error. */
static int isot_names(ino_t dir, char **names, int max)
{
	char buf[200];
	struct fsdriver_data d;
	off_t pos = 0;
	ssize_t r;
	int n = 0;

	for (;;) {
		size_t off = 0;

		fsdriver_data_mem(&d, buf, sizeof(buf));
		r = isot_fs->fdr_getdents(dir, &d, sizeof(buf), &pos);
		if (r <= 0)
			break;
		while (off < (size_t)r) {
			struct mica_dirent *e = (void *)(buf + off);

			if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
			    n < max)
				names[n++] = strdup(e->d_name);
			off += e->d_reclen;
		}
	}
	qsort(names, n, sizeof(*names), isot_cmpstr);
	return r < 0 ? (int)r : n;
}

int isot_list(ino_t dir, char *buf, size_t size)
{
	char *names[256];
	size_t len = 0;
	int n, i;

	n = isot_names(dir, names, 256);
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		len += snprintf(buf + len, len < size ? size - len : 0, "%s%s",
		    i ? "\n" : "", names[i]);
		free(names[i]);
	}
	return n;
}

static int isot_crawl_dir(ino_t dir, int depth, int *budget);

static void isot_crawl_one(ino_t dir, const char *name, int depth,
    int *budget)
{
	static char data[1 << 20];
	struct fsdriver_node n;
	struct fsdriver_data d;
	struct stat st;

	if (isot_fs->fdr_lookup(dir, name, &n) != OK)
		return;
	(*budget)--;
	isot_fs->fdr_stat(n.fn_ino_nr, &st);
	if (S_ISREG(n.fn_mode))
		isot_read(n.fn_ino_nr, data, sizeof(data));
	if (S_ISLNK(n.fn_mode)) {
		fsdriver_data_mem(&d, data, 4096);
		isot_fs->fdr_rdlink(n.fn_ino_nr, &d, 4096);
	}
	if (S_ISDIR(n.fn_mode) && depth < 40 && *budget > 0)
		isot_crawl_dir(n.fn_ino_nr, depth + 1, budget);
	isot_put(n.fn_ino_nr);
}

static int isot_crawl_dir(ino_t dir, int depth, int *budget)
{
	char *names[256];
	int n, i;

	n = isot_names(dir, names, 256);
	for (i = 0; i < n; i++) {
		if (*budget > 0)
			isot_crawl_one(dir, names[i], depth, budget);
		free(names[i]);
	}
	isot_crawl_one(dir, "..", 40, budget);
	return n;
}

int isot_crawl(ino_t root, int limit)
{
	int budget = limit;

	isot_crawl_dir(root, 0, &budget);
	return limit - budget;
}
