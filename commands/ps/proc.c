/*
 * proc.c - ps's table from /proc (fs/procfs/README.md): every directory
 * whose name is a pid, its status ("Key:\tvalue" lines, the fields
 * struct mica_procinfo has) and its cmdline (argv, NUL after each,
 * joined here by spaces).  /proc is taken for procfs when it has a
 * "services" file; a process that exits between the listing and the
 * reads is skipped, like Linux's ps does.  Every value read is parsed
 * with its bounds: a text that does not parse leaves that field 0.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ps.h"

#define PS_PROC "/proc"

/* A pid from a directory entry's name, or 0. */
static int pid_name(const char *s)
{
	char *end;
	long v;

	if (*s < '1' || *s > '9')
		return 0;
	v = strtol(s, &end, 10);
	return *end == '\0' && v > 0 && v < 0x7fffffffL ? (int)v : 0;
}

/* The whole of a small file into buf (NUL added); bytes, or -1. */
static ssize_t slurp(const char *path, char *buf, size_t size)
{
	ssize_t n, got = 0;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	while ((size_t)got < size - 1 &&
	    (n = read(fd, buf + got, size - 1 - got)) > 0)
		got += n;
	close(fd);
	buf[got] = '\0';
	return got;
}

/* How a status value is stored in struct mica_procinfo. */
enum st_kind {
	ST_NUM,		/* a 32-bit number */
	ST_KB,		/* kB -> bytes */
	ST_PAGES,	/* kB -> 4 KiB pages */
	ST_PAIR,	/* "real<tab>effective": two numbers, the second 4 on */
	ST_NAME,
	ST_STATE,	/* its first letter */
	ST_KIND,	/* "service" sets MICA_PI_SYSTEM */
};

#define ST(key, field, kind) \
	{ key, offsetof(struct mica_procinfo, field), kind }

static const struct {
	const char *key;
	size_t off;
	enum st_kind kind;
} st_keys[] = {
	ST("Name", name, ST_NAME),	ST("State", state, ST_STATE),
	ST("Pid", pid, ST_NUM),		ST("PPid", ppid, ST_NUM),
	ST("Pgrp", pgid, ST_NUM),	ST("Sid", sid, ST_NUM),
	ST("Uid", uid, ST_PAIR),	ST("Gid", gid, ST_PAIR),
	ST("Endpoint", endpoint, ST_NUM), ST("Kind", flags, ST_KIND),
	ST("VmSize", vsize, ST_KB),	ST("VmRSS", rss, ST_PAGES),
	ST("Utime", utime, ST_NUM),	ST("Stime", stime, ST_NUM),
};

_Static_assert(offsetof(struct mica_procinfo, euid) ==
    offsetof(struct mica_procinfo, uid) + 4 &&
    offsetof(struct mica_procinfo, egid) ==
    offsetof(struct mica_procinfo, gid) + 4, "ST_PAIR: effective after real");

static void put32(struct mica_procinfo *p, size_t off, u32_t v)
{
	memcpy((char *)p + off, &v, sizeof(v));
}

/* One "Key:\tvalue" line into e (an unknown key is ignored). */
static void status_line(struct ps_ent *e, const char *key, const char *v)
{
	struct mica_procinfo *p = &e->pi;
	char *end;

	for (size_t i = 0; i < sizeof(st_keys) / sizeof(st_keys[0]); i++) {
		size_t off = st_keys[i].off;

		if (strcmp(key, st_keys[i].key) != 0)
			continue;
		switch (st_keys[i].kind) {
		case ST_NUM:
			put32(p, off, (u32_t)strtol(v, NULL, 10));
			break;
		case ST_KB:
			put32(p, off, (u32_t)strtoul(v, NULL, 10) * 1024);
			break;
		case ST_PAGES:
			put32(p, off, (u32_t)strtoul(v, NULL, 10) / 4);
			break;
		case ST_PAIR:
			put32(p, off, (u32_t)strtoul(v, &end, 10));
			put32(p, off + 4, (u32_t)strtoul(end, NULL, 10));
			break;
		case ST_NAME:
			snprintf(p->name, sizeof(p->name), "%s", v);
			break;
		case ST_STATE:
			p->state = *v ? *v : '?';
			break;
		case ST_KIND:
			p->flags = !strcmp(v, "service") ? MICA_PI_SYSTEM : 0;
			break;
		}
		return;
	}
}

static int read_status(struct ps_ent *e, int pid)
{
	char path[64], buf[1024], *line, *save, *v;

	snprintf(path, sizeof(path), PS_PROC "/%d/status", pid);
	if (slurp(path, buf, sizeof(buf)) <= 0)
		return -1;
	for (line = strtok_r(buf, "\n", &save); line;
	    line = strtok_r(NULL, "\n", &save)) {
		if (!(v = strchr(line, ':')))
			continue;
		*v++ = '\0';
		v += strspn(v, "\t ");
		status_line(e, line, v);
	}
	return e->pi.pid == pid ? 0 : -1;
}

static void read_cmdline(struct ps_ent *e, int pid)
{
	char path[64];
	ssize_t n;

	snprintf(path, sizeof(path), PS_PROC "/%d/cmdline", pid);
	if ((n = slurp(path, e->cmd, sizeof(e->cmd))) <= 0) {
		e->cmd[0] = '\0';
		return;
	}
	while (n > 0 && e->cmd[n - 1] == '\0')
		n--;			/* the last argument's NUL */
	for (ssize_t i = 0; i < n; i++)
		if (e->cmd[i] == '\0')
			e->cmd[i] = ' ';
	e->cmd[n] = '\0';
}

struct ps_ent *ps_from_proc(int *n)
{
	struct ps_ent *t = NULL, *nt;
	struct dirent *d;
	int cap = 0, cnt = 0, pid;
	DIR *dir;

	if (access(PS_PROC "/services", F_OK) != 0) {
		errno = ENOENT;
		return NULL;
	}
	if (!(dir = opendir(PS_PROC)))
		return NULL;
	while ((d = readdir(dir))) {
		if (!(pid = pid_name(d->d_name)))
			continue;
		if (cnt == cap) {
			cap = cap ? 2 * cap : 64;
			if (!(nt = realloc(t, cap * sizeof(*t)))) {
				free(t);
				closedir(dir);
				errno = ENOMEM;
				return NULL;
			}
			t = nt;
		}
		memset(&t[cnt], 0, sizeof(t[cnt]));
		if (read_status(&t[cnt], pid) != 0)
			continue;	/* gone since the listing */
		read_cmdline(&t[cnt], pid);
		cnt++;
	}
	closedir(dir);
	*n = cnt;
	if (!t)
		t = malloc(sizeof(*t));
	return t;
}
