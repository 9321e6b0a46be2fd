/*
 * vnconfig - serve a regular file as a vnode disk (bdev/vnd), MINIX's
 * command: `vnconfig [-r] vndN file` attaches, `vnconfig -u vndN`
 * detaches (EBUSY while the device is open or mounted).  vndN may be a
 * path or a name under /dev.  The file is opened here, with this
 * process's permissions, for reading and (unless -r) writing; VFS then
 * serves the open file as the device (bdattach, sys/mount.h), so nobody
 * attaches a file they could not open.  With -r writes through the
 * device are EROFS.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include "cmd.h"

#define USAGE "vnconfig [-r] vndN file | vnconfig -u vndN"

/* "vnd0" -> "/dev/vnd0"; a name with a slash is a path already. */
static const char *dev_path(const char *name, char *buf, size_t len)
{
	if (strchr(name, '/'))
		return name;
	snprintf(buf, len, "/dev/%s", name);
	return buf;
}

int main(int argc, char **argv)
{
	int c, fd, detach = 0, rdonly = 0, r;
	char buf[64];
	const char *dev;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "ru")) != -1) {
		switch (c) {
		case 'r': rdonly = 1; break;
		case 'u': detach = 1; break;
		default: cmd_usage(USAGE);
		}
	}
	if (detach ? (rdonly || argc - optind != 1) : argc - optind != 2)
		cmd_usage(USAGE);
	if (strlen(argv[optind]) + 6 > sizeof(buf))
		cmd_usage(USAGE);
	dev = dev_path(argv[optind], buf, sizeof(buf));
	if (detach)
		return bdattach(dev, -1, 0) < 0 ? cmd_err("%s", dev) : 0;
	if ((fd = open(argv[optind + 1], rdonly ? O_RDONLY : O_RDWR)) < 0)
		return cmd_err("%s", argv[optind + 1]);
	r = bdattach(dev, fd, rdonly ? MS_RDONLY : 0);
	if (r < 0)
		r = cmd_err("%s on %s", argv[optind + 1], dev);
	close(fd);
	return r;
}
