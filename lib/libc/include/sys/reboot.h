/*
 * <sys/reboot.h> for Mica (newlib has none): reboot(howto) asks PM to end
 * the system; PM holds every process, VFS syncs every file system, then
 * the machine goes down.  Root only (EPERM).  The values are mica/abi.h's.
 * reboot_status(howto, status), a Mica extension, also gives the machine's
 * exit status (its low 8 bits; under QEMU the isa-debug-exit code a test
 * harness reads): /usr/tests/run -T powers off with its verdict.
 */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#include <mica/abi.h>

#define RB_AUTOBOOT MICA_RB_REBOOT
#define RB_POWEROFF MICA_RB_POWEROFF

int reboot(int howto);
int reboot_status(int howto, int status);

#endif
