/*
 * <sys/termios.h> for Mica (newlib's <termios.h> includes it; newlib's
 * generic build has none).  The struct, flags and ioctl numbers are the
 * TTY driver's, from mica/termios.h, the one definition; the functions are
 * lib/libposix/tty.c.
 */
#ifndef _MICA_SYS_TERMIOS_H
#define _MICA_SYS_TERMIOS_H

#include <sys/types.h>
#include <mica/termios.h>

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int action, const struct termios *t);
int tcflush(int fd, int queue);
int tcdrain(int fd);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
speed_t cfgetispeed(const struct termios *t);
speed_t cfgetospeed(const struct termios *t);
int cfsetispeed(struct termios *t, speed_t s);
int cfsetospeed(struct termios *t, speed_t s);
void cfmakeraw(struct termios *t);

#endif
