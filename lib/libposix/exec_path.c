/*
 * exec_path.c - execv, execvp, execvpe over execve: a name without a '/'
 * is looked for in each directory of PATH (default "/bin:/usr/bin"; an
 * empty entry is the current directory), as POSIX says: EACCES from one
 * candidate is remembered while the search goes on, a file execve refuses
 * with ENOEXEC is run by /bin/sh.  newlib's generic build has none of
 * these.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

#define DEFAULT_PATH "/bin:/usr/bin"

/* ENOEXEC: a script without "#!": /bin/sh file args... */
static void exec_as_script(const char *path, char *const argv[],
    char *const envp[])
{
	int n = 0;
	char **sh;

	while (argv[n])
		n++;
	if (!(sh = malloc((n + 2) * sizeof(*sh))))
		return;
	sh[0] = "sh";
	sh[1] = (char *)path;
	for (int i = 1; i <= n; i++)
		sh[i + 1] = argv[i];
	execve("/bin/sh", sh, envp);
	free(sh);
	errno = ENOEXEC;
}

static int try_exec(const char *path, char *const argv[], char *const envp[])
{
	execve(path, argv, envp);
	if (errno == ENOEXEC)
		exec_as_script(path, argv, envp);
	return -1;
}

int execvpe(const char *file, char *const argv[], char *const envp[])
{
	const char *path, *p, *end;
	char buf[PATH_MAX];
	int saw_eacces = 0;
	size_t dlen, flen;

	if (!file || !*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return try_exec(file, argv, envp);
	if (!(path = getenv("PATH")))
		path = DEFAULT_PATH;
	flen = strlen(file);
	for (p = path; ; p = end + 1) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		dlen = (size_t)(end - p);
		if (dlen + 1 + flen < sizeof(buf)) {
			memcpy(buf, p, dlen);
			if (dlen)
				buf[dlen++] = '/';
			memcpy(buf + dlen, file, flen + 1);
			try_exec(buf, argv, envp);
			if (errno == EACCES)
				saw_eacces = 1;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		if (!*end)
			break;
	}
	errno = saw_eacces ? EACCES : ENOENT;
	return -1;
}

int execvp(const char *file, char *const argv[])
{
	return execvpe(file, argv, environ);
}

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}
