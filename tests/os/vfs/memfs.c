/*
 * memfs.c - a stand-in file-system server for the VFS suites: the VFS<->FS
 * protocol (mica/vfsif.h) over nodes in memory, answered directly (no
 * libfsdriver: that front end is not built for the OS yet), so VFS can be
 * tested in QEMU before an MFS server exists.  Small on purpose: at most
 * MEMFS_NODES nodes of MEMFS_DATA bytes, names up to MEMFS_NAME bytes.
 *
 * It checks what a server must (names by grant with their length, inode
 * numbers, the mounting endpoint) and answers like MFS (ENOTEMPTY,
 * EEXIST, ENOSPC, EFBIG).  Command line: label=L (published in DS so VFS
 * can mount it by name); a lookup of the name "crash-now" makes it exit,
 * so a suite can see what VFS does when its server dies.  Pipes are the
 * real PFS's (servers/pfs) in every suite.
 */
#include <mica/syslib.h>
#include <mica/vfsif.h>
#include <mica/abi.h>
#include <mica/ds.h>
#include <mica/sef.h>
#include <mica/dirent.h>

#define MEMFS_NODES	96
#define MEMFS_DATA	8192
#define MEMFS_NAME	60
#define MEMFS_DENTS	256

struct node {
	int used;
	u32_t mode, uid, gid, nlink, rdev, refs;
	u64_t size;
	i64_t atime, mtime, ctime;
	u8_t data[MEMFS_DATA];
};

struct dent {
	u64_t dir, ino;		/* dir 0: free */
	u32_t len;
	char name[MEMFS_NAME + 1];
};

static struct node nodes[MEMFS_NODES + 1];	/* ino = index, 1 = root */
static struct dent dents[MEMFS_DENTS];
static endpoint_t mounter = NONE;
static u32_t mount_dev;
static i64_t clock_now = 1000;

static struct node *node(u64_t ino)
{
	if (ino < 1 || ino > MEMFS_NODES || !nodes[ino].used)
		return NULL;
	return &nodes[ino];
}

static int get_name(endpoint_t who, const struct fs_name *n, char *buf)
{
	if (n->len == 0 || n->len > FS_NAME_MAX)
		return -EINVAL;
	if (n->len > MEMFS_NAME)
		return -ENAMETOOLONG;
	if (sys_safecopyfrom(who, n->grant, 0, buf, n->len) != OK)
		return -EFAULT;
	buf[n->len] = '\0';
	if (strlen(buf) != n->len)
		return -EINVAL;
	for (u32_t i = 0; i < n->len; i++)
		if (buf[i] == '/')
			return -EINVAL;
	return OK;
}

static struct dent *dent_find(u64_t dir, const char *name)
{
	for (int i = 0; i < MEMFS_DENTS; i++)
		if (dents[i].dir == dir && !strcmp(dents[i].name, name))
			return &dents[i];
	return NULL;
}

static int dent_add(u64_t dir, const char *name, u64_t ino)
{
	for (int i = 0; i < MEMFS_DENTS; i++)
		if (!dents[i].dir) {
			dents[i].dir = dir;
			dents[i].ino = ino;
			dents[i].len = strlen(name);
			memcpy(dents[i].name, name, dents[i].len + 1);
			return OK;
		}
	return -ENOSPC;
}

static int dir_empty(u64_t dir)
{
	for (int i = 0; i < MEMFS_DENTS; i++)
		if (dents[i].dir == dir)
			return 0;
	return 1;
}

static u64_t parent_of(u64_t dir)
{
	for (int i = 0; i < MEMFS_DENTS; i++)
		if (dents[i].dir && dents[i].ino == dir &&
		    (nodes[dir].mode & MICA_S_IFMT) == MICA_S_IFDIR)
			return dents[i].dir;
	return 1;
}

static void free_if_gone(u64_t ino)
{
	struct node *n = &nodes[ino];

	if (n->used && n->nlink == 0 && n->refs == 0)
		memset(n, 0, sizeof(*n));
}

static void fill_node(message *m, u64_t ino)
{
	struct node *n = &nodes[ino];

	memset(&m->m_fs_node, 0, sizeof(m->m_fs_node));
	m->m_fs_node.ino = ino;
	m->m_fs_node.size = n->size;
	m->m_fs_node.mode = n->mode;
	m->m_fs_node.uid = n->uid;
	m->m_fs_node.gid = n->gid;
	m->m_fs_node.rdev = n->rdev;
	n->refs++;
}

static u64_t node_alloc(u32_t mode, u32_t uid, u32_t gid, u32_t rdev)
{
	for (u64_t i = 2; i <= MEMFS_NODES; i++)
		if (!nodes[i].used) {
			struct node *n = &nodes[i];
			memset(n, 0, sizeof(*n));
			n->used = 1;
			n->mode = mode;
			n->uid = uid;
			n->gid = gid;
			n->rdev = rdev;
			n->nlink = 1;
			n->atime = n->mtime = n->ctime = ++clock_now;
			return i;
		}
	return 0;
}

static int is_dir(struct node *n)
{
	return (n->mode & MICA_S_IFMT) == MICA_S_IFDIR;
}

static int fs_mount(message *m)
{
	if (mounter != NONE)
		return -EBUSY;
	mounter = m->m_source;
	mount_dev = m->m_fs_mount.dev;
	nodes[1].used = 1;
	nodes[1].mode = MICA_S_IFDIR | 0755;
	nodes[1].nlink = 2;
	fill_node(m, 1);
	return OK;
}

static int fs_lookup(message *m)
{
	char name[MEMFS_NAME + 1];
	struct node *d = node(m->m_fs_name.dir);
	struct dent *e;
	u64_t ino;
	int r;

	if (!d)
		return -EINVAL;
	if (!is_dir(d))
		return -ENOTDIR;
	if ((r = get_name(m->m_source, &m->m_fs_name.name, name)) != OK)
		return r;
	if (!strcmp(name, "crash-now"))
		sys_exit(1);
	if (!strcmp(name, "."))
		ino = m->m_fs_name.dir;
	else if (!strcmp(name, ".."))
		ino = parent_of(m->m_fs_name.dir);
	else if ((e = dent_find(m->m_fs_name.dir, name)))
		ino = e->ino;
	else
		return -ENOENT;
	fill_node(m, ino);
	return OK;
}

static int fs_putnode(message *m)
{
	struct node *n = node(m->m_fs_putnode.ino);

	if (!n || m->m_fs_putnode.count == 0 || m->m_fs_putnode.count > n->refs)
		return -EINVAL;
	n->refs -= m->m_fs_putnode.count;
	free_if_gone(m->m_fs_putnode.ino);
	return OK;
}

/* CREATE, MKDIR, MKNOD, SLINK: a new name in dir. */
static int make(message *m, u64_t dir, const struct fs_name *nm, u32_t mode,
	u32_t uid, u32_t gid, u32_t rdev, u64_t *ino)
{
	char name[MEMFS_NAME + 1];
	struct node *d = node(dir);
	int r;

	if (!d)
		return -EINVAL;
	if (!is_dir(d))
		return -ENOTDIR;
	if ((r = get_name(m->m_source, nm, name)) != OK)
		return r;
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return -EINVAL;
	if (dent_find(dir, name))
		return -EEXIST;
	if (!(*ino = node_alloc(mode, uid, gid, rdev)))
		return -ENOSPC;
	if ((r = dent_add(dir, name, *ino)) != OK) {
		memset(&nodes[*ino], 0, sizeof(nodes[*ino]));
		return r;
	}
	if (is_dir(&nodes[*ino])) {
		nodes[*ino].nlink = 2;
		d->nlink++;
	}
	d->mtime = d->ctime = ++clock_now;
	return OK;
}

static int fs_create(message *m)
{
	mess_vfs_fs_create q = m->m_fs_create;
	u64_t ino;
	int r;

	if (m->m_type == FS_MKDIR)
		q.mode = MICA_S_IFDIR | (q.mode & 07777);
	else if (m->m_type == FS_CREATE)
		q.mode = MICA_S_IFREG | (q.mode & 07777);
	if ((r = make(m, q.dir, &q.name, q.mode, q.uid, q.gid, q.rdev, &ino)) != OK)
		return r;
	if (m->m_type == FS_CREATE)
		fill_node(m, ino);
	return OK;
}

static int fs_slink(message *m)
{
	mess_vfs_fs_slink q = m->m_fs_slink;
	u64_t ino;
	int r;

	if (q.target_len == 0 || q.target_len > MEMFS_DATA)
		return q.target_len ? -ENAMETOOLONG : -EINVAL;
	if ((r = make(m, q.dir, &q.name, MICA_S_IFLNK | 0777, q.uid, q.gid, 0,
	    &ino)) != OK)
		return r;
	if (sys_safecopyfrom(m->m_source, q.target, 0, nodes[ino].data,
	    q.target_len) != OK) {
		struct dent *e = NULL;
		for (int i = 0; i < MEMFS_DENTS; i++)
			if (dents[i].ino == ino)
				e = &dents[i];
		if (e)
			e->dir = 0;
		memset(&nodes[ino], 0, sizeof(nodes[ino]));
		return -EFAULT;
	}
	nodes[ino].size = q.target_len;
	return OK;
}

static int fs_stat(message *m)
{
	struct node *n = node(m->m_fs_io.ino);
	struct mica_stat st;

	if (!n)
		return -EINVAL;
	if (m->m_fs_io.bytes != sizeof(st))
		return -EINVAL;
	memset(&st, 0, sizeof(st));
	st.st_dev = mount_dev;
	st.st_ino = m->m_fs_io.ino;
	st.st_mode = n->mode;
	st.st_nlink = n->nlink;
	st.st_uid = n->uid;
	st.st_gid = n->gid;
	st.st_rdev = n->rdev;
	st.st_size = n->size;
	st.st_blocks = (n->size + 511) / 512;
	st.st_blksize = 4096;
	st.st_atime_sec = n->atime;
	st.st_mtime_sec = n->mtime;
	st.st_ctime_sec = n->ctime;
	return sys_safecopyto(m->m_source, m->m_fs_io.grant, 0, &st, sizeof(st))
		== OK ? OK : -EFAULT;
}

static int fs_io(message *m)
{
	struct node *n = node(m->m_fs_io.ino);
	u64_t pos = m->m_fs_io.pos;
	u32_t bytes = m->m_fs_io.bytes;

	if (!n)
		return -EINVAL;
	if (is_dir(n))
		return -EISDIR;
	if (m->m_type == FS_RDLINK) {
		if ((n->mode & MICA_S_IFMT) != MICA_S_IFLNK)
			return -EINVAL;
		pos = 0;
	}
	if (m->m_type == FS_WRITE) {
		if (pos >= MEMFS_DATA || bytes > MEMFS_DATA - pos)
			return -EFBIG;
		if (sys_safecopyfrom(m->m_source, m->m_fs_io.grant, 0,
		    n->data + pos, bytes) != OK)
			return -EFAULT;
		if (pos > n->size)
			memset(n->data + n->size, 0, pos - n->size);
		if (pos + bytes > n->size)
			n->size = pos + bytes;
		n->mtime = n->ctime = ++clock_now;
		return bytes;
	}
	if (pos >= n->size)
		return 0;
	if (bytes > n->size - pos)
		bytes = n->size - pos;
	if (sys_safecopyto(m->m_source, m->m_fs_io.grant, 0, n->data + pos,
	    bytes) != OK)
		return -EFAULT;
	return bytes;
}

static int put_dent(u8_t *buf, u32_t size, u32_t *at, u64_t ino, i64_t next,
	const char *name, u32_t type)
{
	u32_t len = strlen(name), rec = MICA_DIRENT_RECLEN(len);
	struct mica_dirent *d = (struct mica_dirent *)(buf + *at);

	if (*at + rec > size)
		return 0;
	memset(d, 0, rec);
	d->d_ino = ino;
	d->d_off = next;
	d->d_reclen = rec;
	d->d_type = type >> 12;
	memcpy(d->d_name, name, len + 1);
	*at += rec;
	return 1;
}

/* Cookie: 0 ".", 1 "..", k+2 the dents[] slot k and on. */
static int fs_getdents(message *m)
{
	static u8_t buf[4096] __attribute__((aligned(8)));
	u64_t dir = m->m_fs_io.ino, pos = m->m_fs_io.pos;
	struct node *d = node(dir);
	u32_t size = m->m_fs_io.bytes < sizeof(buf) ? m->m_fs_io.bytes : sizeof(buf);
	u32_t at = 0;

	if (!d)
		return -EINVAL;
	if (!is_dir(d))
		return -ENOTDIR;
	for (; pos < MEMFS_DENTS + 2; pos++) {
		int ok = 1;
		if (pos == 0)
			ok = put_dent(buf, size, &at, dir, 1, ".", MICA_S_IFDIR);
		else if (pos == 1)
			ok = put_dent(buf, size, &at, parent_of(dir), 2, "..", MICA_S_IFDIR);
		else if (dents[pos - 2].dir == dir)
			ok = put_dent(buf, size, &at, dents[pos - 2].ino, pos + 1,
				dents[pos - 2].name, nodes[dents[pos - 2].ino].mode);
		if (!ok)
			break;
	}
	if (at == 0 && pos < MEMFS_DENTS + 2)
		return -EINVAL;		/* buffer too small for one entry */
	if (at && sys_safecopyto(m->m_source, m->m_fs_io.grant, 0, buf, at) != OK)
		return -EFAULT;
	memset(&m->m_fs_pos, 0, sizeof(m->m_fs_pos));
	m->m_fs_pos.pos = pos;
	return at;
}

static int fs_trunc(message *m)
{
	struct node *n = node(m->m_fs_trunc.ino);
	u64_t size = m->m_fs_trunc.start;

	if (!n || m->m_fs_trunc.end != 0)
		return -EINVAL;
	if (is_dir(n))
		return -EISDIR;
	if (size > MEMFS_DATA)
		return -EFBIG;
	if (size > n->size)
		memset(n->data + n->size, 0, size - n->size);
	n->size = size;
	n->mtime = n->ctime = ++clock_now;
	return OK;
}

static int fs_attr(message *m)
{
	struct node *n = node(m->m_fs_attr.ino);

	if (!n)
		return -EINVAL;
	if (m->m_type == FS_CHMOD) {
		if (m->m_fs_attr.mode & ~07777u)
			return -EINVAL;
		n->mode = (n->mode & MICA_S_IFMT) | m->m_fs_attr.mode;
	} else {
		if (m->m_fs_attr.uid != (u32_t)-1)
			n->uid = m->m_fs_attr.uid;
		if (m->m_fs_attr.gid != (u32_t)-1)
			n->gid = m->m_fs_attr.gid;
		if (!is_dir(n))
			n->mode &= ~06000u;
	}
	n->ctime = ++clock_now;
	memset(&m->m_fs_mode, 0, sizeof(m->m_fs_mode));
	m->m_fs_mode.mode = n->mode;
	return OK;
}

static int fs_utime(message *m)
{
	mess_vfs_fs_utime q = m->m_fs_utime;
	struct node *n = node(q.ino);

	if (!n)
		return -EINVAL;
	if (q.atime_nsec != FS_UTIME_OMIT)
		n->atime = q.atime_nsec == FS_UTIME_NOW ? ++clock_now : q.atime_sec;
	if (q.mtime_nsec != FS_UTIME_OMIT)
		n->mtime = q.mtime_nsec == FS_UTIME_NOW ? ++clock_now : q.mtime_sec;
	n->ctime = ++clock_now;
	return OK;
}

static int fs_unlink(message *m)
{
	char name[MEMFS_NAME + 1];
	struct node *d = node(m->m_fs_name.dir), *n;
	struct dent *e;
	int r;

	if (!d)
		return -EINVAL;
	if ((r = get_name(m->m_source, &m->m_fs_name.name, name)) != OK)
		return r;
	if (!(e = dent_find(m->m_fs_name.dir, name)))
		return -ENOENT;
	n = &nodes[e->ino];
	if (m->m_type == FS_RMDIR) {
		if (!is_dir(n))
			return -ENOTDIR;
		if (!dir_empty(e->ino))
			return -ENOTEMPTY;
		n->nlink = 0;
		d->nlink--;
	} else {
		if (is_dir(n))
			return -EPERM;
		n->nlink--;
	}
	e->dir = 0;
	n->ctime = d->mtime = ++clock_now;
	free_if_gone(e->ino);
	return OK;
}

static int fs_link(message *m)
{
	char name[MEMFS_NAME + 1];
	struct node *n = node(m->m_fs_name.ino);
	int r;

	if (!node(m->m_fs_name.dir) || !n)
		return -EINVAL;
	if (is_dir(n))
		return -EPERM;
	if ((r = get_name(m->m_source, &m->m_fs_name.name, name)) != OK)
		return r;
	if (dent_find(m->m_fs_name.dir, name))
		return -EEXIST;
	if ((r = dent_add(m->m_fs_name.dir, name, m->m_fs_name.ino)) != OK)
		return r;
	n->nlink++;
	n->ctime = ++clock_now;
	return OK;
}

/* Is a an ancestor of (or equal to) b? */
static int ancestor(u64_t a, u64_t b)
{
	for (int i = 0; i < MEMFS_NODES; i++) {
		if (a == b)
			return 1;
		if (b == 1)
			return 0;
		b = parent_of(b);
	}
	return 1;
}

static int fs_rename(message *m)
{
	mess_vfs_fs_rename q = m->m_fs_rename;
	char on[MEMFS_NAME + 1], nn[MEMFS_NAME + 1];
	struct dent *e, *t;
	int r;

	if (!node(q.old_dir) || !node(q.new_dir))
		return -EINVAL;
	if ((r = get_name(m->m_source, &q.old_name, on)) != OK ||
	    (r = get_name(m->m_source, &q.new_name, nn)) != OK)
		return r;
	if (!(e = dent_find(q.old_dir, on)))
		return -ENOENT;
	if (is_dir(&nodes[e->ino]) && ancestor(e->ino, q.new_dir))
		return -EINVAL;
	if ((t = dent_find(q.new_dir, nn))) {
		if (t->ino == e->ino)
			return OK;
		if (is_dir(&nodes[t->ino])) {
			if (!dir_empty(t->ino))
				return -ENOTEMPTY;
			nodes[t->ino].nlink = 0;
			nodes[q.new_dir].nlink--;
		} else {
			nodes[t->ino].nlink--;
		}
		t->dir = 0;
		free_if_gone(t->ino);
	}
	if (is_dir(&nodes[e->ino]) && q.old_dir != q.new_dir) {
		nodes[q.old_dir].nlink--;
		nodes[q.new_dir].nlink++;
	}
	e->dir = q.new_dir;
	e->len = strlen(nn);
	memcpy(e->name, nn, e->len + 1);
	return OK;
}

static int fs_statvfs(message *m)
{
	struct mica_statvfs sv;
	u32_t used = 0;

	if (m->m_fs_io.bytes != sizeof(sv))
		return -EINVAL;
	for (int i = 1; i <= MEMFS_NODES; i++)
		used += nodes[i].used;
	memset(&sv, 0, sizeof(sv));
	sv.f_bsize = sv.f_frsize = MEMFS_DATA;
	sv.f_blocks = MEMFS_NODES;
	sv.f_bfree = sv.f_bavail = MEMFS_NODES - used;
	sv.f_files = MEMFS_NODES;
	sv.f_ffree = sv.f_favail = MEMFS_NODES - used;
	sv.f_fsid = mount_dev;
	sv.f_namemax = MEMFS_NAME;
	return sys_safecopyto(m->m_source, m->m_fs_io.grant, 0, &sv, sizeof(sv))
		== OK ? OK : -EFAULT;
}

static int fs_ok(message *m)
{
	if (m->m_type == FS_UNMOUNT)
		mounter = NONE;
	return OK;
}

typedef int (*fs_fn)(message *m);
static const fs_fn table[FS_NR_RQ] = {
	[FS_MOUNT - FS_RQ_BASE] = fs_mount,
	[FS_UNMOUNT - FS_RQ_BASE] = fs_ok,
	[FS_STATVFS - FS_RQ_BASE] = fs_statvfs,
	[FS_SYNC - FS_RQ_BASE] = fs_ok,
	[FS_LOOKUP - FS_RQ_BASE] = fs_lookup,
	[FS_PUTNODE - FS_RQ_BASE] = fs_putnode,
	[FS_STAT - FS_RQ_BASE] = fs_stat,
	[FS_CHOWN - FS_RQ_BASE] = fs_attr,
	[FS_CHMOD - FS_RQ_BASE] = fs_attr,
	[FS_UTIME - FS_RQ_BASE] = fs_utime,
	[FS_TRUNC - FS_RQ_BASE] = fs_trunc,
	[FS_READ - FS_RQ_BASE] = fs_io,
	[FS_WRITE - FS_RQ_BASE] = fs_io,
	[FS_GETDENTS - FS_RQ_BASE] = fs_getdents,
	[FS_CREATE - FS_RQ_BASE] = fs_create,
	[FS_MKDIR - FS_RQ_BASE] = fs_create,
	[FS_MKNOD - FS_RQ_BASE] = fs_create,
	[FS_LINK - FS_RQ_BASE] = fs_link,
	[FS_UNLINK - FS_RQ_BASE] = fs_unlink,
	[FS_RMDIR - FS_RQ_BASE] = fs_unlink,
	[FS_RENAME - FS_RQ_BASE] = fs_rename,
	[FS_SLINK - FS_RQ_BASE] = fs_slink,
	[FS_RDLINK - FS_RQ_BASE] = fs_io,
};

int main(const char *args)
{
	const char *label = arg_value(args, "label");
	char l[RS_LABEL_LEN] = "memfs";
	message m;
	int r, i;

	if (sef_startup() != OK)
		return 1;
	for (i = 0; label && i < RS_LABEL_LEN - 1 && label[i] && label[i] != ' '; i++)
		l[i] = label[i];
	if (label)
		l[i] = '\0';
	if ((r = ds_publish_label(l, sef_self(), 0)) != OK)
		printf("memfs: publishing %s: %d\n", l, r);
	for (;;) {
		if (sef_receive(ANY, &m) != OK || IS_NOTIFY(&m))
			continue;
		r = -ENOSYS;
		if (m.m_type == FS_MOUNT)
			r = fs_mount(&m);
		else if (mounter == NONE)
			r = -EINVAL;
		else if (m.m_source != mounter)
			r = -EPERM;
		else if (m.m_type >= FS_RQ_BASE && m.m_type < FS_RQ_BASE + FS_NR_RQ &&
		    table[m.m_type - FS_RQ_BASE])
			r = table[m.m_type - FS_RQ_BASE](&m);
		m.m_type = r;
		ipc_sendnb(m.m_source, &m);
	}
}
