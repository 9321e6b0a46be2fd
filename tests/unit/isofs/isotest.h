/*
 * isotest.h - shared helpers of the ISO 9660 unit tests.
 *
 * The tests drive isofs_fstype.table directly on image files registered
 * with libminixfs as device ISOT_DEV, the way micafuse does.  Images come
 * from genisoimage/xorriso (run at test time on trees made in a temporary
 * directory) or from the small hand builder in build.c (multi-extent files
 * and hostile layouts no tool writes).
 */
#ifndef ISOTEST_H
#define ISOTEST_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <mica/fsdriver.h>

#define ISOT_DEV	((dev_t)3)

extern char isot_dir[];		/* the suite's temporary directory */
extern const struct fsdriver *isot_fs;

/* util.c */
int isot_setup(void);
int isot_teardown(void);
/* Run a shell command (bounded by timeout(1)); its exit status. */
int isot_run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Mount an image file; the root's number in *root.  OK or an error. */
int isot_mount(const char *img, ino_t *root);
void isot_umount(void);
/* Look a slash-separated path up from the root; one reference held. */
int isot_lookup(ino_t root, const char *path, struct fsdriver_node *n);
void isot_put(ino_t ino);
/* Read a whole file (in odd-sized pieces); bytes read or an error. */
ssize_t isot_read(ino_t ino, char *buf, size_t size);
/* Names of a directory (without . and ..), sorted, '\n'-joined in buf. */
int isot_list(ino_t dir, char *buf, size_t size);
/* Walk every node reachable from the root: lookups, stat, read, readlink,
 * getdents, as a crawler would; returns the nodes visited (never fails on
 * errors from the file system, which hostile images make). */
int isot_crawl(ino_t root, int limit);
/* Compare the tree at 'src' with the mounted one.  'what': ISOT_CMP_*.
 * Reports each difference through CUnit; returns the count. */
#define ISOT_CMP_ATTR	0x01	/* modes, owners, mtimes, symlink targets */
int isot_compare(const char *src, ino_t root, unsigned int what);

/* trees.c */
/* Rock Ridge: everything; a symlink of 'segs' 13-byte components (at most
 * 78: libisofs refuses targets over 1024 bytes; genisoimage writes
 * broken SL entries for targets over 255). */
void isot_tree_full(const char *dir, int segs);
void isot_tree_joliet(const char *dir);	/* mixed-case, spaces, Unicode */
void isot_tree_plain(const char *dir, int level);	/* d-characters */
void isot_tree_deep(const char *dir, int depth);

/* build.c: a tiny image writer. */
struct isob {
	uint8_t *img;
	size_t blocks;
};
void isob_init(struct isob *b, size_t blocks);
void isob_free(struct isob *b);
/* PVD at 16 (root directory at 'root_lba', 'root_size' bytes), set
 * terminator at 17. */
void isob_volume(struct isob *b, uint32_t root_lba, uint32_t root_size);
/* Append a directory record at *off of block 'lba'; returns its length.
 * 'name' of length 1 with '\0' or '\1' makes "." / "..". */
size_t isob_rec(struct isob *b, uint32_t lba, size_t *off, const char *name,
    size_t namelen, uint32_t extent, uint32_t size, uint8_t flags,
    const uint8_t *su, size_t sulen);
/* SUSP entries into 'p'; each returns its length. */
size_t isob_sp(uint8_t *p);
size_t isob_er(uint8_t *p);
size_t isob_px(uint8_t *p, uint32_t mode, uint32_t uid, uint32_t gid);
size_t isob_nm(uint8_t *p, uint8_t flags, const char *name, size_t len);
size_t isob_ce(uint8_t *p, uint32_t block, uint32_t offset, uint32_t len);
size_t isob_sl(uint8_t *p, uint8_t flags, const void *comps, size_t clen);
size_t isob_tf(uint8_t *p, uint8_t flags, const void *stamps, size_t len);
int isob_write(const struct isob *b, const char *path, size_t bytes);

/* The suites. */
void isot_add_units(void);
void isot_add_tools(void);
void isot_add_hand(void);
void isot_add_fuzz(void);

#endif /* ISOTEST_H */
