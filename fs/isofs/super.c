/*
 * super.c - the volume: probe, mount, unmount, statvfs.
 *
 * Mount reads the volume descriptor set from block 16 on (through the
 * cache, 2 KiB blocks) up to the set terminator: the first primary
 * descriptor is required and must use 2 KiB logical blocks; the first
 * supplementary descriptor with a Joliet escape sequence ("%/@", "%/C",
 * "%/E") is remembered.  Then it picks the tree to serve:
 *   - the primary tree with Rock Ridge when the root's "." record starts
 *     with a SUSP SP entry (and any ER entry names RRIP);
 *   - else the Joliet tree if there is one;
 *   - else the primary tree with plain ISO 9660 names.
 * The volume is always read-only.  The mount state lives in iso_vol.
 */
#include <errno.h>
#include <string.h>
#include "iso.h"

struct iso_vol iso_vol;

/* What the descriptor scan found. */
struct iso_vds {
	bool pvd, svd;
	uint8_t pvd_root[34], svd_root[34];
};

int isofs_probe(dev_t dev)
{
	uint64_t size = lmfs_dev_size(dev);
	uint8_t hdr[7];
	unsigned int i;
	ssize_t r;

	for (i = 0; i < ISO_VD_MAX; i++) {
		uint64_t pos = (uint64_t)(ISO_VD_FIRST_BLOCK + i) *
		    ISO_BLOCK_SIZE;

		if (pos + ISO_BLOCK_SIZE > size)
			return 0;
		r = lmfs_dev_read(dev, pos, hdr, sizeof(hdr));
		if (r < 0)
			return (int)r;
		if (r != sizeof(hdr) || memcmp(hdr + 1, ISO_STD_ID, 5) != 0)
			return 0;
		if (hdr[0] == ISO_VD_PRIMARY)
			return 1;
		if (hdr[0] == ISO_VD_TERMINATOR)
			return 0;
	}
	return 0;
}

static bool iso_is_joliet(const struct iso_pvd *vd)
{
	return vd->escapes[0] == ISO_JOLIET_ESC0 &&
	    vd->escapes[1] == ISO_JOLIET_ESC1 &&
	    (vd->escapes[2] == 0x40 || vd->escapes[2] == 0x43 ||
	    vd->escapes[2] == 0x45);
}

/* Take what we need from one descriptor; 1 at the terminator. */
static int iso_vd_one(const struct iso_pvd *vd, struct iso_vds *s)
{
	if (vd->type == ISO_VD_TERMINATOR)
		return 1;
	if (vd->type == ISO_VD_PRIMARY && !s->pvd) {
		if (iso_le16(&vd->block_size) != ISO_BLOCK_SIZE) {
			fsdriver_log("isofs: logical block size %u not "
			    "supported", iso_le16(&vd->block_size));
			return -EINVAL;
		}
		memcpy(s->pvd_root, vd->root, sizeof(s->pvd_root));
		s->pvd = true;
	} else if (vd->type == ISO_VD_SUPPLEMENTARY && !s->svd &&
	    iso_is_joliet(vd) && iso_le16(&vd->block_size) == ISO_BLOCK_SIZE) {
		memcpy(s->svd_root, vd->root, sizeof(s->svd_root));
		s->svd = true;
	}
	return OK;
}

static int iso_scan_vds(struct iso_vds *s)
{
	struct iso_pvd vd;
	unsigned int i;
	int r;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < ISO_VD_MAX; i++) {
		r = iso_read_bytes((uint64_t)(ISO_VD_FIRST_BLOCK + i) *
		    ISO_BLOCK_SIZE, &vd, sizeof(vd));
		if (r != OK || memcmp(vd.std_id, ISO_STD_ID, 5) != 0)
			break;
		r = iso_vd_one(&vd, s);
		if (r < 0)
			return r;
		if (r == 1)
			break;
	}
	if (i == ISO_VD_MAX || r != 1)
		fsdriver_log("isofs: volume descriptor set not terminated");
	if (!s->pvd) {
		fsdriver_log("isofs: no primary volume descriptor");
		return -EINVAL;
	}
	return OK;
}

/* The root's data block from a descriptor's root record. */
static int iso_root_lba(const uint8_t *rec, uint32_t *lba)
{
	const struct iso_dirrec *d = (const void *)rec;
	uint64_t x = (uint64_t)iso_le32(&d->extent) + d->xattr_length;

	if (d->length < ISO_DIRREC_MIN || !(d->flags & ISO_FLAG_DIRECTORY) ||
	    x == 0 || x >= iso_vol.blocks) {
		fsdriver_log("isofs: bad root directory record");
		return -EINVAL;
	}
	*lba = (uint32_t)x;
	return OK;
}

/* ER entries: count them, and those naming Rock Ridge. */
struct iso_er_count {
	unsigned int all, rrip;
};

static int iso_er_entry(void *arg, const uint8_t *p, size_t len)
{
	static const char *const ids[] = { "RRIP_1991A", "IEEE_P1282",
	    "IEEE_1282" };
	struct iso_er_count *c = arg;
	size_t i, idlen;

	if (p[0] != 'E' || p[1] != 'R' || len < sizeof(struct susp_er))
		return OK;
	c->all++;
	idlen = p[4];
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (idlen == strlen(ids[i]) && 8 + idlen <= len &&
		    memcmp(p + 8, ids[i], idlen) == 0)
			c->rrip++;
	return OK;
}

/* Does the primary tree carry Rock Ridge? */
static int iso_detect_rr(uint32_t root_lba)
{
	uint8_t rec[ISO_RECORD_MAX];
	struct iso_er_count c = { 0, 0 };
	const uint8_t *area;
	size_t len;
	unsigned int skip;
	int r;

	r = iso_dir_dot(root_lba, rec);
	if (r != OK)
		return r;
	if (iso_rr_detect(rec, &skip) != OK)
		return OK;
	iso_susp_area(rec, skip, &area, &len);
	r = iso_susp_walk(area, len, iso_er_entry, &c);
	if (r != OK)
		return r;
	if (c.all > 0 && c.rrip == 0)
		return OK;	/* SUSP for something else */
	iso_vol.rr = true;
	iso_vol.susp_skip = skip;
	return OK;
}

static int iso_pick_tree(struct iso_vds *s)
{
	uint32_t lba;
	int r;

	r = iso_root_lba(s->pvd_root, &lba);
	if (r == OK)
		r = iso_detect_rr(lba);
	if (r != OK)
		return r;
	if (!iso_vol.rr && s->svd && iso_root_lba(s->svd_root, &lba) == OK)
		iso_vol.joliet = true;
	iso_vol.root_lba = lba;
	return OK;
}

int isofs_mount(dev_t dev, unsigned int flags, struct fsdriver_node *root,
    unsigned int *res_flags)
{
	struct iso_node *n;
	struct iso_vds s;
	int r;

	(void)flags;
	if (iso_vol.mounted)
		return -EBUSY;
	memset(&iso_vol, 0, sizeof(iso_vol));
	iso_vol.dev = dev;
	iso_vol.dev_size = lmfs_dev_size(dev);
	iso_vol.blocks = (iso_vol.dev_size + ISO_BLOCK_SIZE - 1) /
	    ISO_BLOCK_SIZE;
	if ((r = lmfs_set_blocksize(ISO_BLOCK_SIZE)) != OK)
		return r;
	lmfs_set_blockusage(iso_vol.blocks, iso_vol.blocks);
	r = iso_scan_vds(&s);
	if (r == OK)
		r = iso_pick_tree(&s);
	if (r == OK)
		r = iso_node_dir(iso_vol.root_lba, 0, 0, &n);
	if (r != OK) {
		lmfs_invalidate(dev);
		return r == -ENOMEM ? r : -EINVAL;
	}
	n->parent = n->ino;
	iso_vol.root_ino = n->ino;
	iso_vol.mounted = true;
	iso_node_fill(n, root);
	*res_flags = FSDRIVER_RES_RDONLY;
	return OK;
}

/* fdr_unmount: nothing to write back; forget the volume. */
int isofs_unmount(void)
{
	iso_node_free_all();
	if (iso_vol.mounted)
		lmfs_invalidate(iso_vol.dev);
	iso_vol.mounted = false;
	return OK;
}

int isofs_statvfs(struct statvfs *buf)
{
	memset(buf, 0, sizeof(*buf));
	buf->f_bsize = ISO_BLOCK_SIZE;
	buf->f_frsize = ISO_BLOCK_SIZE;
	buf->f_blocks = iso_vol.blocks;
	buf->f_flag = ST_RDONLY;
	buf->f_namemax = ISO_NAME_MAX;
	return OK;
}
