/*
 * <sys/reboot.h> for Mica (newlib has none): reboot(howto) asks PM to end
 * the system; PM holds every process, VFS syncs every file system, then
 * the machine goes down.  Root only (EPERM).  The values are mica/abi.h's.
 */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#include <mica/abi.h>

#define RB_AUTOBOOT MICA_RB_REBOOT
#define RB_POWEROFF MICA_RB_POWEROFF

int reboot(int howto);

#endif
