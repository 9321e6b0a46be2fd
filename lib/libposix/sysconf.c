/*
 * sysconf.c - the run-time limits POSIX asks sysconf() for, each taken
 * from the header that owns it (the clock rate and page size from
 * mica/const.h, groups from PM's protocol, the exec frame from
 * mica/exec.h, descriptors from limits.h); other names are EINVAL.
 */
#include <errno.h>
#include <limits.h>
#include <unistd.h>
#include <mica/const.h>
#include <mica/exec.h>
#include <mica/pmvfs.h>

long sysconf(int name)
{
	switch (name) {
	case _SC_CLK_TCK:	return HZ;
	case _SC_PAGESIZE:	return PAGE_SIZE;
	case _SC_OPEN_MAX:	return OPEN_MAX;
	case _SC_NGROUPS_MAX:	return PMVFS_NGROUPS_MAX;
	case _SC_ARG_MAX:	return EXEC_FRAME_MAX;
	default:
		errno = EINVAL;
		return -1;
	}
}
