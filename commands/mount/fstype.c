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
 * type and is what is reported when nothing else is.  A device that
 * refuses writing (a read-only disk: EROFS) is tried again read-only, as
 * Linux's mount does.
 */
#include <errno.h>
#include <string.h>
#include <sys/mount.h>
#include <mica/fstype.h>
#include "mount.h"

static const char *const order[] = { FSTYPE_ORDER };
#define NORDER	(sizeof(order) / sizeof(order[0]))

/* mount(2), again read-only when the device is write-protected. */
static int mount_one(const char *source, const char *dir, const char *type,
    unsigned long *flags, int *ro_forced)
{
	if (mount(source, dir, type, *flags, NULL) == 0)
		return 0;
	if (errno != EROFS || (*flags & MS_RDONLY))
		return -1;
	*flags |= MS_RDONLY;
	*ro_forced = 1;
	return mount(source, dir, type, *flags, NULL);
}

int mount_typed(const char *source, const char *dir, const char *type,
    unsigned long flags, const char **used, int *ro_forced)
{
	int busy = 0;
	size_t i;

	*used = type;
	*ro_forced = 0;
	if (type && strcmp(type, "auto") != 0)
		return mount_one(source, dir, type, &flags, ro_forced);
	for (i = 0; i < NORDER; i++) {
		*used = order[i];
		if (mount_one(source, dir, order[i], &flags, ro_forced) == 0)
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
