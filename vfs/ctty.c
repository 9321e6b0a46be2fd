/*
 * ctty.c - controlling terminals (POSIX.1 11.1.3), kept as MINIX's VFS
 * keeps them: each process record holds its session's terminal
 * (fproc.tty, a device number, 0: none), inherited by fork, dropped by
 * setsid and, for the whole session, when the session leader exits.
 *
 * A session leader without one that opens a terminal without O_NOCTTY
 * acquires it: VFS marks the open CDEV_CTTY with the session, and a
 * terminal driver that takes the role replies CDEV_CTTY (mica/cdev.h;
 * other devices ignore the bit and reply OK).  /dev/tty (the TTY
 * driver's minor TTY_MINOR_TTY, mica/termios.h) opens the caller's
 * controlling terminal instead: the filp talks to that device from then
 * on (filp.rdev).  With none it is ENXIO, except for processes PM never
 * told VFS about (sid 0: boot modules of suites without PM), which keep
 * the driver's own minor, the console, as before sessions existed.
 */
#include "vfs.h"
#include <mica/termios.h>

static int is_dev_tty(u32_t rdev)
{
	return DEV_MAJOR(rdev) == TTY_MAJOR && DEV_MINOR(rdev) == TTY_MINOR_TTY;
}

int ctty_target(const struct fproc *fp, u32_t rdev, u32_t *target)
{
	*target = rdev;
	if (!is_dev_tty(rdev) || fp->sid == 0)
		return OK;
	if (!fp->tty)
		return -ENXIO;
	*target = fp->tty;
	return OK;
}

u32_t ctty_access(const struct fproc *fp, int flags)
{
	if ((flags & MICA_O_NOCTTY) || fp->sid <= 0 || fp->pid != fp->sid ||
	    fp->tty)
		return 0;
	return CDEV_CTTY;
}

/* The driver's answer to an open of f: OK or an error for the caller
 * (a reply VFS cannot have asked for is the driver's fault: EIO). */
int ctty_opened(struct fproc *fp, const struct filp *f, int r)
{
	if (r == CDEV_CTTY && ctty_access(fp, f->flags)) {
		fp->tty = f->rdev;
		return OK;
	}
	return r > OK ? -EIO : r;
}

void ctty_setsid(struct fproc *fp)
{
	fp->tty = 0;
}

/* The controlling process exits: its session loses the terminal. */
void ctty_exit(const struct fproc *fp)
{
	if (fp->sid <= 0 || fp->pid != fp->sid || !fp->tty)
		return;
	for (int i = 0; i < NR_PROCS; i++) {
		struct fproc *o = &vfs_procs[i];

		if (o->ep != NONE && o->sid == fp->sid && o->tty == fp->tty)
			o->tty = 0;
	}
}
