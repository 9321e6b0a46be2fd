/*
 * tty.c - termios functions as ioctls on the terminal (mica/termios.h
 * holds the struct, the flags and the request numbers TTY answers).
 */
#include <string.h>
#include <termios.h>
#include <sys/ioctl.h>
#include "posix.h"

int tcgetattr(int fd, struct termios *t) { return ioctl(fd, TCGETS, t); }

int tcsetattr(int fd, int action, const struct termios *t)
{
	static const unsigned long req[] = {
		[TCSANOW] = TCSETS, [TCSADRAIN] = TCSETSW, [TCSAFLUSH] = TCSETSF,
	};

	if (action < 0 || action > TCSAFLUSH)
		return lc_err(-EINVAL);
	return ioctl(fd, req[action], t);
}

int tcflush(int fd, int queue)
{
	if (queue != TCIFLUSH && queue != TCOFLUSH && queue != TCIOFLUSH)
		return lc_err(-EINVAL);
	return ioctl(fd, TCFLSH, &queue);
}

int tcdrain(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t);	/* the serial line drains at once */
}

pid_t tcgetpgrp(int fd)
{
	int pgrp;

	return ioctl(fd, TIOCGPGRP, &pgrp) < 0 ? -1 : pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	int p = pgrp;

	return ioctl(fd, TIOCSPGRP, &p);
}

speed_t cfgetispeed(const struct termios *t) { return t->c_ispeed; }
speed_t cfgetospeed(const struct termios *t) { return t->c_ospeed; }
int cfsetispeed(struct termios *t, speed_t s) { t->c_ispeed = s; return 0; }
int cfsetospeed(struct termios *t, speed_t s) { t->c_ospeed = s; return 0; }

void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(BRKINT | ICRNL | INLCR | IGNCR | IXON);
	t->c_oflag &= ~OPOST;
	t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag = (t->c_cflag & ~CSIZE) | CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}
