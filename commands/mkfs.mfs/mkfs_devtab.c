/*
 * mkfs_devtab.c - device tables (-D): nodes a build cannot make as a user.
 *
 * A root image needs /dev/console owned by root with mode 0600, and files
 * owned by root, but the staging tree is made by whoever runs the build.
 * genext2fs solved this with a table, and buildroot and others use its
 * format, so mkfs.mfs reads the same one, a line per entry:
 *
 *	name type mode uid gid major minor start inc count
 *
 * name is an absolute path in the image; type is f (regular file), d,
 * c, b, p (FIFO) or s (socket); mode is octal permissions; major and
 * minor only for c and b; '-' for what does not apply.  With a count, the
 * entry makes name<i> for i = start .. count-1 with minor
 * minor + i*inc - start (genext2fs's arithmetic, checked against it in
 * tests/host/mfs_mkfs.sh).  '#' starts a comment line.
 *
 * An entry for a node that exists (from -d or an earlier line) sets its
 * mode bits and owner and keeps its contents and times; a new node gets
 * the table's mtime as its times, and a new f is empty.  Where genext2fs
 * warns and carries on, mkfs.mfs stops with the line number: a missing
 * parent directory, an entry whose type differs from the node it names,
 * a malformed line.  An image that silently lacks /dev/console is worse
 * than a build that stops.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/sysmacros.h>
#include "mkfs.h"

#define DT_FIELDS	10
#define DT_NONE		UINT64_MAX	/* a '-' field */

struct dt_line {
	const char *file;
	unsigned int no;
	char *f[DT_FIELDS];
};

static int dt_fail(const struct dt_line *l, const char *what)
{
	fprintf(stderr, "mkfs.mfs: %s: line %u: %s\n", l->file, l->no, what);
	return -EINVAL;
}

/* Field i as a number in 'base' up to max, or DT_NONE for '-'. */
static int dt_number(const struct dt_line *l, int i, int base, uint64_t max,
    uint64_t *v)
{
	char *end;
	unsigned long long n;

	if (!strcmp(l->f[i], "-")) {
		*v = DT_NONE;
		return OK;
	}
	errno = 0;
	n = strtoull(l->f[i], &end, base);
	if (errno || *end || end == l->f[i] || l->f[i][0] == '-' || n > max) {
		static const char *const names[DT_FIELDS] = { "name", "type",
		    "mode", "uid", "gid", "major", "minor", "start", "inc",
		    "count" };
		char why[96];

		snprintf(why, sizeof(why), "bad %s '%.32s'", names[i],
		    l->f[i]);
		return dt_fail(l, why);
	}
	*v = n;
	return OK;
}

static mode_t dt_type(char c)
{
	switch (c) {
	case 'f': return S_IFREG;
	case 'd': return S_IFDIR;
	case 'c': return S_IFCHR;
	case 'b': return S_IFBLK;
	case 'p': return S_IFIFO;
	case 's': return S_IFSOCK;
	}
	return 0;
}

/* New mode bits and owner for an existing node. */
static void dt_set(struct mkfs_node *n, const struct stat *st)
{
	n->st.st_mode = (n->st.st_mode & S_IFMT) | (st->st_mode & 07777);
	n->st.st_uid = st->st_uid;
	n->st.st_gid = st->st_gid;
}

/* The same for every link (below n) of the hard-linked inode g. */
static void dt_set_group(struct mkfs_node *n, const struct mkfs_group *g,
    const struct stat *st)
{
	size_t i;

	if (n->group == g)
		dt_set(n, st);
	for (i = 0; i < n->nkids; i++)
		dt_set_group(n->kids[i], g, st);
}

/* Make or adjust the node at absolute 'path' as 'st' describes. */
static int dt_apply(struct mkfs_tree *t, const struct dt_line *l,
    const char *path, const struct stat *st, const struct mfs_sb *sb)
{
	struct mkfs_node *d = t->root, *n;
	char *copy, *name, *next, *save = NULL;
	int r = OK;

	if (path[0] != '/')
		return dt_fail(l, "the name must be an absolute path");
	if ((copy = strdup(path)) == NULL)
		return -ENOMEM;
	name = strtok_r(copy, "/", &save);
	if (name == NULL) {		/* "/": the root itself */
		n = t->root;
		goto found;
	}
	while ((next = strtok_r(NULL, "/", &save)) != NULL) {
		n = mkfs_tree_child(d, name);
		if (!n || !S_ISDIR(n->st.st_mode)) {
			r = dt_fail(l, "a parent directory is missing "
			    "(list it first, as type d)");
			goto out;
		}
		d = n;
		name = next;
	}
	if (!strcmp(name, ".") || !strcmp(name, "..")) {
		r = dt_fail(l, "'.' and '..' cannot be made");
		goto out;
	}
	n = mkfs_tree_child(d, name);
	if (n == NULL) {
		if ((r = mkfs_tree_add(t, d, name, st, sb)) != OK &&
		    r != -ENOMEM)
			dt_fail(l, "the format cannot hold this entry");
		goto out;
	}
found:
	if ((n->st.st_mode & S_IFMT) != (st->st_mode & S_IFMT)) {
		r = dt_fail(l, "the node exists with another type");
		goto out;
	}
	if ((S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) &&
	    n->st.st_rdev != st->st_rdev) {
		r = dt_fail(l, "the device exists with another number");
		goto out;
	}
	if (n->group)
		dt_set_group(t->root, n->group, st);
	else
		dt_set(n, st);
out:
	free(copy);
	return r;
}

/* One line, split into its fields. */
static int dt_entry(struct mkfs_tree *t, const struct dt_line *l,
    time_t mtime, const struct mfs_sb *sb)
{
	uint64_t mode, uid, gid, maj, min, start, inc, count, i, m;
	struct stat st;
	char *path;
	mode_t type = strlen(l->f[1]) == 1 ? dt_type(l->f[1][0]) : 0;
	int r, dev;

	if (!type)
		return dt_fail(l, "type must be one of f d c b p s");
	if ((r = dt_number(l, 2, 8, 07777, &mode)) != OK ||
	    (r = dt_number(l, 3, 10, UINT32_MAX - 1, &uid)) != OK ||
	    (r = dt_number(l, 4, 10, UINT32_MAX - 1, &gid)) != OK ||
	    (r = dt_number(l, 5, 10, UINT32_MAX, &maj)) != OK ||
	    (r = dt_number(l, 6, 10, UINT32_MAX, &min)) != OK ||
	    (r = dt_number(l, 7, 10, 1000000, &start)) != OK ||
	    (r = dt_number(l, 8, 10, 1000000, &inc)) != OK ||
	    (r = dt_number(l, 9, 10, 1000000, &count)) != OK)
		return r;
	if (mode == DT_NONE || uid == DT_NONE || gid == DT_NONE)
		return dt_fail(l, "mode, uid and gid are required");
	dev = S_ISCHR(type) || S_ISBLK(type);
	if (dev != (maj != DT_NONE) || dev != (min != DT_NONE))
		return dt_fail(l, "major and minor go with c and b only");
	if (count != DT_NONE && (!dev || start == DT_NONE ||
	    inc == DT_NONE))
		return dt_fail(l, "a count needs a device, a start and an "
		    "increment");
	memset(&st, 0, sizeof(st));
	st.st_mode = type | (mode_t)mode;
	st.st_uid = (uid_t)uid;
	st.st_gid = (gid_t)gid;
	st.st_nlink = 1;
	st.st_atim.tv_sec = st.st_mtim.tv_sec = st.st_ctim.tv_sec = mtime;
	if (count == DT_NONE) {
		if (dev)
			st.st_rdev = makedev((unsigned int)maj,
			    (unsigned int)min);
		return dt_apply(t, l, l->f[0], &st, sb);
	}
	for (i = start; i < count; i++) {
		m = min + i * inc;
		if (m < start || m - start > UINT32_MAX)
			return dt_fail(l, "a minor number out of range");
		st.st_rdev = makedev((unsigned int)maj,
		    (unsigned int)(m - start));
		if (asprintf(&path, "%s%llu", l->f[0],
		    (unsigned long long)i) < 0)
			return -ENOMEM;
		r = dt_apply(t, l, path, &st, sb);
		free(path);
		if (r != OK)
			return r;
	}
	return OK;
}

int mkfs_devtable(struct mkfs_tree *t, const char *file,
    const struct mfs_sb *sb)
{
	struct dt_line l = { .file = file };
	struct stat fst, rst;
	char *line = NULL, *p, *save;
	size_t cap = 0;
	int n, r = OK;
	FILE *fp = fopen(file, "r");

	if (fp == NULL || fstat(fileno(fp), &fst) < 0) {
		fprintf(stderr, "mkfs.mfs: %s: %s\n", file, strerror(errno));
		if (fp)
			fclose(fp);
		return -errno;
	}
	memset(&rst, 0, sizeof(rst));	/* a root when there is no -d */
	rst.st_mode = S_IFDIR | 0755;
	rst.st_uid = getuid();
	rst.st_gid = getgid();
	rst.st_atim = rst.st_mtim = rst.st_ctim = fst.st_mtim;
	if ((r = mkfs_tree_root(t, &rst, sb)) != OK)
		goto out;
	while (r == OK && getline(&line, &cap, fp) >= 0) {
		l.no++;
		p = line + strspn(line, " \t\r\n");
		if (*p == '#' || *p == '\0')
			continue;
		for (n = 0, save = NULL; n < DT_FIELDS &&
		    (l.f[n] = strtok_r(n ? NULL : p, " \t\r\n", &save)); n++)
			;
		if (n < DT_FIELDS || strtok_r(NULL, " \t\r\n", &save))
			r = dt_fail(&l, "expected 10 fields: name type mode "
			    "uid gid major minor start inc count");
		else
			r = dt_entry(t, &l, fst.st_mtim.tv_sec, sb);
	}
	if (r == OK && ferror(fp)) {
		fprintf(stderr, "mkfs.mfs: %s: read error\n", file);
		r = -EIO;
	}
	if (r == OK)
		r = mkfs_tree_recheck(t, sb);
out:
	if (r == -ENOMEM)
		fprintf(stderr, "mkfs.mfs: out of memory\n");
	free(line);
	fclose(fp);
	return r;
}
