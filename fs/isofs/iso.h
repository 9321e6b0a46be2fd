/*
 * iso.h - internals of the ISO 9660 file system (read-only).
 *
 * Layers, bottom up (one file each):
 *   bio.c      byte-range reads through libminixfs, bounds checks
 *   time.c     ISO dates -> struct timespec
 *   name.c     ISO and Joliet names -> UTF-8 file names
 *   susp.c     walking a System Use area and its CE continuations
 *   rrip.c     Rock Ridge entries (PX PN SL NM TF CL PL RE) -> iso_entry
 *   dir.c      directory records one by one, validated; whole entries
 *              (multi-extent files gathered) decoded into iso_entry
 *   node.c     the inode table: nodes held by the front end, by number
 *   super.c    probe, mount, unmount, statvfs; the mounted volume
 *   lookup.c   lookup, putnode, stat
 *   read.c     read, peek, rdlink
 *   getdents.c directory listings
 *   table.c    the fsdriver table and the fstype entry
 *
 * Inode numbers.  Every node is named by the position of a directory record
 * that describes it: ino = (byte offset of the record in the image) / 32.
 * Records are at least 34 bytes long and never overlap, so two records never
 * share a number; no directory is accepted below block 16 (the system
 * area), so 0 is never used.  A directory is numbered by its own "." record, the first record of
 * its extent: ino = data block * 2048 / 32.  So the entry naming a
 * directory in its parent, its "." entry, the ".." entries of its children,
 * and a Rock Ridge CL entry pointing at a relocated directory all yield the
 * same number.  A file is numbered by its (first) record; a multi-extent
 * file by the first of its records.
 */
#ifndef MICA_ISO_H
#define MICA_ISO_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>
#include <mica/fsdriver.h>
#include <mica/libminixfs.h>
#include <mica/fsdriver_nameidx.h>
#include "iso_format.h"

#define ISO_NAME_MAX		255	/* bytes of a UTF-8 file name */
#define ISO_LINK_MAX		4095	/* bytes of a symlink target */
#define ISO_MAX_EXTENTS		4096	/* extents of one multi-extent file */
#define ISO_MAX_DEPTH		1024	/* directory nesting we accept */
#define ISO_CE_MAX_HOPS		64	/* CE continuations per record */
#define ISO_CE_MAX_LEN		(256 * 1024)	/* bytes in one CE area */
#define ISO_RECORD_MAX		255

/* The mounted volume (one per process: the fsdriver table has no handle). */
struct iso_vol {
	bool mounted;
	dev_t dev;
	uint64_t dev_size;		/* bytes */
	uint64_t blocks;		/* device blocks, last may be partial */
	bool rr;			/* Rock Ridge in use */
	bool joliet;			/* Joliet tree in use (no Rock Ridge) */
	unsigned int susp_skip;		/* SP len_skp: bytes before SUSP */
	uint32_t root_lba;		/* data block of the root directory */
	ino_t root_ino;
};

extern struct iso_vol iso_vol;

/* One extent of a file's data: 'lba' is the first data block (after any
 * extended attribute record), 'len' the bytes in it. */
struct iso_extent {
	uint64_t lba;
	uint64_t len;
};

/* What a node looks like to stat. */
struct iso_attr {
	mode_t mode;
	nlink_t nlink;
	uid_t uid;
	gid_t gid;
	dev_t rdev;
	uint64_t size;
	struct timespec atime, mtime, ctime;
};

/* Entry flags. */
#define ISO_E_DOT	0x01	/* the "." record */
#define ISO_E_DOTDOT	0x02	/* the ".." record */
#define ISO_E_HIDE	0x04	/* not listed (RE, associated file, bad name) */
#define ISO_E_DIR	0x08	/* a directory (record flag, or CL) */
#define ISO_E_PX	0x10	/* Rock Ridge PX seen */

/* A decoded directory entry: one record, or the records of a
 * multi-extent file.  Release with iso_entry_free(). */
struct iso_entry {
	char name[ISO_NAME_MAX + 1];
	size_t namelen;
	unsigned int flags;		/* ISO_E_* */
	ino_t ino;
	uint64_t pos;			/* dir offset of the first record */
	uint64_t next;			/* dir offset after the last record */
	uint32_t dir_lba;		/* directories: data block of the dir */
	struct iso_attr attr;
	unsigned int nextents;
	struct iso_extent *extents;	/* nextents, malloc'd */
	char *link;			/* symlink target, malloc'd, or NULL */
	size_t linklen;
};

/* An inode held by the front end (lookup/mount references). */
struct iso_node {
	ino_t ino;
	unsigned int refs;
	struct iso_node *hnext;
	ino_t parent;			/* directories: parent's number, 0 unknown */
	unsigned int depth;		/* directories: nesting below the root */
	uint32_t dir_lba;		/* directories: data block */
	struct iso_attr attr;
	unsigned int nextents;
	struct iso_extent *extents;
	char *link;
	size_t linklen;
	uint64_t seq_pos;		/* where a sequential read goes on */
	/* directories: name hash -> record offset, built by the first
	 * lookup (lookup.c); NULL when not built or out of memory */
	struct fsdriver_nameidx *names;
	bool names_built;
};

/* bio.c */
/* Copy 'len' bytes at byte 'pos' of the volume through the cache. */
int iso_read_bytes(uint64_t pos, void *buf, size_t len);
/* Is [pos, pos+len) inside the device? */
bool iso_range_ok(uint64_t pos, uint64_t len);

/* time.c */
/* A 7-byte directory-record date; all-zero dates give the epoch. */
void iso_time7(const uint8_t *p, struct timespec *ts);
/* A 17-byte descriptor date ("0000..." gives the epoch). */
void iso_time17(const uint8_t *p, struct timespec *ts);

/* name.c */
/* An ISO 9660 d-character name: strip ";version" and a trailing '.'. */
int iso_name_plain(const uint8_t *raw, size_t len, char *out, size_t *outlen);
/* A Joliet UCS-2 (UTF-16) big-endian name to UTF-8, version stripped. */
int iso_name_joliet(const uint8_t *raw, size_t len, char *out,
    size_t *outlen);
/* Replace NUL and '/' in a name; returns true if it had to. */
bool iso_name_sanitize(char *name, size_t len);

/* susp.c */
/* Called for each SUSP entry (CE, ST and PD are handled by the walker).
 * Return OK to go on or a negative errno to stop. */
typedef int (*iso_susp_fn)(void *arg, const uint8_t *ent, size_t len);
/* Walk the entries of a System Use area and the chain of continuation
 * areas its CE entries name.  -EIO on loops or areas outside the image. */
int iso_susp_walk(const uint8_t *area, size_t len, iso_susp_fn fn,
    void *arg);
/* The SUSP area of a record (after the name and the SP skip). */
void iso_susp_area(const uint8_t *rec, unsigned int skip,
    const uint8_t **area, size_t *len);

/* rrip.c */
/* Apply the Rock Ridge entries of record 'rec' to 'e' (which holds the
 * plain decoding).  -EIO if the record's SUSP data is corrupt. */
int iso_rr_decode(const uint8_t *rec, unsigned int skip, struct iso_entry *e);
/* Look for SP at the start of the root's "." record; returns the skip to
 * use for every other record in *skip, or -ENOENT if there is no SP. */
int iso_rr_detect(const uint8_t *rec, unsigned int *skip);

/* dir.c */
/* A position inside a directory, for reading its entries in order. */
struct iso_dir_iter {
	uint32_t lba;			/* directory data block */
	uint64_t size;			/* directory bytes */
	uint64_t off;			/* next record's offset */
};
void iso_dir_iter_init(struct iso_dir_iter *it, uint32_t lba, uint64_t size,
    uint64_t off);
/* The next entry: 1 and *e filled, 0 at the end, or a negative errno.
 * Broken records are logged and skipped. */
int iso_dir_next(struct iso_dir_iter *it, struct iso_entry *e);
/* Decode one record found at absolute byte 'abspos' into *e. */
int iso_entry_decode(const uint8_t *rec, uint64_t abspos, struct iso_entry *e);
void iso_entry_free(struct iso_entry *e);
/* Read and check the raw "." record of the directory at 'lba'. */
int iso_dir_dot(uint32_t lba, uint8_t *rec);
/* The attributes of the directory at 'lba' from its "." record. */
int iso_dir_self(uint32_t lba, struct iso_entry *e);

/* node.c */
struct iso_node *iso_node_find(ino_t ino);
/* A referenced node for directory 'lba' (parent/depth as given when new). */
int iso_node_dir(uint32_t lba, ino_t parent, unsigned int depth,
    struct iso_node **np);
/* A referenced node for a non-directory entry. */
int iso_node_file(struct iso_entry *e, struct iso_node **np);
/* The node for an inode number the front end holds (no reference added);
 * -EINVAL for a number it does not hold. */
int iso_node_get(ino_t ino, struct iso_node **np);
void iso_node_ref(struct iso_node *n);
int iso_node_put(ino_t ino, unsigned int count);
void iso_node_free_all(void);
void iso_node_fill(const struct iso_node *n, struct fsdriver_node *fn);

/* table.c: the table; the operations below fill it. */
extern const struct fsdriver isofs_table;

/* Operations (fsdriver entries). */
int isofs_mount(dev_t dev, unsigned int flags, struct fsdriver_node *root,
    unsigned int *res_flags);
int isofs_unmount(void);
int isofs_statvfs(struct statvfs *buf);
/* bio.c: the block entries (block special files, OS only) */
ssize_t isofs_bread(dev_t dev, struct fsdriver_data *data, size_t bytes,
    off_t pos);
ssize_t isofs_bwrite(dev_t dev, struct fsdriver_data *data, size_t bytes,
    off_t pos);
int isofs_bflush(dev_t dev);
int isofs_probe(dev_t dev);
int isofs_lookup(ino_t dir_nr, const char *name, struct fsdriver_node *node);
int isofs_putnode(ino_t ino_nr, unsigned int count);
int isofs_stat(ino_t ino_nr, struct stat *st);
ssize_t isofs_read(ino_t ino_nr, struct fsdriver_data *data, size_t bytes,
    off_t pos);
ssize_t isofs_peek(ino_t ino_nr, size_t bytes, off_t pos);
ssize_t isofs_rdlink(ino_t ino_nr, struct fsdriver_data *data, size_t bytes);
ssize_t isofs_getdents(ino_t ino_nr, struct fsdriver_data *data,
    size_t bytes, off_t *pos);

#endif /* MICA_ISO_H */
