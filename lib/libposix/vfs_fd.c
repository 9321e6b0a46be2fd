/*
 * vfs_fd.c - calls on file descriptors, to VFS: read, write, close, lseek,
 * dup, dup2, fcntl, pipe, fsync, ftruncate, fchdir, fchmod, fchown,
 * pread, pwrite, getdents,
 * ioctl.  Buffers go by a grant for exactly the bytes asked for.
 */
#include <string.h>
#include <stdarg.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include "posix.h"

static int io_call(int callnr, int fd, const void *buf, size_t n, int access,
	u32_t request)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	if (n > 0x7fffffff)
		return lc_err(-EINVAL);
	m.m_lc_vfs_io.fd = fd;
	m.m_lc_vfs_io.count = n;
	m.m_lc_vfs_io.request = request;
	m.m_lc_vfs_io.buf = (vir_bytes)buf;
	if (n == 0) {
		m.m_lc_vfs_io.grant = -1;
		return lc_call(VFS_PROC_NR, callnr, &m);
	}
	if (!buf)
		return lc_err(-EFAULT);
	r = lc_call_buf(VFS_PROC_NR, callnr, &m, &m.m_lc_vfs_io.grant, buf, n, access);
	if (r > (int)n)
		return lc_err(-EIO);	/* a reply claiming more than was asked */
	return r;
}

ssize_t read(int fd, void *buf, size_t n) { return io_call(VFS_READ, fd, buf, n, CPF_WRITE, 0); }
ssize_t write(int fd, const void *buf, size_t n) { return io_call(VFS_WRITE, fd, buf, n, CPF_READ, 0); }
int lc_getdents(int fd, void *buf, size_t n) { return io_call(VFS_GETDENTS, fd, buf, n, CPF_WRITE, 0); }
int lc_fstat_raw(int fd, void *st, size_t n) { return io_call(VFS_FSTAT, fd, st, n, CPF_WRITE, 0); }
ssize_t _read(int fd, void *buf, size_t n) { return read(fd, buf, n); }
ssize_t _write(int fd, const void *buf, size_t n) { return write(fd, buf, n); }

/*
 * ioctl: the argument's size follows from the request (mica/termios.h);
 * TCGETS-like requests are written by the driver, the others read.
 */
static int ioctl_size(unsigned long req, int *access)
{
	*access = CPF_READ;
	switch (req) {
	case TCGETS: *access = CPF_WRITE; return sizeof(struct termios);
	case TCSETS: case TCSETSW: case TCSETSF: return sizeof(struct termios);
	case TIOCGWINSZ: *access = CPF_WRITE; return sizeof(struct winsize);
	case TIOCSWINSZ: return sizeof(struct winsize);
	case TIOCGPGRP: case FIONREAD: *access = CPF_WRITE; return sizeof(int);
	case TIOCSPGRP: case TCFLSH: return sizeof(int);
	default: return -1;
	}
}

int ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	void *arg;
	int size, access;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if ((size = ioctl_size(req, &access)) < 0)
		return lc_err(-ENOTTY);
	return io_call(VFS_IOCTL, fd, arg, size, access, req);
}

static int fd_call(int callnr, int fd, int fd2, int cmd, int arg, u64_t len)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_fd.fd = fd;
	m.m_lc_vfs_fd.fd2 = fd2;
	m.m_lc_vfs_fd.cmd = cmd;
	m.m_lc_vfs_fd.arg = arg;
	m.m_lc_vfs_fd.length = len;
	return lc_call(VFS_PROC_NR, callnr, &m);
}

int close(int fd) { return fd_call(VFS_CLOSE, fd, 0, 0, 0, 0); }
int _close(int fd) { return close(fd); }
int dup(int fd) { return fd_call(VFS_DUP, fd, 0, 0, 0, 0); }
int dup2(int fd, int fd2) { return fd_call(VFS_DUP2, fd, fd2, 0, 0, 0); }
int fsync(int fd) { return fd_call(VFS_FSYNC, fd, 0, 0, 0, 0); }
int fchdir(int fd) { return fd_call(VFS_FCHDIR, fd, 0, 0, 0, 0); }
int fchmod(int fd, mode_t mode) { return fd_call(VFS_FCHMOD, fd, 0, 0, mode, 0); }
mode_t umask(mode_t mask) { return fd_call(VFS_UMASK, -1, 0, 0, mask & 0777, 0); }

int ftruncate(int fd, off_t len)
{
	if (len < 0)
		return lc_err(-EINVAL);
	return fd_call(VFS_FTRUNCATE, fd, 0, 0, 0, (u64_t)len);
}

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	int arg;

	va_start(ap, cmd);
	arg = va_arg(ap, int);
	va_end(ap);
	return fd_call(VFS_FCNTL, fd, 0, cmd, arg, 0);
}
int _fcntl(int fd, int cmd, int arg) { return fcntl(fd, cmd, arg); }

int pipe(int fds[2])
{
	int f[2] = { -1, -1 };
	message m;

	/* fds is checked before the pipe exists: no descriptors left behind */
	if (lc_copyout(fds, f, sizeof(f)) < 0)
		return -1;
	memset(&m, 0, sizeof(m));
	if (lc_call(VFS_PROC_NR, VFS_PIPE, &m) < 0)
		return -1;
	f[0] = m.m_vfs_lc_pipe.fd0;
	f[1] = m.m_vfs_lc_pipe.fd1;
	return lc_copyout(fds, f, sizeof(f));
}

off_t lseek(int fd, off_t off, int whence)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_lseek.fd = fd;
	m.m_lc_vfs_lseek.whence = whence;
	m.m_lc_vfs_lseek.offset = off;
	if (lc_call(VFS_PROC_NR, VFS_LSEEK, &m) < 0)
		return -1;
	if (m.m_lc_vfs_lseek.offset > 0x7fffffffLL)
		return lc_err(-EOVERFLOW);
	return (off_t)m.m_lc_vfs_lseek.offset;
}
off_t _lseek(int fd, off_t off, int whence) { return lseek(fd, off, whence); }

static ssize_t pio_call(int callnr, int fd, const void *buf, size_t n,
	off_t pos, int access)
{
	message m;

	if (pos < 0)
		return lc_err(-EINVAL);
	if (n > 0x7fffffff)
		return lc_err(-EINVAL);
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_io.fd = fd;
	m.m_lc_vfs_io.count = n;
	m.m_lc_vfs_io.pos = pos;
	m.m_lc_vfs_io.buf = (vir_bytes)buf;
	if (n == 0) {
		m.m_lc_vfs_io.grant = -1;
		return lc_call(VFS_PROC_NR, callnr, &m);
	}
	if (!buf)
		return lc_err(-EFAULT);
	return lc_call_buf(VFS_PROC_NR, callnr, &m, &m.m_lc_vfs_io.grant, buf, n,
		access);
}

ssize_t pread(int fd, void *buf, size_t n, off_t pos) { return pio_call(VFS_PREAD, fd, buf, n, pos, CPF_WRITE); }
ssize_t pwrite(int fd, const void *buf, size_t n, off_t pos) { return pio_call(VFS_PWRITE, fd, buf, n, pos, CPF_READ); }

int fchown(int fd, uid_t uid, gid_t gid)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_fd.fd = fd;
	m.m_lc_vfs_fd.uid = uid == (uid_t)-1 ? (u32_t)-1 : uid;
	m.m_lc_vfs_fd.gid = gid == (gid_t)-1 ? (u32_t)-1 : gid;
	return lc_call(VFS_PROC_NR, VFS_FCHOWN, &m) < 0 ? -1 : 0;
}
