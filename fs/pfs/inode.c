/*
 * inode.c - PFS's inodes: a fixed table of pipes, the root directory,
 * the mount, and every request about a node rather than its bytes.
 *
 * A pipe inode has no name and no link: it lives while VFS holds
 * references to it (FS_NEWNODE gives one, FS_PUTNODE drops them) and its
 * buffer goes with it.  The root (PFS_ROOT_INO) is not in the table: it is
 * an empty, unchangeable directory, counted only so that FS_PUTNODE of a
 * reference nobody holds is refused like any other.
 */
#include "pfs.h"

struct pfs_inode pfs_inodes[PFS_NR_INODES];

static int mounted;
static unsigned int pipes_used;		/* slots in use */
static unsigned int root_refs;
static struct timespec root_time;
static ino_t next_ino;			/* the next number to hand out */
static ino_t ino_mark;			/* numbers below it are reserved */

static struct pfs_inode *slot_of(ino_t ino)
{
	return &pfs_inodes[ino % PFS_NR_INODES];
}

struct pfs_inode *pfs_find(ino_t ino)
{
	struct pfs_inode *ip = slot_of(ino);

	return ino != 0 && ip->ino == ino ? ip : NULL;
}

/* Give the times marked for update the current time, with one clock read. */
void pfs_times_settle(struct pfs_inode *ip)
{
	struct timespec now;

	if (!ip->marks)
		return;
	fsdriver_gettime(&now);
	if (ip->marks & PFS_ATIME)
		ip->atime = now;
	if (ip->marks & PFS_MTIME)
		ip->mtime = now;
	if (ip->marks & PFS_CTIME)
		ip->ctime = now;
	ip->marks = 0;
}

static void fill_node(struct fsdriver_node *node, ino_t ino, mode_t mode,
    uid_t uid, gid_t gid, off_t size)
{
	memset(node, 0, sizeof *node);
	node->fn_ino_nr = ino;
	node->fn_mode = mode;
	node->fn_uid = uid;
	node->fn_gid = gid;
	node->fn_size = size;
}

static void root_node(struct fsdriver_node *node)
{
	fill_node(node, PFS_ROOT_INO, S_IFDIR | 0555, 0, 0, 0);
	root_refs++;
}

/* Reserve the next chunk of inode numbers with the saved mark. */
static void reserve_inos(void)
{
	ino_t mark = next_ino + PFS_INO_CHUNK;

	if (mark < next_ino)		/* wrapped: the in-use check guards */
		mark = (ino_t)-1;
	if (pfs_ino_save(mark) != OK)
		fsdriver_log("pfs: inode mark not saved: a restart may "
		    "reuse inode numbers");
	ino_mark = mark;
}

/* A number no earlier instance gave out whose slot is free (the caller
 * made sure one is: at most PFS_NR_INODES numbers are skipped). */
static ino_t alloc_ino(void)
{
	for (;;) {
		ino_t ino = next_ino++;

		if (next_ino <= PFS_ROOT_INO)
			next_ino = PFS_ROOT_INO + 1;
		if (next_ino >= ino_mark)
			reserve_inos();
		if (ino > PFS_ROOT_INO && slot_of(ino)->ino == 0)
			return ino;
	}
}

int pfs_mount(dev_t dev, unsigned int flags, struct fsdriver_node *root,
    unsigned int *res_flags)
{
	ino_t mark;

	(void)dev;
	if (mounted)
		return -EBUSY;
	if (flags & FSDRIVER_MOUNT_RDONLY) {
		fsdriver_log("pfs: a read-only pipe file system makes no sense");
		return -EINVAL;
	}
	memset(pfs_inodes, 0, sizeof pfs_inodes);
	pipes_used = 0;
	mark = pfs_ino_load();
	next_ino = mark > PFS_ROOT_INO ? mark : PFS_ROOT_INO + 1;
	reserve_inos();
	fsdriver_gettime(&root_time);
	root_refs = 0;
	root_node(root);
	*res_flags = 0;
	mounted = 1;
	return OK;
}

/* Every pipe goes; the inode mark stays, so numbers are not reused. */
int pfs_unmount(void)
{
	for (int i = 0; i < PFS_NR_INODES; i++)
		if (pfs_inodes[i].ino)
			pfs_buf_release(&pfs_inodes[i]);
	memset(pfs_inodes, 0, sizeof pfs_inodes);
	pipes_used = 0;
	root_refs = 0;
	mounted = 0;
	return OK;
}

/* Nothing is ever dirty: a sync (VFS syncs every mount) has nothing to do. */
int pfs_sync(void)
{
	return OK;
}

int pfs_statvfs(struct statvfs *st)
{
	st->f_bsize = FS_PIPE_SIZE;
	st->f_frsize = FS_PIPE_SIZE;
	st->f_blocks = PFS_NR_BUFS;
	st->f_bfree = PFS_NR_BUFS - pfs_bufs_used();
	st->f_bavail = st->f_bfree;
	st->f_files = PFS_NR_INODES;
	st->f_ffree = PFS_NR_INODES - pipes_used;
	st->f_favail = st->f_ffree;
	st->f_namemax = FS_NAME_MAX;
	return OK;
}

int pfs_lookup(ino_t dir, const char *name, struct fsdriver_node *node)
{
	if (dir != PFS_ROOT_INO)
		return pfs_find(dir) ? -ENOTDIR : -EINVAL;
	if (strcmp(name, ".") && strcmp(name, ".."))
		return -ENOENT;
	root_node(node);
	return OK;
}

int pfs_putnode(ino_t ino, unsigned int count)
{
	struct pfs_inode *ip;

	if (ino == PFS_ROOT_INO) {
		if (count == 0 || count > root_refs) {
			fsdriver_log("pfs: putnode root: dropping %u of %u refs", count,
			    root_refs);
			return -EINVAL;
		}
		root_refs -= count;
		return OK;
	}
	if (!(ip = pfs_find(ino)) || count == 0 || count > ip->refs) {
		fsdriver_log("pfs: putnode %llu: dropping %u of %u refs",
		    (unsigned long long)ino, count, ip ? ip->refs : 0);
		return -EINVAL;
	}
	if ((ip->refs -= count) == 0) {
		pfs_buf_release(ip);
		memset(ip, 0, sizeof *ip);
		pipes_used--;
	}
	return OK;
}

int pfs_newnode(mode_t mode, uid_t uid, gid_t gid, dev_t dev,
    struct fsdriver_node *node)
{
	struct pfs_inode *ip;
	ino_t ino;

	if ((mode & S_IFMT) != S_IFIFO || (mode & ~(S_IFMT | 07777)) ||
	    dev != 0)
		return -EINVAL;
	if (pipes_used >= PFS_NR_INODES)
		return -ENFILE;
	ino = alloc_ino();
	ip = slot_of(ino);
	memset(ip, 0, sizeof *ip);
	pipes_used++;
	ip->ino = ino;
	ip->mode = mode;
	ip->uid = uid;
	ip->gid = gid;
	ip->refs = 1;
	fsdriver_gettime(&ip->ctime);
	ip->atime = ip->mtime = ip->ctime;
	fill_node(node, ip->ino, mode, uid, gid, 0);
	return OK;
}

int pfs_stat(ino_t ino, struct stat *st)
{
	struct pfs_inode *ip;

	st->st_blksize = FS_PIPE_BUF;
	if (ino == PFS_ROOT_INO) {
		st->st_mode = S_IFDIR | 0555;
		st->st_nlink = 2;
		st->st_atim = st->st_mtim = st->st_ctim = root_time;
		return OK;
	}
	if (!(ip = pfs_find(ino)))
		return -EINVAL;
	pfs_times_settle(ip);
	st->st_mode = ip->mode;
	st->st_nlink = 1;		/* as Linux reports a pipe */
	st->st_uid = ip->uid;
	st->st_gid = ip->gid;
	st->st_size = (off_t)ip->count;
	st->st_blocks = (blkcnt_t)((ip->count + 511) / 512);
	st->st_atim = ip->atime;
	st->st_mtim = ip->mtime;
	st->st_ctim = ip->ctime;
	return OK;
}

/* The pipe a modifying request names; the root cannot be changed. */
static int pipe_node(ino_t ino, struct pfs_inode **ipp)
{
	if (ino == PFS_ROOT_INO)
		return -EPERM;
	if (!(*ipp = pfs_find(ino)))
		return -EINVAL;
	pfs_times_settle(*ipp);		/* before the change, not after */
	return OK;
}

int pfs_chown(ino_t ino, uid_t uid, gid_t gid, mode_t *mode)
{
	struct pfs_inode *ip;
	int r;

	if ((r = pipe_node(ino, &ip)) != OK)
		return r;
	if (uid != (uid_t)-1)
		ip->uid = uid;
	if (gid != (gid_t)-1)
		ip->gid = gid;
	ip->mode &= ~(mode_t)(S_ISUID | S_ISGID);
	fsdriver_gettime(&ip->ctime);
	*mode = ip->mode;
	return OK;
}

int pfs_chmod(ino_t ino, mode_t *mode)
{
	struct pfs_inode *ip;
	int r;

	if ((r = pipe_node(ino, &ip)) != OK)
		return r;
	ip->mode = (ip->mode & S_IFMT) | (*mode & 07777);
	fsdriver_gettime(&ip->ctime);
	*mode = ip->mode;
	return OK;
}

static void set_time(struct timespec *t, const struct timespec *want,
    const struct timespec *now)
{
	if (want->tv_nsec == UTIME_OMIT)
		return;
	*t = want->tv_nsec == UTIME_NOW ? *now : *want;
}

int pfs_utime(ino_t ino, struct timespec *atime, struct timespec *mtime)
{
	struct pfs_inode *ip;
	struct timespec now;
	int r;

	if ((r = pipe_node(ino, &ip)) != OK)
		return r;
	fsdriver_gettime(&now);
	set_time(&ip->atime, atime, &now);
	set_time(&ip->mtime, mtime, &now);
	ip->ctime = now;
	return OK;
}

/* ftruncate on a pipe: EINVAL (POSIX), also for the root. */
int pfs_trunc(ino_t ino, off_t start, off_t end)
{
	struct pfs_inode *ip;
	int r;

	(void)start, (void)end;
	if ((r = pipe_node(ino, &ip)) != OK)
		return r == -EPERM ? -EISDIR : r;
	return -EINVAL;
}

/* The root lists "." and ".." and nothing else. */
ssize_t pfs_getdents(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t *pos)
{
	static const char *const names[] = { ".", ".." };
	struct fsdriver_dentry d;
	char buf[64];
	int r;

	if (ino != PFS_ROOT_INO)
		return pfs_find(ino) ? -ENOTDIR : -EINVAL;
	if (*pos < 0)
		return -EINVAL;
	fsdriver_dentry_init(&d, data, bytes, buf, sizeof buf);
	for (; *pos < 2; (*pos)++) {
		r = fsdriver_dentry_add(&d, PFS_ROOT_INO, names[*pos],
		    strlen(names[*pos]), fsdriver_mode_dtype(S_IFDIR), *pos + 1);
		if (r < 0)
			return r;
		if (r == 0)
			break;
	}
	r = (int)fsdriver_dentry_finish(&d);
	return r == 0 && *pos < 2 ? -EINVAL : r;	/* too small for one */
}
