/*
 * lookup.c - finding names in directories; node references; stat.
 *
 * Lookup reads the directory's entries in order (dir.c) and compares the
 * decoded names, so what getdents lists is exactly what lookup finds;
 * hidden entries (relocated directories where they were moved to,
 * associated files, unusable names) are found by neither.  A directory
 * entry (or a Rock Ridge CL placeholder) leads to the directory's own "."
 * record; ".." uses the ".." record, or its PL entry for a relocated
 * directory.
 *
 * A hostile image can make a directory contain itself or an ancestor, or
 * nest without end.  Lookup refuses (-EIO, logged) a child directory that
 * is one of the parent's ancestors as far as the held nodes know them, and
 * any nesting deeper than ISO_MAX_DEPTH, so a tree walk always ends.
 */
#include <errno.h>
#include <string.h>
#include "iso.h"

/* Is directory number 'ino' the directory 'dir' or one of its ancestors? */
static bool lookup_is_ancestor(const struct iso_node *dir, ino_t ino)
{
	unsigned int hops;

	for (hops = 0; dir != NULL && hops <= ISO_MAX_DEPTH; hops++) {
		if (dir->ino == ino)
			return true;
		if (dir->ino == iso_vol.root_ino || dir->parent == 0)
			break;
		dir = iso_node_find(dir->parent);
	}
	return false;
}

static int lookup_child_dir(struct iso_node *dir, uint32_t lba,
    struct iso_node **np)
{
	if (lookup_is_ancestor(dir, (ino_t)lba * 64)) {
		fsdriver_log("isofs: directory cycle at block %u", lba);
		return -EIO;
	}
	if (dir->depth + 1 > ISO_MAX_DEPTH) {
		fsdriver_log("isofs: directories nested deeper than %d",
		    ISO_MAX_DEPTH);
		return -EIO;
	}
	return iso_node_dir(lba, dir->ino, dir->depth + 1, np);
}

static int lookup_dotdot(struct iso_node *dir, struct iso_node **np)
{
	struct iso_dir_iter it;
	struct iso_entry e;
	uint32_t lba = 0;
	bool found = false;
	int r;

	if (dir->ino == iso_vol.root_ino) {
		iso_node_ref(dir);
		*np = dir;
		return OK;
	}
	iso_dir_iter_init(&it, dir->dir_lba, dir->attr.size, 0);
	while (!found && (r = iso_dir_next(&it, &e)) == 1) {
		found = e.flags & ISO_E_DOTDOT;
		lba = e.dir_lba;
		iso_entry_free(&e);
	}
	if (!found) {
		fsdriver_log("isofs: directory at block %u has no \"..\"",
		    dir->dir_lba);
		return -EIO;
	}
	return iso_node_dir(lba, 0, dir->depth ? dir->depth - 1 : 0, np);
}

static int lookup_name(struct iso_node *dir, const char *name,
    struct iso_node **np)
{
	size_t len = strlen(name);
	struct iso_dir_iter it;
	struct iso_entry e;
	int r;

	iso_dir_iter_init(&it, dir->dir_lba, dir->attr.size, 0);
	while ((r = iso_dir_next(&it, &e)) == 1) {
		if (!(e.flags & (ISO_E_HIDE | ISO_E_DOT | ISO_E_DOTDOT)) &&
		    e.namelen == len && memcmp(e.name, name, len) == 0) {
			if (e.flags & ISO_E_DIR)
				r = lookup_child_dir(dir, e.dir_lba, np);
			else
				r = iso_node_file(&e, np);
			iso_entry_free(&e);
			return r;
		}
		iso_entry_free(&e);
	}
	return r < 0 ? r : -ENOENT;
}

int isofs_lookup(ino_t dir_nr, const char *name, struct fsdriver_node *node)
{
	struct iso_node *dir, *n;
	int r;

	r = iso_node_get(dir_nr, &dir);
	if (r != OK)
		return r;
	if (!S_ISDIR(dir->attr.mode))
		return -ENOTDIR;
	if (strlen(name) > ISO_NAME_MAX)
		return -ENAMETOOLONG;
	if (strcmp(name, ".") == 0) {
		iso_node_ref(dir);
		n = dir;
	} else if (strcmp(name, "..") == 0) {
		r = lookup_dotdot(dir, &n);
	} else {
		r = lookup_name(dir, name, &n);
	}
	if (r == OK)
		iso_node_fill(n, node);
	return r;
}

int isofs_putnode(ino_t ino_nr, unsigned int count)
{
	return iso_node_put(ino_nr, count);
}

int isofs_stat(ino_t ino_nr, struct stat *st)
{
	struct iso_node *n;
	int r;

	r = iso_node_get(ino_nr, &n);
	if (r != OK)
		return r;
	memset(st, 0, sizeof(*st));
	st->st_dev = iso_vol.dev;
	st->st_ino = n->ino;
	st->st_mode = n->attr.mode;
	st->st_nlink = n->attr.nlink;
	st->st_uid = n->attr.uid;
	st->st_gid = n->attr.gid;
	st->st_rdev = n->attr.rdev;
	st->st_size = (off_t)n->attr.size;
	st->st_blksize = ISO_BLOCK_SIZE;
	st->st_blocks = (blkcnt_t)((n->attr.size + 511) / 512);
	st->st_atim = n->attr.atime;
	st->st_mtim = n->attr.mtime;
	st->st_ctim = n->attr.ctime;
	return OK;
}
