/*
 * double_vfs.c - VFS's part of the stand-in, for one client: a flat table
 * of in-memory files and directories named by absolute path, a pipe,
 * the console on fds 0-2 (output to the kernel console, input at EOF,
 * termios kept for TCGETS/TCSETS), and the fd calls over them.  Every
 * field from the message is checked as a real VFS must.
 */
#include "double.h"
#include <mica/dirent.h>
#include <mica/termios.h>

#define NFILES   24
#define FILE_MAX (32 * 1024)
#define NAME_MAX_D 64
#define NFDS     16
#define PIPE_BUF_D 512

enum { K_FREE, K_CONSOLE, K_FILE, K_PIPE_R, K_PIPE_W };

struct dfile {
	int used, dir;
	char name[NAME_MAX_D];
	u32_t size, mode;
	u8_t data[FILE_MAX];
};

static struct dfile files[NFILES];
/* An open file description (shared by dup'd fds) and the fd table. */
static struct { int kind, file, flags, refs; u32_t pos; } filps[NFDS];
static struct { int filp, cloexec; } fdt[NFDS];	/* filp -1: closed */
#define FP(fd) (&filps[fdt[fd].filp])
static struct { u8_t buf[PIPE_BUF_D]; u32_t head, len; int readers, writers; } pipe_d;
static struct termios console_tio = {
	.c_iflag = ICRNL, .c_oflag = OPOST | ONLCR, .c_cflag = CS8 | CREAD,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE, .c_ispeed = B115200, .c_ospeed = B115200,
};
static char cwd[NAME_MAX_D] = "/";

static struct dfile *find(const char *name)
{
	for (int i = 0; i < NFILES; i++)
		if (files[i].used && !strcmp(files[i].name, name))
			return &files[i];
	return NULL;
}

static struct dfile *create(const char *name, int dir, u32_t mode)
{
	for (int i = 0; i < NFILES; i++)
		if (!files[i].used) {
			memset(&files[i], 0, sizeof(files[i]) - FILE_MAX);
			files[i].used = 1;
			files[i].dir = dir;
			files[i].mode = (dir ? MICA_S_IFDIR : MICA_S_IFREG) | (mode & 07777);
			memcpy(files[i].name, name, strlen(name) + 1);
			return &files[i];
		}
	return NULL;
}

static void put_file(const char *name, const char *text)
{
	struct dfile *f = create(name, 0, 0644);

	f->size = strlen(text);
	memcpy(f->data, text, f->size);
}

/* The parent directory of name must exist ("/a/b" -> "/a"). */
static int parent_ok(const char *name)
{
	char p[NAME_MAX_D];
	u32_t n = strlen(name);
	struct dfile *d;

	while (n > 0 && name[n - 1] != '/')
		n--;
	if (n <= 1)
		return OK;
	memcpy(p, name, n - 1);
	p[n - 1] = '\0';
	if (!(d = find(p)))
		return -ENOENT;
	return d->dir ? OK : -ENOTDIR;
}

/* The request's path, made absolute against cwd. */
static int get_path(message *m, cp_grant_id_t g, u32_t len, char *out)
{
	char rel[NAME_MAX_D];
	int r;

	if ((r = double_path(m->m_source, g, len, rel, sizeof(rel))) != OK)
		return r;
	if (rel[0] == '/') {
		memcpy(out, rel, strlen(rel) + 1);
		return OK;
	}
	if (strlen(cwd) + 1 + strlen(rel) >= NAME_MAX_D)
		return -ENAMETOOLONG;
	snprintf(out, NAME_MAX_D, "%s%s%s", cwd, strcmp(cwd, "/") ? "/" : "", rel);
	return OK;
}

static int free_fd(void)
{
	for (int fd = 0; fd < NFDS; fd++)
		if (fdt[fd].filp < 0)
			return fd;
	return -EMFILE;
}

static int new_fd(int kind, int file, int flags)
{
	int fd = free_fd(), f;

	if (fd < 0)
		return fd;
	for (f = 0; f < NFDS && filps[f].refs; f++)
		;
	if (f == NFDS)
		return -ENFILE;
	filps[f].kind = kind;
	filps[f].file = file;
	filps[f].flags = flags & ~MICA_O_CLOEXEC;
	filps[f].pos = 0;
	filps[f].refs = 1;
	fdt[fd].filp = f;
	fdt[fd].cloexec = !!(flags & MICA_O_CLOEXEC);
	return fd;
}

static int bad_fd(int fd)
{
	return fd < 0 || fd >= NFDS || fdt[fd].filp < 0;
}

static int vfs_open(message *m)
{
	mess_lc_vfs_path *q = &m->m_lc_vfs_path;
	char name[NAME_MAX_D];
	struct dfile *f;
	int r, acc = q->flags & MICA_O_ACCMODE;

	if ((r = get_path(m, q->path, q->path_len, name)) != OK)
		return r;
	if (acc == MICA_O_ACCMODE)
		return -EINVAL;
	f = find(name);
	if (f && (q->flags & MICA_O_CREAT) && (q->flags & MICA_O_EXCL))
		return -EEXIST;
	if (!f && !(q->flags & MICA_O_CREAT))
		return -ENOENT;
	if (!f && (r = parent_ok(name)) != OK)
		return r;
	if (!f && !(f = create(name, 0, q->mode)))
		return -ENOSPC;
	if (f->dir && acc != MICA_O_RDONLY)
		return -EISDIR;
	if (!f->dir && (q->flags & MICA_O_DIRECTORY))
		return -ENOTDIR;
	if ((q->flags & MICA_O_TRUNC) && acc != MICA_O_RDONLY)
		f->size = 0;
	return new_fd(K_FILE, f - files, q->flags);
}

static void fd_close(int fd)
{
	if (--FP(fd)->refs == 0) {
		if (FP(fd)->kind == K_PIPE_R)
			pipe_d.readers--;
		if (FP(fd)->kind == K_PIPE_W)
			pipe_d.writers--;
		FP(fd)->kind = K_FREE;
	}
	fdt[fd].filp = -1;
}

static int vfs_close(message *m)
{
	int fd = m->m_lc_vfs_fd.fd;

	if (bad_fd(fd))
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
		if (pipe_d.readers == 0)
			return -EPIPE;
		if (n > PIPE_BUF_D - pipe_d.len)
			return -EAGAIN;		/* the real VFS blocks */
		for (i = 0; i < n; i++) {
			if ((r = sys_safecopyfrom(m->m_source, m->m_lc_vfs_io.grant, i, &c, 1)) != OK)
				return r;
			pipe_d.buf[(pipe_d.head + pipe_d.len++) % PIPE_BUF_D] = c;
		}
		return n;
	}
	(void)fd;
	if (pipe_d.len == 0)
		return pipe_d.writers ? -EAGAIN : 0;
	k = n < pipe_d.len ? n : pipe_d.len;
	for (i = 0; i < k; i++) {
		c = pipe_d.buf[pipe_d.head];
		if ((r = sys_safecopyto(m->m_source, m->m_lc_vfs_io.grant, i, &c, 1)) != OK)
			return r;
		pipe_d.head = (pipe_d.head + 1) % PIPE_BUF_D;
		pipe_d.len--;
	}
	return k;
}

static int file_io(message *m, int fd, u32_t n, int writing)
{
	struct dfile *f = &files[FP(fd)->file];
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

	if (bad_fd(fd))
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
static int vfs_read(message *m) { return rw(m, 0); }
static int vfs_write(message *m) { return rw(m, 1); }

static int vfs_lseek(message *m)
{
	mess_lc_vfs_lseek *q = &m->m_lc_vfs_lseek;
	i64_t base;

	if (bad_fd(q->fd))
		return -EBADF;
	if (FP(q->fd)->kind != K_FILE)
		return -ESPIPE;
	switch (q->whence) {
	case MICA_SEEK_SET: base = 0; break;
	case MICA_SEEK_CUR: base = FP(q->fd)->pos; break;
	case MICA_SEEK_END: base = files[FP(q->fd)->file].size; break;
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

static void fill_stat(struct mica_stat *st, int fd, struct dfile *f)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = 0x0301;
	st->st_nlink = 1;
	st->st_blksize = 4096;
	if (!f) {
		st->st_mode = (fd >= 0 && FP(fd)->kind == K_CONSOLE ? MICA_S_IFCHR : MICA_S_IFIFO) | 0620;
		st->st_ino = 1000 + fd;
		st->st_rdev = 0x0400;
		return;
	}
	st->st_ino = (f - files) + 2;
	st->st_mode = f->mode;
	st->st_size = f->dir ? 64 : f->size;
	st->st_blocks = (f->size + 511) / 512;
	st->st_mtime_sec = st->st_atime_sec = st->st_ctime_sec = 1700000000;
}

static int put_stat(message *m, cp_grant_id_t g, u32_t size, const struct mica_stat *st)
{
	if (size < sizeof(*st))
		return -EINVAL;
	return sys_safecopyto(m->m_source, g, 0, st, sizeof(*st));
}

static int vfs_stat(message *m)
{
	mess_lc_vfs_path *q = &m->m_lc_vfs_path;
	struct mica_stat st;
	char name[NAME_MAX_D];
	struct dfile *f;
	int r;

	if ((r = get_path(m, q->path, q->path_len, name)) != OK)
		return r;
	if (!(f = find(name)))
		return -ENOENT;
	fill_stat(&st, -1, f);
	return put_stat(m, q->buf, q->size, &st);
}

static int vfs_fstat(message *m)
{
	int fd = m->m_lc_vfs_io.fd;
	struct mica_stat st;

	if (bad_fd(fd))
		return -EBADF;
	fill_stat(&st, fd, FP(fd)->kind == K_FILE ? &files[FP(fd)->file] : NULL);
	return put_stat(m, m->m_lc_vfs_io.grant, m->m_lc_vfs_io.count, &st);
}

static int dup_to(int fd, int to)
{
	FP(fd)->refs++;
	fdt[to].filp = fdt[fd].filp;
	fdt[to].cloexec = 0;
	return to;
}

static int vfs_dup(message *m)
{
	int fd = m->m_lc_vfs_fd.fd, to;

	if (bad_fd(fd))
		return -EBADF;
	if ((to = free_fd()) < 0)
		return to;
	return dup_to(fd, to);
}

static int vfs_dup2(message *m)
{
	int fd = m->m_lc_vfs_fd.fd, to = m->m_lc_vfs_fd.fd2;

	if (bad_fd(fd) || to < 0 || to >= NFDS)
		return -EBADF;
	if (fd == to)
		return to;
	if (fdt[to].filp >= 0)
		fd_close(to);
	return dup_to(fd, to);
}

static int vfs_fcntl(message *m)
{
	int fd = m->m_lc_vfs_fd.fd, arg = m->m_lc_vfs_fd.arg;
	const int settable = MICA_O_APPEND | MICA_O_NONBLOCK;

	if (bad_fd(fd))
		return -EBADF;
	switch (m->m_lc_vfs_fd.cmd) {
	case MICA_F_GETFD: return fdt[fd].cloexec ? MICA_FD_CLOEXEC : 0;
	case MICA_F_SETFD: fdt[fd].cloexec = arg & MICA_FD_CLOEXEC; return OK;
	case MICA_F_GETFL: return FP(fd)->flags;
	case MICA_F_SETFL: FP(fd)->flags = (FP(fd)->flags & ~settable) | (arg & settable); return OK;
	default: return -EINVAL;
	}
}

static int vfs_pipe(message *m)
{
	int r, w;

	if (pipe_d.readers || pipe_d.writers)
		return -ENFILE;		/* one pipe at a time in the stand-in */
	if ((r = new_fd(K_PIPE_R, 0, MICA_O_RDONLY)) < 0)
		return r;
	if ((w = new_fd(K_PIPE_W, 0, MICA_O_WRONLY)) < 0) {
		fd_close(r);
		return w;
	}
	pipe_d.readers = pipe_d.writers = 1;
	pipe_d.len = pipe_d.head = 0;
	m->m_vfs_lc_pipe.fd0 = r;
	m->m_vfs_lc_pipe.fd1 = w;
	return OK;
}

static int vfs_mkdir(message *m)
{
	mess_lc_vfs_path *q = &m->m_lc_vfs_path;
	char name[NAME_MAX_D];
	int r;

	if ((r = get_path(m, q->path, q->path_len, name)) != OK)
		return r;
	if (find(name))
		return -EEXIST;
	if ((r = parent_ok(name)) != OK)
		return r;
	return create(name, 1, q->mode) ? OK : -ENOSPC;
}

static int has_slash(const char *s)
{
	for (; *s; s++)
		if (*s == '/')
			return 1;
	return 0;
}

static int has_children(const char *dir)
{
	u32_t n = strlen(dir);

	for (int i = 0; i < NFILES; i++)
		if (files[i].used && !memcmp(files[i].name, dir, n) && files[i].name[n] == '/')
			return 1;
	return 0;
}

static int remove(message *m, int dir)
{
	mess_lc_vfs_path *q = &m->m_lc_vfs_path;
	char name[NAME_MAX_D];
	struct dfile *f;
	int r;

	if ((r = get_path(m, q->path, q->path_len, name)) != OK)
		return r;
	if (!(f = find(name)))
		return -ENOENT;
	if (dir && !f->dir)
		return -ENOTDIR;
	if (!dir && f->dir)
		return -EISDIR;
	if (dir && has_children(name))
		return -ENOTEMPTY;
	f->used = 0;
	return OK;
}
static int vfs_unlink(message *m) { return remove(m, 0); }
static int vfs_rmdir(message *m) { return remove(m, 1); }

static int vfs_rename(message *m)
{
	mess_lc_vfs_path2 *q = &m->m_lc_vfs_path2;
	char from[NAME_MAX_D], to[NAME_MAX_D];
	struct dfile *f, *t;
	int r;

	if ((r = get_path(m, q->path1, q->len1, from)) != OK ||
	    (r = get_path(m, q->path2, q->len2, to)) != OK)
		return r;
	if (!(f = find(from)))
		return -ENOENT;
	if (f->dir)
		return -EXDEV;		/* the stand-in moves files only */
	if ((r = parent_ok(to)) != OK)
		return r;
	if ((t = find(to)) && t != f) {
		if (t->dir)
			return -EISDIR;
		t->used = 0;
	}
	memcpy(f->name, to, strlen(to) + 1);
	return OK;
}

static int vfs_chdir(message *m)
{
	mess_lc_vfs_path *q = &m->m_lc_vfs_path;
	char name[NAME_MAX_D];
	struct dfile *f;
	int r;

	if ((r = get_path(m, q->path, q->path_len, name)) != OK)
		return r;
	if (!(f = find(name)))
		return -ENOENT;
	if (!f->dir)
		return -ENOTDIR;
	memcpy(cwd, name, strlen(name) + 1);
	return OK;
}

static int vfs_getcwd(message *m)
{
	u32_t n = strlen(cwd) + 1;

	if (m->m_lc_vfs_io.count < n)
		return -ERANGE;
	return sys_safecopyto(m->m_source, m->m_lc_vfs_io.grant, 0, cwd, n);
}

static int vfs_access(message *m)
{
	mess_lc_vfs_path *q = &m->m_lc_vfs_path;
	char name[NAME_MAX_D];
	struct dfile *f;
	int r;

	if ((r = get_path(m, q->path, q->path_len, name)) != OK)
		return r;
	if (!(f = find(name)))
		return -ENOENT;
	if ((q->mode & MICA_W_OK) && !(f->mode & 0200))
		return -EACCES;
	if ((q->mode & MICA_X_OK) && !(f->mode & 0111))
		return -EACCES;
	return OK;
}

/*
 * getdents: the directory's children in table order; the fd position is
 * the table index to resume from.  Records are struct mica_dirent.
 */
static int vfs_getdents(message *m)
{
	int fd = m->m_lc_vfs_io.fd, r;
	u32_t size = m->m_lc_vfs_io.count, out = 0, n, rec;
	u8_t buf[256];
	struct mica_dirent *e = (void *)buf;
	struct dfile *d;

	if (bad_fd(fd) || FP(fd)->kind != K_FILE)
		return -EBADF;
	d = &files[FP(fd)->file];
	if (!d->dir)
		return -ENOTDIR;
	n = strlen(d->name);
	for (; FP(fd)->pos < NFILES; FP(fd)->pos++) {
		struct dfile *f = &files[FP(fd)->pos];
		const char *base = f->name + (n == 1 ? 1 : n + 1);

		if (!f->used || f == d || memcmp(f->name, d->name, n) ||
		    (n > 1 && f->name[n] != '/') || !*base || has_slash(base))
			continue;
		rec = MICA_DIRENT_RECLEN(strlen(base));
		if (out + rec > size)
			break;
		memset(buf, 0, rec);
		e->d_ino = FP(fd)->pos + 2;
		e->d_off = FP(fd)->pos + 1;
		e->d_reclen = rec;
		e->d_type = f->dir ? 4 : 8;
		memcpy(e->d_name, base, strlen(base) + 1);
		if ((r = sys_safecopyto(m->m_source, m->m_lc_vfs_io.grant, out, buf, rec)) != OK)
			return r;
		out += rec;
	}
	if (out == 0 && FP(fd)->pos < NFILES)
		return -EINVAL;		/* buffer too small for the next record */
	return out;
}

static int vfs_ioctl(message *m)
{
	int fd = m->m_lc_vfs_io.fd;
	u32_t req = m->m_lc_vfs_io.request;

	if (bad_fd(fd))
		return -EBADF;
	if (FP(fd)->kind != K_CONSOLE)
		return -ENOTTY;
	if (m->m_lc_vfs_io.count < sizeof(console_tio))
		return -EINVAL;
	if (req == TCGETS)
		return sys_safecopyto(m->m_source, m->m_lc_vfs_io.grant, 0, &console_tio, sizeof(console_tio));
	if (req == TCSETS || req == TCSETSW || req == TCSETSF)
		return sys_safecopyfrom(m->m_source, m->m_lc_vfs_io.grant, 0, &console_tio, sizeof(console_tio));
	return -ENOTTY;
}

static int vfs_umask(message *m)
{
	static u32_t mask = 022;
	u32_t old = mask;

	mask = m->m_lc_vfs_fd.arg & 0777;
	return old;
}

static const double_fn vfs_calls[VFS_NR_CALLS] = {
	[VFS_OPEN - VFS_RQ_BASE] = vfs_open,
	[VFS_CLOSE - VFS_RQ_BASE] = vfs_close,
	[VFS_READ - VFS_RQ_BASE] = vfs_read,
	[VFS_WRITE - VFS_RQ_BASE] = vfs_write,
	[VFS_LSEEK - VFS_RQ_BASE] = vfs_lseek,
	[VFS_STAT - VFS_RQ_BASE] = vfs_stat,
	[VFS_LSTAT - VFS_RQ_BASE] = vfs_stat,
	[VFS_FSTAT - VFS_RQ_BASE] = vfs_fstat,
	[VFS_DUP - VFS_RQ_BASE] = vfs_dup,
	[VFS_DUP2 - VFS_RQ_BASE] = vfs_dup2,
	[VFS_FCNTL - VFS_RQ_BASE] = vfs_fcntl,
	[VFS_PIPE - VFS_RQ_BASE] = vfs_pipe,
	[VFS_CHDIR - VFS_RQ_BASE] = vfs_chdir,
	[VFS_GETCWD - VFS_RQ_BASE] = vfs_getcwd,
	[VFS_MKDIR - VFS_RQ_BASE] = vfs_mkdir,
	[VFS_RMDIR - VFS_RQ_BASE] = vfs_rmdir,
	[VFS_UNLINK - VFS_RQ_BASE] = vfs_unlink,
	[VFS_RENAME - VFS_RQ_BASE] = vfs_rename,
	[VFS_ACCESS - VFS_RQ_BASE] = vfs_access,
	[VFS_UMASK - VFS_RQ_BASE] = vfs_umask,
	[VFS_GETDENTS - VFS_RQ_BASE] = vfs_getdents,
	[VFS_IOCTL - VFS_RQ_BASE] = vfs_ioctl,
};

/* The initial tree: the console on fds 0-2 and a few files. */
static void vfs_setup(void)
{
	for (int fd = 0; fd < NFDS; fd++)
		fdt[fd].filp = -1;
	for (int fd = 0; fd < 3; fd++)
		new_fd(K_CONSOLE, 0, fd ? MICA_O_WRONLY : MICA_O_RDONLY);
	create("/", 1, 0755);
	create("/etc", 1, 0755);
	create("/tmp", 1, 01777);
	put_file("/etc/passwd", "root:x:0:0:Super User:/root:/bin/sh\n"
		"broken line without colons\n"
		"user:x:100:100:A User:/home/user:/bin/sh\n");
	put_file("/etc/group", "wheel:x:0:root\nusers:x:100:user,root\n");
	put_file("/etc/hostname", "micatest\n");
	put_file("/liar", "");
}

const struct double_role double_vfs = { "vfs", VFS_RQ_BASE, VFS_NR_CALLS, vfs_calls, vfs_setup };
