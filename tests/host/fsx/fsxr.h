/*
 * fsxr.h - the random-operation exerciser: shared types.
 *
 * fsxr runs a seeded stream of random file-system operations against two
 * directories side by side, the tree under test (side A, usually a FUSE
 * mount) and a reference tree on the host's own file system (side B).  Every
 * operation runs on A, then on B, with the same arguments; results (return
 * value, errno, data read back) must agree.  After every batch the two trees
 * are walked and compared entry by entry.  The first disagreement is
 * reported with the log of recent operations, and the run exits 1.
 *
 * Layering: rng.c (the seeded generator), names.c (name pools and path
 * choice, steered by the entries found in the last tree walk), ops_data.c
 * and ops_ns.c (the operations, one generator and one per-side runner each),
 * oplog.c (the log and the divergence report), compare.c (the tree walk),
 * main.c (options and the batch loop).  Everything a generator draws comes
 * from the generator and from the reference side only, so a seed replays
 * the same stream against any file system that behaves like the reference.
 */
#ifndef FSXR_H
#define FSXR_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define FSX_PATH	1024	/* longest generated relative path, with NUL */
#define FSX_NAME_POOL	16	/* names per pool */
#define FSX_MAX_IGNORE	8	/* -i entries ignored at the top of A and B */

enum { FSX_A, FSX_B };		/* side index: tree under test, reference */

struct fsx_cfg {
	unsigned long nops;	/* -n: operations to run */
	unsigned long batch;	/* -b: operations between tree compares */
	uint64_t seed;		/* -s */
	unsigned name_max;	/* -l: longest name the format holds */
	off_t size_max;		/* -S: largest file the format holds */
	off_t far_max;		/* -F: furthest offset a write/truncate uses */
	size_t write_max;	/* -w: longest single write or read */
	size_t link_tmax;	/* -L: longest symlink target */
	unsigned depth;		/* -D: deepest directory nesting generated */
	unsigned verbose;	/* -v: print every operation */
	unsigned long skip_ops;	/* -x: bit mask of disabled operations */
	const char *ignore[FSX_MAX_IGNORE];	/* -i: top-level names */
	unsigned nignore;
	const char *root[2];	/* the two directories */
};

/* Outcome of one operation on one side. */
struct fsx_res {
	long ret;		/* return value (0 for calls returning fds) */
	int err;		/* errno when ret < 0, else 0 */
	unsigned char *buf;	/* data the op produced (read, getdents) */
	size_t len;
	size_t cap;
};

/* Arguments of one operation, drawn once and applied to both sides. */
struct fsx_args {
	char p1[FSX_PATH];
	char p2[FSX_PATH];	/* second path, or symlink target */
	off_t off;
	size_t len;
	mode_t mode;
	int flags;
};

/* Paths seen in the last walk of the reference tree. */
struct fsx_seen {
	char **dirs, **others;
	size_t ndirs, nothers, capdirs, capothers;
};

struct fsx {
	struct fsx_cfg cfg;
	int rootfd[2];
	uint64_t rng;
	unsigned long opno;
	struct fsx_seen seen;
	char files[FSX_NAME_POOL][FSX_PATH];	/* name pools */
	char dirs[FSX_NAME_POOL][FSX_PATH];
	unsigned nfiles, ndirs;
	unsigned char *wbuf;	/* data of the current write */
	struct fsx_res res[2];
	unsigned long count[32], failed[32];	/* per op: run, failed on B */
};

/* An operation: draw arguments, then run them on one side. */
struct fsx_op {
	const char *name;
	unsigned weight;
	void (*gen)(struct fsx *x, struct fsx_args *a);
	void (*run)(struct fsx *x, int side, const struct fsx_args *a,
		    struct fsx_res *r);
};

/* rng.c */
void rng_seed(struct fsx *x, uint64_t seed);
uint64_t rng_next(struct fsx *x);
/* A uniform value in [0, n); n > 0. */
uint64_t rng_below(struct fsx *x, uint64_t n);
/* 1 with probability pct/100. */
int rng_pct(struct fsx *x, unsigned pct);
/* Fill buf with n pseudo-random bytes. */
void rng_fill(struct fsx *x, unsigned char *buf, size_t n);

/* names.c */
void names_init(struct fsx *x);
/* A path to an existing entry of the wanted kind (mostly), or a generated one. */
void names_pick(struct fsx *x, char *out, int want_dir);
/* Like names_pick, but mostly a path that now resolves, on the reference
 * side, to an object of the given type (S_IFREG, S_IFDIR). */
void names_live(struct fsx *x, char *out, mode_t type);
/* A path whose last component is (usually) new: an existing directory plus a pool name. */
void names_new(struct fsx *x, char *out, int want_dir);
/* A relative symlink target that stays inside the tree. */
void names_target(struct fsx *x, char *out);
void seen_reset(struct fsx_seen *s);
int seen_add(struct fsx_seen *s, const char *path, int is_dir);

/* ops_data.c, ops_ns.c */
extern const struct fsx_op fsx_data_ops[];
extern const struct fsx_op fsx_ns_ops[];
extern const size_t fsx_ndata_ops, fsx_nns_ops;
/* Set r from a call's return value and errno. */
void res_set(struct fsx_res *r, long ret);
/* Make room for n more bytes of data in r; -1 when out of memory. */
int res_reserve(struct fsx_res *r, size_t n);
/* Append n bytes to r's data; -1 when out of memory. */
int res_append(struct fsx_res *r, const void *p, size_t n);
/* Size of path on the reference side, following symlinks; 0 if none. */
off_t ref_size(struct fsx *x, const char *path);
/* root/path of one side, for calls that have no *at() form. */
void side_path(const struct fsx *x, int side, const char *path, char *out);

/* oplog.c */
void oplog_add(struct fsx *x, const char *line);
void oplog_dump(const struct fsx *x, unsigned long from);

/* compare.c */
/* 1 if name, found in directory rel ("" or "." for the top), is one of -i. */
int fsx_ignored(const struct fsx *x, const char *rel, const char *name);
/* The last difference compare_trees found, for the final report. */
const char *compare_why(void);
/* Compare the trees under both roots; 0 if equal, else print the first
 * difference and return -1.  Refills x->seen from the reference side. */
int compare_trees(struct fsx *x);

#endif /* FSXR_H */
