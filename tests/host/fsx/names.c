/*
 * names.c - which names and paths the exerciser uses.
 *
 * Names come from two small pools (file-like and directory-like), so
 * operations collide often: creates hit existing names, renames replace,
 * rmdir meets full directories.  Each pool holds a name exactly at the
 * format's limit (-l) and one just under it.  Paths are steered by the
 * entries the last tree walk found on the reference side ("seen"), so most
 * operations land on something that exists, and some deliberately on the
 * wrong kind or on nothing, to compare error codes.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsxr.h"

static void pool_long(char *out, char lead, unsigned len)
{
	unsigned i;

	out[0] = lead;
	for (i = 1; i < len && i < FSX_PATH - 1; i++)
		out[i] = (char)('a' + i % 26);
	out[i] = '\0';
}

/* Fill the two name pools for the configured name limit. */
void names_init(struct fsx *x)
{
	static const char *const files[] = {
		"f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7",
		"a b", "x.y~", "-dash",
	};
	static const char *const dirs[] = { "d0", "d1", "d2", "d3", "e.d" };
	unsigned i, lim = x->cfg.name_max;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		snprintf(x->files[i], FSX_PATH, "%s", files[i]);
	pool_long(x->files[i++], 'F', lim);
	pool_long(x->files[i++], 'G', lim > 3 ? lim - 1 : lim);
	x->nfiles = i;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		snprintf(x->dirs[i], FSX_PATH, "%s", dirs[i]);
	pool_long(x->dirs[i++], 'D', lim);
	x->ndirs = i;
}

static const char *pool_name(struct fsx *x, int want_dir)
{
	if (want_dir)
		return x->dirs[rng_below(x, x->ndirs)];
	return x->files[rng_below(x, x->nfiles)];
}

static unsigned path_depth(const char *p)
{
	unsigned d = 1;

	for (; *p; p++)
		d += *p == '/';
	return d;
}

/* Join parent and name into out, or just name when it would not fit. */
static void join(char *out, const char *parent, const char *name)
{
	size_t lp = strlen(parent), ln = strlen(name);

	if (lp == 0 || lp + ln + 2 > FSX_PATH) {
		snprintf(out, FSX_PATH, "%s", name);
		return;
	}
	memmove(out, parent, lp);
	out[lp] = '/';
	memcpy(out + lp + 1, name, ln + 1);
}

/* A made-up path: up to -D pool directories, then a pool name. */
static void gen_path(struct fsx *x, char *out, int want_dir)
{
	char parent[FSX_PATH] = "";
	char tmp[FSX_PATH];
	unsigned d = (unsigned)rng_below(x, x->cfg.depth);

	while (d-- > 0) {
		join(tmp, parent, pool_name(x, 1));
		memcpy(parent, tmp, sizeof(parent));
	}
	join(out, parent, pool_name(x, want_dir));
}

/* An existing directory shallow enough to hold one more level, or "". */
static const char *pick_parent(struct fsx *x)
{
	const struct fsx_seen *s = &x->seen;
	unsigned tries;
	const char *p;

	if (s->ndirs == 0 || rng_pct(x, 15))
		return "";
	for (tries = 0; tries < 4; tries++) {
		p = s->dirs[rng_below(x, s->ndirs)];
		if (path_depth(p) < x->cfg.depth)
			return p;
	}
	return "";
}

/* See fsxr.h. */
void names_pick(struct fsx *x, char *out, int want_dir)
{
	const struct fsx_seen *s = &x->seen;
	unsigned r = (unsigned)rng_below(x, 100);

	if (r < 75 && (want_dir ? s->ndirs : s->nothers) > 0) {
		if (want_dir)
			snprintf(out, FSX_PATH, "%s", s->dirs[rng_below(x, s->ndirs)]);
		else
			snprintf(out, FSX_PATH, "%s", s->others[rng_below(x, s->nothers)]);
	} else if (r < 87 && (want_dir ? s->nothers : s->ndirs) > 0) {
		names_pick(x, out, !want_dir);
	} else {
		gen_path(x, out, want_dir);
	}
}

/* See fsxr.h. */
void names_live(struct fsx *x, char *out, mode_t type)
{
	unsigned tries = rng_pct(x, 85) ? 4 : 1;
	struct stat st;

	while (tries-- > 0) {
		names_pick(x, out, type == S_IFDIR);
		if (fstatat(x->rootfd[FSX_B], out, &st, 0) == 0 &&
		    (st.st_mode & S_IFMT) == type)
			return;
	}
}

/* See fsxr.h. */
void names_new(struct fsx *x, char *out, int want_dir)
{
	if (rng_pct(x, 10)) {
		gen_path(x, out, want_dir);
		return;
	}
	join(out, pick_parent(x), pool_name(x, want_dir ^ rng_pct(x, 8)));
}

/* See fsxr.h: no leading '/', no "..", so resolution stays inside. */
void names_target(struct fsx *x, char *out)
{
	size_t max = x->cfg.link_tmax, len;
	char tmp[FSX_PATH];

	if (rng_pct(x, 10)) {
		snprintf(out, FSX_PATH, "%s", "nothere");
	} else {
		names_pick(x, tmp, rng_pct(x, 30));
		snprintf(out, FSX_PATH, "%s", tmp);
	}
	/* Sometimes pad with "./" to make a long (slow) symlink. */
	if (rng_pct(x, 15)) {
		size_t want = 1 + rng_below(x, max < FSX_PATH ? max : FSX_PATH - 1);

		len = strlen(out);
		while (len + 2 <= want && len + 2 < FSX_PATH) {
			memmove(out + 2, out, len + 1);
			memcpy(out, "./", 2);
			len += 2;
		}
	}
	if (strlen(out) > max)
		snprintf(out, FSX_PATH, "%s", "t");
}

/* Forget the entries of the last walk. */
void seen_reset(struct fsx_seen *s)
{
	size_t i;

	for (i = 0; i < s->ndirs; i++)
		free(s->dirs[i]);
	for (i = 0; i < s->nothers; i++)
		free(s->others[i]);
	s->ndirs = s->nothers = 0;
}

static int list_push(char ***v, size_t *n, size_t *cap, const char *path)
{
	char **nv;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		nv = realloc(*v, *cap * sizeof(**v));
		if (nv == NULL)
			return -1;
		*v = nv;
	}
	(*v)[*n] = strdup(path);
	if ((*v)[*n] == NULL)
		return -1;
	(*n)++;
	return 0;
}

/* Remember one entry of the reference tree; -1 when out of memory. */
int seen_add(struct fsx_seen *s, const char *path, int is_dir)
{
	if (is_dir)
		return list_push(&s->dirs, &s->ndirs, &s->capdirs, path);
	return list_push(&s->others, &s->nothers, &s->capothers, path);
}
