/*
 * fsck_tree.c - pass 2: the directory tree, walked iteratively from the
 * root with an explicit stack of directories still to read.
 *
 * An inode is marked reached when its first entry is seen; a second entry
 * naming a directory (a hard link to a directory, or a loop) is removed, so
 * each directory is read once and the walk ends after at most s_ninodes
 * directories.  "." must be the first entry and name the directory itself,
 * ".." the second and name the directory it was reached from (its true
 * parent; the root's parent is the root).  Both are counted as the links
 * they should be, so a fixed entry does not also show up as a wrong count.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "fsck.h"

/* dir + "/" + name, for messages; cut at FSCK_PATH_MAX (a deeper path
 * stays at its parent's, so path memory is bounded however deep the tree). */
static char *fsck_join(const char *dir, const char *name)
{
	size_t ld = strlen(dir), ln = strlen(name);
	char *p;

	if (ld + ln + 2 > FSCK_PATH_MAX)
		return strdup(dir);
	if ((p = malloc(ld + ln + 2)) == NULL)
		return NULL;
	memcpy(p, dir, ld);
	p[ld] = '/';
	memcpy(p + ld + 1, name, ln + 1);
	if (ld == 1 && dir[0] == '/')
		memmove(p, p + 1, ln + 2);
	return p;
}

static int fsck_push(struct fsck *f, uint32_t ino, uint32_t parent,
    char *path)
{
	struct fsck_dir *s;

	if (f->nstack == f->capstack) {
		f->capstack = f->capstack ? f->capstack * 2 : 64;
		s = realloc(f->stack, f->capstack * sizeof(*s));
		if (!s)
			return -ENOMEM;
		f->stack = s;
	}
	f->stack[f->nstack].ino = ino;
	f->stack[f->nstack].parent = parent;
	f->stack[f->nstack++].path = path;
	return OK;
}

static int fsck_name_ok(const char *name)
{
	return name[0] != '\0' && strchr(name, '/') == NULL &&
	    strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

/* Blocks that a file of 'size' bytes may have zones for. */
uint64_t fsck_nblocks(const struct fsck *f, uint32_t size)
{
	return ((uint64_t)size + f->img.sb.block_size - 1) /
	    f->img.sb.block_size;
}

/* The size to give a file whose size is past the format's maximum: the
 * end of its last zone, within the maximum. */
uint32_t fsck_cap_size(const struct fsck *f, uint64_t extent)
{
	uint64_t bytes = extent * f->img.sb.block_size;

	return (uint32_t)(bytes < f->img.sb.max_size ? bytes :
	    f->img.sb.max_size);
}

/* Regular files and links: zones, and sizes past the format's maximum. */
static void fsck_file(struct fsck *f, uint32_t n, const char *path)
{
	struct mfs_dinode ino;
	uint64_t extent;
	int big;

	fsck_iget(f, n, &ino);
	f->nfiles++;
	if (!S_ISREG(ino.mode) && !S_ISLNK(ino.mode))
		return;
	big = ino.size > f->img.sb.max_size;
	extent = fsck_zones(f, n, &ino, path, fsck_nblocks(f, big ?
	    (uint32_t)f->img.sb.max_size : ino.size), NULL, NULL);
	if (big && fsck_problem(f, "File `%s' (inode %u): size %u is larger "
	    "than the maximum %llu.", path, n, ino.size,
	    (unsigned long long)f->img.sb.max_size)) {
		fsck_iget(f, n, &ino);
		ino.size = fsck_cap_size(f, extent);
		fsck_iput(f, n, &ino);
	}
}

/* An entry naming inode 'e' from directory 'd': count it, check it and
 * queue directories.  Returns 0 when the entry is to be removed. */
int fsck_entry(struct fsck *f, const struct fsck_dirctx *d,
    uint32_t e, const char *name)
{
	struct mfs_dinode ino;
	char *path;

	if (e > f->img.sb.ninodes)
		return !fsck_problem(f, "The directory `%s' contains a bad "
		    "inode number %u for file `%s'.", d->path, e, name);
	if (!fsck_name_ok(name))
		return !fsck_problem(f, "The directory `%s' contains a bad "
		    "name for inode %u.", d->path, e);
	fsck_iget(f, e, &ino);
	if (!fsck_mode_ok(ino.mode))
		return !fsck_problem(f, "Entry `%s' in `%s' names inode %u, "
		    "which has bad mode 0%o.", name, d->path, e, ino.mode);
	if (f->reached[e] && S_ISDIR(ino.mode))
		return !fsck_problem(f, "Entry `%s' in `%s' is a second link "
		    "to directory inode %u.", name, d->path, e);
	f->links[e]++;
	if (d->self == MFS_ROOT_INO && strcmp(name, FSCK_LOST) == 0) {
		if (S_ISDIR(ino.mode))
			f->lost_ino = e;
		else
			f->lost_taken = 1;
	}
	if (f->reached[e])
		return 1;
	f->reached[e] = 1;
	if ((path = fsck_join(d->path, name)) == NULL) {
		fsck_ioerr(f, "path (out of memory) for inode", e, -ENOMEM);
		return 1;
	}
	if (!S_ISDIR(ino.mode))
		fsck_file(f, e, path);
	else if (fsck_push(f, e, d->self, path) == OK)
		return 1;
	else
		fsck_ioerr(f, "stack (out of memory) for inode", e, -ENOMEM);
	free(path);
	return 1;
}

/* A root whose mode lost its directory type but whose first block still
 * starts with "." naming inode 1 gets the type back. */
static int fsck_root_mode(struct fsck *f, struct mfs_dinode *root)
{
	const struct mfs_sb *sb = &f->img.sb;
	char name[MFS_NAME_V3 + 1];
	uint32_t z = root->zone[0];

	if (z < sb->firstdatazone || z >= sb->zones ||
	    mfsu_read_block(&f->img, z, f->blk) != OK ||
	    mfs_dirent_get(sb, f->blk, 0, name) != MFS_ROOT_INO ||
	    strcmp(name, ".") != 0)
		return -EINVAL;
	if (fsck_problem(f, "Root inode has mode 0%o, not a directory.",
	    root->mode)) {
		root->mode = (uint16_t)(S_IFDIR | (root->mode & 07777));
		fsck_iput(f, MFS_ROOT_INO, root);
	}
	return OK;
}

void fsck_walk_pending(struct fsck *f)
{
	struct fsck_dir dd;

	while (f->nstack > 0) {
		dd = f->stack[--f->nstack];
		fsck_dir(f, &dd);
		free(dd.path);
	}
}

int fsck_tree(struct fsck *f)
{
	struct mfs_dinode root;
	char *path;
	size_t i;

	fsck_iget(f, MFS_ROOT_INO, &root);
	if (!S_ISDIR(root.mode) && fsck_root_mode(f, &root) != OK) {
		fsck_unfixable(f, "root inode isn't a directory.");
		return -EINVAL;
	}
	if ((path = strdup("/")) == NULL ||
	    fsck_push(f, MFS_ROOT_INO, MFS_ROOT_INO, path) != OK) {
		free(path);
		return -ENOMEM;
	}
	f->reached[MFS_ROOT_INO] = 1;
	fsck_walk_pending(f);
	if (f->o->repair)
		fsck_reconnect(f);
	for (i = 0; i < f->nnofirst; i++)
		fsck_rebuild_first(f, &f->nofirst[i]);
	return OK;
}
