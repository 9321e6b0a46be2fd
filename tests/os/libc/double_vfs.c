/*
 * double_vfs.c - VFS's part of the stand-in, for one client: a flat table
 * of in-memory files and directories named by absolute path (or relative
 * to the cwd), the name calls over it, stat and getdents, and the call
 * table; the descriptor side is double_vfs_fd.c.  Every field from the
 * message is checked as a real VFS must.
 */
#include "double_vfs.h"
#include <mica/dirent.h>

struct dfile dv_files[NFILES];
static char dv_cwd[NAME_MAX_D] = "/";

static struct dfile *find(const char *name)
{
	for (int i = 0; i < NFILES; i++)
		if (dv_files[i].used && !strcmp(dv_files[i].name, name))
			return &dv_files[i];
	return NULL;
}

static struct dfile *create(const char *name, int dir, u32_t mode)
{
	for (int i = 0; i < NFILES; i++)
		if (!dv_files[i].used) {
			memset(&dv_files[i], 0, sizeof(dv_files[i]) - FILE_MAX);
			dv_files[i].used = 1;
			dv_files[i].dir = dir;
			dv_files[i].mode = (dir ? MICA_S_IFDIR : MICA_S_IFREG) | (mode & 07777);
			memcpy(dv_files[i].name, name, strlen(name) + 1);
			return &dv_files[i];
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

/* The request's path, made absolute against dv_cwd. */
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
	if (strlen(dv_cwd) + 1 + strlen(rel) >= NAME_MAX_D)
		return -ENAMETOOLONG;
	snprintf(out, NAME_MAX_D, "%s%s%s", dv_cwd, strcmp(dv_cwd, "/") ? "/" : "", rel);
	return OK;
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
	return dv_new_fd(K_FILE, f - dv_files, q->flags);
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
	st->st_ino = (f - dv_files) + 2;
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

	if (dv_bad_fd(fd))
		return -EBADF;
	fill_stat(&st, fd, FP(fd)->kind == K_FILE ? &dv_files[FP(fd)->file] : NULL);
	return put_stat(m, m->m_lc_vfs_io.grant, m->m_lc_vfs_io.count, &st);
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
		if (dv_files[i].used && !memcmp(dv_files[i].name, dir, n) && dv_files[i].name[n] == '/')
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
	memcpy(dv_cwd, name, strlen(name) + 1);
	return OK;
}

static int vfs_getcwd(message *m)
{
	u32_t n = strlen(dv_cwd) + 1;

	if (m->m_lc_vfs_io.count < n)
		return -ERANGE;
	return sys_safecopyto(m->m_source, m->m_lc_vfs_io.grant, 0, dv_cwd, n);
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

	if (dv_bad_fd(fd) || FP(fd)->kind != K_FILE)
		return -EBADF;
	d = &dv_files[FP(fd)->file];
	if (!d->dir)
		return -ENOTDIR;
	n = strlen(d->name);
	for (; FP(fd)->pos < NFILES; FP(fd)->pos++) {
		struct dfile *f = &dv_files[FP(fd)->pos];
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
	[VFS_POLL - VFS_RQ_BASE] = vfs_poll,
};

/* The initial tree: the console on fds 0-2 and a few files. */
static void vfs_setup(void)
{
	for (int fd = 0; fd < NFDS; fd++)
		dv_fdt[fd].filp = -1;
	for (int fd = 0; fd < 3; fd++)
		dv_new_fd(K_CONSOLE, 0, fd ? MICA_O_WRONLY : MICA_O_RDONLY);
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
