/*
 * <stdlib.h> for Mica: newlib's, plus the pseudo-terminal functions of
 * POSIX.1-2008 (posix_openpt, grantpt, unlockpt, ptsname), which newlib
 * leaves to the system; lib/libposix/pty.c has them.
 */
#include_next <stdlib.h>

#ifndef _MICA_STDLIB_H
#define _MICA_STDLIB_H

int posix_openpt(int flags);
int grantpt(int fd);
int unlockpt(int fd);
char *ptsname(int fd);

#endif
