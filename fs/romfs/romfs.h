/*
 * romfs.h - a read-only romfs (Linux's ROM file system) on libminixfs and
 * libfsdriver: the skeleton of a read-only port, kept small on purpose
 * (docs/porting.md walks through what it shows).
 *
 * Layers, bottom up:
 *   super.c   probe, mount, unmount, statvfs; the mounted volume
 *   hdr.c     reading and checking file headers (hostile input)
 *   node.c    referenced inodes, lookup, putnode, stat
 *   read.c    file data and symlink targets (not block-aligned: lmfs_bio)
 *   getdents.c  directory listings
 *   table.c   the struct fsdriver (no modifying entries) and the fstype
 *
 * Inode numbers are header offsets: the root is the first header after
 * the volume name; a hard link's number is its target's.  Every byte comes
 * from the image and is checked before use; walks are bounded by the
 * image size.  One volume per process, requests one at a time.
 */
#ifndef ROMFS_H
#define ROMFS_H

#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <mica/fsdriver.h>
#include <mica/libminixfs.h>
#include "romfs_format.h"

#define ROMFS_BLOCK_SIZE	4096	/* the cache's block: romfs has none */

/* The mounted volume (super.c). */
struct romfs_vol {
	dev_t dev;
	int mounted;
	uint32_t size;		/* full_size, checked against the device */
	uint32_t root;		/* the root directory's header */
};
extern struct romfs_vol romfs_vol;

/* A file header, decoded and checked (hdr.c). */
struct romfs_file {
	uint32_t off;		/* the header's offset: the inode number */
	uint32_t next;		/* next entry in the directory, 0: last */
	unsigned int type;	/* enum romfs_type, never ROMFS_HARDLINK */
	int exec;
	uint32_t spec;
	uint32_t size;
	uint32_t data;		/* offset of the data (after the name) */
};

/* hdr.c */
/* Read the header at 'off' as it is (a hard link stays one); the name
 * goes to 'name' (ROMFS_MAXFN bytes) if not NULL.  -EIO if corrupt. */
int romfs_hdr_read(uint32_t off, struct romfs_file *f, char *name,
    unsigned int *type);
/* The same, following hard links to the file they name. */
int romfs_file_get(uint32_t off, struct romfs_file *f);
/* mode_t of a file (romfs stores only the type and an executable bit). */
mode_t romfs_mode(const struct romfs_file *f);
/* Copy bytes [pos, pos+len) of the image; -EIO outside it. */
int romfs_read_bytes(uint32_t pos, void *buf, size_t len);

/* node.c */
int romfs_dir_find(uint32_t dir, const char *name, struct romfs_file *f);
int romfs_lookup(ino_t dir, const char *name, struct fsdriver_node *node);
int romfs_putnode(ino_t ino, unsigned int count);
int romfs_stat(ino_t ino, struct stat *st);
/* Take one reference to 'ino' for the caller (mount's root). */
int romfs_node_ref(ino_t ino);
void romfs_node_free_all(void);
void romfs_fill_node(const struct romfs_file *f, struct fsdriver_node *n);

/* read.c */
ssize_t romfs_read(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t pos);
ssize_t romfs_rdlink(ino_t ino, struct fsdriver_data *data, size_t bytes);

/* getdents.c */
ssize_t romfs_getdents(ino_t ino, struct fsdriver_data *data, size_t bytes,
    off_t *pos);

/* super.c */
int romfs_probe(dev_t dev);
int romfs_mount(dev_t dev, unsigned int flags, struct fsdriver_node *root,
    unsigned int *res_flags);
int romfs_unmount(void);
int romfs_statvfs(struct statvfs *st);

#endif /* ROMFS_H */
