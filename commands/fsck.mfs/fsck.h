/*
 * fsck.h - fsck.mfs inside.  One check is one struct fsck, passed to every
 * pass explicitly; fsck_run() is the entry point for main.c and the tests.
 *
 * Passes (each bounded by the image's own counts, so a hostile image can
 * neither hang nor crash the checker):
 *   1. superblock: decoded and validated by the MFS server's decoder;
 *   2. tree: an iterative depth-first walk from the root.  Each inode is
 *      checked when first reached (mode, zone pointers in range and used
 *      once, no zone past the size, sizes), each directory's entries ("."
 *      and ".." first, ".." naming the true parent, inode numbers, names,
 *      no second link to a directory) and links are counted; in repair
 *      mode, inodes in use that no directory names are then linked into
 *      /lost+found and walked the same way;
 *   3. counts: link counts against references, unreachable inodes, the
 *      inode and zone bitmaps against actual use.
 * Every finding is one line.  A fix is made only in repair mode; the
 * inode table is held in memory and written back at the end with the
 * bitmaps and, when nothing is left uncorrected, the clean flag.
 */
#ifndef FSCK_H
#define FSCK_H

#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include "../mfsutil/mfsutil.h"

/* Exit codes, as fsck(8). */
#define FSCK_EXIT_OK		0
#define FSCK_EXIT_FIXED		1
#define FSCK_EXIT_UNFIXED	4
#define FSCK_EXIT_OPER		8
#define FSCK_EXIT_USAGE		16

#define FSCK_PATH_MAX		1024	/* longer paths are cut in messages */
#define FSCK_LOST		"lost+found"

struct fsck_opts {
	const char *image;
	int repair;			/* -y, -a, -p */
	int force;			/* -f */
	int verbose;			/* -v: summary counts */
	FILE *out;			/* findings (stdout) */
};

/* A directory waiting to be read. */
struct fsck_dir {
	uint32_t ino;
	uint32_t parent;
	char *path;
};

struct fsck {
	const struct fsck_opts *o;
	struct mfsu_img img;
	uint8_t *itab;			/* raw inode table */
	uint8_t *itab_dirty;		/* per inode-table block */
	struct mfsu_map imap, zmap;	/* as on disk (fixed in memory) */
	uint8_t *zseen;			/* bit per block: used by a file */
	uint8_t *reached;		/* per inode: found in the tree */
	uint32_t *links;		/* per inode: references counted */
	struct fsck_dir *stack;
	size_t nstack, capstack;
	struct fsck_dir *nofirst;	/* directories to give a first block */
	size_t nnofirst;
	uint8_t *blk;			/* directory block */
	uint8_t *ind[3];		/* indirect blocks, one per depth */
	unsigned long found, fixed, unfixed;
	int ioerr;
	int super_dirty;		/* raw superblock fixed */
	uint32_t lost_ino;		/* /lost+found directory, if any */
	int lost_taken;			/* /lost+found names a non-directory */
	unsigned long nfiles, ndirs, nzones;
};

/* Check (and with o->repair, repair) the image; returns an FSCK_EXIT_*. */
int fsck_run(const struct fsck_opts *o);

/* Report a finding (printf-style, no newline).  Returns 1 when it is to be
 * fixed (repair mode), 0 when it stays. */
int fsck_problem(struct fsck *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Report a finding that this checker cannot fix. */
void fsck_unfixable(struct fsck *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Report an I/O failure; the run ends with FSCK_EXIT_OPER. */
void fsck_ioerr(struct fsck *f, const char *what, uint64_t blk, int r);

/* Inode n (1..ninodes) from/to the in-memory table. */
void fsck_iget(const struct fsck *f, uint32_t n, struct mfs_dinode *ino);
void fsck_iput(struct fsck *f, uint32_t n, const struct mfs_dinode *ino);
/* A valid file type (regular, directory, link, device, FIFO, socket). */
int fsck_mode_ok(uint16_t mode);

/* Walk the zones of inode n (checking and marking them), calling 'data'
 * for each data block that survives, in file order.  'nblocks' bounds the
 * file (zones from there on are past the size).  Returns the file's
 * extent: the index of its last kept data block, plus one. */
typedef void (*fsck_data_fn)(struct fsck *f, void *arg, uint64_t idx,
    uint32_t zone);
uint64_t fsck_zones(struct fsck *f, uint32_t n, struct mfs_dinode *ino,
    const char *path, uint64_t nblocks, fsck_data_fn data, void *arg);

/* The directory whose entries are being checked. */
struct fsck_dirctx {
	uint32_t self, parent;
	const char *path;
	uint64_t nslots;		/* entries inside the size */
};

/* Blocks a file of 'size' bytes may have zones for. */
uint64_t fsck_nblocks(const struct fsck *f, uint32_t size);
/* The size for a file whose size was past the maximum: the end of its
 * last zone ('extent' blocks), within the maximum. */
uint32_t fsck_cap_size(const struct fsck *f, uint64_t extent);
/* An entry of directory 'd' naming inode 'e': count, check, queue it.
 * Returns 0 when the entry is to be removed (repair mode only). */
int fsck_entry(struct fsck *f, const struct fsck_dirctx *d, uint32_t e,
    const char *name);
/* Check directory dd (popped from the walk's stack). */
void fsck_dir(struct fsck *f, const struct fsck_dir *dd);
/* Give directory dd, found without a first block, a new one. */
void fsck_rebuild_first(struct fsck *f, const struct fsck_dir *dd);

/* Check the directories queued on the stack (and all they lead to). */
void fsck_walk_pending(struct fsck *f);
/* Repair mode, after the walk: link inodes in use that no directory names
 * into /lost+found (made if needed), as far as there is room. */
void fsck_reconnect(struct fsck *f);

/* Pass 2: walk the tree from the root.  Returns OK or -errno (no memory,
 * root unusable). */
int fsck_tree(struct fsck *f);

/* Pass 3: link counts, unreachable inodes, bitmaps. */
void fsck_counts(struct fsck *f);

#endif /* FSCK_H */
