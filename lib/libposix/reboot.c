/*
 * reboot.c - reboot(2): PM_REBOOT.  On success PM never answers (the
 * machine goes down), so a return is always an error.
 */
#include <string.h>
#include <sys/reboot.h>
#include "posix.h"

int reboot(int how)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_lc_pm_reboot.how = how;
	return lc_call(PM_PROC_NR, PM_REBOOT, &m);
}
