/*
 * uname.c - the system's name.  Fixed strings of this build; the node
 * name is the one configured in /etc/hostname when that exists.
 */
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/utsname.h>
#include "posix.h"

static void node_name(char *buf, size_t size)
{
	int fd = open("/etc/hostname", O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, buf, size - 1) : -1;

	if (fd >= 0)
		close(fd);
	if (n <= 0) {
		strcpy(buf, "mica");
		return;
	}
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
}

int uname(struct utsname *uu)
{
	struct utsname l, *u = &l;

	memset(u, 0, sizeof(*u));
	strcpy(u->sysname, "Mica");
	node_name(u->nodename, sizeof(u->nodename));
	strcpy(u->release, "0.1");
	strcpy(u->version, "newlib " _NEWLIB_VERSION);
	strcpy(u->machine, "i686");
	return lc_copyout(uu, u, sizeof(*u));
}
