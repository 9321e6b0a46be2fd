/*
 * procfs.h - the process file system (fs/procfs, README.md): a
 * libvtreefs tree whose texts come from the servers that own the facts.
 *
 *	/proc/PID/status	PM's record (mica/procinfo.h), "Key:\tvalue"
 *	/proc/PID/cmdline	argv, NUL after each (PM_GETCMDLINE)
 *	/proc/PID/maps		VM's regions (VM_REGIONS)
 *	/proc/services		RS's service table (RS_GETSVCS) joined with
 *				PM's pids by endpoint
 *	/proc/meminfo		VM's statistics (VM_INFO)
 *	/proc/uptime		seconds since boot
 *	/proc/fs/LABEL/cache	the block cache of each mounted file-system
 *				server that has one (FS_CACHESTAT)
 *
 * The facts come through struct procfs_src, so this library is the same
 * on the host (tests/unit/procfs fakes the servers) and in the OS
 * (servers/procfs asks them over IPC).  Every fact is asked for when a
 * text is generated or a directory refreshed: nothing is kept that could
 * go stale, and a failing server makes one read fail, never the tree.
 *
 * The deadlock rule: procfs serves VFS, which waits for it, so no source
 * may ever send to VFS; PM, VM, RS, DS and the file-system servers never
 * wait for procfs, so asking them is safe.
 */
#ifndef FS_PROCFS_H
#define FS_PROCFS_H

#include <stddef.h>
#include <stdint.h>

#include <errno.h>

#include <mica/abi.h>
#include <mica/procinfo.h>
#include <mica/rs.h>
#include <mica/vfsif.h>
#include <mica/vmif.h>
#include <mica/vtreefs.h>

/* What /proc/meminfo shows (VM_INFO of the system). */
struct procfs_mem {
	u32_t total_pages, free_pages;
	u32_t procs, faults, cow_copies, ooms;
	u32_t file_pages, file_fills, file_hits;	/* VM's page cache (mmap) */
};

struct procfs_src {
	/* Up to max records of PM's table; the number of processes (more
	 * than max: some were left out), or -errno. */
	int (*ps_procs)(struct mica_procinfo *buf, int max);
	/* pid's command line into buf (size bytes); its length (may be
	 * more than size), or -errno (-ESRCH: gone). */
	int (*ps_cmdline)(int pid, char *buf, size_t size);
	/* ep's regions: up to max into buf; how many were written, *total
	 * how many there are; or -errno. */
	int (*ps_regions)(int ep, struct vm_region_info *buf, int max,
	    int *total);
	int (*ps_mem)(struct procfs_mem *m);
	/* RS's table: like ps_procs. */
	int (*ps_services)(struct rs_svcinfo *buf, int max);
	/* The cache statistics of the file-system server 'label'; -errno
	 * when it has none (-ENOSYS), is not a mounted file system, or is
	 * procfs itself. */
	int (*ps_cachestat)(const char *label, struct mica_fs_cachestat *st);
	/* Clock ticks since boot, and ticks per second. */
	int (*ps_uptime)(u64_t *ticks, u32_t *hz);
};

#define PROCFS_NODES	2048	/* the tree's pool: 4 per process + a few */
#define PROCFS_PROCS_MAX 1024	/* PM's table read at most (2 * NR_PROCS) */
#define PROCFS_SVCS_MAX	64	/* RS_CONF_MAX: labels RS can manage */

/* Build the tree over src (which must outlive it); the fsdriver table is
 * vtree_table.  OK or -errno. */
int procfs_init(const struct procfs_src *src);

/* Inside the library. */
extern const struct procfs_src *procfs_src;
/* PM's table in a buffer of the library's; the count, or -errno. */
int procfs_procs(const struct mica_procinfo **tab);
/* pid's record in that table, or NULL. */
const struct mica_procinfo *procfs_proc(const struct mica_procinfo *tab,
    int n, int pid);
extern const struct vtree_ops procfs_status_ops, procfs_cmdline_ops,
    procfs_maps_ops;
extern const struct vtree_ops procfs_services_ops, procfs_meminfo_ops,
    procfs_uptime_ops, procfs_fs_ops, procfs_cache_ops;

#endif /* FS_PROCFS_H */
