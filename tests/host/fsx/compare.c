/*
 * compare.c - walk the two trees and compare them entry by entry.
 *
 * Both trees are walked together, directory by directory, with sorted name
 * lists (readdir order is the file system's business).  For every entry on
 * both sides: type, permission bits, link count, owner, size (not for
 * directories), then contents for regular files and targets for symlinks.
 * Hard links are checked too: entries that share an inode on one side must
 * share it on the other.  Timestamps, inode numbers and directory sizes
 * differ legitimately between file systems and are not compared.
 *
 * The walk also refills x->seen from the reference side, which steers the
 * next batch's choice of paths.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsxr.h"

#define CMP_PATH	4096
#define CMP_CHUNK	(256 * 1024)

struct names {
	char **v;
	size_t n;
};

struct links {			/* multiply-linked files, in walk order */
	ino_t *ino[2];
	size_t n, cap;
};

struct walk {
	struct fsx *x;
	struct links links;
	unsigned char *buf[2];
};

static char compare_why_buf[CMP_PATH + 256];

/* Record (and print) the first difference; always -1. */
static int differ(const char *path, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(compare_why_buf, sizeof(compare_why_buf), "at \"%s\": ",
		     path[0] ? path : ".");
	if (n < 0 || (size_t)n >= sizeof(compare_why_buf))
		n = 0;
	va_start(ap, fmt);
	vsnprintf(compare_why_buf + n, sizeof(compare_why_buf) - (size_t)n, fmt, ap);
	va_end(ap);
	fprintf(stderr, "fsxr: trees differ %s\n", compare_why_buf);
	return -1;
}

/* See fsxr.h. */
const char *compare_why(void)
{
	return compare_why_buf;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* See fsxr.h. */
int fsx_ignored(const struct fsx *x, const char *rel, const char *name)
{
	unsigned i;

	if (rel[0] != '\0' && strcmp(rel, ".") != 0)
		return 0;
	for (i = 0; i < x->cfg.nignore; i++)
		if (strcmp(x->cfg.ignore[i], name) == 0)
			return 1;
	return 0;
}

static void names_free(struct names *nm)
{
	size_t i;

	for (i = 0; i < nm->n; i++)
		free(nm->v[i]);
	free(nm->v);
}

/* Sorted entry names of directory fd, without ".", ".." and -i names. */
static int names_read(const struct fsx *x, int fd, const char *rel,
		      struct names *nm)
{
	DIR *d;
	struct dirent *de;
	int dfd = dup(fd);

	nm->v = NULL;
	nm->n = 0;
	if (dfd < 0 || (d = fdopendir(dfd)) == NULL) {
		if (dfd >= 0)
			close(dfd);
		return -errno;
	}
	rewinddir(d);		/* dfd shares its offset with fd */
	errno = 0;
	while ((de = readdir(d)) != NULL) {
		char **nv;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0 ||
		    fsx_ignored(x, rel, de->d_name))
			continue;
		nv = realloc(nm->v, (nm->n + 1) * sizeof(*nv));
		if (nv == NULL || (nv[nm->n] = strdup(de->d_name)) == NULL) {
			nm->v = nv ? nv : nm->v;
			closedir(d);
			return -ENOMEM;
		}
		nm->v = nv;
		nm->n++;
	}
	closedir(d);
	if (errno != 0)
		return -errno;
	if (nm->n > 1)
		qsort(nm->v, nm->n, sizeof(*nm->v), cmp_str);
	return 0;
}

static int cmp_attrs(const char *path, const struct stat *a, const struct stat *b)
{
	if ((a->st_mode & S_IFMT) != (b->st_mode & S_IFMT))
		return differ(path, "type %o vs reference %o",
			      a->st_mode & S_IFMT, b->st_mode & S_IFMT);
	if ((a->st_mode & 07777) != (b->st_mode & 07777))
		return differ(path, "mode %04o vs reference %04o",
			      a->st_mode & 07777, b->st_mode & 07777);
	if (a->st_nlink != b->st_nlink)
		return differ(path, "nlink %lu vs reference %lu",
			      (unsigned long)a->st_nlink, (unsigned long)b->st_nlink);
	if (a->st_uid != b->st_uid || a->st_gid != b->st_gid)
		return differ(path, "owner %u:%u vs reference %u:%u",
			      a->st_uid, a->st_gid, b->st_uid, b->st_gid);
	if (!S_ISDIR(a->st_mode) && a->st_size != b->st_size)
		return differ(path, "size %lld vs reference %lld",
			      (long long)a->st_size, (long long)b->st_size);
	return 0;
}

static ssize_t read_full(int fd, unsigned char *buf, size_t n)
{
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		r = read(fd, buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

static int cmp_data(struct walk *w, int fd[2], const char *path)
{
	long long off = 0;
	ssize_t n[2];
	size_t i;

	for (;;) {
		n[0] = read_full(fd[0], w->buf[0], CMP_CHUNK);
		n[1] = read_full(fd[1], w->buf[1], CMP_CHUNK);
		if (n[0] < 0 || n[1] < 0)
			return differ(path, "read failed: %s", strerror(errno));
		if (n[0] != n[1])
			return differ(path, "read %zd bytes at %lld vs reference %zd",
				      n[0], off, n[1]);
		if (memcmp(w->buf[0], w->buf[1], (size_t)n[0]) != 0) {
			for (i = 0; w->buf[0][i] == w->buf[1][i]; i++)
				;
			return differ(path, "contents differ at byte %lld: %02x vs reference %02x",
				      off + (long long)i, w->buf[0][i], w->buf[1][i]);
		}
		if (n[0] == 0)
			return 0;
		off += n[0];
	}
}

static int cmp_file(struct walk *w, const int dir[2], const char *name,
		    const char *path)
{
	int fd[2], s, rc;

	for (s = 0; s < 2; s++) {
		fd[s] = openat(dir[s], name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		if (fd[s] < 0) {
			rc = differ(path, "open on side %c: %s", "AB"[s], strerror(errno));
			if (s == 1)
				close(fd[0]);
			return rc;
		}
	}
	rc = cmp_data(w, fd, path);
	close(fd[0]);
	close(fd[1]);
	return rc;
}

static int cmp_link(const int dir[2], const char *name, const char *path)
{
	char t[2][CMP_PATH];
	ssize_t n[2];
	int s;

	for (s = 0; s < 2; s++) {
		n[s] = readlinkat(dir[s], name, t[s], sizeof(t[s]) - 1);
		if (n[s] < 0)
			return differ(path, "readlink on side %c: %s", "AB"[s], strerror(errno));
		t[s][n[s]] = '\0';
	}
	if (strcmp(t[0], t[1]) != 0)
		return differ(path, "symlink -> \"%s\" vs reference \"%s\"", t[0], t[1]);
	return 0;
}

static int links_add(struct links *l, ino_t a, ino_t b)
{
	ino_t *na, *nb;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		na = realloc(l->ino[0], l->cap * sizeof(ino_t));
		if (na)
			l->ino[0] = na;
		nb = realloc(l->ino[1], l->cap * sizeof(ino_t));
		if (nb)
			l->ino[1] = nb;
		if (!na || !nb)
			return -1;
	}
	l->ino[0][l->n] = a;
	l->ino[1][l->n] = b;
	l->n++;
	return 0;
}

/* Entries sharing an inode on A must share it on B, and the other way. */
static int links_check(const struct links *l)
{
	size_t i, j;

	for (i = 0; i < l->n; i++)
		for (j = 0; j < i; j++)
			if ((l->ino[0][i] == l->ino[0][j]) != (l->ino[1][i] == l->ino[1][j]))
				return differ("(hard links)",
					      "entries %zu and %zu share an inode on one side only",
					      j, i);
	return 0;
}

static int cmp_dir(struct walk *w, const int dir[2], const char *rel);

static int cmp_subdir(struct walk *w, const int dir[2], const char *name,
		      const char *path)
{
	int sub[2], s, rc;

	for (s = 0; s < 2; s++) {
		sub[s] = openat(dir[s], name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (sub[s] < 0) {
			rc = differ(path, "opendir on side %c: %s", "AB"[s], strerror(errno));
			if (s == 1)
				close(sub[0]);
			return rc;
		}
	}
	rc = cmp_dir(w, sub, path);
	close(sub[0]);
	close(sub[1]);
	return rc;
}

static int cmp_entry(struct walk *w, const int dir[2], const char *name,
		     const char *path)
{
	struct stat st[2];
	int s, rc;

	for (s = 0; s < 2; s++)
		if (fstatat(dir[s], name, &st[s], AT_SYMLINK_NOFOLLOW) < 0)
			return differ(path, "lstat on side %c: %s", "AB"[s], strerror(errno));
	rc = cmp_attrs(path, &st[0], &st[1]);
	if (rc == 0 && strlen(path) < FSX_PATH)
		rc = seen_add(&w->x->seen, path, S_ISDIR(st[1].st_mode));
	if (rc == 0 && !S_ISDIR(st[0].st_mode) && st[0].st_nlink > 1)
		rc = links_add(&w->links, st[0].st_ino, st[1].st_ino);
	if (rc < 0)
		return rc;
	if (S_ISREG(st[0].st_mode))
		return cmp_file(w, dir, name, path);
	if (S_ISLNK(st[0].st_mode))
		return cmp_link(dir, name, path);
	if (S_ISDIR(st[0].st_mode))
		return cmp_subdir(w, dir, name, path);
	return 0;
}

/* Merge the two sorted name lists; compare entries found on both sides. */
static int cmp_dir(struct walk *w, const int dir[2], const char *rel)
{
	struct names nm[2];
	char path[CMP_PATH];
	size_t i = 0, j = 0;
	int c, rc, s;

	for (s = 0; s < 2; s++)
		if ((rc = names_read(w->x, dir[s], rel, &nm[s])) < 0) {
			if (s == 1)
				names_free(&nm[0]);
			return differ(rel, "readdir on side %c: %s", "AB"[s], strerror(-rc));
		}
	for (rc = 0; rc == 0 && (i < nm[0].n || j < nm[1].n);) {
		c = i == nm[0].n ? 1 : j == nm[1].n ? -1 : strcmp(nm[0].v[i], nm[1].v[j]);
		snprintf(path, sizeof(path), "%s%s%s", rel, rel[0] ? "/" : "",
			 c <= 0 ? nm[0].v[i] : nm[1].v[j]);
		if (c < 0)
			rc = differ(path, "only under test");
		else if (c > 0)
			rc = differ(path, "only in the reference");
		else
			rc = cmp_entry(w, dir, nm[0].v[i], path);
		i += c <= 0;
		j += c >= 0;
	}
	names_free(&nm[0]);
	names_free(&nm[1]);
	return rc;
}

/* See fsxr.h. */
int compare_trees(struct fsx *x)
{
	struct walk w = { .x = x };
	struct stat st[2];
	int rc = -1, s;

	seen_reset(&x->seen);
	w.buf[0] = malloc(CMP_CHUNK);
	w.buf[1] = malloc(CMP_CHUNK);
	if (w.buf[0] == NULL || w.buf[1] == NULL)
		goto out;
	for (s = 0; s < 2; s++)
		if (fstat(x->rootfd[s], &st[s]) < 0)
			goto out;
	/* An ignored directory (lost+found) adds to the root's link count. */
	if (x->cfg.nignore == 0 && st[0].st_nlink != st[1].st_nlink) {
		differ("", "nlink %lu vs reference %lu", (unsigned long)st[0].st_nlink,
		       (unsigned long)st[1].st_nlink);
		goto out;
	}
	rc = cmp_dir(&w, x->rootfd, "");
	if (rc == 0)
		rc = links_check(&w.links);
out:
	free(w.buf[0]);
	free(w.buf[1]);
	free(w.links.ino[0]);
	free(w.links.ino[1]);
	return rc;
}
