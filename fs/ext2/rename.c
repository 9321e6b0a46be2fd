/*
 * rename.c - rename, with replacement and the directory loop check.
 *
 * Validate first (names, types, emptiness of a replaced directory, the
 * moved directory not becoming its own ancestor, link limits), then act:
 * retarget or enter the new name, remove the old one, and for a directory
 * moved across parents point its ".." at the new parent and move one link
 * from the old parent to the new.  Replacing an existing name is a single
 * in-place change of its entry, so the new name never disappears.
 */
#include <string.h>

#include "ext2.h"

struct ext2_ren {
	struct ext2_inode *odp, *ndp;	/* old and new parent */
	struct ext2_inode *oip, *nip;	/* moved inode, replaced one (or NULL) */
	const char *oname, *nname;
};

static int ext2_bad_name(const char *name)
{
	if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return -EINVAL;
	return strlen(name) > EXT2_NAME_LEN ? -ENAMETOOLONG : OK;
}

/* -EINVAL if directory 'ino' is 'dir' or one of its ancestors. */
static int ext2_ancestor_check(ino_t ino, struct ext2_inode *dir)
{
	struct ext2_inode *ip = dir, *up;
	uint32_t steps = 0;
	ino_t parent;
	int err = OK;

	ip->i_count++;
	while (ip->i_num != EXT2_ROOT_INO) {
		if (ip->i_num == ino) {
			err = -EINVAL;
			break;
		}
		if (++steps > ext2_fs.sb.s_inodes_count) {
			fsdriver_log("ext2: directory loop above inode %lu",
			    (unsigned long)dir->i_num);
			err = -EIO;
			break;
		}
		if ((err = ext2_dir_lookup(ip, "..", &parent)) != OK ||
		    (err = ext2_get_dir(parent, &up)) != OK)
			break;
		ext2_iput(ip);
		ip = up;
	}
	ext2_iput(ip);
	return err;
}

static int ext2_rename_check(struct ext2_ren *r)
{
	int is_dir = S_ISDIR(r->oip->i_d->i_mode), err;

	if (is_dir && r->odp != r->ndp &&
	    (err = ext2_ancestor_check(r->oip->i_num, r->ndp)) != OK)
		return err;
	if (r->nip == NULL)
		return (is_dir && r->odp != r->ndp &&
		    r->ndp->i_d->i_links_count >= EXT2_LINK_MAX) ? -EMLINK : OK;
	if (is_dir && !S_ISDIR(r->nip->i_d->i_mode))
		return -ENOTDIR;
	if (!is_dir && S_ISDIR(r->nip->i_d->i_mode))
		return -EISDIR;
	return is_dir ? ext2_dir_empty(r->nip) : OK;
}

static int ext2_rename_act(struct ext2_ren *r)
{
	mode_t mode = r->oip->i_d->i_mode;
	int is_dir = S_ISDIR(mode), err;

	if (r->nip != NULL)
		err = ext2_dir_retarget(r->ndp, r->nname, r->oip->i_num, mode);
	else
		err = ext2_dir_enter(r->ndp, r->nname, r->oip->i_num, mode);
	if (err != OK)
		return err;
	if (r->nip != NULL) {
		if (S_ISDIR(r->nip->i_d->i_mode)) {
			r->nip->i_d->i_links_count = 0;
			r->ndp->i_d->i_links_count--;
		} else if (r->nip->i_d->i_links_count > 0)
			r->nip->i_d->i_links_count--;
		ext2_touch(r->nip, EXT2_CTIME);
	}
	if ((err = ext2_dir_remove(r->odp, r->oname, NULL)) != OK)
		return err;
	if (is_dir && r->odp != r->ndp) {
		err = ext2_dir_retarget(r->oip, "..", r->ndp->i_num, S_IFDIR);
		r->odp->i_d->i_links_count--;
		r->ndp->i_d->i_links_count++;
		ext2_idirty(r->odp);
		ext2_idirty(r->ndp);
	}
	ext2_touch(r->oip, EXT2_CTIME);
	return err;
}

/* Look up both names; fills r->oip and r->nip. */
static int ext2_rename_get(struct ext2_ren *r)
{
	ino_t oino, nino;
	int err;

	if ((err = ext2_dir_lookup(r->odp, r->oname, &oino)) != OK ||
	    (err = ext2_iget(oino, &r->oip)) != OK)
		return err;
	err = ext2_dir_lookup(r->ndp, r->nname, &nino);
	if (err == -ENOENT)
		return OK;
	if (err == OK)
		err = ext2_iget(nino, &r->nip);
	return err;
}

int ext2_rename(ino_t odir, const char *oname, ino_t ndir,
    const char *nname)
{
	struct ext2_ren r = { NULL, NULL, NULL, NULL, oname, nname };
	int err;

	if ((err = ext2_check_rw()) != OK)
		return err;
	if ((err = ext2_bad_name(oname)) != OK ||
	    (err = ext2_bad_name(nname)) != OK)
		return err;
	if ((err = ext2_get_dir(odir, &r.odp)) != OK)
		return err;
	if ((err = ext2_get_dir(ndir, &r.ndp)) != OK)
		goto out;
	if (r.ndp->i_d->i_links_count == 0) {
		err = -ENOENT;
		goto out;
	}
	if ((err = ext2_rename_get(&r)) != OK)
		goto out;
	if (r.nip != NULL && r.nip == r.oip)
		goto out;		/* two names of one inode: nothing */
	if ((err = ext2_rename_check(&r)) == OK)
		err = ext2_rename_act(&r);
out:
	ext2_iput(r.nip);
	ext2_iput(r.oip);
	ext2_iput(r.ndp);
	ext2_iput(r.odp);
	return err;
}
