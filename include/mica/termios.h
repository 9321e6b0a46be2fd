/*
 * termios.h - the terminal ABI between Mica's C library and the TTY
 * driver: struct termios, struct winsize, their flag bits and the ioctl
 * numbers that carry them (through a grant, include/mica/cdev.h).
 *
 * Newlib's generic i686-elf build has no <sys/termios.h> of its own, so
 * Mica's libc is expected to expose these definitions.  The flag bits,
 * c_cc indices and ioctl numbers are Linux's (the ones newlib's Linux port
 * uses), so ported programs and their tables work unchanged; the struct
 * is Mica's own fixed-width layout, checked below.
 */
#ifndef MICA_TERMIOS_H
#define MICA_TERMIOS_H

#include <mica/type.h>
#include <mica/abi.h>

typedef u32_t tcflag_t;
typedef u8_t cc_t;
typedef u32_t speed_t;

/* c_cc indices */
#define VINTR    0
#define VQUIT    1
#define VERASE   2
#define VKILL    3
#define VEOF     4
#define VTIME    5
#define VMIN     6
#define VSTART   8
#define VSTOP    9
#define VSUSP   10
#define VEOL    11
#define NCCS    19

/* c_iflag */
#define BRKINT  0000002
#define INLCR   0000100
#define IGNCR   0000200
#define ICRNL   0000400
#define IXON    0002000

/* c_oflag */
#define OPOST   0000001
#define ONLCR   0000004

/* c_cflag */
#define CSIZE   0000060
#define CS8     0000060
#define CREAD   0000200
#define CLOCAL  0004000
#define B115200 0010002

/* c_lflag */
#define ISIG    0000001
#define ICANON  0000002
#define ECHO    0000010
#define ECHOE   0000020
#define ECHOK   0000040
#define ECHONL  0000100
#define NOFLSH  0000200
#define TOSTOP  0000400
#define IEXTEN  0100000

/* tcsetattr actions / tcflush queues (the libc maps them to ioctls) */
#define TCSANOW   0
#define TCSADRAIN 1
#define TCSAFLUSH 2
#define TCIFLUSH  0
#define TCOFLUSH  1
#define TCIOFLUSH 2

struct termios {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	u8_t c_line;
	cc_t c_cc[NCCS];
	speed_t c_ispeed;
	speed_t c_ospeed;
};
STATIC_ASSERT(sizeof(struct termios) == 44, termios_size);

struct winsize {
	u16_t ws_row;
	u16_t ws_col;
	u16_t ws_xpixel;
	u16_t ws_ypixel;
};
STATIC_ASSERT(sizeof(struct winsize) == 8, winsize_size);

/*
 * ioctl requests; the argument travels through the request's grant:
 * TCGETS/TIOCGWINSZ/TIOCGPGRP/FIONREAD write it, the others read it.
 * TCSETSW waits for output to drain (the serial line drains at once),
 * TCSETSF also discards pending input.  TCFLSH takes its queue selector
 * (TCIFLUSH...) as an int through the grant.
 */
#define TCGETS     0x5401
#define TCSETS     0x5402
#define TCSETSW    0x5403
#define TCSETSF    0x5404
#define TCFLSH     0x540B
#define TIOCGPGRP  0x540F
#define TIOCSPGRP  0x5410
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define FIONREAD   0x541B

/*
 * The TTY driver's minors (major 4 in VFS's dmap, vfs/dev.c): the serial
 * console, /dev/tty (VFS opens the caller's controlling terminal instead;
 * the driver's own minor 1 is the console), and pseudo-terminal pairs as
 * MINIX numbers them: slave ttypN is TTY_MINOR_PTS + N, its master ptypN
 * TTY_MINOR_PTM + N (drivers/tty/README.md says how many the driver has).
 */
#define TTY_MAJOR          4
#define TTY_MINOR_CONSOLE  0
#define TTY_MINOR_TTY      1
#define TTY_MINOR_PTS      128
#define TTY_MINOR_PTM      192
#define TTY_PTY_MINORS     64		/* room in each range */

/*
 * The signals the line discipline raises for the foreground process
 * group, by their C names (mica/abi.h has the numbers; Mica's
 * <sys/signal.h> gives the same names the same tokens).
 */
#ifndef SIGINT
#define SIGINT   MICA_SIGINT
#define SIGQUIT  MICA_SIGQUIT
#define SIGTSTP  MICA_SIGTSTP
#define SIGTTIN  MICA_SIGTTIN
#define SIGTTOU  MICA_SIGTTOU
#endif
#ifndef SIGHUP
#define SIGHUP   MICA_SIGHUP
#endif
#ifndef SIGWINCH
#define SIGWINCH MICA_SIGWINCH
#endif

#endif /* MICA_TERMIOS_H */
