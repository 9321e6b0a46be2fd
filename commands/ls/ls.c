/*
 * commands/ls/ls.c - ls [-1adlR] [file...]: list directory contents.
 *
 * Operands that are not directories (or all of them with -d) come first,
 * then each directory's entries, sorted by name in byte order ("C"
 * locale), one per line.  -a shows names starting with '.', -l the long
 * format (mode, links, owner, group, size or major/minor, time, name,
 * "-> target"), with a "total" of 1 KiB blocks and columns as wide as
 * their widest entry, and times as "Mon dd HH:MM" within six months,
 * "Mon dd  YYYY" otherwise.  -R lists subdirectories after their parent.
 * (Columns for a terminal are not done: always one entry per line.)
 */
#include <dirent.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"

#define LS_USAGE "ls [-1adlR] [file...]"
#define LS_HALF_YEAR (365L * 24 * 3600 / 2)

struct ent {
	char *name, *path;
	struct stat st;
};

static int ls_all, ls_long, ls_recursive, ls_dirs;
static time_t ls_now;

static int ent_cmp(const void *a, const void *b)
{
	return strcmp(((const struct ent *)a)->name, ((const struct ent *)b)->name);
}

static void ls_owner(char *buf, size_t n, uid_t uid)
{
	struct passwd *pw = getpwuid(uid);

	if (pw)
		snprintf(buf, n, "%s", pw->pw_name);
	else
		snprintf(buf, n, "%u", (unsigned)uid);
}

static void ls_group(char *buf, size_t n, gid_t gid)
{
	struct group *gr = getgrgid(gid);

	if (gr)
		snprintf(buf, n, "%s", gr->gr_name);
	else
		snprintf(buf, n, "%u", (unsigned)gid);
}

static void ls_size(char *buf, size_t n, const struct stat *st)
{
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		snprintf(buf, n, "%u, %u", (unsigned)major(st->st_rdev),
			 (unsigned)minor(st->st_rdev));
	else
		snprintf(buf, n, "%lld", (long long)st->st_size);
}

static int width(const char *s, int w)
{
	int n = (int)strlen(s);

	return n > w ? n : w;
}

static void ls_long_line(const struct ent *e, const int *w)
{
	char mode[11], own[64], grp[64], size[48], when[32], target[4096];
	struct tm *tm = localtime(&e->st.st_mtime);
	ssize_t n;

	cmd_mode_string(e->st.st_mode, mode);
	ls_owner(own, sizeof(own), e->st.st_uid);
	ls_group(grp, sizeof(grp), e->st.st_gid);
	ls_size(size, sizeof(size), &e->st);
	if (!tm || !strftime(when, sizeof(when),
			     (e->st.st_mtime > ls_now - LS_HALF_YEAR &&
			      e->st.st_mtime <= ls_now + 3600) ?
			     "%b %e %H:%M" : "%b %e  %Y", tm))
		snprintf(when, sizeof(when), "%lld", (long long)e->st.st_mtime);
	printf("%s %*lu %-*s %-*s %*s %s %s", mode, w[0],
	       (unsigned long)e->st.st_nlink, w[1], own, w[2], grp, w[3], size,
	       when, e->name);
	if (S_ISLNK(e->st.st_mode) &&
	    (n = readlink(e->path, target, sizeof(target) - 1)) >= 0) {
		target[n] = '\0';
		printf(" -> %s", target);
	}
	putchar('\n');
}

/* Print the entries e[0..n); total: print the "total" line (-l). */
static void ls_print(struct ent *e, int n, int total)
{
	char buf[64];
	int w[4] = { 1, 1, 1, 1 }, i;
	long long blocks = 0;

	if (!ls_long) {
		for (i = 0; i < n; i++)
			puts(e[i].name);
		return;
	}
	for (i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), "%lu", (unsigned long)e[i].st.st_nlink);
		w[0] = width(buf, w[0]);
		ls_owner(buf, sizeof(buf), e[i].st.st_uid);
		w[1] = width(buf, w[1]);
		ls_group(buf, sizeof(buf), e[i].st.st_gid);
		w[2] = width(buf, w[2]);
		ls_size(buf, sizeof(buf), &e[i].st);
		w[3] = width(buf, w[3]);
		blocks += e[i].st.st_blocks;
	}
	if (total)
		printf("total %lld\n", (blocks + 1) / 2);
	for (i = 0; i < n; i++)
		ls_long_line(&e[i], w);
}

static void ent_free(struct ent *e, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(e[i].name);
		free(e[i].path);
	}
	free(e);
}

static char *join(const char *dir, const char *name)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);

	if (p)
		sprintf(p, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
			name);
	return p;
}

/* Read directory path into a sorted array; -1 after a message. */
static int ls_read(const char *path, struct ent **out)
{
	DIR *d = opendir(path);
	struct dirent *de;
	struct ent *e = NULL, *v;
	int n = 0;

	if (!d) {
		cmd_err("%s", path);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' && !ls_all)
			continue;
		v = realloc(e, (n + 1) * sizeof(*e));
		if (!v)
			break;
		e = v;
		e[n].name = strdup(de->d_name);
		e[n].path = join(path, de->d_name);
		if (!e[n].name || !e[n].path || lstat(e[n].path, &e[n].st) < 0) {
			cmd_err("%s", e[n].path ? e[n].path : path);
			free(e[n].name);
			free(e[n].path);
			continue;
		}
		n++;
	}
	closedir(d);
	if (n)
		qsort(e, n, sizeof(*e), ent_cmp);
	*out = e;
	return n;
}

static int ls_dir(const char *path, int header, int *first)
{
	struct ent *e = NULL;
	int n, i, status = 0;

	if (header)
		printf("%s%s:\n", *first ? "" : "\n", path);
	*first = 0;
	n = ls_read(path, &e);
	if (n < 0)
		return 1;
	ls_print(e, n, 1);
	for (i = 0; ls_recursive && i < n; i++)
		if (S_ISDIR(e[i].st.st_mode) && strcmp(e[i].name, ".") &&
		    strcmp(e[i].name, ".."))
			status |= ls_dir(e[i].path, 1, first);
	ent_free(e, n);
	return status;
}

int main(int argc, char **argv)
{
	struct ent *files, *dirs;
	int c, i, nf = 0, nd = 0, status = 0, first = 1;
	char *dot[] = { ".", NULL };
	char **ops;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "1adlR")) != -1) {
		switch (c) {
		case '1': break;
		case 'a': ls_all = 1; break;
		case 'd': ls_dirs = 1; break;
		case 'l': ls_long = 1; break;
		case 'R': ls_recursive = 1; break;
		default: cmd_usage(LS_USAGE);
		}
	}
	ls_now = time(NULL);
	ops = optind < argc ? argv + optind : dot;
	files = calloc(argc + 1, sizeof(*files));
	dirs = calloc(argc + 1, sizeof(*dirs));
	if (!files || !dirs)
		return cmd_msg("out of memory");
	for (i = 0; ops[i]; i++) {
		struct ent *e;
		struct stat st;

		if ((ls_long || ls_dirs ? lstat(ops[i], &st)
		     : stat(ops[i], &st)) < 0 && lstat(ops[i], &st) < 0) {
			status = cmd_err("%s", ops[i]);
			continue;
		}
		if (S_ISLNK(st.st_mode) && !ls_dirs && !ls_long) {
			struct stat t;

			if (stat(ops[i], &t) == 0)
				st = t;
		}
		e = (S_ISDIR(st.st_mode) && !ls_dirs) ? &dirs[nd++] : &files[nf++];
		e->name = strdup(ops[i]);
		e->path = strdup(ops[i]);
		e->st = st;
	}
	qsort(files, nf, sizeof(*files), ent_cmp);
	qsort(dirs, nd, sizeof(*dirs), ent_cmp);
	ls_print(files, nf, 0);
	if (nf)
		first = 0;
	for (i = 0; i < nd; i++)
		status |= ls_dir(dirs[i].path, nf + nd > 1 || ls_recursive, &first);
	ent_free(files, nf);
	ent_free(dirs, nd);
	return status;
}
