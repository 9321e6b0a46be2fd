/*
 * xattr.c - extended attributes on disk: load all, store all.
 *
 * An inode's attributes live in two places: the inode's extra space (after
 * 128 + i_extra_isize: a magic word, then entries) and one attribute block
 * (i_file_acl: a 32-byte header, then entries).  In both, entries grow from
 * the front, ended by four zero bytes, and values (4-byte padded) from the
 * back.  Rather than editing entries in place, a change loads every
 * attribute into a list, edits the list, and lays the whole list out again:
 * in the inode first, the rest in the block.
 *
 * The block may be shared by several inodes (h_refcount).  A shared block
 * is never changed: the inode gets a fresh block (copy-on-write) and the old
 * one loses a reference.  Entry hashes and the header hash are kept valid,
 * computed as e2fsprogs and Linux do, so e2fsck accepts what is written.
 */
#include <stdlib.h>
#include <string.h>

#include "ext2.h"

#define EXT2_XATTR_END_LEN	4	/* the four zero bytes ending entries */

/* ---- hashes -------------------------------------------------------------- */

static uint32_t ext2_xattr_hash(const struct ext2_xattr_entry *e,
    const void *value)
{
	const unsigned char *name = (const unsigned char *)e->e_name;
	const uint32_t *v = value;
	uint32_t h = 0, n;

	for (n = 0; n < e->e_name_len; n++)
		h = (h << EXT2_XATTR_NAME_HASH_SHIFT) ^
		    (h >> (32 - EXT2_XATTR_NAME_HASH_SHIFT)) ^ name[n];
	for (n = EXT2_XATTR_ROUND(e->e_value_size) / 4; n > 0; n--)
		h = (h << EXT2_XATTR_VALUE_HASH_SHIFT) ^
		    (h >> (32 - EXT2_XATTR_VALUE_HASH_SHIFT)) ^ *v++;
	return h;
}

static void ext2_xattr_block_hash(struct ext2_xattr_header *h, char *first)
{
	struct ext2_xattr_entry *e = (struct ext2_xattr_entry *)first;
	uint32_t hash = 0;

	while (*(uint32_t *)e != 0) {
		if (e->e_hash == 0) {
			hash = 0;
			break;
		}
		hash = (hash << EXT2_XATTR_BLOCK_HASH_SHIFT) ^
		    (hash >> (32 - EXT2_XATTR_BLOCK_HASH_SHIFT)) ^ e->e_hash;
		e = (struct ext2_xattr_entry *)((char *)e +
		    EXT2_XATTR_ENTRY_LEN(e->e_name_len));
	}
	h->h_hash = hash;
}

/* ---- the in-memory list --------------------------------------------------- */

void ext2_xattr_set_free(struct ext2_xattr_set *set)
{
	unsigned int i;

	for (i = 0; i < set->n; i++)
		free(set->v[i].value);
	free(set->v);
	set->v = NULL;
	set->n = set->cap = 0;
}

void ext2_xattr_set_free_one(struct ext2_xattr_set *set, unsigned int i)
{
	free(set->v[i].value);
	set->v[i] = set->v[--set->n];
}

int ext2_xattr_set_add(struct ext2_xattr_set *set, uint8_t index,
    const char *name, size_t nlen, const void *value, size_t vlen)
{
	struct ext2_xattr *x, *nv;

	if (set->n == set->cap) {
		nv = realloc(set->v, (set->cap * 2 + 4) * sizeof(*nv));
		if (nv == NULL)
			return -ENOMEM;
		set->v = nv;
		set->cap = set->cap * 2 + 4;
	}
	x = &set->v[set->n];
	x->index = index;
	x->name_len = (uint8_t)nlen;
	memcpy(x->name, name, nlen);
	x->name[nlen] = '\0';
	x->value_len = (uint32_t)vlen;
	if ((x->value = malloc(vlen ? vlen : 1)) == NULL)
		return -ENOMEM;
	memcpy(x->value, value, vlen);
	set->n++;
	return OK;
}

/* ---- parsing -------------------------------------------------------------- */

/* Parse the entries at [first, end) whose values are at 'vbase' + offset,
 * with values allowed in [vmin, end). */
static int ext2_xattr_parse(char *first, char *end, char *vbase, char *vmin,
    struct ext2_xattr_set *set)
{
	struct ext2_xattr_entry *e = (struct ext2_xattr_entry *)first;
	char *val;
	int err;

	for (;;) {
		if ((char *)e + EXT2_XATTR_END_LEN > end)
			return -EIO;
		if (*(uint32_t *)e == 0)
			return OK;
		if ((char *)e + sizeof(*e) > end ||
		    (char *)e + EXT2_XATTR_ENTRY_LEN(e->e_name_len) > end ||
		    e->e_value_inum != 0)
			return -EIO;
		val = vbase + e->e_value_offs;
		if (val < vmin || val > end || e->e_value_size > (size_t)(end - val))
			return -EIO;
		err = ext2_xattr_set_add(set, e->e_name_index, e->e_name,
		    e->e_name_len, val, e->e_value_size);
		if (err != OK)
			return err;
		e = (struct ext2_xattr_entry *)((char *)e +
		    EXT2_XATTR_ENTRY_LEN(e->e_name_len));
	}
}

/* Where the in-inode area starts (after its magic) and ends, or NULL. */
static char *ext2_xattr_ibody(struct ext2_inode *ip, char **end)
{
	size_t isz = ext2_fs.inode_size, start;

	if (isz <= EXT2_GOOD_OLD_INODE_SIZE || ip->i_d->i_extra_isize == 0)
		return NULL;
	start = EXT2_GOOD_OLD_INODE_SIZE + ip->i_d->i_extra_isize;
	if (start + 4 + EXT2_XATTR_END_LEN > isz)
		return NULL;
	*end = (char *)ip->i_d + isz;
	return (char *)ip->i_d + start;
}

static int ext2_xattr_load_block(struct ext2_inode *ip,
    struct ext2_xattr_set *set)
{
	uint32_t b = ip->i_d->i_file_acl;
	struct ext2_xattr_header *h;
	struct buf *bp;
	char *base;
	int err;

	if (!ext2_block_ok(b))
		return -EIO;
	if ((err = lmfs_get_block(&bp, ext2_fs.dev, b, NORMAL)) != OK)
		return err;
	base = b_data(bp);
	h = (struct ext2_xattr_header *)base;
	if (h->h_magic != EXT2_XATTR_MAGIC || h->h_blocks != 1 ||
	    h->h_refcount == 0)
		err = -EIO;
	else
		err = ext2_xattr_parse(base + sizeof(*h),
		    base + ext2_fs.block_size, base, base + sizeof(*h), set);
	lmfs_put_block(bp);
	return err;
}

int ext2_xattr_load(struct ext2_inode *ip, struct ext2_xattr_set *set)
{
	char *body, *end;
	int err = OK;

	set->v = NULL;
	set->n = set->cap = 0;
	body = ext2_xattr_ibody(ip, &end);
	if (body != NULL && *(uint32_t *)body == EXT2_XATTR_MAGIC)
		err = ext2_xattr_parse(body + 4, end, body + 4, body + 4, set);
	if (err == OK && ip->i_d->i_file_acl != 0)
		err = ext2_xattr_load_block(ip, set);
	if (err == -EIO)
		fsdriver_log("ext2: extended attributes of inode %lu are "
		    "corrupt", (unsigned long)ip->i_num);
	if (err != OK)
		ext2_xattr_set_free(set);
	return err;
}

/* ---- layout --------------------------------------------------------------- */

static size_t ext2_xattr_need(const struct ext2_xattr *x)
{
	return EXT2_XATTR_ENTRY_LEN(x->name_len) +
	    EXT2_XATTR_ROUND(x->value_len);
}

/* Lay out the attributes with which[i] == sel into [first, end), with
 * value offsets counted from 'vbase'.  The caller checked that they fit. */
static void ext2_xattr_layout(const struct ext2_xattr_set *set,
    const char *which, char sel, char *first, char *end, char *vbase)
{
	struct ext2_xattr_entry *e = (struct ext2_xattr_entry *)first;
	char *vtop = end;
	unsigned int i;

	memset(first, 0, (size_t)(end - first));
	for (i = 0; i < set->n; i++) {
		const struct ext2_xattr *x = &set->v[i];

		if (which[i] != sel)
			continue;
		vtop -= EXT2_XATTR_ROUND(x->value_len);
		memcpy(vtop, x->value, x->value_len);
		e->e_name_len = x->name_len;
		e->e_name_index = x->index;
		e->e_value_offs = x->value_len ? (uint16_t)(vtop - vbase) : 0;
		e->e_value_size = x->value_len;
		memcpy(e->e_name, x->name, x->name_len);
		e->e_hash = ext2_xattr_hash(e, vtop);
		e = (struct ext2_xattr_entry *)((char *)e +
		    EXT2_XATTR_ENTRY_LEN(x->name_len));
	}
}

/* Choose where each attribute goes: which[i] = 1 in the inode, 2 in the
 * block.  *blk_need gets the bytes the block needs (0: no block). */
static int ext2_xattr_place(struct ext2_inode *ip,
    const struct ext2_xattr_set *set, char *which, size_t *blk_need)
{
	char *body, *end;
	size_t room = 0, used = EXT2_XATTR_END_LEN, bneed = 0, n;
	unsigned int i;

	if ((body = ext2_xattr_ibody(ip, &end)) != NULL)
		room = (size_t)(end - body) - 4;
	for (i = 0; i < set->n; i++) {
		n = ext2_xattr_need(&set->v[i]);
		if (used + n <= room) {
			used += n;
			which[i] = 1;
		} else {
			bneed += n;
			which[i] = 2;
		}
	}
	if (bneed != 0)
		bneed += sizeof(struct ext2_xattr_header) + EXT2_XATTR_END_LEN;
	if (bneed > ext2_fs.block_size)
		return -ENOSPC;
	*blk_need = bneed;
	return OK;
}

static void ext2_xattr_store_ibody(struct ext2_inode *ip,
    const struct ext2_xattr_set *set, const char *which)
{
	char *body, *end;
	unsigned int i, any = 0;

	if ((body = ext2_xattr_ibody(ip, &end)) == NULL)
		return;
	for (i = 0; i < set->n; i++)
		any |= which[i] == 1;
	memset(body, 0, (size_t)(end - body));
	if (any) {
		*(uint32_t *)body = EXT2_XATTR_MAGIC;
		ext2_xattr_layout(set, which, 1, body + 4, end, body + 4);
	}
	ext2_idirty(ip);
}

/* ---- the attribute block -------------------------------------------------- */

int ext2_xattr_drop_block(struct ext2_inode *ip)
{
	uint32_t b = ip->i_d->i_file_acl;
	struct ext2_xattr_header *h;
	struct buf *bp;
	int err, shared;

	if (b == 0)
		return OK;
	if (!ext2_block_ok(b))
		return fsdriver_log("ext2: inode %lu has a bad attribute "
		    "block %u", (unsigned long)ip->i_num, b), -EIO;
	if ((err = lmfs_get_block(&bp, ext2_fs.dev, b, NORMAL)) != OK)
		return err;
	h = (struct ext2_xattr_header *)b_data(bp);
	if (h->h_magic != EXT2_XATTR_MAGIC) {
		lmfs_put_block(bp);
		return fsdriver_log("ext2: attribute block %u is corrupt", b),
		    -EIO;
	}
	shared = h->h_refcount > 1;
	if (shared) {
		h->h_refcount--;
		lmfs_markdirty(bp);
	}
	lmfs_put_block(bp);
	if (!shared && (err = ext2_bfree(b)) != OK)
		return err;
	ip->i_d->i_file_acl = 0;
	ext2_iblocks_add(ip, -1);
	return OK;
}

/* Is ip's attribute block its own (refcount 1)? */
static int ext2_xattr_block_private(uint32_t b)
{
	struct buf *bp;
	int own;

	if (lmfs_get_block(&bp, ext2_fs.dev, b, NORMAL) != OK)
		return 0;
	own = ((struct ext2_xattr_header *)b_data(bp))->h_refcount == 1;
	lmfs_put_block(bp);
	return own;
}

/* Write 'img' as ip's attribute block: in place if the block is ip's own,
 * otherwise into a new block (the shared one loses a reference). */
static int ext2_xattr_put_block(struct ext2_inode *ip, const char *img)
{
	uint32_t old = ip->i_d->i_file_acl, b = old;
	struct buf *bp;
	int err;

	if (old == 0 || !ext2_block_ok(old) || !ext2_xattr_block_private(old)) {
		if ((err = ext2_balloc(old, &b)) != OK)
			return err;
		if (old != 0 && (err = ext2_xattr_drop_block(ip)) != OK) {
			ext2_bfree(b);
			return err;
		}
		ip->i_d->i_file_acl = b;
		ext2_iblocks_add(ip, 1);
	}
	if ((err = lmfs_get_block(&bp, ext2_fs.dev, b, NO_READ)) != OK)
		return err;
	memcpy(b_data(bp), img, ext2_fs.block_size);
	lmfs_markdirty(bp);
	lmfs_put_block(bp);
	return OK;
}

static int ext2_xattr_store_block(struct ext2_inode *ip,
    const struct ext2_xattr_set *set, const char *which, size_t need)
{
	size_t bs = ext2_fs.block_size;
	struct ext2_xattr_header *h;
	char *img;
	int err;

	if (need == 0)
		return ext2_xattr_drop_block(ip);
	if ((img = calloc(1, bs)) == NULL)
		return -ENOMEM;
	h = (struct ext2_xattr_header *)img;
	h->h_magic = EXT2_XATTR_MAGIC;
	h->h_refcount = 1;
	h->h_blocks = 1;
	ext2_xattr_layout(set, which, 2, img + sizeof(*h), img + bs, img);
	ext2_xattr_block_hash(h, img + sizeof(*h));
	err = ext2_xattr_put_block(ip, img);
	free(img);
	return err;
}

int ext2_xattr_store(struct ext2_inode *ip, const struct ext2_xattr_set *set)
{
	size_t need;
	char *which;
	int err;

	if ((which = calloc(set->n + 1, 1)) == NULL)
		return -ENOMEM;
	if ((err = ext2_xattr_place(ip, set, which, &need)) == OK &&
	    (err = ext2_xattr_store_block(ip, set, which, need)) == OK)
		ext2_xattr_store_ibody(ip, set, which);
	free(which);
	return err;
}
