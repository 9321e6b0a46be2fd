/*
 * commands/libcmd/walk.c - one directory walker for the recursive commands.
 *
 * chmod -R, chown -R, cp -r and rm -r all visit the entries of a directory
 * the same way: every name but "." and "..", each joined to the directory's
 * path, handed to the command's own function.  Errors are never dropped:
 * an unreadable directory or a path that cannot be allocated is reported
 * with the conventional message and counts as a failure in the status, and
 * the walk goes on with the next entry (as GNU's tools do).
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

char *cmd_path_join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *p = malloc(a + b + 2);

	if (!p)
		return NULL;
	memcpy(p, dir, a);
	p[a] = '/';
	memcpy(p + a + 1, name, b + 1);
	return p;
}

int cmd_each_entry(const char *dir, cmd_entry_fn *fn, void *arg)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	char *sub;
	int status = 0;

	if (!d)
		return cmd_err("%s", dir);
	while ((errno = 0, e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (!(sub = cmd_path_join(dir, e->d_name))) {
			status |= cmd_err("%s", dir);
			continue;
		}
		status |= fn(sub, e->d_name, arg);
		free(sub);
	}
	if (errno)
		status |= cmd_err("%s", dir);
	closedir(d);
	return status;
}
