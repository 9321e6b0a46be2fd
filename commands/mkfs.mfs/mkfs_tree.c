/*
 * mkfs_tree.c - read a source directory tree (-d) into memory.
 *
 * Every node is lstat()ed once, before any file is read, and children are
 * sorted by name, so the image never depends on readdir order.  Files the
 * format cannot hold are refused here, naming the file: names longer than
 * the format allows, files larger than s_max_size, device numbers past 8+8
 * bits on V1 (whose zones are 16 bits; V2/V3 take any 12+20-bit number in
 * the shared encoding, fsdriver_dev_encode), too many links.  (Owner ids that do not fit are not refused: they
 * are stored as the overflow id with a warning, see mkfs_write.c.)
 * Non-directories that share a source inode become one group (hard links);
 * their MFS link count is the number of links inside the tree.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/sysmacros.h>
#include "mkfs.h"

#define MKFS_MAX_DEPTH	4096

static int mkfs_fail(const char *path, const char *what)
{
	fprintf(stderr, "mkfs.mfs: %s: %s\n", path, what);
	return -EINVAL;
}

/* Check what the format can hold about one node. */
static int mkfs_check_node(const struct mkfs_node *n, const struct mfs_sb *sb)
{
	const struct stat *st = &n->st;
	uint64_t max = mfs_format_max_size(sb);

	if (n->parent && strlen(n->name) > sb->name_max)
		return mkfs_fail(n->path, "name longer than the format's "
		    "limit");
	if (S_ISREG(st->st_mode) && (uint64_t)st->st_size > max)
		return mkfs_fail(n->path, "file larger than the format's "
		    "maximum file size");
	if ((S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) &&
	    (major(st->st_rdev) > (sb->version == 1 ? 255u : 4095u) ||
	    minor(st->st_rdev) > (sb->version == 1 ? 255u : 0xfffffu)))
		return mkfs_fail(n->path, "device number does not fit the "
		    "format (8+8 bits on V1, 12+20 bits on V2/V3)");
	if (S_ISLNK(st->st_mode) && (uint64_t)st->st_size >= sb->block_size)
		return mkfs_fail(n->path, "symbolic link target longer than "
		    "a block");
	if (!S_ISREG(st->st_mode) && !S_ISDIR(st->st_mode) &&
	    !S_ISLNK(st->st_mode) && !S_ISCHR(st->st_mode) &&
	    !S_ISBLK(st->st_mode) && !S_ISFIFO(st->st_mode) &&
	    !S_ISSOCK(st->st_mode))
		return mkfs_fail(n->path, "unknown file type");
	return OK;
}

static struct mkfs_node *mkfs_node_new(const char *dir, const char *name,
    struct mkfs_node *parent)
{
	struct mkfs_node *n = calloc(1, sizeof(*n));

	if (!n)
		return NULL;
	n->parent = parent;
	n->name = strdup(name);
	if (dir && asprintf(&n->path, "%s/%s", dir, name) < 0)
		n->path = NULL;
	else if (!dir)
		n->path = strdup(name);
	if (!n->name || !n->path) {
		free(n->name);
		free(n->path);
		free(n);
		return NULL;
	}
	return n;
}

static int mkfs_cmp_node(const void *a, const void *b)
{
	const struct mkfs_node *x = *(struct mkfs_node *const *)a;
	const struct mkfs_node *y = *(struct mkfs_node *const *)b;

	return strcmp(x->name, y->name);
}

static int mkfs_open_dir(const char *path, DIR **dp)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | mkfs_noatime);

	if (fd < 0 && errno == EPERM)
		fd = open(path, O_RDONLY | O_DIRECTORY);
	if (fd < 0 || (*dp = fdopendir(fd)) == NULL) {
		if (fd >= 0)
			close(fd);
		fprintf(stderr, "mkfs.mfs: %s: %s\n", path, strerror(errno));
		return -errno;
	}
	return OK;
}

static int mkfs_add_kid(struct mkfs_node *d, struct mkfs_node *k)
{
	struct mkfs_node **nk;

	if ((d->nkids & (d->nkids - 1)) == 0) {
		nk = realloc(d->kids, (d->nkids ? d->nkids * 2 : 1) *
		    sizeof(*nk));
		if (!nk)
			return -ENOMEM;
		d->kids = nk;
	}
	d->kids[d->nkids++] = k;
	return OK;
}

static int mkfs_scan_node(struct mkfs_node *n, const struct mfs_sb *sb,
    struct mkfs_tree *t, int depth);
static void mkfs_node_free(struct mkfs_node *n);

/* Data and index blocks of a directory with 'nkids' entries besides "."
 * and "..". */
static uint64_t mkfs_dir_blocks(const struct mfs_sb *sb, size_t nkids)
{
	return mkfs_file_blocks(sb, ((uint64_t)(nkids + 2) * sb->dirent_size +
	    sb->block_size - 1) / sb->block_size);
}

/* Read directory 'd' (already stat'ed) and scan its children. */
static int mkfs_scan_dir(struct mkfs_node *d, const struct mfs_sb *sb,
    struct mkfs_tree *t, int depth)
{
	struct dirent *de;
	struct mkfs_node *k;
	DIR *dp;
	size_t i;
	int r = OK;

	if ((r = mkfs_open_dir(d->path, &dp)) != OK)
		return r;
	while (r == OK && (errno = 0, de = readdir(dp)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (t->skip && de->d_ino == t->skip_ino &&
		    d->st.st_dev == t->skip_dev)
			continue;		/* the image itself */
		if ((k = mkfs_node_new(d->path, de->d_name, d)) == NULL)
			r = -ENOMEM;
		else
			r = mkfs_add_kid(d, k);
	}
	closedir(dp);
	if (r != OK)
		return r;
	if (d->nkids > 1)
		qsort(d->kids, d->nkids, sizeof(*d->kids), mkfs_cmp_node);
	for (i = 0; i < d->nkids && r == OK; i++)
		r = mkfs_scan_node(d->kids[i], sb, t, depth + 1);
	return r;
}

static int mkfs_scan_node(struct mkfs_node *n, const struct mfs_sb *sb,
    struct mkfs_tree *t, int depth)
{
	uint64_t nblk;
	int r;

	if (depth > MKFS_MAX_DEPTH)
		return mkfs_fail(n->path, "tree too deep");
	if (lstat(n->path, &n->st) < 0) {
		fprintf(stderr, "mkfs.mfs: %s: %s\n", n->path, strerror(errno));
		return -errno;
	}
	if ((r = mkfs_check_node(n, sb)) != OK)
		return r;
	t->inodes++;
	nblk = ((uint64_t)n->st.st_size + sb->block_size - 1) / sb->block_size;
	if (S_ISREG(n->st.st_mode) || S_ISLNK(n->st.st_mode))
		t->blocks += mkfs_file_blocks(sb, nblk);
	if (!S_ISDIR(n->st.st_mode))
		return OK;
	if ((r = mkfs_scan_dir(n, sb, t, depth)) != OK)
		return r;
	t->blocks += mkfs_dir_blocks(sb, n->nkids);
	return OK;
}

/* Depth-first list of the non-directories with more than one link. */
static int mkfs_collect_links(struct mkfs_node *n, struct mkfs_node ***v,
    size_t *nv, size_t *cap)
{
	struct mkfs_node **nn;
	size_t i;
	int r;

	if (!S_ISDIR(n->st.st_mode)) {
		if (n->st.st_nlink < 2)
			return OK;
		if (*nv == *cap) {
			*cap = *cap ? *cap * 2 : 64;
			if ((nn = realloc(*v, *cap * sizeof(*nn))) == NULL)
				return -ENOMEM;
			*v = nn;
		}
		(*v)[(*nv)++] = n;
		return OK;
	}
	for (i = 0; i < n->nkids; i++)
		if ((r = mkfs_collect_links(n->kids[i], v, nv, cap)) != OK)
			return r;
	return OK;
}

static int mkfs_cmp_devino(const void *a, const void *b)
{
	const struct stat *x = &(*(struct mkfs_node *const *)a)->st;
	const struct stat *y = &(*(struct mkfs_node *const *)b)->st;

	if (x->st_dev != y->st_dev)
		return x->st_dev < y->st_dev ? -1 : 1;
	if (x->st_ino != y->st_ino)
		return x->st_ino < y->st_ino ? -1 : 1;
	return 0;
}

/* Group hard links; fix the inode and block estimates for them. */
static int mkfs_group_links(struct mkfs_tree *t, const struct mfs_sb *sb)
{
	struct mkfs_node **v = NULL;
	size_t nv = 0, cap = 0, i, g = 0;
	int r;

	if ((r = mkfs_collect_links(t->root, &v, &nv, &cap)) != OK)
		goto out;
	if (nv > 1)
		qsort(v, nv, sizeof(*v), mkfs_cmp_devino);
	if (nv && (t->groups = calloc(nv, sizeof(*t->groups))) == NULL) {
		r = -ENOMEM;
		goto out;
	}
	for (i = 0; i < nv; i++) {
		if (i == 0 || mkfs_cmp_devino(&v[i - 1], &v[i]) != 0) {
			t->groups[g].dev = v[i]->st.st_dev;
			t->groups[g++].ino = v[i]->st.st_ino;
		} else {
			t->inodes--;
		}
		v[i]->group = &t->groups[g - 1];
		if (++v[i]->group->count > sb->link_max) {
			r = mkfs_fail(v[i]->path, "more hard links than the "
			    "format's link limit");
			goto out;
		}
	}
	t->ngroups = g;
out:
	free(v);
	return r;
}

/* Directories: 2 + subdirectories links, within the format's limit. */
static int mkfs_check_dirlinks(const struct mkfs_node *n,
    const struct mfs_sb *sb)
{
	size_t i, sub = 0;
	int r;

	if (!S_ISDIR(n->st.st_mode))
		return OK;
	for (i = 0; i < n->nkids; i++) {
		if (S_ISDIR(n->kids[i]->st.st_mode))
			sub++;
		if ((r = mkfs_check_dirlinks(n->kids[i], sb)) != OK)
			return r;
	}
	if (sub + 2 > sb->link_max)
		return mkfs_fail(n->path, "too many subdirectories for the "
		    "format's link limit");
	return OK;
}

int mkfs_scan(struct mkfs_tree *tree, const char *dir,
    const struct mfs_sb *sb, const char *skip)
{
	struct stat st;
	int r;

	memset(tree, 0, sizeof(*tree));
	if (skip && stat(skip, &st) == 0) {
		tree->skip = 1;
		tree->skip_dev = st.st_dev;
		tree->skip_ino = st.st_ino;
	}
	if ((tree->root = mkfs_node_new(NULL, dir, NULL)) == NULL)
		return -ENOMEM;
	if ((r = mkfs_scan_node(tree->root, sb, tree, 0)) != OK)
		return r;
	if (!S_ISDIR(tree->root->st.st_mode))
		return mkfs_fail(dir, "not a directory");
	if ((r = mkfs_group_links(tree, sb)) != OK)
		return r;
	return mkfs_check_dirlinks(tree->root, sb);
}

static void mkfs_node_free(struct mkfs_node *n)
{
	size_t i;

	if (!n)
		return;
	for (i = 0; i < n->nkids; i++)
		mkfs_node_free(n->kids[i]);
	free(n->kids);
	free(n->name);
	free(n->path);
	free(n);
}

void mkfs_tree_free(struct mkfs_tree *tree)
{
	mkfs_node_free(tree->root);
	free(tree->groups);
	memset(tree, 0, sizeof(*tree));
}

int mkfs_tree_root(struct mkfs_tree *t, const struct stat *st,
    const struct mfs_sb *sb)
{
	if (t->root)
		return OK;
	if ((t->root = mkfs_node_new(NULL, "", NULL)) == NULL)
		return -ENOMEM;
	t->root->st = *st;
	t->root->nosrc = 1;
	t->inodes++;
	t->blocks += mkfs_dir_blocks(sb, 0);
	return OK;
}

struct mkfs_node *mkfs_tree_child(const struct mkfs_node *d,
    const char *name)
{
	size_t lo = 0, hi = d->nkids, mid;
	int c;

	while (lo < hi) {		/* kids are sorted by name */
		mid = lo + (hi - lo) / 2;
		c = strcmp(name, d->kids[mid]->name);
		if (c == 0)
			return d->kids[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

int mkfs_tree_add(struct mkfs_tree *t, struct mkfs_node *d,
    const char *name, const struct stat *st, const struct mfs_sb *sb)
{
	struct mkfs_node *k;
	size_t i;
	int r;

	if ((k = mkfs_node_new(d->path, name, d)) == NULL)
		return -ENOMEM;
	k->st = *st;
	k->nosrc = 1;
	if ((r = mkfs_check_node(k, sb)) != OK ||
	    (r = mkfs_add_kid(d, k)) != OK) {
		mkfs_node_free(k);
		return r;
	}
	for (i = d->nkids - 1; i > 0 &&
	    strcmp(d->kids[i - 1]->name, name) > 0; i--) {
		d->kids[i] = d->kids[i - 1];
		d->kids[i - 1] = k;
	}
	t->inodes++;
	t->blocks += mkfs_dir_blocks(sb, d->nkids) -
	    mkfs_dir_blocks(sb, d->nkids - 1);
	if (S_ISDIR(st->st_mode))
		t->blocks += mkfs_dir_blocks(sb, 0);
	return OK;
}

int mkfs_tree_recheck(struct mkfs_tree *t, const struct mfs_sb *sb)
{
	return mkfs_check_dirlinks(t->root, sb);
}
