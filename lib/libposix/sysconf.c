/*
 * sysconf.c - sysconf() for Mica programs (newlib leaves it to the
 * system): the page size and clock tick from mica/const.h; the memory
 * sizes are not known to a program yet (VM has no call that tells), so
 * _SC_PHYS_PAGES and _SC_AVPHYS_PAGES are -1 without errno, POSIX's "no
 * limit or unknown", and callers size their caches by default.  Any other
 * name: EINVAL.
 */
#include <errno.h>
#include <unistd.h>
#include <mica/const.h>

long sysconf(int name)
{
	switch (name) {
	case _SC_PAGESIZE:
		return PAGE_SIZE;
	case _SC_CLK_TCK:
		return HZ;
	case _SC_PHYS_PAGES:
	case _SC_AVPHYS_PAGES:
		return -1;
	default:
		errno = EINVAL;
		return -1;
	}
}
