/*
 * <sys/reboot.h> for Mica: reboot(2) asks PM to stop every user process,
 * have VFS sync the file systems, and shut the machine down (root only).
 * The values are PM's (mica/abi.h); lib/libposix/reboot.c.
 */
#ifndef _MICA_SYS_REBOOT_H
#define _MICA_SYS_REBOOT_H

#include <mica/abi.h>

#define RB_AUTOBOOT MICA_RB_REBOOT
#define RB_POWEROFF MICA_RB_POWEROFF

int reboot(int how);

#endif
