/*
 * micafuse.h - the pieces of micafuse, the FUSE mount tool for Mica's file
 * systems (libfuse3 low-level API).
 *
 * Layers, top down:
 *   main.c      command line -> image -> fs mount -> FUSE session -> loop
 *   opts.c      option parsing (micafuse's own options; the rest go to
 *               libfuse and the kernel)
 *   image.c     the image file as a libminixfs device, the fs type, the
 *               fs mount and the unmount/flush path
 *   fstypes.c   the table of file-system types and probing
 *   ll_*.c      FUSE low-level handlers, one file per group of operations;
 *               ops.c holds the table, init and destroy
 *   loop.c      the request loop (one request at a time, a short poll
 *               before sleeping)
 *   attr.c      inode-number mapping and how attributes are presented
 *   count.c     requests counted by kind (-o counts, -d, SIGUSR1)
 *
 * State: one struct micafuse per process, reached from handlers through
 * fuse_req_userdata(req).  Requests are served one at a time
 * (mf_session_loop): libminixfs and the file systems are single-threaded.
 */
#ifndef MICAFUSE_H
#define MICAFUSE_H

#define FUSE_USE_VERSION 312
#include <fuse_lowlevel.h>

#include <stdint.h>
#include <sys/types.h>

#include <mica/fsdriver.h>
#include <mica/fsdriver_host.h>
#include <mica/fstype.h>
#include <mica/libminixfs.h>
#include <mica/libminixfs_host.h>

#define MF_DEV		((dev_t)1)	/* the image's number in libminixfs */
#define MF_TIMEOUT	10.0		/* entry/attr cache time, seconds */
#define MF_SPIN_US	200		/* loop.c: poll this long, then sleep */

/* What the command line asked for (opts.c). */
struct mf_opts {
	const char *image;		/* IMAGE argument */
	const char *type;		/* -o type=, NULL: probe */
	int rdonly;			/* -o ro */
	int force;			/* -o force */
	int set_uid, set_gid, set_umask;
	uid_t uid;			/* -o uid= */
	gid_t gid;			/* -o gid= */
	mode_t umask;			/* -o umask= */
	uint64_t offset;		/* -o offset=, bytes */
	uint64_t cache_size;		/* -o cache_size=, 0: automatic */
	int cache_in_bytes;		/* cache_size had a K/M/G suffix */
	int show_help;			/* -h (also passed on to libfuse) */
	int show_version;		/* -V (idem) */
	int counts;			/* -o counts: print request counts */
	int all_requests;		/* -o all_requests: no request cuts
					 * (ops.c), for before/after figures */
};

/* Requests seen, by FUSE opcode (count.c); [0] is "other". */
#define MF_COUNT_OPS	64
struct mf_counts {
	uint64_t n[MF_COUNT_OPS];
	uint64_t total;
};

/* The running mount. */
struct micafuse {
	struct mf_opts opts;
	const struct fsdriver_fstype *fstype;
	const struct fsdriver *fs;	/* == fstype->table */
	const struct lmfs_dev_ops *dev_ops;
	void *dev_ctx;
	int dev_registered;
	int mounted;			/* fdr_mount succeeded, not unmounted */
	int rdonly;			/* effective: asked, forced or fallen back */
	int unmount_failed;		/* the final write-back failed */
	ino_t root_ino;			/* the fs's root inode number */
	char *iobuf;			/* read/xattr scratch buffer */
	size_t iobuf_size;
	struct mf_counts counts;	/* requests served (count.c) */
	int cut_open;			/* ops.c: answer OPEN with ENOSYS */
	int cut_opendir;		/* ... and OPENDIR */
};

/* opts.c */
/* Take micafuse's options and IMAGE out of 'args', leaving the rest (and
 * MOUNTPOINT) for libfuse.  Returns 0, or -1 after printing why. */
int mf_opts_parse(struct fuse_args *args, struct mf_opts *o);
/* Parse "123", "64K", "8M", "1G" (binary units); 'suffixed' tells whether a
 * unit was given.  Returns 0 or -1 for anything else (or overflow). */
int mf_parse_size(const char *s, uint64_t *out, int *suffixed);
/* The usage text; 'types' lists the file-system types. */
void mf_opts_usage(const char *prog, const char *types);

/* fstypes.c */
/* The type named 'name' ("mfs", "ext2", "iso9660"), or NULL. */
const struct fsdriver_fstype *mf_fstype_by_name(const char *name);
/* Probe 'dev' with every known type; NULL if none matched (reported). */
const struct fsdriver_fstype *mf_fstype_probe(dev_t dev, const char *image);
/* "mfs, ext2, iso9660": the types this binary knows. */
const char *mf_fstype_names(void);
/* "a, b, c" from list[0..n)'s names, malloc'd (caller frees), or NULL. */
char *mf_fstype_join(const struct fsdriver_fstype *const *list, size_t n);

/* image.c */
/* Open the image, pick the fs type, mount it.  Returns 0 or -1 (reported). */
int mf_image_mount(struct micafuse *mf);
/* Unmount the fs, write everything back, make it durable, close the image.
 * Safe to call more than once.  Returns 0 or -1 if data may be lost. */
int mf_image_unmount(struct micafuse *mf);
/* Write back everything cached and make it durable (fsync). */
int mf_image_sync(struct micafuse *mf);

/* attr.c */
fuse_ino_t mf_to_fuse_ino(const struct micafuse *mf, ino_t ino);
ino_t mf_to_fs_ino(const struct micafuse *mf, fuse_ino_t ino);
/* Turn the fs's stat into what the kernel sees (ino, uid/gid/umask). */
void mf_present_stat(const struct micafuse *mf, struct stat *st);
/* stat 'ino' (an fs number) into 'st', presented; 0 or -errno. */
int mf_stat(struct micafuse *mf, ino_t ino, struct stat *st);

/* ll_*.c: reply helpers shared by the handlers (ll_reply.c). */
struct micafuse *mf_of(fuse_req_t req);
/* OK, or -EROFS on a read-only mount or for a NULL modifying 'entry'. */
int mf_modify_ok(const struct micafuse *mf, const void *entry);
/* Reply with a negative errno from the fs (or OK -> 0). */
void mf_reply_err(struct micafuse *mf, fuse_req_t req, int r);
/* Reply with an entry for fs inode 'ino' the fs gave us one reference to;
 * the reference goes to the kernel, or back to the fs if the reply fails. */
void mf_reply_node(struct micafuse *mf, fuse_req_t req, ino_t ino,
    struct fuse_file_info *fi);
/* Look 'name' up in 'dir' (fs numbers) and reply with the entry; a
 * missing name is a negative entry if 'negative', else ENOENT. */
void mf_reply_lookup(struct micafuse *mf, fuse_req_t req, ino_t dir,
    const char *name, int negative);
/* Scratch buffer of at least 'size' bytes, or NULL. */
char *mf_iobuf(struct micafuse *mf, size_t size);
/* Called after every request: the table's postcall hook. */
void mf_postcall(struct micafuse *mf);

/* ll_*.c handlers, collected into the ops table by ops.c */
void mf_ll_lookup(fuse_req_t, fuse_ino_t, const char *);
void mf_ll_forget(fuse_req_t, fuse_ino_t, uint64_t);
void mf_ll_forget_multi(fuse_req_t, size_t, struct fuse_forget_data *);
void mf_ll_getattr(fuse_req_t, fuse_ino_t, struct fuse_file_info *);
void mf_ll_setattr(fuse_req_t, fuse_ino_t, struct stat *, int,
    struct fuse_file_info *);
void mf_ll_statfs(fuse_req_t, fuse_ino_t);
void mf_ll_readlink(fuse_req_t, fuse_ino_t);
void mf_ll_mknod(fuse_req_t, fuse_ino_t, const char *, mode_t, dev_t);
void mf_ll_mkdir(fuse_req_t, fuse_ino_t, const char *, mode_t);
void mf_ll_unlink(fuse_req_t, fuse_ino_t, const char *);
void mf_ll_rmdir(fuse_req_t, fuse_ino_t, const char *);
void mf_ll_symlink(fuse_req_t, const char *, fuse_ino_t, const char *);
void mf_ll_rename(fuse_req_t, fuse_ino_t, const char *, fuse_ino_t,
    const char *, unsigned int);
void mf_ll_link(fuse_req_t, fuse_ino_t, fuse_ino_t, const char *);
void mf_ll_open(fuse_req_t, fuse_ino_t, struct fuse_file_info *);
void mf_ll_create(fuse_req_t, fuse_ino_t, const char *, mode_t,
    struct fuse_file_info *);
void mf_ll_read(fuse_req_t, fuse_ino_t, size_t, off_t,
    struct fuse_file_info *);
void mf_ll_write(fuse_req_t, fuse_ino_t, const char *, size_t, off_t,
    struct fuse_file_info *);
void mf_ll_flush(fuse_req_t, fuse_ino_t, struct fuse_file_info *);
void mf_ll_release(fuse_req_t, fuse_ino_t, struct fuse_file_info *);
void mf_ll_fsync(fuse_req_t, fuse_ino_t, int, struct fuse_file_info *);
void mf_ll_opendir(fuse_req_t, fuse_ino_t, struct fuse_file_info *);
void mf_ll_readdir(fuse_req_t, fuse_ino_t, size_t, off_t,
    struct fuse_file_info *);
void mf_ll_readdirplus(fuse_req_t, fuse_ino_t, size_t, off_t,
    struct fuse_file_info *);
void mf_ll_getxattr(fuse_req_t, fuse_ino_t, const char *, size_t);
void mf_ll_setxattr(fuse_req_t, fuse_ino_t, const char *, const char *,
    size_t, int);
void mf_ll_listxattr(fuse_req_t, fuse_ino_t, size_t);
void mf_ll_removexattr(fuse_req_t, fuse_ino_t, const char *);

/* loop.c */
/* Serve requests one at a time until the session ends, polling for up to
 * 'spin_us' microseconds after each before sleeping; each is counted in
 * 'c'.  0, or -1 on error. */
int mf_session_loop(struct fuse_session *se, unsigned int spin_us,
    struct mf_counts *c);

/* count.c */
/* Zero 'c' and make SIGUSR1 ask for a dump. */
void mf_count_init(struct mf_counts *c);
/* Count the request in 'buf'. */
void mf_count_request(struct mf_counts *c, const struct fuse_buf *buf);
/* Print the counts to stderr, labelled 'why', and zero them. */
void mf_count_print(struct mf_counts *c, const char *why);
/* Print (and zero) if SIGUSR1 asked since the last call. */
void mf_count_poll(struct mf_counts *c);

/* ops.c */
extern const struct fuse_lowlevel_ops mf_ll_ops;

#endif /* MICAFUSE_H */
