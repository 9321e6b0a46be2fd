/*
 * ops_ns.c - exerciser operations on the name space and on attributes:
 * mkdir, rmdir, unlink, rename, link, symlink, mkfifo, chmod, lstat,
 * readlink and a directory listing.
 *
 * Same shape as ops_data.c: a generator draws the arguments once, a runner
 * applies them to one side.  Outcomes that carry data (lstat, readlink,
 * listings) are serialised into the result buffer, so the caller compares
 * both sides byte for byte.  Only attributes every POSIX file system keeps
 * exactly are serialised: no times, no directory sizes, no inode numbers.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsxr.h"

static mode_t pick_mode(struct fsx *x, const mode_t *m, size_t n)
{
	return m[rng_below(x, n)];
}

static void gen_mkdir(struct fsx *x, struct fsx_args *a)
{
	static const mode_t modes[] = { 0755, 0700, 0777, 01777, 02755, 0555 };

	if (rng_pct(x, 80))
		names_new(x, a->p1, 1);
	else
		names_pick(x, a->p1, 1);
	a->mode = pick_mode(x, modes, sizeof(modes) / sizeof(modes[0]));
}

static void run_mkdir(struct fsx *x, int side, const struct fsx_args *a,
		      struct fsx_res *r)
{
	res_set(r, mkdirat(x->rootfd[side], a->p1, a->mode));
}

static void gen_pick_dir(struct fsx *x, struct fsx_args *a)
{
	names_live(x, a->p1, S_IFDIR);
}

static void gen_pick_file(struct fsx *x, struct fsx_args *a)
{
	names_pick(x, a->p1, 0);
}

static void gen_pick_any(struct fsx *x, struct fsx_args *a)
{
	names_pick(x, a->p1, rng_pct(x, 30));
}

static void run_rmdir(struct fsx *x, int side, const struct fsx_args *a,
		      struct fsx_res *r)
{
	res_set(r, unlinkat(x->rootfd[side], a->p1, AT_REMOVEDIR));
}

static void run_unlink(struct fsx *x, int side, const struct fsx_args *a,
		       struct fsx_res *r)
{
	res_set(r, unlinkat(x->rootfd[side], a->p1, 0));
}

static void gen_rename(struct fsx *x, struct fsx_args *a)
{
	int dir = rng_pct(x, 30);

	names_pick(x, a->p1, dir);
	if (rng_pct(x, 50))
		names_new(x, a->p2, dir);
	else
		names_pick(x, a->p2, dir);
}

static void run_rename(struct fsx *x, int side, const struct fsx_args *a,
		       struct fsx_res *r)
{
	res_set(r, renameat(x->rootfd[side], a->p1, x->rootfd[side], a->p2));
}

static void gen_link(struct fsx *x, struct fsx_args *a)
{
	names_pick(x, a->p1, 0);
	if (rng_pct(x, 70))
		names_new(x, a->p2, 0);
	else
		names_pick(x, a->p2, 0);
}

static void run_link(struct fsx *x, int side, const struct fsx_args *a,
		     struct fsx_res *r)
{
	res_set(r, linkat(x->rootfd[side], a->p1, x->rootfd[side], a->p2, 0));
}

static void gen_symlink(struct fsx *x, struct fsx_args *a)
{
	names_new(x, a->p1, 0);
	names_target(x, a->p2);
}

static void run_symlink(struct fsx *x, int side, const struct fsx_args *a,
			struct fsx_res *r)
{
	res_set(r, symlinkat(a->p2, x->rootfd[side], a->p1));
}

static void gen_mkfifo(struct fsx *x, struct fsx_args *a)
{
	names_new(x, a->p1, 0);
	a->mode = rng_pct(x, 50) ? 0644 : 0600;
}

static void run_mkfifo(struct fsx *x, int side, const struct fsx_args *a,
		       struct fsx_res *r)
{
	res_set(r, mknodat(x->rootfd[side], a->p1, S_IFIFO | a->mode, 0));
}

static void gen_chmod(struct fsx *x, struct fsx_args *a)
{
	names_pick(x, a->p1, rng_pct(x, 30));
	a->mode = (mode_t)rng_below(x, 07777 + 1);
}

static void run_chmod(struct fsx *x, int side, const struct fsx_args *a,
		      struct fsx_res *r)
{
	res_set(r, fchmodat(x->rootfd[side], a->p1, a->mode, 0));
}

static void run_lstat(struct fsx *x, int side, const struct fsx_args *a,
		      struct fsx_res *r)
{
	struct stat st;
	char line[128];
	int n;

	res_set(r, fstatat(x->rootfd[side], a->p1, &st, AT_SYMLINK_NOFOLLOW));
	if (r->ret < 0)
		return;
	n = snprintf(line, sizeof(line), "mode %o nlink %lu uid %u gid %u size %lld",
		     (unsigned)st.st_mode, (unsigned long)st.st_nlink,
		     (unsigned)st.st_uid, (unsigned)st.st_gid,
		     S_ISDIR(st.st_mode) ? 0LL : (long long)st.st_size);
	res_append(r, line, (size_t)n);
}

static void run_readlink(struct fsx *x, int side, const struct fsx_args *a,
			 struct fsx_res *r)
{
	char buf[FSX_PATH + 1];
	ssize_t n = readlinkat(x->rootfd[side], a->p1, buf, sizeof(buf));

	res_set(r, n);
	if (n > 0)
		res_append(r, buf, (size_t)n);
}

static void gen_list(struct fsx *x, struct fsx_args *a)
{
	if (rng_pct(x, 20))
		snprintf(a->p1, FSX_PATH, ".");
	else
		names_live(x, a->p1, S_IFDIR);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One listing line per entry: the name, and "!" when its d_type
 * contradicts lstat on the same side. */
static char *list_line(int dfd, const struct dirent *de)
{
	static const unsigned char dt[16] = {
		[S_IFREG >> 12] = DT_REG, [S_IFDIR >> 12] = DT_DIR,
		[S_IFLNK >> 12] = DT_LNK, [S_IFIFO >> 12] = DT_FIFO,
		[S_IFCHR >> 12] = DT_CHR, [S_IFBLK >> 12] = DT_BLK,
		[S_IFSOCK >> 12] = DT_SOCK,
	};
	struct stat st;
	int bad = 0;
	char *s;

	if (de->d_type != DT_UNKNOWN &&
	    fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
		bad = dt[(st.st_mode & S_IFMT) >> 12] != de->d_type;
	if (asprintf(&s, "%s%s\n", de->d_name, bad ? " !d_type" : "") < 0)
		return NULL;
	return s;
}

static void run_list(struct fsx *x, int side, const struct fsx_args *a,
		     struct fsx_res *r)
{
	int fd = openat(x->rootfd[side], a->p1,
			O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);
	char **v = NULL;
	size_t n = 0, i;
	struct dirent *de;
	DIR *d;

	if (fd < 0 || (d = fdopendir(fd)) == NULL) {
		res_set(r, -1);
		if (fd >= 0)
			close(fd);
		return;
	}
	errno = 0;
	while ((de = readdir(d)) != NULL) {
		char **nv;

		if (fsx_ignored(x, a->p1, de->d_name))
			continue;
		nv = realloc(v, (n + 1) * sizeof(*v));
		if (nv == NULL)
			break;
		v = nv;
		if ((v[n] = list_line(dirfd(d), de)) != NULL)
			n++;
		errno = 0;
	}
	res_set(r, errno ? -2 : (long)n);
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_str);
	for (i = 0; i < n; i++) {
		res_append(r, v[i], strlen(v[i]));
		free(v[i]);
	}
	free(v);
	closedir(d);
}

const struct fsx_op fsx_ns_ops[] = {
	{ "mkdir",     6, gen_mkdir,     run_mkdir },
	{ "rmdir",     4, gen_pick_dir,  run_rmdir },
	{ "unlink",    7, gen_pick_file, run_unlink },
	{ "rename",    9, gen_rename,    run_rename },
	{ "link",      4, gen_link,      run_link },
	{ "symlink",   4, gen_symlink,   run_symlink },
	{ "mkfifo",    1, gen_mkfifo,    run_mkfifo },
	{ "chmod",     5, gen_chmod,     run_chmod },
	{ "stat",      5, gen_pick_any,  run_lstat },
	{ "readlink",  3, gen_pick_file, run_readlink },
	{ "getdents",  5, gen_list,      run_list },
};
const size_t fsx_nns_ops = sizeof(fsx_ns_ops) / sizeof(fsx_ns_ops[0]);
