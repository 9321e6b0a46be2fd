/*
 * compare.c - a mounted image against the tree it was made from.
 */
#include <CUnit/CUnit.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "isotest.h"
#include <mica/fsdriver_host.h>

#define CMP_FAIL(...) do {						\
	char msg_[8192];							\
	snprintf(msg_, sizeof(msg_), __VA_ARGS__);			\
	fprintf(stderr, "  mismatch: %s\n", msg_);			\
	CU_assertImplementation(CU_FALSE, __LINE__, msg_, __FILE__, "",	\
	    CU_FALSE);							\
	(*fails)++;							\
} while (0)

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The source directory's names, sorted and '\n'-joined. */
static void cmp_src_list(const char *dir, char *buf, size_t size)
{
	char *names[256];
	struct dirent *de;
	size_t len = 0;
	int n = 0, i;
	DIR *d = opendir(dir);

	while (d != NULL && (de = readdir(d)) != NULL && n < 256)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			names[n++] = strdup(de->d_name);
	if (d != NULL)
		closedir(d);
	qsort(names, n, sizeof(*names), cmp_strp);
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		len += snprintf(buf + len, len < size ? size - len : 0, "%s%s",
		    i ? "\n" : "", names[i]);
		free(names[i]);
	}
}

static void cmp_content(const char *path, const char *rel, ino_t ino,
    off_t size, int *fails)
{
	char *a = malloc(size + 1), *b = malloc(size + 1);
	FILE *f = fopen(path, "rb");
	size_t got = f ? fread(a, 1, size + 1, f) : 0;
	ssize_t r = isot_read(ino, b, size + 1);

	if (f)
		fclose(f);
	if (r != (ssize_t)got || got != (size_t)size ||
	    memcmp(a, b, got) != 0)
		CMP_FAIL("%.1000s: contents differ (read %zd, want %zu)", rel, r,
		    got);
	free(a);
	free(b);
}

static void cmp_attr(const struct stat *s, const struct stat *m,
    const char *rel, int *fails)
{
	if ((s->st_mode & 07777) != (m->st_mode & 07777))
		CMP_FAIL("%.1000s: mode %o, want %o", rel, m->st_mode, s->st_mode);
	if (s->st_uid != m->st_uid || s->st_gid != m->st_gid)
		CMP_FAIL("%.1000s: owner %u:%u, want %u:%u", rel, m->st_uid,
		    m->st_gid, s->st_uid, s->st_gid);
	if (s->st_mtim.tv_sec != m->st_mtim.tv_sec)
		CMP_FAIL("%.1000s: mtime %ld, want %ld", rel,
		    (long)m->st_mtim.tv_sec, (long)s->st_mtim.tv_sec);
	if ((S_ISCHR(s->st_mode) || S_ISBLK(s->st_mode)) &&
	    s->st_rdev != m->st_rdev)
		CMP_FAIL("%.1000s: rdev %lx, want %lx", rel,
		    (unsigned long)m->st_rdev, (unsigned long)s->st_rdev);
}

static void cmp_link(const char *path, const char *rel, ino_t ino,
    int *fails)
{
	char want[4096], got[4096];
	struct fsdriver_data d;
	ssize_t n = readlink(path, want, sizeof(want) - 1), r;

	fsdriver_data_mem(&d, got, sizeof(got));
	r = isot_fs->fdr_rdlink(ino, &d, sizeof(got));
	if (n < 0 || r != n || memcmp(want, got, n) != 0)
		CMP_FAIL("%.1000s: symlink target differs (%zd vs %zd bytes)", rel,
		    r, n);
}

static void cmp_dir(const char *src, const char *rel, ino_t ino,
    unsigned int what, int *fails);
static ino_t cmp_root;

/* Remove the line 'name' from a '\n'-joined list. */
static void cmp_drop_line(char *list, const char *name)
{
	size_t n = strlen(name);
	char *p = list;

	while (p != NULL && *p) {
		char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len == n && memcmp(p, name, n) == 0) {
			if (end)
				memmove(p, end + 1, strlen(end + 1) + 1);
			else if (p > list)
				p[-1] = '\0';
			else
				*p = '\0';
			return;
		}
		p = end ? end + 1 : NULL;
	}
}

static void cmp_node(const char *src, const char *rel, ino_t root,
    unsigned int what, int *fails)
{
	struct fsdriver_node n;
	struct stat s, m;

	if (lstat(src, &s) != 0 || isot_lookup(root, rel, &n) != OK) {
		CMP_FAIL("%.1000s: lookup failed", rel);
		return;
	}
	isot_fs->fdr_stat(n.fn_ino_nr, &m);
	if ((s.st_mode & S_IFMT) != (m.st_mode & S_IFMT))
		CMP_FAIL("%.1000s: type %o, want %o", rel, m.st_mode & S_IFMT,
		    s.st_mode & S_IFMT);
	else if (m.st_ino != n.fn_ino_nr || m.st_mode != n.fn_mode)
		CMP_FAIL("%.1000s: stat and lookup disagree", rel);
	else if (what & ISOT_CMP_ATTR)
		cmp_attr(&s, &m, rel, fails);
	if (S_ISREG(s.st_mode) && S_ISREG(m.st_mode))
		cmp_content(src, rel, n.fn_ino_nr, s.st_size, fails);
	if (S_ISLNK(s.st_mode) && S_ISLNK(m.st_mode))
		cmp_link(src, rel, n.fn_ino_nr, fails);
	if (S_ISDIR(s.st_mode) && S_ISDIR(m.st_mode))
		cmp_dir(src, rel, n.fn_ino_nr, what, fails);
	isot_put(n.fn_ino_nr);
}

static void cmp_dir(const char *src, const char *rel, ino_t ino,
    unsigned int what, int *fails)
{
	static char want[16384], got[16384];
	char *save = NULL, *name, *list;

	cmp_src_list(src, want, sizeof(want));
	isot_list(ino, got, sizeof(got));
	if (rel[0] == '\0')	/* genisoimage's relocation directory */
		cmp_drop_line(got, "rr_moved");
	if (strcmp(want, got) != 0)
		CMP_FAIL("/%.1000s: listing differs:\n%.1000s\n--- vs ---\n%.1000s", rel, got,
		    want);
	list = strdup(want);
	for (name = strtok_r(list, "\n", &save); name != NULL;
	    name = strtok_r(NULL, "\n", &save)) {
		char s2[4096], r2[4096];

		snprintf(s2, sizeof(s2), "%s/%s", src, name);
		snprintf(r2, sizeof(r2), "%s%s%s", rel, rel[0] ? "/" : "",
		    name);
		cmp_node(s2, r2, cmp_root, what, fails);
	}
	free(list);
}

int isot_compare(const char *src, ino_t root, unsigned int what)
{
	int fails = 0;

	cmp_root = root;
	cmp_dir(src, "", root, what, &fails);
	return fails;
}
