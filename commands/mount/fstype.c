/*
 * fstype.c - mount's type detection.  In Mica a file-system type is a
 * server, its DS label the type's name (mica/fstype.h), and each server
 * runs the probe micafuse uses before it mounts (fsdriver_task_fstype):
 * a device its probe does not recognise is EFTYPE.  So detection is
 * micafuse's loop run across servers: try each type of FSTYPE_ORDER in
 * turn, go on after EFTYPE (not this format) or ENODEV (no such server
 * running), stop at any other error (the device, the directory, a damaged
 * file system the probe did recognise).  A server serves one mount, so
 * EBUSY (busy elsewhere, or the directory is) also goes on to the next
 * type and is what is reported when nothing else is.
 */
#include <errno.h>
#include <string.h>
#include <sys/mount.h>
#include <mica/fstype.h>
#include "mount.h"

static const char *const order[] = { FSTYPE_ORDER };
#define NORDER	(sizeof(order) / sizeof(order[0]))

int mount_typed(const char *source, const char *dir, const char *type,
    unsigned long flags, const char **used)
{
	int busy = 0;
	size_t i;

	*used = type;
	if (type && strcmp(type, "auto") != 0)
		return mount(source, dir, type, flags, NULL);
	for (i = 0; i < NORDER; i++) {
		*used = order[i];
		if (mount(source, dir, order[i], flags, NULL) == 0)
			return 0;
		if (errno == EBUSY)
			busy = 1;
		else if (errno != EFTYPE && errno != ENODEV)
			return -1;
	}
	*used = NULL;
	errno = busy ? EBUSY : EFTYPE;
	return -1;
}

const char *mount_type_names(void)
{
	static char names[80];
	size_t i;

	if (!names[0])
		for (i = 0; i < NORDER; i++) {
			if (i)
				strncat(names, ", ", sizeof(names) - strlen(names) - 1);
			strncat(names, order[i], sizeof(names) - strlen(names) - 1);
		}
	return names;
}
