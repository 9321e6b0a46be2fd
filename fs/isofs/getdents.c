/*
 * getdents.c - directory listings.
 *
 * The position is the byte offset of the next record in the directory, so
 * a listing resumes exactly where the last reply stopped, whatever the
 * reply size.  "." and ".." come from their records (".." of a relocated
 * directory from its PL entry); hidden entries are passed over; an entry
 * that does not fit ends the reply without being consumed.  Inode numbers
 * are the ones lookup gives (see iso.h).
 */
#include <errno.h>
#include <mica/dirent.h>
#include "iso.h"

/* Add entry 'e' of directory 'dir': 1 added, 0 full, or an error. */
static int getdents_add(struct fsdriver_dentry *d,
    const struct iso_node *dir, const struct iso_entry *e)
{
	ino_t ino = e->flags & ISO_E_DOT ? dir->ino : e->ino;
	mode_t mode = e->flags & ISO_E_DIR ? S_IFDIR : e->attr.mode;

	if ((e->flags & ISO_E_DOTDOT) && dir->ino == iso_vol.root_ino)
		ino = dir->ino;
	return fsdriver_dentry_add(d, ino, e->name, e->namelen,
	    fsdriver_mode_dtype(mode), (off_t)e->next);
}

ssize_t isofs_getdents(ino_t ino_nr, struct fsdriver_data *data,
    size_t bytes, off_t *pos)
{
	char buf[4096];
	struct fsdriver_dentry d;
	struct iso_dir_iter it;
	struct iso_entry e;
	struct iso_node *dir;
	ssize_t got;
	int r;

	r = iso_node_get(ino_nr, &dir);
	if (r != OK)
		return r;
	if (!S_ISDIR(dir->attr.mode))
		return -ENOTDIR;
	if (*pos < 0 || (uint64_t)*pos >= dir->attr.size)
		return 0;
	fsdriver_dentry_init(&d, data, bytes, buf, sizeof(buf));
	iso_dir_iter_init(&it, dir->dir_lba, dir->attr.size, (uint64_t)*pos);
	while ((r = iso_dir_next(&it, &e)) == 1) {
		if (!(e.flags & ISO_E_HIDE))
			r = getdents_add(&d, dir, &e);
		iso_entry_free(&e);
		if (r <= 0)
			break;
		*pos = (off_t)e.next;
	}
	got = fsdriver_dentry_finish(&d);
	if (r < 0 && got == 0)
		return r;
	return got;
}
