/*
 * fstype.h - how a host tool finds a file system by itself.
 *
 * Each file-system library exports one struct fsdriver_fstype.  micafuse
 * (and any other host tool) tries the probes in turn on a device already
 * registered with libminixfs, or picks one by name (-o type=).
 */
#ifndef MICA_FSTYPE_H
#define MICA_FSTYPE_H

#include <sys/types.h>
#include <mica/fsdriver.h>

struct fsdriver_fstype {
	const char *name;		/* "mfs", "ext2", "iso9660", ... */
	/* 1: the device holds this file system; 0: it does not; negative
	 * errno: could not tell (I/O error).  Reads only with
	 * lmfs_dev_read(); changes nothing, neither the device nor the
	 * cache's block size. */
	int (*probe)(dev_t dev);
	const struct fsdriver *table;
};

extern const struct fsdriver_fstype mfs_fstype;
extern const struct fsdriver_fstype ext2_fstype;
extern const struct fsdriver_fstype isofs_fstype;
extern const struct fsdriver_fstype romfs_fstype;

#endif /* MICA_FSTYPE_H */
