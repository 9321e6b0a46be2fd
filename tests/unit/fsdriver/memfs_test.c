/*
 * memfs_test.c - TEST DOUBLE: a tiny in-memory file system behind a
 * struct fsdriver, linked instead of tools/fuse/fstypes.c into
 * micafuse_memfs, so that micafuse's FUSE front end can be mounted and
 * exercised by tests/host/micafuse_basic.sh whatever real file systems the
 * build has.  Not a Mica file system: nothing is ever stored on the image
 * (it is opened, and ignored).
 *
 * Its root is inode 5 (not 1) so that micafuse's root/ino-1 swap is
 * exercised; inode 1 is the first file created.  Directory slot i is
 * getdents position i + 2 (0 and 1 are "." and ".."), so positions stay
 * valid while entries are removed.  References follow fsdriver.h: lookup
 * and create give one, putnode drops them, an unlinked inode goes with its
 * last reference.  Limits: MEMFS_NINODES inodes, MEMFS_NSLOTS entries per
 * directory.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "micafuse.h"

#define MEMFS_NINODES	4096
#define MEMFS_NSLOTS	1024
#define MEMFS_ROOT	5
#define MEMFS_MAXSIZE	(64 << 20)

struct memfs_dent {
	char name[256];
	ino_t ino;
};

struct memfs_node {
	int used;
	mode_t mode;
	uid_t uid;
	gid_t gid;
	nlink_t nlink;
	unsigned int refs;
	dev_t rdev;
	ino_t parent;			/* directories */
	char *data;			/* file contents, link target */
	size_t size;
	struct memfs_dent *slots;	/* directories: MEMFS_NSLOTS */
	struct timespec atime, mtime, ctime;
};

static struct memfs_node memfs[MEMFS_NINODES];

static struct memfs_node *memfs_get(ino_t ino)
{
	if (ino == 0 || ino >= MEMFS_NINODES || !memfs[ino].used)
		return NULL;
	return &memfs[ino];
}

static void memfs_touch(struct memfs_node *n, int m, int c)
{
	struct timespec now;

	fsdriver_gettime(&now);
	if (m)
		n->mtime = now;
	if (c)
		n->ctime = now;
}

/* A fresh inode with one link and no references; 0 if none is free. */
static ino_t memfs_alloc(mode_t mode, uid_t uid, gid_t gid, dev_t rdev)
{
	ino_t i;

	for (i = 1; i < MEMFS_NINODES; i++) {
		if (i == MEMFS_ROOT || memfs[i].used)
			continue;
		memset(&memfs[i], 0, sizeof(memfs[i]));
		memfs[i].used = 1;
		memfs[i].mode = mode;
		memfs[i].uid = uid;
		memfs[i].gid = gid;
		memfs[i].rdev = rdev;
		memfs[i].nlink = 1;
		if (S_ISDIR(mode)) {
			memfs[i].slots = calloc(MEMFS_NSLOTS,
			    sizeof(struct memfs_dent));
			if (memfs[i].slots == NULL)
				return 0;
			memfs[i].nlink = 2;
		}
		memfs_touch(&memfs[i], 1, 1);
		memfs[i].atime = memfs[i].mtime;
		return i;
	}
	return 0;
}

static void memfs_release(ino_t ino)
{
	struct memfs_node *n = &memfs[ino];

	if (n->refs > 0 || n->nlink > 0)
		return;
	free(n->data);
	free(n->slots);
	memset(n, 0, sizeof(*n));
}

/* The slot holding 'name' in directory 'd', or NULL. */
static struct memfs_dent *memfs_find(struct memfs_node *d, const char *name)
{
	int i;

	for (i = 0; i < MEMFS_NSLOTS; i++) {
		if (d->slots[i].ino != 0 && strcmp(d->slots[i].name, name) == 0)
			return &d->slots[i];
	}
	return NULL;
}

/* Check 'dir' and 'name' for a new entry; OK or -errno. */
static int memfs_can_add(ino_t dir, const char *name)
{
	struct memfs_node *d = memfs_get(dir);

	if (d == NULL)
		return -EIO;
	if (!S_ISDIR(d->mode))
		return -ENOTDIR;
	if (strlen(name) > 255)
		return -ENAMETOOLONG;
	if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 ||
	    memfs_find(d, name) != NULL)
		return -EEXIST;
	return OK;
}

static int memfs_add(ino_t dir, const char *name, ino_t ino)
{
	struct memfs_node *d = &memfs[dir];
	int i;

	for (i = 0; i < MEMFS_NSLOTS; i++) {
		if (d->slots[i].ino == 0) {
			strcpy(d->slots[i].name, name);
			d->slots[i].ino = ino;
			memfs_touch(d, 1, 1);
			return OK;
		}
	}
	return -ENOSPC;
}

static void memfs_fill(ino_t ino, struct fsdriver_node *node)
{
	node->fn_ino_nr = ino;
	node->fn_mode = memfs[ino].mode;
	node->fn_size = (off_t)memfs[ino].size;
	node->fn_uid = memfs[ino].uid;
	node->fn_gid = memfs[ino].gid;
	node->fn_dev = memfs[ino].rdev;
}

/* Make a node named 'name' in 'dir'; *inop gets it (no reference). */
static int memfs_make(ino_t dir, const char *name, mode_t mode, uid_t uid,
    gid_t gid, dev_t rdev, ino_t *inop)
{
	ino_t ino;
	int r;

	if ((r = memfs_can_add(dir, name)) != OK)
		return r;
	if ((ino = memfs_alloc(mode, uid, gid, rdev)) == 0)
		return -ENOSPC;
	if ((r = memfs_add(dir, name, ino)) != OK) {
		memfs[ino].nlink = 0;
		memfs_release(ino);
		return r;
	}
	if (S_ISDIR(mode)) {
		memfs[ino].parent = dir;
		memfs[dir].nlink++;
	}
	*inop = ino;
	return OK;
}

static int memfs_mount(dev_t dev, unsigned int flags,
    struct fsdriver_node *root, unsigned int *res)
{
	ino_t ino;

	(void)dev;
	(void)flags;
	memset(memfs, 0, sizeof(memfs));
	ino = MEMFS_ROOT;
	memfs[ino].used = 1;
	memfs[ino].mode = S_IFDIR | 0755;
	memfs[ino].nlink = 2;
	memfs[ino].refs = 1;
	memfs[ino].parent = ino;
	memfs[ino].slots = calloc(MEMFS_NSLOTS, sizeof(struct memfs_dent));
	if (memfs[ino].slots == NULL)
		return -ENOMEM;
	memfs_touch(&memfs[ino], 1, 1);
	memfs_fill(ino, root);
	*res = 0;
	return OK;
}

static int memfs_unmount(void)
{
	ino_t i;

	for (i = 0; i < MEMFS_NINODES; i++) {
		free(memfs[i].data);
		free(memfs[i].slots);
	}
	memset(memfs, 0, sizeof(memfs));
	return OK;
}

static int memfs_lookup(ino_t dir, const char *name,
    struct fsdriver_node *node)
{
	struct memfs_node *d = memfs_get(dir);
	struct memfs_dent *e;
	ino_t ino;

	if (d == NULL)
		return -EIO;
	if (!S_ISDIR(d->mode))
		return -ENOTDIR;
	if (strcmp(name, ".") == 0)
		ino = dir;
	else if (strcmp(name, "..") == 0)
		ino = d->parent;
	else if ((e = memfs_find(d, name)) != NULL)
		ino = e->ino;
	else
		return -ENOENT;
	memfs[ino].refs++;
	memfs_fill(ino, node);
	return OK;
}

static int memfs_putnode(ino_t ino, unsigned int count)
{
	struct memfs_node *n = memfs_get(ino);

	if (n == NULL || n->refs < count) {
		fsdriver_log("memfs: putnode(%ju, %u): bad count",
		    (uintmax_t)ino, count);
		return -EINVAL;
	}
	n->refs -= count;
	memfs_release(ino);
	return OK;
}

static ssize_t memfs_read(ino_t ino, struct fsdriver_data *data,
    size_t bytes, off_t pos)
{
	struct memfs_node *n = memfs_get(ino);
	size_t len;
	int r;

	if (n == NULL)
		return -EIO;
	if (S_ISDIR(n->mode))
		return -EISDIR;
	if ((uint64_t)pos >= n->size)
		return 0;
	len = n->size - (size_t)pos < bytes ? n->size - (size_t)pos : bytes;
	r = fsdriver_copyout(data, 0, n->data + pos, len);
	return r != OK ? r : (ssize_t)len;
}

/* Set the size of regular file 'n' to 'size', zero-filling. */
static int memfs_resize(struct memfs_node *n, size_t size)
{
	char *p;

	if (size > MEMFS_MAXSIZE)
		return -EFBIG;
	if (size > n->size) {
		p = realloc(n->data, size);
		if (p == NULL)
			return -ENOSPC;
		memset(p + n->size, 0, size - n->size);
		n->data = p;
	}
	n->size = size;
	memfs_touch(n, 1, 1);
	return OK;
}

static ssize_t memfs_write(ino_t ino, struct fsdriver_data *data,
    size_t bytes, off_t pos)
{
	struct memfs_node *n = memfs_get(ino);
	int r;

	if (n == NULL)
		return -EIO;
	if (!S_ISREG(n->mode))
		return -EISDIR;
	if ((uint64_t)pos + bytes > MEMFS_MAXSIZE)
		return -EFBIG;
	if ((size_t)pos + bytes > n->size &&
	    (r = memfs_resize(n, (size_t)pos + bytes)) != OK)
		return r;
	if ((r = fsdriver_copyin(data, 0, n->data + pos, bytes)) != OK)
		return r;
	memfs_touch(n, 1, 1);
	return (ssize_t)bytes;
}

static ssize_t memfs_getdents(ino_t ino, struct fsdriver_data *data,
    size_t bytes, off_t *pos)
{
	struct memfs_node *d = memfs_get(ino);
	struct fsdriver_dentry de;
	char stage[512];
	off_t p;
	int r = 1;

	if (d == NULL || !S_ISDIR(d->mode))
		return -ENOTDIR;
	fsdriver_dentry_init(&de, data, bytes, stage, sizeof(stage));
	for (p = *pos; p < MEMFS_NSLOTS + 2 && r == 1; p++) {
		if (p == 0)
			r = fsdriver_dentry_add(&de, ino, ".", 1, DT_DIR, 1);
		else if (p == 1)
			r = fsdriver_dentry_add(&de, d->parent, "..", 2,
			    DT_DIR, 2);
		else if (d->slots[p - 2].ino != 0)
			r = fsdriver_dentry_add(&de, d->slots[p - 2].ino,
			    d->slots[p - 2].name, strlen(d->slots[p - 2].name),
			    IFTODT(memfs[d->slots[p - 2].ino].mode), p + 1);
		if (r < 0)
			return r;
	}
	*pos = r == 1 ? p : p - 1;
	return fsdriver_dentry_finish(&de);
}

static int memfs_trunc(ino_t ino, off_t start, off_t end)
{
	struct memfs_node *n = memfs_get(ino);

	if (n == NULL)
		return -EIO;
	if (!S_ISREG(n->mode))
		return -EINVAL;
	if (end != 0 || start < 0)
		return -EINVAL;
	return memfs_resize(n, (size_t)start);
}

static int memfs_create(ino_t dir, const char *name, mode_t mode,
    uid_t uid, gid_t gid, struct fsdriver_node *node)
{
	ino_t ino;
	int r;

	r = memfs_make(dir, name, mode, uid, gid, 0, &ino);
	if (r != OK)
		return r;
	memfs[ino].refs = 1;
	memfs_fill(ino, node);
	return OK;
}

static int memfs_mkdir(ino_t dir, const char *name, mode_t mode, uid_t uid,
    gid_t gid)
{
	ino_t ino;

	return memfs_make(dir, name, S_IFDIR | (mode & 07777), uid, gid, 0,
	    &ino);
}

static int memfs_mknod(ino_t dir, const char *name, mode_t mode, uid_t uid,
    gid_t gid, dev_t rdev)
{
	ino_t ino;

	return memfs_make(dir, name, mode, uid, gid, rdev, &ino);
}

static int memfs_slink(ino_t dir, const char *name, uid_t uid, gid_t gid,
    struct fsdriver_data *data, size_t bytes)
{
	ino_t ino;
	int r;

	if (bytes == 0 || bytes > 4095)
		return -ENAMETOOLONG;
	r = memfs_make(dir, name, S_IFLNK | 0777, uid, gid, 0, &ino);
	if (r != OK)
		return r;
	if ((memfs[ino].data = malloc(bytes)) == NULL ||
	    fsdriver_copyin(data, 0, memfs[ino].data, bytes) != OK) {
		memfs_find(&memfs[dir], name)->ino = 0;
		memfs[ino].nlink = 0;
		memfs_release(ino);
		return -EFAULT;
	}
	memfs[ino].size = bytes;
	return OK;
}

static ssize_t memfs_rdlink(ino_t ino, struct fsdriver_data *data,
    size_t bytes)
{
	struct memfs_node *n = memfs_get(ino);
	size_t len;
	int r;

	if (n == NULL || !S_ISLNK(n->mode))
		return -EINVAL;
	len = n->size < bytes ? n->size : bytes;
	r = fsdriver_copyout(data, 0, n->data, len);
	return r != OK ? r : (ssize_t)len;
}

static int memfs_link(ino_t dir, const char *name, ino_t ino)
{
	struct memfs_node *n = memfs_get(ino);
	int r;

	if (n == NULL)
		return -EIO;
	if (S_ISDIR(n->mode))
		return -EPERM;
	if ((r = memfs_can_add(dir, name)) != OK ||
	    (r = memfs_add(dir, name, ino)) != OK)
		return r;
	n->nlink++;
	memfs_touch(n, 0, 1);
	return OK;
}

/* Remove the entry 'e' of directory 'dir' and the link it held. */
static void memfs_drop(ino_t dir, struct memfs_dent *e)
{
	ino_t ino = e->ino;
	struct memfs_node *n = &memfs[ino];

	e->ino = 0;
	memfs_touch(&memfs[dir], 1, 1);
	if (S_ISDIR(n->mode)) {
		n->nlink = 0;
		memfs[dir].nlink--;
	} else {
		n->nlink--;
	}
	memfs_touch(n, 0, 1);
	memfs_release(ino);
}

/* The entry 'name' of 'dir', or NULL with *r set. */
static struct memfs_dent *memfs_entry(ino_t dir, const char *name, int *r)
{
	struct memfs_node *d = memfs_get(dir);
	struct memfs_dent *e;

	*r = -ENOENT;
	if (d == NULL || !S_ISDIR(d->mode)) {
		*r = d == NULL ? -EIO : -ENOTDIR;
		return NULL;
	}
	if ((e = memfs_find(d, name)) != NULL)
		*r = OK;
	return e;
}

static int memfs_is_empty(ino_t ino)
{
	int i;

	for (i = 0; i < MEMFS_NSLOTS; i++) {
		if (memfs[ino].slots[i].ino != 0)
			return 0;
	}
	return 1;
}

static int memfs_unlink(ino_t dir, const char *name)
{
	int r;
	struct memfs_dent *e = memfs_entry(dir, name, &r);

	if (e == NULL)
		return r;
	if (S_ISDIR(memfs[e->ino].mode))
		return -EISDIR;
	memfs_drop(dir, e);
	return OK;
}

static int memfs_rmdir(ino_t dir, const char *name)
{
	int r;
	struct memfs_dent *e = memfs_entry(dir, name, &r);

	if (e == NULL)
		return strcmp(name, ".") == 0 ? -EINVAL : r;
	if (!S_ISDIR(memfs[e->ino].mode))
		return -ENOTDIR;
	if (!memfs_is_empty(e->ino))
		return -ENOTEMPTY;
	memfs_drop(dir, e);
	return OK;
}

/* Is directory 'anc' 'dir' or one of its ancestors? */
static int memfs_is_ancestor(ino_t anc, ino_t dir)
{
	for (;;) {
		if (dir == anc)
			return 1;
		if (dir == MEMFS_ROOT)
			return 0;
		dir = memfs[dir].parent;
	}
}

/* May the node 'src' replace the existing entry 'dst'? */
static int memfs_can_replace(ino_t src, ino_t dst)
{
	int sdir = S_ISDIR(memfs[src].mode), ddir = S_ISDIR(memfs[dst].mode);

	if (sdir && !ddir)
		return -ENOTDIR;
	if (!sdir && ddir)
		return -EISDIR;
	if (ddir && !memfs_is_empty(dst))
		return -ENOTEMPTY;
	return OK;
}

static int memfs_rename(ino_t odir, const char *oname, ino_t ndir,
    const char *nname)
{
	struct memfs_dent *oe, *ne;
	ino_t ino;
	int r;

	if ((oe = memfs_entry(odir, oname, &r)) == NULL)
		return r;
	ino = oe->ino;
	ne = memfs_entry(ndir, nname, &r);
	if (ne == NULL && r != -ENOENT)
		return r;
	if (ne != NULL && ne->ino == ino)
		return OK;
	if (S_ISDIR(memfs[ino].mode) && memfs_is_ancestor(ino, ndir))
		return -EINVAL;
	if (ne != NULL && (r = memfs_can_replace(ino, ne->ino)) != OK)
		return r;
	if (ne == NULL && (r = memfs_can_add(ndir, nname)) != OK)
		return r;
	memfs[ino].nlink++;		/* keep it while the entries move */
	if (ne != NULL)
		memfs_drop(ndir, ne);
	r = memfs_add(ndir, nname, ino);
	memfs[ino].nlink--;
	if (r != OK)
		return r;
	memfs_find(&memfs[odir], oname)->ino = 0;
	if (S_ISDIR(memfs[ino].mode)) {
		memfs[odir].nlink--;
		memfs[ndir].nlink++;
		memfs[ino].parent = ndir;
	}
	memfs_touch(&memfs[odir], 1, 1);
	memfs_touch(&memfs[ino], 0, 1);
	return r;
}

static int memfs_stat(ino_t ino, struct stat *st)
{
	struct memfs_node *n = memfs_get(ino);

	if (n == NULL)
		return -EIO;
	st->st_ino = ino;
	st->st_mode = n->mode;
	st->st_nlink = n->nlink;
	st->st_uid = n->uid;
	st->st_gid = n->gid;
	st->st_rdev = n->rdev;
	st->st_size = (off_t)n->size;
	st->st_blksize = 4096;
	st->st_blocks = (blkcnt_t)((n->size + 511) / 512);
	st->st_atim = n->atime;
	st->st_mtim = n->mtime;
	st->st_ctim = n->ctime;
	return OK;
}

static int memfs_chown(ino_t ino, uid_t uid, gid_t gid, mode_t *mode)
{
	struct memfs_node *n = memfs_get(ino);

	if (n == NULL)
		return -EIO;
	if (uid != (uid_t)-1)
		n->uid = uid;
	if (gid != (gid_t)-1)
		n->gid = gid;
	if (!S_ISDIR(n->mode))
		n->mode &= ~(mode_t)(S_ISUID | S_ISGID);
	memfs_touch(n, 0, 1);
	*mode = n->mode;
	return OK;
}

static int memfs_chmod(ino_t ino, mode_t *mode)
{
	struct memfs_node *n = memfs_get(ino);

	if (n == NULL)
		return -EIO;
	n->mode = (n->mode & S_IFMT) | (*mode & 07777);
	memfs_touch(n, 0, 1);
	*mode = n->mode;
	return OK;
}

static void memfs_settime(struct timespec *t, const struct timespec *v)
{
	if (v->tv_nsec == UTIME_OMIT)
		return;
	if (v->tv_nsec == UTIME_NOW)
		fsdriver_gettime(t);
	else
		*t = *v;
}

static int memfs_utime(ino_t ino, struct timespec *atime,
    struct timespec *mtime)
{
	struct memfs_node *n = memfs_get(ino);

	if (n == NULL)
		return -EIO;
	memfs_settime(&n->atime, atime);
	memfs_settime(&n->mtime, mtime);
	memfs_touch(n, 0, 1);
	return OK;
}

static int memfs_statvfs(struct statvfs *st)
{
	st->f_bsize = st->f_frsize = 4096;
	st->f_blocks = MEMFS_NINODES * 16;
	st->f_bfree = st->f_bavail = MEMFS_NINODES * 8;
	st->f_files = MEMFS_NINODES;
	st->f_ffree = st->f_favail = MEMFS_NINODES / 2;
	st->f_namemax = 255;
	return OK;
}

static const struct fsdriver memfs_table = {
	.fdr_mount	= memfs_mount,
	.fdr_unmount	= memfs_unmount,
	.fdr_lookup	= memfs_lookup,
	.fdr_putnode	= memfs_putnode,
	.fdr_read	= memfs_read,
	.fdr_write	= memfs_write,
	.fdr_getdents	= memfs_getdents,
	.fdr_trunc	= memfs_trunc,
	.fdr_create	= memfs_create,
	.fdr_mkdir	= memfs_mkdir,
	.fdr_mknod	= memfs_mknod,
	.fdr_link	= memfs_link,
	.fdr_unlink	= memfs_unlink,
	.fdr_rmdir	= memfs_rmdir,
	.fdr_rename	= memfs_rename,
	.fdr_slink	= memfs_slink,
	.fdr_rdlink	= memfs_rdlink,
	.fdr_stat	= memfs_stat,
	.fdr_chown	= memfs_chown,
	.fdr_chmod	= memfs_chmod,
	.fdr_utime	= memfs_utime,
	.fdr_statvfs	= memfs_statvfs,
};

static int memfs_probe(dev_t dev)
{
	(void)dev;
	return 1;
}

static const struct fsdriver_fstype memfs_fstype = {
	.name = "memfs", .probe = memfs_probe, .table = &memfs_table,
};

/* "memfs-ro": the same, as a read-only format would be (every modifying
 * entry NULL) but mounted read-write, so that the front end's own EROFS
 * answers are what the kernel sees.  Only by name (-o type=memfs-ro). */
static const struct fsdriver memfs_ro_table = {
	.fdr_mount	= memfs_mount,
	.fdr_unmount	= memfs_unmount,
	.fdr_lookup	= memfs_lookup,
	.fdr_putnode	= memfs_putnode,
	.fdr_read	= memfs_read,
	.fdr_getdents	= memfs_getdents,
	.fdr_rdlink	= memfs_rdlink,
	.fdr_stat	= memfs_stat,
	.fdr_statvfs	= memfs_statvfs,
};

static const struct fsdriver_fstype memfs_ro_fstype = {
	.name = "memfs-ro", .probe = NULL, .table = &memfs_ro_table,
};

/* The fstypes.c interface, with memfs and memfs-ro as the only types. */
const struct fsdriver_fstype *mf_fstype_by_name(const char *name)
{
	if (strcmp(name, "memfs-ro") == 0)
		return &memfs_ro_fstype;
	return strcmp(name, "memfs") == 0 ? &memfs_fstype : NULL;
}

const struct fsdriver_fstype *mf_fstype_probe(dev_t dev, const char *image)
{
	(void)image;
	return memfs_probe(dev) == 1 ? &memfs_fstype : NULL;
}

const char *mf_fstype_names(void)
{
	return "memfs, memfs-ro";
}
