/*
 * xattr_ops.c - the extended-attribute calls: get, list, set, remove.
 *
 * On disk a name is a namespace index plus a suffix; the table below maps
 * the prefixes this driver serves.  The two POSIX ACL names are whole
 * names (empty suffix on disk) whose values are converted between the
 * caller's form and ext2's compact one (xattr_acl.c).  Other namespaces
 * (system.*, ...) are answered with EOPNOTSUPP and left out of listings.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/xattr.h>

#include "ext2.h"

struct ext2_xattr_ns {
	uint8_t index;
	const char *prefix;
	int whole;		/* the prefix is the whole name */
};

static const struct ext2_xattr_ns ext2_xattr_ns[] = {
	{ EXT2_XATTR_INDEX_USER, "user.", 0 },
	{ EXT2_XATTR_INDEX_TRUSTED, "trusted.", 0 },
	{ EXT2_XATTR_INDEX_SECURITY, "security.", 0 },
	{ EXT2_XATTR_INDEX_POSIX_ACL_ACCESS, "system.posix_acl_access", 1 },
	{ EXT2_XATTR_INDEX_POSIX_ACL_DEFAULT, "system.posix_acl_default", 1 },
	{ 0, NULL, 0 }
};

static int ext2_xattr_is_acl(uint8_t index)
{
	return index == EXT2_XATTR_INDEX_POSIX_ACL_ACCESS ||
	    index == EXT2_XATTR_INDEX_POSIX_ACL_DEFAULT;
}

static const char *ext2_xattr_prefix(uint8_t index)
{
	const struct ext2_xattr_ns *ns;

	for (ns = ext2_xattr_ns; ns->prefix != NULL; ns++)
		if (ns->index == index)
			return ns->prefix;
	return NULL;
}

/* Split a full name into index and suffix. */
static int ext2_xattr_split(const char *name, uint8_t *index,
    const char **suffix)
{
	const struct ext2_xattr_ns *ns;
	size_t plen;

	for (ns = ext2_xattr_ns; ns->prefix != NULL; ns++) {
		plen = strlen(ns->prefix);
		if (strncmp(name, ns->prefix, plen) != 0 ||
		    (ns->whole && name[plen] != '\0'))
			continue;
		*index = ns->index;
		*suffix = name + plen;
		if (**suffix == '\0' && !ns->whole)
			return -EINVAL;
		return strlen(*suffix) > 255 ? -ERANGE : OK;
	}
	return -EOPNOTSUPP;
}

static int ext2_xattr_find(const struct ext2_xattr_set *set, uint8_t index,
    const char *suffix)
{
	size_t len = strlen(suffix);
	unsigned int i;

	for (i = 0; i < set->n; i++)
		if (set->v[i].index == index && set->v[i].name_len == len &&
		    memcmp(set->v[i].name, suffix, len) == 0)
			return (int)i;
	return -ENODATA;
}

/* Get ip and its attributes; on success the caller frees both. */
static int ext2_xattr_open(ino_t ino, struct ext2_inode **ipp,
    struct ext2_xattr_set *set)
{
	int err;

	if ((err = ext2_iget(ino, ipp)) != OK)
		return err;
	if ((err = ext2_xattr_load(*ipp, set)) != OK)
		ext2_iput(*ipp);
	return err;
}

/* The value of x as callers see it: *val is x->value, or (ACLs) a
 * converted copy in *conv that the caller frees. */
static int ext2_xattr_value_out(const struct ext2_xattr *x, char **conv,
    const char **val, size_t *len)
{
	int err;

	*conv = NULL;
	*val = x->value;
	*len = x->value_len;
	if (!ext2_xattr_is_acl(x->index))
		return OK;
	if ((*conv = malloc(ext2_acl_xattr_size(x->value_len))) == NULL)
		return -ENOMEM;
	*val = *conv;
	if ((err = ext2_acl_to_xattr(x->value, x->value_len, *conv, len)) != OK)
		fsdriver_log("ext2: a POSIX ACL is corrupt");
	return err;
}

/* Answer a get: the size (bytes == 0), -ERANGE, or the value. */
static ssize_t ext2_xattr_reply(struct fsdriver_data *data, size_t bytes,
    const char *val, size_t len)
{
	int err;

	if (bytes == 0)
		return (ssize_t)len;
	if (bytes < len)
		return -ERANGE;
	err = fsdriver_copyout(data, 0, val, len);
	return err != OK ? err : (ssize_t)len;
}

ssize_t ext2_getxattr(ino_t ino, const char *name,
    struct fsdriver_data *data, size_t bytes)
{
	struct ext2_xattr_set set;
	struct ext2_inode *ip;
	const char *suffix, *val;
	char *conv = NULL;
	uint8_t index;
	size_t len;
	ssize_t r;
	int i;

	if ((r = ext2_xattr_split(name, &index, &suffix)) != OK)
		return r == -ERANGE ? -ENODATA : r;
	if ((r = ext2_xattr_open(ino, &ip, &set)) != OK)
		return r;
	if ((i = ext2_xattr_find(&set, index, suffix)) < 0)
		r = i;
	else if ((r = ext2_xattr_value_out(&set.v[i], &conv, &val, &len)) == OK)
		r = ext2_xattr_reply(data, bytes, val, len);
	free(conv);
	ext2_xattr_set_free(&set);
	ext2_iput(ip);
	return r;
}

ssize_t ext2_listxattr(ino_t ino, struct fsdriver_data *data, size_t bytes)
{
	struct ext2_xattr_set set;
	struct ext2_inode *ip;
	const char *prefix;
	size_t total = 0, plen, len;
	unsigned int i;
	int err = OK;

	if ((err = ext2_xattr_open(ino, &ip, &set)) != OK)
		return err;
	for (i = 0; i < set.n && err == OK; i++) {
		if ((prefix = ext2_xattr_prefix(set.v[i].index)) == NULL)
			continue;
		plen = strlen(prefix);
		len = plen + set.v[i].name_len + 1;
		if (bytes != 0 && total + len > bytes)
			err = -ERANGE;
		else if (bytes != 0 &&
		    ((err = fsdriver_copyout(data, total, prefix, plen)) != OK ||
		    (err = fsdriver_copyout(data, total + plen, set.v[i].name,
		    set.v[i].name_len + 1u)) != OK))
			break;
		total += len;
	}
	ext2_xattr_set_free(&set);
	ext2_iput(ip);
	return err != OK ? err : (ssize_t)total;
}

/* Apply a set or remove (value == NULL) to the list. */
static int ext2_xattr_edit(struct ext2_xattr_set *set, uint8_t index,
    const char *suffix, const void *value, size_t len, int flags)
{
	int i = ext2_xattr_find(set, index, suffix);

	if (value == NULL) {
		if (i < 0)
			return i;
		ext2_xattr_set_free_one(set, (unsigned int)i);
		return OK;
	}
	if (i >= 0 && (flags & XATTR_CREATE))
		return -EEXIST;
	if (i < 0 && (flags & XATTR_REPLACE))
		return -ENODATA;
	if (i >= 0)
		ext2_xattr_set_free_one(set, (unsigned int)i);
	return ext2_xattr_set_add(set, index, suffix, strlen(suffix), value,
	    len);
}

/* A new access ACL sets the mode's permission bits; one that adds nothing
 * to them is dropped (Linux's posix_acl_update_mode). */
static int ext2_acl_apply(struct ext2_inode *ip, struct ext2_xattr_set *set)
{
	int i = ext2_xattr_find(set, EXT2_XATTR_INDEX_POSIX_ACL_ACCESS, "");
	mode_t perm;
	int equiv, err;

	if (i < 0)
		return OK;
	err = ext2_acl_disk_mode(set->v[i].value, set->v[i].value_len, &perm,
	    &equiv);
	if (err != OK)
		return err;
	ip->i_d->i_mode = (uint16_t)((ip->i_d->i_mode & ~0777u) | perm);
	if (equiv)
		ext2_xattr_set_free_one(set, (unsigned int)i);
	return OK;
}

int ext2_acl_chmod(struct ext2_inode *ip)
{
	struct ext2_xattr_set set;
	int i, err;

	if ((err = ext2_xattr_load(ip, &set)) != OK)
		return err;
	i = ext2_xattr_find(&set, EXT2_XATTR_INDEX_POSIX_ACL_ACCESS, "");
	if (i >= 0 && (err = ext2_acl_chmod_disk(set.v[i].value,
	    set.v[i].value_len, ip->i_d->i_mode)) == OK)
		err = ext2_xattr_store(ip, &set);
	ext2_xattr_set_free(&set);
	return err;
}

/* Change one attribute of inode 'ino' (remove it when value is NULL). */
static int ext2_xattr_change(ino_t ino, const char *name, const void *value,
    size_t len, int flags)
{
	struct ext2_xattr_set set;
	struct ext2_inode *ip;
	const char *suffix;
	uint8_t index;
	int err;

	if ((err = ext2_check_rw()) != OK)
		return err;
	if ((err = ext2_xattr_split(name, &index, &suffix)) != OK)
		return err;
	if ((err = ext2_xattr_open(ino, &ip, &set)) != OK)
		return err;
	if (index == EXT2_XATTR_INDEX_USER && !S_ISREG(ip->i_d->i_mode) &&
	    !S_ISDIR(ip->i_d->i_mode))
		err = -EPERM;
	else if ((err = ext2_xattr_edit(&set, index, suffix, value, len,
	    flags)) == OK && (err = ext2_acl_apply(ip, &set)) == OK &&
	    (err = ext2_xattr_store(ip, &set)) == OK)
		ext2_touch(ip, EXT2_CTIME);
	ext2_xattr_set_free(&set);
	ext2_iput(ip);
	return err;
}

int ext2_setxattr(ino_t ino, const char *name, struct fsdriver_data *data,
    size_t bytes, int flags)
{
	char *value, *disk = NULL;
	size_t len = bytes;
	int err;

	if (bytes > ext2_fs.block_size)
		return -E2BIG;
	if ((value = malloc(bytes ? bytes : 1)) == NULL ||
	    (disk = malloc(bytes ? bytes : 1)) == NULL) {
		err = -ENOMEM;
		goto out;
	}
	if ((err = fsdriver_copyin(data, 0, value, bytes)) != OK)
		goto out;
	if (strncmp(name, "system.posix_acl_", 17) == 0) {
		if ((err = ext2_acl_from_xattr(value, bytes, disk, &len)) != OK)
			goto out;
		memcpy(value, disk, len);
	}
	err = ext2_xattr_change(ino, name, value, len, flags);
out:
	free(disk);
	free(value);
	return err;
}

int ext2_removexattr(ino_t ino, const char *name)
{
	return ext2_xattr_change(ino, name, NULL, 0, 0);
}
