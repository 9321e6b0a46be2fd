/*
 * double_vfs_fd.c - the VFS stand-in's descriptors: open file
 * descriptions shared by dup'd fds, reads and writes of memory files, one
 * pipe (never blocking: EAGAIN where VFS would wait), the console on fds
 * 0-2 (output to the kernel console, input at EOF, termios kept for
 * TCGETS/TCSETS), fcntl, and poll (select is built on it) over all of them.
 */
#include "double_vfs.h"
#include <mica/termios.h>
#include "../tap.h"

struct dv_filp dv_filps[NFDS];
struct dv_fd dv_fdt[NFDS];
struct dv_pipe dv_pipe;
static struct termios dv_tio = {
	.c_iflag = ICRNL, .c_oflag = OPOST | ONLCR, .c_cflag = CS8 | CREAD,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE, .c_ispeed = B115200, .c_ospeed = B115200,
};

static int free_fd(void)
{
	for (int fd = 0; fd < NFDS; fd++)
		if (dv_fdt[fd].filp < 0)
			return fd;
	return -EMFILE;
}

int dv_new_fd(int kind, int file, int flags)
{
	int fd = free_fd(), f;

	if (fd < 0)
		return fd;
	for (f = 0; f < NFDS && dv_filps[f].refs; f++)
		;
	if (f == NFDS)
		return -ENFILE;
	dv_filps[f].kind = kind;
	dv_filps[f].file = file;
	dv_filps[f].flags = flags & ~MICA_O_CLOEXEC;
	dv_filps[f].pos = 0;
	dv_filps[f].refs = 1;
	dv_fdt[fd].filp = f;
	dv_fdt[fd].cloexec = !!(flags & MICA_O_CLOEXEC);
	return fd;
}

int dv_bad_fd(int fd)
{
	return fd < 0 || fd >= NFDS || dv_fdt[fd].filp < 0;
}

static void fd_close(int fd)
{
	if (--FP(fd)->refs == 0) {
		if (FP(fd)->kind == K_PIPE_R)
			dv_pipe.readers--;
		if (FP(fd)->kind == K_PIPE_W)
			dv_pipe.writers--;
		FP(fd)->kind = K_FREE;
	}
	dv_fdt[fd].filp = -1;
}

int vfs_close(message *m)
{
	int fd = m->m_lc_vfs_fd.fd;

	if (dv_bad_fd(fd))
		return -EBADF;
	fd_close(fd);
	return OK;
}

static int console_write(message *m, u32_t n)
{
	char buf[128];
	u32_t done = 0, k;
	int r;

	while (done < n) {
		k = n - done < sizeof(buf) ? n - done : sizeof(buf);
		if ((r = sys_safecopyfrom(m->m_source, m->m_lc_vfs_io.grant, done, buf, k)) != OK)
			return r;
		sys_diag_print(buf, k);
		done += k;
	}
	return done;
}

static int pipe_io(message *m, int fd, u32_t n, int writing)
{
	u32_t k, i;
	u8_t c;
	int r;

	if (writing) {
		if (dv_pipe.readers == 0)
			return -EPIPE;
		if (n > PIPE_BUF_D - dv_pipe.len)
			return -EAGAIN;		/* the real VFS blocks */
		for (i = 0; i < n; i++) {
			if ((r = sys_safecopyfrom(m->m_source, m->m_lc_vfs_io.grant, i, &c, 1)) != OK)
				return r;
			dv_pipe.buf[(dv_pipe.head + dv_pipe.len++) % PIPE_BUF_D] = c;
		}
		return n;
	}
	(void)fd;
	if (dv_pipe.len == 0)
		return dv_pipe.writers ? -EAGAIN : 0;
	k = n < dv_pipe.len ? n : dv_pipe.len;
	for (i = 0; i < k; i++) {
		c = dv_pipe.buf[dv_pipe.head];
		if ((r = sys_safecopyto(m->m_source, m->m_lc_vfs_io.grant, i, &c, 1)) != OK)
			return r;
		dv_pipe.head = (dv_pipe.head + 1) % PIPE_BUF_D;
		dv_pipe.len--;
	}
	return k;
}

static int file_io(message *m, int fd, u32_t n, int writing)
{
	struct dfile *f = &dv_files[FP(fd)->file];
	u32_t pos = FP(fd)->pos;
	int acc = FP(fd)->flags & MICA_O_ACCMODE, r;

	if (f->dir)
		return -EISDIR;
	if (!strcmp(f->name, "/liar") && !writing)
		return n + 4096;	/* a hostile reply: more than was asked */
	if (writing) {
		if (acc == MICA_O_RDONLY)
			return -EBADF;
		if (FP(fd)->flags & MICA_O_APPEND)
			pos = f->size;
		if (pos >= FILE_MAX)
			return -EFBIG;
		if (n > FILE_MAX - pos)
			n = FILE_MAX - pos;
		if ((r = sys_safecopyfrom(m->m_source, m->m_lc_vfs_io.grant, 0, f->data + pos, n)) != OK)
			return r;
		if (pos > f->size)
			memset(f->data + f->size, 0, pos - f->size);
		if (pos + n > f->size)
			f->size = pos + n;
	} else {
		if (acc == MICA_O_WRONLY)
			return -EBADF;
		n = pos >= f->size ? 0 : (n < f->size - pos ? n : f->size - pos);
		if (n && (r = sys_safecopyto(m->m_source, m->m_lc_vfs_io.grant, 0, f->data + pos, n)) != OK)
			return r;
	}
	FP(fd)->pos = pos + n;
	return n;
}

static int rw(message *m, int writing)
{
	int fd = m->m_lc_vfs_io.fd;
	u32_t n = m->m_lc_vfs_io.count;

	if (dv_bad_fd(fd))
		return -EBADF;
	if (n == 0)
		return 0;
	switch (FP(fd)->kind) {
	case K_CONSOLE: return writing ? console_write(m, n) : 0;
	case K_PIPE_R: return writing ? -EBADF : pipe_io(m, fd, n, 0);
	case K_PIPE_W: return writing ? pipe_io(m, fd, n, 1) : -EBADF;
	default: return file_io(m, fd, n, writing);
	}
}
int vfs_read(message *m) { return rw(m, 0); }
int vfs_write(message *m) { return rw(m, 1); }

int vfs_lseek(message *m)
{
	mess_lc_vfs_lseek *q = &m->m_lc_vfs_lseek;
	i64_t base;

	if (dv_bad_fd(q->fd))
		return -EBADF;
	if (FP(q->fd)->kind != K_FILE)
		return -ESPIPE;
	switch (q->whence) {
	case MICA_SEEK_SET: base = 0; break;
	case MICA_SEEK_CUR: base = FP(q->fd)->pos; break;
	case MICA_SEEK_END: base = dv_files[FP(q->fd)->file].size; break;
	default: return -EINVAL;
	}
	if (base + q->offset < 0)
		return -EINVAL;
	if (base + q->offset > 0x7fffffff)
		return -EOVERFLOW;
	FP(q->fd)->pos = base + q->offset;
	q->offset = FP(q->fd)->pos;
	return OK;
}

static int dup_to(int fd, int to)
{
	FP(fd)->refs++;
	dv_fdt[to].filp = dv_fdt[fd].filp;
	dv_fdt[to].cloexec = 0;
	return to;
}

int vfs_dup(message *m)
{
	int fd = m->m_lc_vfs_fd.fd, to;

	if (dv_bad_fd(fd))
		return -EBADF;
	if ((to = free_fd()) < 0)
		return to;
	return dup_to(fd, to);
}

int vfs_dup2(message *m)
{
	int fd = m->m_lc_vfs_fd.fd, to = m->m_lc_vfs_fd.fd2;

	if (dv_bad_fd(fd) || to < 0 || to >= NFDS)
		return -EBADF;
	if (fd == to)
		return to;
	if (dv_fdt[to].filp >= 0)
		fd_close(to);
	return dup_to(fd, to);
}

int vfs_fcntl(message *m)
{
	int fd = m->m_lc_vfs_fd.fd, arg = m->m_lc_vfs_fd.arg;
	const int settable = MICA_O_APPEND | MICA_O_NONBLOCK;

	if (dv_bad_fd(fd))
		return -EBADF;
	switch (m->m_lc_vfs_fd.cmd) {
	case MICA_F_GETFD: return dv_fdt[fd].cloexec ? MICA_FD_CLOEXEC : 0;
	case MICA_F_SETFD: dv_fdt[fd].cloexec = arg & MICA_FD_CLOEXEC; return OK;
	case MICA_F_GETFL: return FP(fd)->flags;
	case MICA_F_SETFL: FP(fd)->flags = (FP(fd)->flags & ~settable) | (arg & settable); return OK;
	default: return -EINVAL;
	}
}

int vfs_pipe(message *m)
{
	int r, w;

	if (dv_pipe.readers || dv_pipe.writers)
		return -ENFILE;		/* one pipe at a time in the stand-in */
	if ((r = dv_new_fd(K_PIPE_R, 0, MICA_O_RDONLY)) < 0)
		return r;
	if ((w = dv_new_fd(K_PIPE_W, 0, MICA_O_WRONLY)) < 0) {
		fd_close(r);
		return w;
	}
	dv_pipe.readers = dv_pipe.writers = 1;
	dv_pipe.len = dv_pipe.head = 0;
	m->m_vfs_lc_pipe.fd0 = r;
	m->m_vfs_lc_pipe.fd1 = w;
	return OK;
}

int vfs_ioctl(message *m)
{
	int fd = m->m_lc_vfs_io.fd;
	u32_t req = m->m_lc_vfs_io.request;

	if (dv_bad_fd(fd))
		return -EBADF;
	if (FP(fd)->kind != K_CONSOLE)
		return -ENOTTY;
	if (m->m_lc_vfs_io.count < sizeof(dv_tio))
		return -EINVAL;
	if (req == TCGETS)
		return sys_safecopyto(m->m_source, m->m_lc_vfs_io.grant, 0, &dv_tio, sizeof(dv_tio));
	if (req == TCSETS || req == TCSETSW || req == TCSETSF)
		return sys_safecopyfrom(m->m_source, m->m_lc_vfs_io.grant, 0, &dv_tio, sizeof(dv_tio));
	return -ENOTTY;
}

/* Is fd ready for k (0 read, 1 write, 2 exceptional)?  No stand-in fd ever blocks but pipes. */
static int fd_ready(int fd, int k)
{
	switch (FP(fd)->kind) {
	case K_PIPE_R: return k == 0 && (dv_pipe.len > 0 || dv_pipe.writers == 0);
	case K_PIPE_W: return k == 1 && (dv_pipe.len < PIPE_BUF_D || dv_pipe.readers == 0);
	default: return k != 2;
	}
}

/* The ready events of one entry: POLLNVAL for a descriptor not open. */
static short poll_scan(const struct mica_pollfd *p)
{
	short re = 0;

	if (p->fd < 0)
		return 0;
	if (dv_bad_fd(p->fd))
		return MICA_POLLNVAL;
	if ((p->events & MICA_POLLIN) && fd_ready(p->fd, 0))
		re |= MICA_POLLIN;
	if ((p->events & MICA_POLLOUT) && fd_ready(p->fd, 1))
		re |= MICA_POLLOUT;
	return re;
}

/* VFS_POLL as the real VFS answers it (vfs/poll.c): revents written
 * back, the count of entries with any.  A timeout the stand-in cannot
 * end early (one client: nothing moves while it waits) just elapses. */
int vfs_poll(message *m)
{
	mess_lc_vfs_poll *q = &m->m_lc_vfs_poll;
	struct mica_pollfd p[16];
	u32_t ticks;
	int n = 0, r, pass;

	if (q->nfds > 16 || q->timeout_ms > 1000000)
		return -EINVAL;
	if (q->nfds && (r = sys_safecopyfrom(m->m_source, q->grant, 0, p,
	    q->nfds * sizeof(p[0]))) != OK)
		return r;
	for (pass = 0; pass < 2; pass++) {
		n = 0;
		for (u32_t i = 0; i < q->nfds; i++)
			if ((p[i].revents = poll_scan(&p[i])) != 0)
				n++;
		if (n || pass || q->timeout_ms == 0)
			break;
		if (q->timeout_ms < 0)
			return -EAGAIN;	/* would block forever */
		ticks = ((u32_t)q->timeout_ms * HZ + 999) / 1000;
		tap_sleep(ticks);
	}
	if (q->nfds && (r = sys_safecopyto(m->m_source, q->grant, 0, p,
	    q->nfds * sizeof(p[0]))) != OK)
		return r;
	return n;
}

int vfs_umask(message *m)
{
	static u32_t mask = 022;
	u32_t old = mask;

	mask = m->m_lc_vfs_fd.arg & 0777;
	return old;
}

