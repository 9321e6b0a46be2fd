/*
 * xattr_acl.c - POSIX ACLs: ext2's compact disk form <-> the xattr form.
 *
 * Callers see system.posix_acl_access/_default in the form Linux's VFS
 * uses: a version-2 header, then 8-byte entries (tag, perm, id).  ext2
 * stores them (name index 2 and 3, empty name) with a version-1 header and
 * 4-byte entries for the tags that carry no id (owner, owning group, mask,
 * other) and 8-byte ones for named users and groups.
 *
 * The access ACL and the mode's permission bits describe the same thing
 * and are kept in step, as Linux does: setting an ACL sets the mode (owner
 * from the owner entry, group from the mask or else the owning group,
 * other from other), and an ACL that says no more than the mode is not
 * stored at all; chmod rewrites those three entries of a stored ACL.
 */
#include <string.h>

#include "ext2.h"

#define ACL_XATTR_VERSION	2
#define ACL_DISK_VERSION	1
#define ACL_UNDEFINED_ID	0xffffffffu

#define ACL_USER_OBJ		0x01
#define ACL_USER		0x02
#define ACL_GROUP_OBJ		0x04
#define ACL_GROUP		0x08
#define ACL_MASK		0x10
#define ACL_OTHER		0x20

struct acl_xattr_entry {
	uint16_t e_tag;
	uint16_t e_perm;
	uint32_t e_id;
};

static int ext2_acl_has_id(uint16_t tag)
{
	return tag == ACL_USER || tag == ACL_GROUP;
}

static int ext2_acl_tag_ok(uint16_t tag)
{
	return tag == ACL_USER_OBJ || tag == ACL_USER || tag == ACL_GROUP_OBJ ||
	    tag == ACL_GROUP || tag == ACL_MASK || tag == ACL_OTHER;
}

size_t ext2_acl_xattr_size(size_t disk_len)
{
	return 4 + (disk_len > 4 ? (disk_len - 4) / 4 : 0) * 8;
}

int ext2_acl_to_xattr(const char *disk, size_t len, char *out,
    size_t *outlen)
{
	struct acl_xattr_entry e;
	uint32_t version;
	size_t in = 4, o = 4;

	if (len < 4 || (memcpy(&version, disk, 4), version != ACL_DISK_VERSION))
		return -EIO;
	version = ACL_XATTR_VERSION;
	memcpy(out, &version, 4);
	while (in < len) {
		if (len - in < 4)
			return -EIO;
		memcpy(&e, disk + in, 4);
		if (!ext2_acl_tag_ok(e.e_tag))
			return -EIO;
		e.e_id = ACL_UNDEFINED_ID;
		if (ext2_acl_has_id(e.e_tag)) {
			if (len - in < 8)
				return -EIO;
			memcpy(&e.e_id, disk + in + 4, 4);
			in += 4;
		}
		in += 4;
		memcpy(out + o, &e, sizeof(e));
		o += sizeof(e);
	}
	*outlen = o;
	return OK;
}

int ext2_acl_from_xattr(const char *x, size_t len, char *out, size_t *outlen)
{
	struct acl_xattr_entry e;
	uint32_t version;
	size_t in, o = 4;

	if (len < 4 || (len - 4) % sizeof(e) != 0 ||
	    (memcpy(&version, x, 4), version != ACL_XATTR_VERSION))
		return -EINVAL;
	version = ACL_DISK_VERSION;
	memcpy(out, &version, 4);
	for (in = 4; in < len; in += sizeof(e)) {
		memcpy(&e, x + in, sizeof(e));
		if (!ext2_acl_tag_ok(e.e_tag))
			return -EINVAL;
		memcpy(out + o, &e, 4);
		o += 4;
		if (ext2_acl_has_id(e.e_tag)) {
			memcpy(out + o, &e.e_id, 4);
			o += 4;
		}
	}
	*outlen = o;
	return OK;
}

/* Walk the entries of a disk-form ACL (already checked by a conversion or
 * checked here), calling fn on each tag/perm pair. */
static int ext2_acl_walk(char *disk, size_t len,
    void (*fn)(uint16_t tag, uint16_t *perm, void *arg), void *arg)
{
	uint16_t tag, perm;
	size_t in = 4;

	while (in < len) {
		if (len - in < 4)
			return -EIO;
		memcpy(&tag, disk + in, 2);
		memcpy(&perm, disk + in + 2, 2);
		if (!ext2_acl_tag_ok(tag))
			return -EIO;
		fn(tag, &perm, arg);
		memcpy(disk + in + 2, &perm, 2);
		in += ext2_acl_has_id(tag) ? 8 : 4;
		if (in > len)
			return -EIO;
	}
	return OK;
}

struct ext2_acl_perms {
	mode_t user, group, mask, other;
	int has_mask, extended;
};

static void ext2_acl_collect(uint16_t tag, uint16_t *perm, void *arg)
{
	struct ext2_acl_perms *p = arg;

	switch (tag) {
	case ACL_USER_OBJ: p->user = *perm & 7; break;
	case ACL_GROUP_OBJ: p->group = *perm & 7; break;
	case ACL_OTHER: p->other = *perm & 7; break;
	case ACL_MASK:
		p->mask = *perm & 7;
		p->has_mask = 1;
		p->extended = 1;
		break;
	default: p->extended = 1; break;
	}
}

int ext2_acl_disk_mode(const char *disk, size_t len, mode_t *perm,
    int *equiv)
{
	struct ext2_acl_perms p = { 0, 0, 0, 0, 0, 0 };
	char copy[EXT2_ACL_MAX];
	int err;

	if (len > sizeof(copy))
		return -EINVAL;
	memcpy(copy, disk, len);
	if ((err = ext2_acl_walk(copy, len, ext2_acl_collect, &p)) != OK)
		return err;
	*perm = (p.user << 6) | ((p.has_mask ? p.mask : p.group) << 3) |
	    p.other;
	*equiv = !p.extended;
	return OK;
}

static void ext2_acl_set_perms(uint16_t tag, uint16_t *perm, void *arg)
{
	const struct ext2_acl_perms *p = arg;

	if (tag == ACL_USER_OBJ)
		*perm = (uint16_t)p->user;
	else if (tag == ACL_OTHER)
		*perm = (uint16_t)p->other;
	else if (tag == (p->has_mask ? ACL_MASK : ACL_GROUP_OBJ))
		*perm = (uint16_t)p->group;
}

static void ext2_acl_find_mask(uint16_t tag, uint16_t *perm, void *arg)
{
	(void)perm;
	if (tag == ACL_MASK)
		((struct ext2_acl_perms *)arg)->has_mask = 1;
}

int ext2_acl_chmod_disk(char *disk, size_t len, mode_t mode)
{
	struct ext2_acl_perms p = { (mode >> 6) & 7, (mode >> 3) & 7, 0,
	    mode & 7, 0, 0 };
	int err;

	if ((err = ext2_acl_walk(disk, len, ext2_acl_find_mask, &p)) != OK)
		return err;
	return ext2_acl_walk(disk, len, ext2_acl_set_perms, &p);
}
