/*
 * abi_check.c - compile-time proof that newlib's headers (what programs
 * see) and Mica's single definitions (what servers and drivers see) agree:
 * errno values (mica/errno.h), the system-call constants (mica/abi.h),
 * termios (mica/termios.h, used through lib/libc/include), and the dirent
 * record.  Nothing here runs; the object file is empty.
 */
/*
 * Mica's headers first: newlib's then redefine the same names, and any
 * value that differs is a "redefined" error under -Werror, for every
 * errno name and the signals mica/termios.h names.
 */
#include <mica/errno.h>
#include <mica/termios.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <time.h>
#include <stddef.h>
#include <termios.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/time.h>
#include <sys/mman.h>
#include <mica/abi.h>
#include <mica/type.h>

#define SAME(a, b) _Static_assert((a) == (b), #a " != " #b)

/* errno: every name mica/errno.h defines, against newlib's value */
SAME(EPERM, 1); SAME(ENOENT, 2); SAME(ESRCH, 3); SAME(EINTR, 4);
SAME(EIO, 5); SAME(ENXIO, 6); SAME(E2BIG, 7); SAME(ENOEXEC, 8);
SAME(EAGAIN, 11); SAME(ENOMEM, 12); SAME(EFAULT, 14); SAME(EBUSY, 16);
SAME(EEXIST, 17); SAME(EINVAL, 22); SAME(ENOTTY, 25); SAME(ERANGE, 34);
SAME(ENOSYS, 88); SAME(EBADF, 9); SAME(ECHILD, 10); SAME(EACCES, 13);
SAME(EXDEV, 18); SAME(ENODEV, 19); SAME(ENOTDIR, 20); SAME(EISDIR, 21);
SAME(ENFILE, 23); SAME(EMFILE, 24); SAME(EFBIG, 27); SAME(ENOSPC, 28);
SAME(ESPIPE, 29); SAME(EROFS, 30); SAME(EMLINK, 31); SAME(EPIPE, 32);
SAME(ENOTEMPTY, 90); SAME(ENAMETOOLONG, 91); SAME(ELOOP, 92);
SAME(EOVERFLOW, 139); SAME(EDOM, 33); SAME(EILSEQ, 138);
/* the microkernel's own errors lie above every newlib errno */
_Static_assert(EDEADSRCDST > EOWNERDEAD && EBADEPT < __ELASTERROR,
	"IPC errors must lie between newlib's last errno and its user range");

SAME(O_ACCMODE, MICA_O_ACCMODE); SAME(O_RDONLY, MICA_O_RDONLY);
SAME(O_WRONLY, MICA_O_WRONLY); SAME(O_RDWR, MICA_O_RDWR);
SAME(O_APPEND, MICA_O_APPEND); SAME(O_CREAT, MICA_O_CREAT);
SAME(O_TRUNC, MICA_O_TRUNC); SAME(O_EXCL, MICA_O_EXCL);
SAME(O_NONBLOCK, MICA_O_NONBLOCK); SAME(O_NOCTTY, MICA_O_NOCTTY);
SAME(O_CLOEXEC, MICA_O_CLOEXEC); SAME(O_NOFOLLOW, MICA_O_NOFOLLOW);
SAME(O_DIRECTORY, MICA_O_DIRECTORY);
SAME(F_DUPFD, MICA_F_DUPFD); SAME(F_GETFD, MICA_F_GETFD);
SAME(F_SETFD, MICA_F_SETFD); SAME(F_GETFL, MICA_F_GETFL);
SAME(F_SETFL, MICA_F_SETFL); SAME(F_DUPFD_CLOEXEC, MICA_F_DUPFD_CLOEXEC);
SAME(FD_CLOEXEC, MICA_FD_CLOEXEC);
SAME(SEEK_SET, MICA_SEEK_SET); SAME(SEEK_CUR, MICA_SEEK_CUR);
SAME(SEEK_END, MICA_SEEK_END);
SAME(R_OK, MICA_R_OK); SAME(W_OK, MICA_W_OK); SAME(X_OK, MICA_X_OK);
SAME(AT_SYMLINK_NOFOLLOW, MICA_AT_SYMLINK_NOFOLLOW);
SAME(S_IFMT, MICA_S_IFMT); SAME(S_IFDIR, MICA_S_IFDIR);
SAME(S_IFCHR, MICA_S_IFCHR); SAME(S_IFBLK, MICA_S_IFBLK);
SAME(S_IFREG, MICA_S_IFREG); SAME(S_IFLNK, MICA_S_IFLNK);
SAME(S_IFIFO, MICA_S_IFIFO);
SAME(WNOHANG, MICA_WNOHANG); SAME(WUNTRACED, MICA_WUNTRACED);
SAME(NSIG, MICA_NSIG);
SAME(SIG_BLOCK, MICA_SIG_BLOCK); SAME(SIG_UNBLOCK, MICA_SIG_UNBLOCK);
SAME(SIG_SETMASK, MICA_SIG_SETMASK); SAME(SA_NOCLDSTOP, MICA_SA_NOCLDSTOP);
SAME(SS_ONSTACK, MICA_SS_ONSTACK); SAME(SS_DISABLE, MICA_SS_DISABLE);
SAME(CLOCK_REALTIME, MICA_CLOCK_REALTIME);
SAME(SIGKILL, MICA_SIGKILL); SAME(SIGSTOP, MICA_SIGSTOP);
SAME(ITIMER_REAL, MICA_ITIMER_REAL); SAME(ITIMER_VIRTUAL, MICA_ITIMER_VIRTUAL);
SAME(ITIMER_PROF, MICA_ITIMER_PROF);
_Static_assert(sizeof(sigset_t) * 8 >= MICA_NSIG, "sigset too small for the wire");
_Static_assert(sizeof(sigset_t) <= sizeof(u32_t), "sigset wider than the wire");

/* siginfo_t is struct mica_siginfo, the layout PM writes */
#define SAME_AT(f) _Static_assert(offsetof(siginfo_t, f) == \
	offsetof(struct mica_siginfo, f), "siginfo_t." #f)
SAME_AT(si_signo); SAME_AT(si_code); SAME_AT(si_errno); SAME_AT(si_pid);
SAME_AT(si_uid); SAME_AT(si_status); SAME_AT(si_addr); SAME_AT(si_value);
_Static_assert(sizeof(siginfo_t) == sizeof(struct mica_siginfo), "siginfo_t size");

/* termios: the signals TTY raises are newlib's numbers */
SAME(SIGINT, 2); SAME(SIGQUIT, 3); SAME(SIGTSTP, 18); SAME(SIGTTIN, 21);
SAME(SIGTTOU, 22);
_Static_assert(sizeof(struct termios) == 44, "termios is mica/termios.h's");
