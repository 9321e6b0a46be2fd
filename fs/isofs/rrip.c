/*
 * rrip.c - Rock Ridge (RRIP 1.10/1.12) entries on top of a plain entry.
 *
 * iso_entry_decode() first fills an entry from the ISO 9660 record alone;
 * when the volume has Rock Ridge, iso_rr_decode() walks the record's SUSP
 * entries (through susp.c, so CE continuations are included) and applies
 * each one through a table of handlers keyed by signature:
 *   PX  mode, links, owner, group (the 1.12 serial number is not used:
 *       inode numbers come from record positions, see iso.h)
 *   PN  device number; TF  time stamps, short or long form
 *   NM  alternate name, possibly split over several entries (CONTINUE);
 *       CURRENT/PARENT names are only legal on "." and ".."
 *   SL  symlink target from components (ROOT, CURRENT, PARENT, CONTINUE),
 *       possibly split over several entries
 *   CL  the entry is a placeholder for a directory relocated elsewhere;
 *       PL  on "..": the real parent; RE  the relocated directory itself,
 *       hidden where it was moved to
 * Unknown entries are ignored.  Entries too short for their kind, names or
 * targets too long, and bad SL components are corruption: logged, and the
 * record is treated as unreadable (-EIO).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "iso.h"

struct rr_state {
	struct iso_entry *e;
	char nm[ISO_NAME_MAX + 1];
	size_t nmlen;
	unsigned int nm_flags;
	bool nm_seen;
	bool sl_seen, sl_cont, sl_root;
	bool cl, pl, re;
	uint32_t cl_lba, pl_lba;
	mode_t px_mode;
};

static int rr_bad(const struct rr_state *s, const char *what)
{
	fsdriver_log("isofs: bad Rock Ridge %s at byte %llu", what,
	    (unsigned long long)s->e->pos);
	return -EIO;
}

static int rr_px(struct rr_state *s, const uint8_t *p, size_t len)
{
	const struct rr_px *px = (const void *)p;

	(void)len;
	s->px_mode = (mode_t)iso_le32(&px->mode);
	s->e->attr.nlink = iso_le32(&px->nlink);
	s->e->attr.uid = iso_le32(&px->uid);
	s->e->attr.gid = iso_le32(&px->gid);
	s->e->flags |= ISO_E_PX;
	return OK;
}

static int rr_pn(struct rr_state *s, const uint8_t *p, size_t len)
{
	const struct rr_pn *pn = (const void *)p;
	uint32_t hi = iso_le32(&pn->dev_high), lo = iso_le32(&pn->dev_low);

	(void)len;
	s->e->attr.rdev = hi == 0 ? fsdriver_dev_decode(lo) : makedev(hi, lo);
	return OK;
}

static int rr_tf(struct rr_state *s, const uint8_t *p, size_t len)
{
	unsigned int flags = p[4], bit;
	size_t step = flags & RR_TF_LONG_FORM ? 17 : 7, off = 5;
	struct timespec ts;

	for (bit = RR_TF_CREATION; bit <= RR_TF_EFFECTIVE; bit <<= 1) {
		if (!(flags & bit))
			continue;
		if (off + step > len)
			return rr_bad(s, "TF");
		if (step == 17)
			iso_time17(p + off, &ts);
		else
			iso_time7(p + off, &ts);
		if (bit == RR_TF_MODIFY)
			s->e->attr.mtime = ts;
		else if (bit == RR_TF_ACCESS)
			s->e->attr.atime = ts;
		else if (bit == RR_TF_ATTRIBUTES)
			s->e->attr.ctime = ts;
		off += step;
	}
	return OK;
}

static int rr_nm(struct rr_state *s, const uint8_t *p, size_t len)
{
	size_t n = len - sizeof(struct rr_flagged);

	s->nm_seen = true;
	s->nm_flags |= p[4] & (RR_CURRENT | RR_PARENT);
	if (s->nmlen + n > ISO_NAME_MAX)
		return rr_bad(s, "NM (name too long)");
	memcpy(s->nm + s->nmlen, p + 5, n);
	s->nmlen += n;
	s->nm[s->nmlen] = '\0';
	return OK;
}

/* Append to the symlink target. */
static int rr_sl_put(struct rr_state *s, const char *txt, size_t n)
{
	struct iso_entry *e = s->e;

	if (e->link == NULL) {
		e->link = malloc(ISO_LINK_MAX + 1);
		if (e->link == NULL)
			return -ENOMEM;
		e->linklen = 0;
	}
	if (e->linklen + n > ISO_LINK_MAX)
		return rr_bad(s, "SL (target too long)");
	memcpy(e->link + e->linklen, txt, n);
	e->linklen += n;
	e->link[e->linklen] = '\0';
	return OK;
}

static int rr_sl_comp(struct rr_state *s, unsigned int flags,
    const char *txt, size_t n)
{
	int r = OK;

	if (s->sl_seen && !s->sl_cont && !s->sl_root)
		r = rr_sl_put(s, "/", 1);
	if (r == OK) {
		if (flags & RR_ROOT)
			r = rr_sl_put(s, "/", 1);
		else if (flags & RR_CURRENT)
			r = rr_sl_put(s, ".", 1);
		else if (flags & RR_PARENT)
			r = rr_sl_put(s, "..", 2);
		else
			r = rr_sl_put(s, txt, n);
	}
	s->sl_seen = true;
	s->sl_cont = flags & RR_CONTINUE;
	s->sl_root = flags & RR_ROOT;
	return r;
}

static int rr_sl(struct rr_state *s, const uint8_t *p, size_t len)
{
	size_t off = sizeof(struct rr_flagged);
	int r;

	if (s->e->link == NULL && (r = rr_sl_put(s, "", 0)) != OK)
		return r;
	while (off + 2 <= len) {
		const struct rr_sl_comp *c = (const void *)(p + off);

		if (off + 2 + c->len > len)
			return rr_bad(s, "SL component");
		r = rr_sl_comp(s, c->flags, c->text, c->len);
		if (r != OK)
			return r;
		off += 2 + (size_t)c->len;
	}
	return OK;
}

static int rr_cl(struct rr_state *s, const uint8_t *p, size_t len)
{
	(void)len;
	s->cl = true;
	s->cl_lba = iso_le32(&((const struct rr_link *)p)->block);
	return OK;
}

static int rr_pl(struct rr_state *s, const uint8_t *p, size_t len)
{
	(void)len;
	s->pl = true;
	s->pl_lba = iso_le32(&((const struct rr_link *)p)->block);
	return OK;
}

static int rr_re(struct rr_state *s, const uint8_t *p, size_t len)
{
	(void)p;
	(void)len;
	s->re = true;
	return OK;
}

static const struct rr_handler {
	char sig[2];
	size_t minlen;
	int (*fn)(struct rr_state *s, const uint8_t *p, size_t len);
} rr_handlers[] = {
	{ "PX", RR_PX_LEN_OLD, rr_px },
	{ "PN", sizeof(struct rr_pn), rr_pn },
	{ "TF", sizeof(struct rr_flagged), rr_tf },
	{ "NM", sizeof(struct rr_flagged), rr_nm },
	{ "SL", sizeof(struct rr_flagged), rr_sl },
	{ "CL", sizeof(struct rr_link), rr_cl },
	{ "PL", sizeof(struct rr_link), rr_pl },
	{ "RE", SUSP_HDR_SIZE, rr_re },
};

static int rr_entry(void *arg, const uint8_t *p, size_t len)
{
	struct rr_state *s = arg;
	size_t i;

	for (i = 0; i < sizeof(rr_handlers) / sizeof(rr_handlers[0]); i++) {
		const struct rr_handler *h = &rr_handlers[i];

		if (p[0] != h->sig[0] || p[1] != h->sig[1])
			continue;
		if (len < h->minlen)
			return rr_bad(s, "entry (too short)");
		return h->fn(s, p, len);
	}
	return OK;
}

/* The file type PX gives, reconciled with what the record says. */
static void rr_apply_mode(struct rr_state *s)
{
	struct iso_entry *e = s->e;
	mode_t type = s->px_mode & S_IFMT;

	if (e->flags & ISO_E_DIR)
		type = S_IFDIR;
	else if (type == S_IFDIR || (type != S_IFLNK && type != S_IFCHR &&
	    type != S_IFBLK && type != S_IFIFO && type != S_IFSOCK))
		type = S_IFREG;
	e->attr.mode = type | (s->px_mode & 07777);
	if (type == S_IFLNK)
		e->attr.size = e->link != NULL ? e->linklen : 0;
	if (type != S_IFCHR && type != S_IFBLK)
		e->attr.rdev = 0;
}

/* Apply what the walk found to the entry. */
static void rr_finish(struct rr_state *s)
{
	struct iso_entry *e = s->e;
	bool dot = e->flags & (ISO_E_DOT | ISO_E_DOTDOT);

	if (s->nm_seen && !dot) {
		if (s->nm_flags || s->nmlen == 0) {
			e->flags |= ISO_E_HIDE;
		} else {
			memcpy(e->name, s->nm, s->nmlen + 1);
			e->namelen = s->nmlen;
		}
	}
	if (s->cl && !dot) {
		e->flags |= ISO_E_DIR;
		e->dir_lba = s->cl_lba;
	}
	if (s->pl && (e->flags & ISO_E_DOTDOT))
		e->dir_lba = s->pl_lba;
	if (s->re && !dot)
		e->flags |= ISO_E_HIDE;
	if (e->flags & ISO_E_PX)
		rr_apply_mode(s);
}

int iso_rr_decode(const uint8_t *rec, unsigned int skip, struct iso_entry *e)
{
	struct rr_state s;
	const uint8_t *area;
	size_t len;
	int r;

	memset(&s, 0, sizeof(s));
	s.e = e;
	iso_susp_area(rec, skip, &area, &len);
	r = iso_susp_walk(area, len, rr_entry, &s);
	if (r != OK)
		return r;
	rr_finish(&s);
	return OK;
}

int iso_rr_detect(const uint8_t *rec, unsigned int *skip)
{
	static const unsigned int where[] = { 0, 14 };	/* 14: CD-XA data */
	const struct susp_sp *sp;
	const uint8_t *area;
	size_t len, i;

	iso_susp_area(rec, 0, &area, &len);
	for (i = 0; i < sizeof(where) / sizeof(where[0]); i++) {
		if (len < where[i] + sizeof(*sp))
			break;
		sp = (const void *)(area + where[i]);
		if (sp->h.sig[0] == 'S' && sp->h.sig[1] == 'P' &&
		    sp->h.len >= sizeof(*sp) && sp->check[0] == 0xbe &&
		    sp->check[1] == 0xef) {
			*skip = where[i] + sp->skip;
			return OK;
		}
	}
	return -ENOENT;
}
