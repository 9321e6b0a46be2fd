/*
 * commands/chown/chown.c - chown [-R] [-h] owner[:group] file...: change
 * the owner (and group); names or numbers.  -h changes a symbolic link
 * itself; -R recurses without following links below the operands.
 */
#include <dirent.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

#define CHOWN_USAGE "chown [-R] [-h] owner[:group] file..."

static int co_recursive, co_nofollow;
static uid_t co_uid = (uid_t)-1;
static gid_t co_gid = (gid_t)-1;

static int co_id(const char *s, int group, unsigned long *out)
{
	struct passwd *pw;
	struct group *gr;
	char *end;

	if (group && (gr = getgrnam(s)) != NULL) {
		*out = gr->gr_gid;
		return 0;
	}
	if (!group && (pw = getpwnam(s)) != NULL) {
		*out = pw->pw_uid;
		return 0;
	}
	*out = strtoul(s, &end, 10);
	return (*s && !*end) ? 0 : -1;
}

static int co_spec(char *spec)
{
	char *colon = strchr(spec, ':');
	unsigned long id;

	if (colon) {
		*colon = '\0';
		if (colon[1]) {
			if (co_id(colon + 1, 1, &id) < 0)
				return cmd_msg("%s: invalid group", colon + 1);
			co_gid = (gid_t)id;
		}
	}
	if (*spec) {
		if (co_id(spec, 0, &id) < 0)
			return cmd_msg("%s: invalid user", spec);
		co_uid = (uid_t)id;
	}
	return 0;
}

static int co_path(const char *path, int top);

static int co_entry(const char *path, const char *name, void *arg)
{
	(void)name;
	(void)arg;
	return co_path(path, 0);
}

static int co_path(const char *path, int top)
{
	struct stat st;
	int r;

	r = (top && !co_nofollow) ? chown(path, co_uid, co_gid)
		: lchown(path, co_uid, co_gid);
	if (r < 0)
		return cmd_err("%s", path);
	if (!co_recursive || lstat(path, &st) < 0 || !S_ISDIR(st.st_mode))
		return 0;
	return cmd_each_entry(path, co_entry, NULL);
}

int main(int argc, char **argv)
{
	int c, i, status = 0;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "Rh")) != -1) {
		if (c == 'R')
			co_recursive = 1;
		else if (c == 'h')
			co_nofollow = 1;
		else
			cmd_usage(CHOWN_USAGE);
	}
	if (argc - optind < 2)
		cmd_usage(CHOWN_USAGE);
	if (co_spec(argv[optind]))
		return 1;	/* an unknown owner: an error, not a usage one */
	for (i = optind + 1; i < argc; i++)
		status |= co_path(argv[i], 1);
	return status;
}
