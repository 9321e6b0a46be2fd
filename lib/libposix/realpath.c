/*
 * realpath.c - the canonical absolute name of a file: components walked
 * one by one from the root (or the cwd), "." and ".." folded, each prefix
 * checked with lstat and symbolic links expanded with readlink, at most
 * REALPATH_LINKS of them (ELOOP beyond).  newlib's generic build has no
 * realpath of its own.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "posix.h"

#define REALPATH_LINKS 40

/* work = a + "/" + b, bounded. */
static int join(char *work, const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);

	if (na + 1 + nb >= PATH_MAX)
		return lc_err(-ENAMETOOLONG);
	memmove(work + na + 1, b, nb + 1);
	memmove(work, a, na);
	work[na] = '/';
	return 0;
}

static void drop_last(char *out)
{
	char *s = strrchr(out, '/');

	*(s ? s : out) = '\0';
}

/* Expand the link at out, whose remaining path is rest, into work. */
static int expand_link(char *out, char *work, const char *rest, int *links)
{
	char target[PATH_MAX], tail[PATH_MAX];
	ssize_t n;

	if (++*links > REALPATH_LINKS)
		return lc_err(-ELOOP);
	if ((n = readlink(out, target, sizeof(target) - 1)) < 0)
		return -1;
	target[n] = '\0';
	strcpy(tail, rest);
	if (target[0] == '/')
		out[0] = '\0';
	else
		drop_last(out);
	return join(work, target, tail);
}

static int walk(char *work, char *out)
{
	char comp[NAME_MAX + 1], *p = work;
	struct stat st;
	size_t n;
	int links = 0;

	out[0] = '\0';
	while (*p) {
		while (*p == '/')
			p++;
		n = strcspn(p, "/");
		if (n == 0)
			break;
		if (n > NAME_MAX)
			return lc_err(-ENAMETOOLONG);
		memcpy(comp, p, n);
		comp[n] = '\0';
		p += n;
		if (!strcmp(comp, "."))
			continue;
		if (!strcmp(comp, "..")) {
			drop_last(out);
			continue;
		}
		if (strlen(out) + 1 + n >= PATH_MAX)
			return lc_err(-ENAMETOOLONG);
		strcat(strcat(out, "/"), comp);
		if (lstat(out, &st) < 0)
			return -1;
		if (S_ISLNK(st.st_mode)) {
			if (expand_link(out, work, p, &links) < 0)
				return -1;
			p = work;
		} else if (*p && !S_ISDIR(st.st_mode)) {
			return lc_err(-ENOTDIR);
		}
	}
	if (!out[0])
		strcpy(out, "/");
	return 0;
}

char *realpath(const char *path, char *resolved)
{
	char work[PATH_MAX], out[PATH_MAX], cwd[PATH_MAX];

	if (!path) {
		lc_err(-EINVAL);
		return NULL;
	}
	if (!*path) {
		lc_err(-ENOENT);
		return NULL;
	}
	if (path[0] == '/') {
		if (strlen(path) >= PATH_MAX) {
			lc_err(-ENAMETOOLONG);
			return NULL;
		}
		strcpy(work, path);
	} else if (!getcwd(cwd, sizeof(cwd)) || join(work, cwd, path) < 0) {
		return NULL;
	}
	if (walk(work, out) < 0)
		return NULL;
	if (!resolved)
		return strdup(out);
	return strcpy(resolved, out);
}
