/*
 * lookup.c - finding names in directories; node references; stat.
 *
 * Lookup reads the directory's entries in order (dir.c) and compares the
 * decoded names, so what getdents lists is exactly what lookup finds;
 * hidden entries (relocated directories where they were moved to,
 * associated files, unusable names) are found by neither.  The first
 * lookup in a directory also records each visible name's hash and record
 * offset in the shared name index (fsdriver_nameidx.h); later lookups
 * decode only the candidates' records, and always compare the name again
 * (the volume is read-only, so the index cannot go stale).  Decoding a
 * Rock Ridge name per record made a walk of an n-entry directory cost
 * n^2/2 decodes: an ISO tree read cost 2x MFS's (make bench, fsread).  A directory
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

#define LOOKUP_HIDDEN	(ISO_E_HIDE | ISO_E_DOT | ISO_E_DOTDOT)

/* The entry named 'name' among those 'it' yields: 1 (in *e, to free),
 * 0 if none, or a negative errno.  'one' stops after one entry. */
static int lookup_scan(struct iso_dir_iter *it, const char *name, size_t len,
    bool one, struct iso_entry *e)
{
	int r;

	while ((r = iso_dir_next(it, e)) == 1) {
		if (!(e->flags & LOOKUP_HIDDEN) && e->namelen == len &&
		    memcmp(e->name, name, len) == 0)
			return 1;
		iso_entry_free(e);
		if (one)
			return 0;
	}
	return r;
}

/* Record every visible name of dir in its index (once); on an error or
 * without memory dir has none and lookups scan. */
static void lookup_index(struct iso_node *dir)
{
	struct iso_dir_iter it;
	struct iso_entry e;
	uint64_t pos;
	int r;

	dir->names_built = true;
	if (fsdriver_nameidx_new(&dir->names) != OK)
		return;
	iso_dir_iter_init(&it, dir->dir_lba, dir->attr.size, 0);
	for (pos = it.off; (r = iso_dir_next(&it, &e)) == 1; pos = it.off) {
		if (!(e.flags & LOOKUP_HIDDEN))
			fsdriver_nameidx_add(&dir->names,
			    fsdriver_nameidx_hash(e.name, e.namelen), pos);
		iso_entry_free(&e);
	}
	if (r < 0)
		fsdriver_nameidx_free(&dir->names);
}

static int lookup_name(struct iso_node *dir, const char *name,
    struct iso_node **np)
{
	size_t len = strlen(name);
	struct iso_dir_iter it;
	struct iso_entry e;
	void *cursor = NULL;
	uint64_t pos;
	int r = 0;

	if (!dir->names_built)
		lookup_index(dir);
	if (dir->names) {
		while (r == 0 && fsdriver_nameidx_next(dir->names,
		    fsdriver_nameidx_hash(name, len), &cursor, &pos)) {
			iso_dir_iter_init(&it, dir->dir_lba, dir->attr.size, pos);
			r = lookup_scan(&it, name, len, true, &e);
		}
	} else {
		iso_dir_iter_init(&it, dir->dir_lba, dir->attr.size, 0);
		r = lookup_scan(&it, name, len, false, &e);
	}
	if (r != 1)
		return r < 0 ? r : -ENOENT;
	if (e.flags & ISO_E_DIR)
		r = lookup_child_dir(dir, e.dir_lba, np);
	else
		r = iso_node_file(&e, np);
	iso_entry_free(&e);
	return r;
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
