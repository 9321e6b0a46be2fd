/*
 * fstype.h - how a tool finds a file system by itself.
 *
 * Each file-system library exports one struct fsdriver_fstype.  micafuse
 * (and any other host tool) tries the probes in turn on a device already
 * registered with libminixfs, or picks one by name (-o type=).  In Mica
 * the same probes run in the file-system servers (fsdriver_task_fstype,
 * mica/fsdriver_os.h), whose DS labels are these names: mount(8) tries
 * the servers in FSTYPE_ORDER and a server refuses a device its probe does
 * not recognise with EFTYPE.
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

/* The type names (also the servers' labels in Mica, servers/rs/boot.conf)
 * and the probing order micafuse (tools/fuse/fstypes.c) and mount
 * (commands/mount) follow. */
#define FSTYPE_MFS	"mfs"
#define FSTYPE_EXT2	"ext2"
#define FSTYPE_ISO9660	"iso9660"
#define FSTYPE_ROMFS	"romfs"
#define FSTYPE_ORDER	FSTYPE_MFS, FSTYPE_EXT2, FSTYPE_ISO9660, FSTYPE_ROMFS

extern const struct fsdriver_fstype mfs_fstype;
extern const struct fsdriver_fstype ext2_fstype;
extern const struct fsdriver_fstype isofs_fstype;
extern const struct fsdriver_fstype romfs_fstype;

#endif /* MICA_FSTYPE_H */
