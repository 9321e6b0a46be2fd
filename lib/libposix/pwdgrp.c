/*
 * pwdgrp.c - the user and group databases from /etc/passwd and
 * /etc/group (colon-separated, one entry a line).  Each lookup reads the
 * file afresh and returns a static entry, as POSIX allows; a malformed
 * line is skipped, never trusted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pwd.h>
#include <grp.h>

#define LINE_MAX_PW 512
#define GR_MEMBERS  32

/* Split line at ':' into at most n fields; returns how many it found. */
static int split(char *line, char **f, int n)
{
	int i = 0;

	line[strcspn(line, "\n")] = '\0';
	f[i++] = line;
	for (char *p = line; *p && i < n; p++)
		if (*p == ':') {
			*p = '\0';
			f[i++] = p + 1;
		}
	return i;
}

static int number(const char *s, unsigned long *v)
{
	char *end;

	if (!*s)
		return 0;
	*v = strtoul(s, &end, 10);
	return *end == '\0';
}

static struct passwd *pw_find(const char *name, uid_t uid)
{
	static char line[LINE_MAX_PW];
	static struct passwd pw;
	unsigned long u, g;
	char *f[7];
	FILE *fp = fopen("/etc/passwd", "r");

	while (fp && fgets(line, sizeof(line), fp)) {
		if (split(line, f, 7) != 7 || !number(f[2], &u) || !number(f[3], &g))
			continue;
		if (name ? strcmp(f[0], name) : u != uid)
			continue;
		memset(&pw, 0, sizeof(pw));
		pw.pw_name = f[0];
		pw.pw_passwd = f[1];
		pw.pw_uid = u;
		pw.pw_gid = g;
		pw.pw_gecos = f[4];
		pw.pw_dir = f[5];
		pw.pw_shell = f[6];
		fclose(fp);
		return &pw;
	}
	if (fp)
		fclose(fp);
	return NULL;
}

struct passwd *getpwnam(const char *name) { return name ? pw_find(name, 0) : NULL; }
struct passwd *getpwuid(uid_t uid) { return pw_find(NULL, uid); }

static struct group *gr_find(const char *name, gid_t gid)
{
	static char line[LINE_MAX_PW];
	static char *mem[GR_MEMBERS + 1];
	static struct group gr;
	unsigned long g;
	char *f[4], *p;
	int n;
	FILE *fp = fopen("/etc/group", "r");

	while (fp && fgets(line, sizeof(line), fp)) {
		if (split(line, f, 4) != 4 || !number(f[2], &g))
			continue;
		if (name ? strcmp(f[0], name) : g != gid)
			continue;
		for (n = 0, p = strtok(f[3], ","); p && n < GR_MEMBERS; p = strtok(NULL, ","))
			mem[n++] = p;
		mem[n] = NULL;
		gr.gr_name = f[0];
		gr.gr_passwd = f[1];
		gr.gr_gid = g;
		gr.gr_mem = mem;
		fclose(fp);
		return &gr;
	}
	if (fp)
		fclose(fp);
	return NULL;
}

struct group *getgrnam(const char *name) { return name ? gr_find(name, 0) : NULL; }
struct group *getgrgid(gid_t gid) { return gr_find(NULL, gid); }
