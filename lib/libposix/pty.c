/*
 * pty.c - pseudo-terminals the BSD way over POSIX's names: the TTY driver
 * has fixed pairs (masters /dev/ptypN, slaves /dev/ttypN, minors in
 * mica/termios.h), so posix_openpt opens the first free master (a master
 * in use answers EIO), ptsname names its slave from the master's minor,
 * and grantpt/unlockpt only check that fd is a master: the nodes are
 * already mode 666 and a slave opens as soon as its master is open.
 * ttyname finds the node in /dev whose device is fd's (for a descriptor
 * opened as /dev/tty that is /dev/tty, as on other systems: fstat shows
 * the node it was opened by).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <dirent.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <termios.h>
#include "posix.h"

#define PTY_NAME_MAX 32

/* fd's pair number when fd is a PTY master; -1 and errno otherwise. */
static int master_index(int fd)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -1;
	if (!S_ISCHR(st.st_mode) || major(st.st_rdev) != TTY_MAJOR ||
	    minor(st.st_rdev) < TTY_MINOR_PTM ||
	    minor(st.st_rdev) >= TTY_MINOR_PTM + TTY_PTY_MINORS)
		return lc_err(-EINVAL);
	return (int)minor(st.st_rdev) - TTY_MINOR_PTM;
}

int posix_openpt(int flags)
{
	char path[PTY_NAME_MAX];

	if (flags & ~(O_RDWR | O_NOCTTY))
		return lc_err(-EINVAL);
	for (int i = 0; i < TTY_PTY_MINORS; i++) {
		int fd;

		snprintf(path, sizeof(path), "/dev/ptyp%d", i);
		if ((fd = open(path, flags)) >= 0)
			return fd;
		if (errno != EIO)	/* EIO: in use; else no more pairs */
			break;
	}
	return lc_err(-EAGAIN);
}

int grantpt(int fd)
{
	return master_index(fd) < 0 ? -1 : 0;
}

int unlockpt(int fd)
{
	return master_index(fd) < 0 ? -1 : 0;
}

char *ptsname(int fd)
{
	static char name[PTY_NAME_MAX];
	int i = master_index(fd);

	if (i < 0)
		return NULL;
	snprintf(name, sizeof(name), "/dev/ttyp%d", i);
	return name;
}

int ttyname_r(int fd, char *buf, size_t len)
{
	struct stat st, e;
	struct dirent *d;
	char path[PTY_NAME_MAX + 256];
	DIR *dir;
	int r = ENOTTY;

	if (!isatty(fd))
		return errno == EBADF ? EBADF : ENOTTY;
	if (fstat(fd, &st) < 0)
		return errno;
	if (!(dir = opendir("/dev")))
		return errno;
	while ((d = readdir(dir))) {
		snprintf(path, sizeof(path), "/dev/%s", d->d_name);
		if (stat(path, &e) < 0 || !S_ISCHR(e.st_mode) ||
		    e.st_rdev != st.st_rdev)
			continue;
		r = strlen(path) < len ? 0 : ERANGE;
		if (!r)
			strcpy(buf, path);
		break;
	}
	closedir(dir);
	return r;
}

char *ttyname(int fd)
{
	static char name[PTY_NAME_MAX + 256];
	int r = ttyname_r(fd, name, sizeof(name));

	if (r) {
		errno = r;
		return NULL;
	}
	return name;
}
