/*
 * iso_format.h - the ISO 9660 (ECMA-119) on-disk format, with the Joliet
 * supplementary volume descriptor and the System Use Sharing Protocol
 * (SUSP 1.12) entries that Rock Ridge (RRIP 1.12) defines.
 *
 * Only fixed-width byte arrays: ISO 9660 stores most numbers twice, little
 * endian then big endian ("both-endian", ECMA-119 7.2.3 and 7.3.3), at
 * offsets that are not naturally aligned.  The structs are therefore packed
 * byte images, read with the iso_le16/iso_le32 helpers below (the little
 * endian half is the one readers conventionally trust).  Every size and the
 * offsets readers depend on are checked at compile time.
 *
 * Used by the file system (fs/isofs) and by the unit tests that build
 * images by hand.
 */
#ifndef MICA_ISO_FORMAT_H
#define MICA_ISO_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#define ISO_BLOCK_SIZE		2048	/* the only logical block size we accept */
#define ISO_VD_FIRST_BLOCK	16	/* volume descriptors start here */
#define ISO_VD_MAX		64	/* descriptors scanned before giving up */

/* Volume descriptor types (ECMA-119 8.1.1). */
#define ISO_VD_BOOT		0
#define ISO_VD_PRIMARY		1
#define ISO_VD_SUPPLEMENTARY	2
#define ISO_VD_PARTITION	3
#define ISO_VD_TERMINATOR	255

#define ISO_STD_ID		"CD001"

/* A both-endian 16-bit and 32-bit number. */
struct iso_both16 { uint8_t le[2], be[2]; };
struct iso_both32 { uint8_t le[4], be[4]; };

/* The 7-byte recording date of a directory record (ECMA-119 9.1.5). */
struct iso_date7 {
	uint8_t year;		/* since 1900 */
	uint8_t month, day, hour, minute, second;
	int8_t gmtoff;		/* 15-minute units */
};

/* The 17-byte descriptor date: 16 ASCII digits YYYYMMDDHHMMSScc + offset. */
struct iso_date17 {
	char digits[16];
	int8_t gmtoff;
};

/* A directory record (ECMA-119 9.1); the name, padding and the system use
 * area follow the fixed part. */
struct iso_dirrec {
	uint8_t length;			/* whole record, 0 = rest of sector unused */
	uint8_t xattr_length;		/* extended attribute record, in blocks */
	struct iso_both32 extent;	/* first logical block */
	struct iso_both32 size;		/* data length in bytes */
	struct iso_date7 date;
	uint8_t flags;			/* ISO_FLAG_* */
	uint8_t unit_size;		/* interleaving, 0 if not interleaved */
	uint8_t gap_size;
	struct iso_both16 volume_seq;
	uint8_t name_len;
	char name[];
};

#define ISO_DIRREC_FIXED	33	/* bytes before the name */
#define ISO_DIRREC_MIN		34	/* smallest record ("." and "..") */

#define ISO_FLAG_HIDDEN		0x01
#define ISO_FLAG_DIRECTORY	0x02
#define ISO_FLAG_ASSOCIATED	0x04
#define ISO_FLAG_RECORD		0x08
#define ISO_FLAG_PROTECTION	0x10
#define ISO_FLAG_MULTI_EXTENT	0x80	/* another extent of this file follows */

/* The primary and supplementary volume descriptors share one layout
 * (ECMA-119 8.4 and 8.5); 'flags' and 'escapes' are used only by the
 * supplementary one (Joliet puts its UCS-2 level in 'escapes'). */
struct iso_pvd {
	uint8_t type;
	char std_id[5];
	uint8_t version;
	uint8_t flags;
	char system_id[32];
	char volume_id[32];
	uint8_t unused1[8];
	struct iso_both32 space_size;	/* logical blocks in the volume */
	uint8_t escapes[32];
	struct iso_both16 set_size;
	struct iso_both16 seq_number;
	struct iso_both16 block_size;
	struct iso_both32 path_table_size;
	uint8_t path_table_l[4], opt_path_table_l[4];
	uint8_t path_table_m[4], opt_path_table_m[4];
	uint8_t root[34];		/* the root directory's record */
	char volume_set_id[128];
	char publisher_id[128];
	char preparer_id[128];
	char application_id[128];
	char copyright_file[37];
	char abstract_file[37];
	char biblio_file[37];
	struct iso_date17 created, modified, expires, effective;
	uint8_t fs_version;
	uint8_t reserved1;
	uint8_t app_use[512];
	uint8_t reserved2[653];
};

/* Joliet escape sequences in iso_pvd.escapes: "%/@", "%/C", "%/E". */
#define ISO_JOLIET_ESC0		0x25
#define ISO_JOLIET_ESC1		0x2f

_Static_assert(sizeof(struct iso_both16) == 4, "both16");
_Static_assert(sizeof(struct iso_both32) == 8, "both32");
_Static_assert(sizeof(struct iso_date7) == 7, "date7");
_Static_assert(sizeof(struct iso_date17) == 17, "date17");
_Static_assert(sizeof(struct iso_dirrec) == ISO_DIRREC_FIXED, "dirrec");
_Static_assert(offsetof(struct iso_dirrec, extent) == 2, "dirrec extent");
_Static_assert(offsetof(struct iso_dirrec, size) == 10, "dirrec size");
_Static_assert(offsetof(struct iso_dirrec, date) == 18, "dirrec date");
_Static_assert(offsetof(struct iso_dirrec, flags) == 25, "dirrec flags");
_Static_assert(offsetof(struct iso_dirrec, name_len) == 32, "dirrec nlen");
_Static_assert(sizeof(struct iso_pvd) == ISO_BLOCK_SIZE, "pvd size");
_Static_assert(offsetof(struct iso_pvd, space_size) == 80, "pvd space");
_Static_assert(offsetof(struct iso_pvd, escapes) == 88, "pvd escapes");
_Static_assert(offsetof(struct iso_pvd, block_size) == 128, "pvd bsize");
_Static_assert(offsetof(struct iso_pvd, root) == 156, "pvd root");
_Static_assert(offsetof(struct iso_pvd, created) == 813, "pvd created");
_Static_assert(offsetof(struct iso_pvd, fs_version) == 881, "pvd fsver");

/* ---- SUSP and Rock Ridge ---------------------------------------------- */

/* Every SUSP entry starts with this header; 'len' covers the whole entry. */
struct susp_hdr {
	char sig[2];
	uint8_t len;
	uint8_t version;
};
#define SUSP_HDR_SIZE		4

/* SP: the SUSP indicator, first entry of the root's "." record. */
struct susp_sp {
	struct susp_hdr h;
	uint8_t check[2];		/* 0xbe 0xef */
	uint8_t skip;			/* bytes to skip in every later area */
};

/* CE: the system use area continues at block/offset for 'length' bytes. */
struct susp_ce {
	struct susp_hdr h;
	struct iso_both32 block, offset, length;
};

/* ER: an extension (Rock Ridge: "RRIP_1991A", "IEEE_P1282", "IEEE_1282"). */
struct susp_er {
	struct susp_hdr h;
	uint8_t id_len, des_len, src_len, ext_ver;
	char text[];
};

/* PX: POSIX attributes; RRIP 1.12 adds the serial number (44 bytes). */
struct rr_px {
	struct susp_hdr h;
	struct iso_both32 mode, nlink, uid, gid;
	struct iso_both32 ino;		/* RRIP 1.12 only */
};
#define RR_PX_LEN_OLD		36
#define RR_PX_LEN		44

/* PN: device number of a block or character special file. */
struct rr_pn {
	struct susp_hdr h;
	struct iso_both32 dev_high, dev_low;
};

/* SL: symbolic link, a flags byte then components; NM: alternate name. */
struct rr_flagged {
	struct susp_hdr h;
	uint8_t flags;
	uint8_t data[];
};
#define RR_CONTINUE		0x01	/* SL/NM entry, SL component continues */
#define RR_CURRENT		0x02	/* "." */
#define RR_PARENT		0x04	/* ".." */
#define RR_ROOT			0x08	/* SL component: "/" */

/* SL component record: flags, length, content. */
struct rr_sl_comp {
	uint8_t flags;
	uint8_t len;
	char text[];
};

/* TF: time stamps, in this order when their flag is set. */
#define RR_TF_CREATION		0x01
#define RR_TF_MODIFY		0x02
#define RR_TF_ACCESS		0x04
#define RR_TF_ATTRIBUTES	0x08
#define RR_TF_BACKUP		0x10
#define RR_TF_EXPIRATION	0x20
#define RR_TF_EFFECTIVE		0x40
#define RR_TF_LONG_FORM		0x80	/* 17-byte dates instead of 7-byte */

/* CL (child link) and PL (parent link) of relocated directories. */
struct rr_link {
	struct susp_hdr h;
	struct iso_both32 block;
};

_Static_assert(sizeof(struct susp_hdr) == SUSP_HDR_SIZE, "susp hdr");
_Static_assert(sizeof(struct susp_sp) == 7, "SP");
_Static_assert(sizeof(struct susp_ce) == 28, "CE");
_Static_assert(sizeof(struct susp_er) == 8, "ER");
_Static_assert(sizeof(struct rr_px) == RR_PX_LEN, "PX");
_Static_assert(sizeof(struct rr_pn) == 20, "PN");
_Static_assert(sizeof(struct rr_flagged) == 5, "SL/NM");
_Static_assert(sizeof(struct rr_sl_comp) == 2, "SL component");
_Static_assert(sizeof(struct rr_link) == 12, "CL/PL");

/* Little-endian halves of the both-endian numbers. */
static inline uint16_t iso_le16(const struct iso_both16 *v)
{
	return (uint16_t)(v->le[0] | v->le[1] << 8);
}

static inline uint32_t iso_le32(const struct iso_both32 *v)
{
	return (uint32_t)v->le[0] | (uint32_t)v->le[1] << 8 |
	    (uint32_t)v->le[2] << 16 | (uint32_t)v->le[3] << 24;
}

#endif /* MICA_ISO_FORMAT_H */
