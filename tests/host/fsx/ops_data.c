/*
 * ops_data.c - exerciser operations on file contents: create, write,
 * truncate and read-back.
 *
 * Each operation is a generator, which draws every argument (paths, offsets,
 * lengths, the bytes to write) from the seeded stream and the reference
 * tree, and a runner, which applies those arguments to one side and records
 * the outcome.  Runners use only *at() calls on the side's root descriptor
 * (or root/path where no *at() form exists), open everything O_NONBLOCK so a
 * FIFO never blocks, and keep the outcomes of distinct steps apart: an open
 * that fails gives ret -1, a later step that fails gives ret -2.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsxr.h"

#define NEAR_LIMIT	(256 * 1024)	/* "ordinary" offsets stay below this */

/* See fsxr.h. */
void res_set(struct fsx_res *r, long ret)
{
	r->ret = ret;
	r->err = ret < 0 ? errno : 0;
}

/* See fsxr.h. */
int res_reserve(struct fsx_res *r, size_t n)
{
	unsigned char *nb;
	size_t cap = r->cap ? r->cap : 4096;

	if (r->len + n <= r->cap)
		return 0;
	while (cap < r->len + n)
		cap *= 2;
	nb = realloc(r->buf, cap);
	if (nb == NULL)
		return -1;
	r->buf = nb;
	r->cap = cap;
	return 0;
}

/* See fsxr.h. */
int res_append(struct fsx_res *r, const void *p, size_t n)
{
	if (res_reserve(r, n) < 0)
		return -1;
	memcpy(r->buf + r->len, p, n);
	r->len += n;
	return 0;
}

/* See fsxr.h. */
off_t ref_size(struct fsx *x, const char *path)
{
	struct stat st;

	if (fstatat(x->rootfd[FSX_B], path, &st, 0) < 0 || !S_ISREG(st.st_mode))
		return 0;
	return st.st_size;
}

/* See fsxr.h. */
void side_path(const struct fsx *x, int side, const char *path, char *out)
{
	snprintf(out, 2 * FSX_PATH, "%s/%s", x->cfg.root[side], path);
}

/* A write length: mostly small, sometimes up to -w. */
static size_t gen_len(struct fsx *x)
{
	unsigned r = (unsigned)rng_below(x, 100);
	size_t max = x->cfg.write_max;

	if (r < 45)
		return 1 + rng_below(x, max < 512 ? max : 512);
	if (r < 80)
		return 1 + rng_below(x, max < 8192 ? max : 8192);
	return 1 + rng_below(x, max);
}

/* An offset for a file now sz bytes long: inside, at the end, near, far. */
static off_t gen_off(struct fsx *x, off_t sz)
{
	unsigned r = (unsigned)rng_below(x, 100);

	if (r < 40)
		return (off_t)rng_below(x, (uint64_t)sz + 1);
	if (r < 55)
		return sz;
	if (r < 85)
		return (off_t)rng_below(x, NEAR_LIMIT);
	return (off_t)rng_below(x, (uint64_t)x->cfg.far_max);
}

/* Keep off + len within -F (itself within -S). */
static void clip(struct fsx *x, struct fsx_args *a)
{
	off_t lim = x->cfg.far_max;

	if ((off_t)a->len > lim)
		a->len = (size_t)lim;
	if (a->off + (off_t)a->len > lim)
		a->off = lim - (off_t)a->len;
}

static void gen_create(struct fsx *x, struct fsx_args *a)
{
	static const mode_t modes[] = { 0644, 0600, 0755, 0444, 0, 04755, 02750 };

	if (rng_pct(x, 70))
		names_new(x, a->p1, 0);
	else
		names_pick(x, a->p1, 0);
	a->flags = O_CREAT | O_WRONLY;
	a->flags |= rng_pct(x, 30) ? O_EXCL : 0;
	a->flags |= rng_pct(x, 25) ? O_TRUNC : 0;
	a->mode = modes[rng_below(x, sizeof(modes) / sizeof(modes[0]))];
	a->len = rng_pct(x, 50) ? 0 : gen_len(x);
	a->off = 0;
	clip(x, a);
	rng_fill(x, x->wbuf, a->len);
}

static void run_create(struct fsx *x, int side, const struct fsx_args *a,
		       struct fsx_res *r)
{
	int fd = openat(x->rootfd[side], a->p1,
			a->flags | O_NONBLOCK | O_CLOEXEC, a->mode);

	if (fd < 0) {
		res_set(r, -1);
		return;
	}
	res_set(r, 0);
	if (a->len > 0 && pwrite(fd, x->wbuf, a->len, 0) != (ssize_t)a->len)
		res_set(r, -2);
	if (close(fd) < 0 && r->ret == 0)
		res_set(r, -3);
}

static void gen_write(struct fsx *x, struct fsx_args *a)
{
	off_t sz;

	names_live(x, a->p1, S_IFREG);
	sz = ref_size(x, a->p1);
	a->flags = O_WRONLY;
	a->flags |= rng_pct(x, 10) ? O_NOFOLLOW : 0;
	a->len = gen_len(x);
	if (rng_pct(x, 12) && sz + (off_t)a->len <= x->cfg.far_max) {
		a->flags |= O_APPEND;
		a->off = sz;
	} else {
		a->off = gen_off(x, sz);
		clip(x, a);
	}
	rng_fill(x, x->wbuf, a->len);
}

static void run_write(struct fsx *x, int side, const struct fsx_args *a,
		      struct fsx_res *r)
{
	int fd = openat(x->rootfd[side], a->p1, a->flags | O_NONBLOCK | O_CLOEXEC);
	ssize_t n;

	if (fd < 0) {
		res_set(r, -1);
		return;
	}
	if (a->flags & O_APPEND)
		n = write(fd, x->wbuf, a->len);
	else
		n = pwrite(fd, x->wbuf, a->len, a->off);
	res_set(r, n < 0 ? -2 : n);
	if (close(fd) < 0 && r->ret >= 0)
		res_set(r, -3);
}

static void gen_trunc(struct fsx *x, struct fsx_args *a)
{
	off_t sz;
	unsigned r = (unsigned)rng_below(x, 100);

	names_live(x, a->p1, S_IFREG);
	sz = ref_size(x, a->p1);
	if (r < 10)
		a->off = 0;
	else if (r < 45)
		a->off = (off_t)rng_below(x, (uint64_t)sz + 1);
	else
		a->off = gen_off(x, sz + 4096);
	a->len = 0;
	clip(x, a);
}

static void run_trunc(struct fsx *x, int side, const struct fsx_args *a,
		      struct fsx_res *r)
{
	char path[2 * FSX_PATH];

	side_path(x, side, a->p1, path);
	res_set(r, truncate(path, a->off));
}

static void gen_read(struct fsx *x, struct fsx_args *a)
{
	off_t sz;

	names_live(x, a->p1, S_IFREG);
	sz = ref_size(x, a->p1);
	a->off = rng_pct(x, 20) ? sz + (off_t)rng_below(x, 8192)
				: (off_t)rng_below(x, (uint64_t)sz + 1);
	a->len = gen_len(x);
}

static void run_read(struct fsx *x, int side, const struct fsx_args *a,
		     struct fsx_res *r)
{
	int fd = openat(x->rootfd[side], a->p1, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	ssize_t n;

	if (fd < 0) {
		res_set(r, -1);
		return;
	}
	if (res_reserve(r, a->len) < 0) {
		errno = ENOMEM;
		res_set(r, -4);
		close(fd);
		return;
	}
	n = pread(fd, r->buf, a->len, a->off);
	res_set(r, n < 0 ? -2 : n);
	r->len = n > 0 ? (size_t)n : 0;
	close(fd);
}

const struct fsx_op fsx_data_ops[] = {
	{ "create",   12, gen_create, run_create },
	{ "write",    22, gen_write,  run_write },
	{ "truncate",  8, gen_trunc,  run_trunc },
	{ "read",     10, gen_read,   run_read },
};
const size_t fsx_ndata_ops = sizeof(fsx_data_ops) / sizeof(fsx_data_ops[0]);
