/*
 * link.c - names: link, unlink, rmdir, rename.
 *
 * Each request first validates everything that can fail for a reason the
 * caller must hear (types, names, limits, emptiness, the rename loop check),
 * then acts.  Rename enters or replaces the new name before removing the
 * old one, so that at every point the file has at least one name, and a
 * replaced target is swapped in one entry update (atomic for an observer).
 *
 * Link counts: a directory has one link from its parent's entry, one from
 * its own "." and one from each subdirectory's "..".
 */
#include <string.h>
#include "mfs.h"

static int mfs_is_dot(const char *name)
{
	return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

/* fdr_link: give inode ino_nr a new name in dir_nr. */
int mfs_link(ino_t dir_nr, const char *name, ino_t ino_nr)
{
	struct mfs_inode *dp, *ip = NULL;
	uint32_t ino;
	int r;

	if ((r = mfs_check_rw()) != OK || (r = mfs_check_name(name)) != OK)
		return r;
	if ((r = mfs_get_inode(dir_nr, &dp)) != OK)
		return r;
	if ((r = mfs_get_inode(ino_nr, &ip)) != OK)
		goto out;
	if (S_ISDIR(ip->i_mode))
		r = -EPERM;
	else if (ip->i_nlinks == 0)
		r = -ENOENT;
	else if (ip->i_nlinks >= mfs_m.sb.link_max)
		r = -EMLINK;
	else if (!S_ISDIR(dp->i_mode))
		r = -ENOTDIR;
	else if (dp->i_nlinks == 0)
		r = -ENOENT;
	else if ((r = mfs_search_dir(dp, name, &ino, MFS_LOOKUP)) == OK)
		r = -EEXIST;
	else if (r == -ENOENT) {
		ino = (uint32_t)ip->i_num;
		if ((r = mfs_search_dir(dp, name, &ino, MFS_ENTER)) == OK) {
			ip->i_nlinks++;
			mfs_touch(ip, MFS_CTIME);
		}
	}
out:
	mfs_put_inode(ip);
	mfs_put_inode(dp);
	return r;
}

/* Remove the name of ip (found in dp) and its links. */
static int mfs_unlink_inode(struct mfs_inode *dp, const char *name,
    struct mfs_inode *ip)
{
	int r;

	if ((r = mfs_search_dir(dp, name, NULL, MFS_DELETE)) != OK)
		return r;
	if (S_ISDIR(ip->i_mode)) {
		ip->i_nlinks = 0;
		if (dp->i_nlinks > 0)
			dp->i_nlinks--;
	} else if (ip->i_nlinks > 0) {
		ip->i_nlinks--;
	}
	mfs_touch(ip, MFS_CTIME);
	return OK;
}

/* Is directory ip removable? */
static int mfs_dir_removable(struct mfs_inode *ip)
{
	if (ip->i_num == MFS_ROOT_INO)
		return -EBUSY;
	return mfs_search_dir(ip, NULL, NULL, MFS_IS_EMPTY);
}

/* unlink (rmdir == 0) or rmdir (rmdir == 1) 'name' from dir_nr. */
static int mfs_remove(ino_t dir_nr, const char *name, int rmdir)
{
	struct mfs_inode *dp, *ip = NULL;
	int r;

	if ((r = mfs_check_rw()) != OK || (r = mfs_check_name(name)) != OK)
		return r;
	if (rmdir && mfs_is_dot(name))
		return strcmp(name, ".") == 0 ? -EINVAL : -ENOTEMPTY;
	if ((r = mfs_get_inode(dir_nr, &dp)) != OK)
		return r;
	if ((r = mfs_lookup_inode(dp, name, &ip)) != OK)
		goto out;
	if (rmdir && !S_ISDIR(ip->i_mode))
		r = -ENOTDIR;
	else if (!rmdir && S_ISDIR(ip->i_mode))
		r = -EISDIR;
	else if (rmdir)
		r = mfs_dir_removable(ip);
	if (r == OK)
		r = mfs_unlink_inode(dp, name, ip);
	mfs_put_inode(ip);
out:
	mfs_put_inode(dp);
	return r;
}

/* fdr_unlink */
int mfs_unlink(ino_t dir_nr, const char *name)
{
	return mfs_remove(dir_nr, name, 0);
}

/* fdr_rmdir */
int mfs_rmdir(ino_t dir_nr, const char *name)
{
	return mfs_remove(dir_nr, name, 1);
}

/* -EINVAL if directory 'anc' is dir_nr or one of its ancestors (moving
 * anc there would detach it); -EIO on a loop in the tree. */
static int mfs_check_loop(uint32_t anc, uint32_t dir_nr)
{
	struct mfs_inode *dp;
	uint32_t cur = dir_nr, parent, steps;
	int r;

	for (steps = 0; steps <= mfs_m.sb.ninodes; steps++) {
		if (cur == anc)
			return -EINVAL;
		if (cur == MFS_ROOT_INO)
			return OK;
		if ((r = mfs_get_inode(cur, &dp)) != OK)
			return r == -EINVAL ? -EIO : r;
		r = mfs_search_dir(dp, "..", &parent, MFS_LOOKUP);
		mfs_put_inode(dp);
		if (r != OK)
			return r == -ENOENT ? mfs_corrupt("directory without "
			    "..:", cur, cur) : r;
		if (parent == cur)
			break;
		cur = parent;
	}
	return mfs_corrupt("directory loop above inode", dir_nr, cur);
}

/* The inodes a rename works on. */
struct mfs_rename {
	struct mfs_inode *odp, *ndp;	/* old and new parent */
	struct mfs_inode *oip, *nip;	/* the file, the one it replaces */
	const char *oname, *nname;
};

/* Validate a rename: types, emptiness, loops, limits. */
static int mfs_rename_check(struct mfs_rename *rn)
{
	int odir = S_ISDIR(rn->oip->i_mode), r;

	if (!S_ISDIR(rn->ndp->i_mode))
		return -ENOTDIR;
	if (rn->ndp->i_nlinks == 0)
		return -ENOENT;
	if (odir && rn->odp != rn->ndp &&
	    (r = mfs_check_loop((uint32_t)rn->oip->i_num,
	    (uint32_t)rn->ndp->i_num)) != OK)
		return r;
	if (rn->nip != NULL) {
		if (odir && !S_ISDIR(rn->nip->i_mode))
			return -ENOTDIR;
		if (!odir && S_ISDIR(rn->nip->i_mode))
			return -EISDIR;
		if (S_ISDIR(rn->nip->i_mode))
			return mfs_dir_removable(rn->nip);
		return OK;
	}
	if (odir && rn->odp != rn->ndp &&
	    rn->ndp->i_nlinks >= mfs_m.sb.link_max)
		return -EMLINK;
	return OK;
}

/* Carry out a validated rename. */
static int mfs_rename_act(struct mfs_rename *rn)
{
	uint32_t ino = (uint32_t)rn->oip->i_num, parent;
	int odir = S_ISDIR(rn->oip->i_mode), r;

	r = mfs_search_dir(rn->ndp, rn->nname, &ino, rn->nip != NULL ?
	    MFS_REPLACE : MFS_ENTER);
	if (r != OK)
		return r;
	if (rn->nip != NULL) {
		if (S_ISDIR(rn->nip->i_mode)) {
			rn->nip->i_nlinks = 0;
			rn->ndp->i_nlinks--;
		} else if (rn->nip->i_nlinks > 0) {
			rn->nip->i_nlinks--;
		}
		mfs_touch(rn->nip, MFS_CTIME);
	}
	if ((r = mfs_search_dir(rn->odp, rn->oname, NULL, MFS_DELETE)) != OK)
		return r;
	mfs_touch(rn->oip, MFS_CTIME);
	if (odir && rn->odp != rn->ndp) {
		parent = (uint32_t)rn->ndp->i_num;
		if ((r = mfs_search_dir(rn->oip, "..", &parent, MFS_REPLACE))
		    != OK)
			return r;
		rn->odp->i_nlinks--;
		rn->ndp->i_nlinks++;
	}
	return OK;
}

/* Look up both names and validate, then act. */
static int mfs_rename_lookup(struct mfs_rename *rn)
{
	int r;

	if ((r = mfs_lookup_inode(rn->odp, rn->oname, &rn->oip)) != OK)
		return r;
	if (!S_ISDIR(rn->ndp->i_mode))
		return -ENOTDIR;
	r = mfs_lookup_inode(rn->ndp, rn->nname, &rn->nip);
	if (r == -ENOENT)
		rn->nip = NULL;
	else if (r != OK)
		return r;
	if (rn->nip == rn->oip)
		return OK;
	if ((r = mfs_rename_check(rn)) != OK)
		return r;
	return mfs_rename_act(rn);
}

/* fdr_rename: move old_name in old_dir_nr to new_name in new_dir_nr,
 * replacing what was there. */
int mfs_rename(ino_t old_dir_nr, const char *old_name, ino_t new_dir_nr,
    const char *new_name)
{
	struct mfs_rename rn = { NULL, NULL, NULL, NULL, old_name, new_name };
	int r;

	if ((r = mfs_check_rw()) != OK ||
	    (r = mfs_check_name(old_name)) != OK ||
	    (r = mfs_check_name(new_name)) != OK)
		return r;
	if (mfs_is_dot(old_name) || mfs_is_dot(new_name))
		return -EINVAL;
	if ((r = mfs_get_inode(old_dir_nr, &rn.odp)) != OK)
		return r;
	if ((r = mfs_get_inode(new_dir_nr, &rn.ndp)) == OK) {
		r = mfs_rename_lookup(&rn);
		mfs_put_inode(rn.nip);
		mfs_put_inode(rn.oip);
		mfs_put_inode(rn.ndp);
	}
	mfs_put_inode(rn.odp);
	return r;
}
