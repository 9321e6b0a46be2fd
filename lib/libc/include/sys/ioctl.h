/* <sys/ioctl.h> for Mica: requests are mica/termios.h's; lib/libposix/vfs_fd.c. */
#ifndef _MICA_SYS_IOCTL_H
#define _MICA_SYS_IOCTL_H

#include <mica/termios.h>

int ioctl(int fd, unsigned long request, ...);

#endif
