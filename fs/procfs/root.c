/*
 * root.c - the tree's shape: the fixed entries of /proc, one directory
 * per process (refreshed from PM's table before every lookup or listing
 * of /proc, so a process appears as soon as PM knows it and its
 * directory goes once PM forgets it: after it is reaped), and /proc/fs
 * (one directory per file-system server with a cache, refreshed the same
 * way from RS's table).  A node's user pointer holds the pid (PID
 * directories and their files: the parent's) or, under /proc/fs, the
 * label is the directory's name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "procfs.h"

const struct procfs_src *procfs_src;

static struct vtree_node nodes[PROCFS_NODES];
static struct mica_procinfo procs[PROCFS_PROCS_MAX];

int procfs_procs(const struct mica_procinfo **tab)
{
	int n = procfs_src->ps_procs(procs, PROCFS_PROCS_MAX);

	if (n < 0)
		return n;
	*tab = procs;
	return n < PROCFS_PROCS_MAX ? n : PROCFS_PROCS_MAX;
}

const struct mica_procinfo *procfs_proc(const struct mica_procinfo *tab,
    int n, int pid)
{
	for (int i = 0; i < n; i++)
		if (tab[i].pid == pid)
			return &tab[i];
	return NULL;
}

/* A PID directory's name: its pid, or 0 for any other name. */
static int pid_of(const char *name)
{
	char *end;
	long v;

	if (name[0] < '1' || name[0] > '9')
		return 0;
	v = strtol(name, &end, 10);
	return *end == '\0' && v > 0 && v < 0x7fffffff ? (int)v : 0;
}

static void *pid_ptr(int pid)
{
	return (void *)(intptr_t)pid;
}

static int pid_dir_add(struct vtree_node *root, const struct mica_procinfo *p)
{
	struct vtree_node *d;
	char name[16];
	int r;

	snprintf(name, sizeof(name), "%d", (int)p->pid);
	if ((r = vtree_add(root, name, S_IFDIR | 0555, NULL, pid_ptr(p->pid),
	    &d)) != OK)
		return r;
	vtree_set_owner(d, p->euid, p->egid);
	if ((r = vtree_add(d, "status", S_IFREG | 0444, &procfs_status_ops,
	    pid_ptr(p->pid), NULL)) != OK ||
	    (r = vtree_add(d, "cmdline", S_IFREG | 0444, &procfs_cmdline_ops,
	    pid_ptr(p->pid), NULL)) != OK ||
	    (r = vtree_add(d, "maps", S_IFREG | 0444, &procfs_maps_ops,
	    pid_ptr(p->pid), NULL)) != OK) {
		vtree_remove(d);
		return r;
	}
	for (struct vtree_node *c = vtree_first(d); c; c = vtree_next(c))
		vtree_set_owner(c, p->euid, p->egid);
	return OK;
}

/* /proc: PID directories to match PM's table. */
static int root_refresh(struct vtree_node *root)
{
	const struct mica_procinfo *tab, *p;
	struct vtree_node *c, *next;
	char name[16];
	int n, pid, r = OK;

	if ((n = procfs_procs(&tab)) < 0)
		return n;
	for (c = vtree_first(root); c; c = next) {
		next = vtree_next(c);
		if ((pid = pid_of(vtree_name(c))) == 0)
			continue;
		if (!(p = procfs_proc(tab, n, pid)))
			vtree_remove(c);
		else
			vtree_set_owner(c, p->euid, p->egid);
	}
	for (int i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "%d", (int)tab[i].pid);
		if (tab[i].pid > 0 && !vtree_find(root, name) &&
		    (r = pid_dir_add(root, &tab[i])) != OK)
			break;		/* pool full: list what fits */
	}
	return r == -ENOSPC ? OK : r;
}

static const struct vtree_ops root_ops = { root_refresh, NULL };

/* /proc/fs: a directory per server that answers FS_CACHESTAT. */
static int fs_refresh(struct vtree_node *dir)
{
	static struct rs_svcinfo svcs[PROCFS_SVCS_MAX];
	struct mica_fs_cachestat st;
	struct vtree_node *c, *next, *d;
	int n, keep, r;

	if ((n = procfs_src->ps_services(svcs, PROCFS_SVCS_MAX)) < 0)
		return n;
	if (n > PROCFS_SVCS_MAX)
		n = PROCFS_SVCS_MAX;
	for (c = vtree_first(dir); c; c = next) {
		next = vtree_next(c);
		keep = 0;
		for (int i = 0; i < n; i++)
			if (!strncmp(svcs[i].label, vtree_name(c), RS_LABEL_LEN))
				keep = procfs_src->ps_cachestat(vtree_name(c),
				    &st) == OK;
		if (!keep)
			vtree_remove(c);
	}
	for (int i = 0; i < n; i++) {
		svcs[i].label[RS_LABEL_LEN - 1] = '\0';
		if (!svcs[i].label[0] || (svcs[i].flags & RS_SVC_DEAD) ||
		    vtree_find(dir, svcs[i].label) ||
		    procfs_src->ps_cachestat(svcs[i].label, &st) != OK)
			continue;
		if ((r = vtree_add(dir, svcs[i].label, S_IFDIR | 0555, NULL,
		    NULL, &d)) != OK)
			return r == -ENOSPC ? OK : r;
		if ((r = vtree_add(d, "cache", S_IFREG | 0444,
		    &procfs_cache_ops, NULL, NULL)) != OK) {
			vtree_remove(d);
			return r == -ENOSPC ? OK : r;
		}
	}
	return OK;
}

const struct vtree_ops procfs_fs_ops = { fs_refresh, NULL };

int procfs_init(const struct procfs_src *src)
{
	struct vtree_node *root;
	int r;

	procfs_src = src;
	if (!(root = vtree_init(nodes, PROCFS_NODES, 0555, &root_ops, NULL)))
		return -EINVAL;
	if ((r = vtree_add(root, "services", S_IFREG | 0444,
	    &procfs_services_ops, NULL, NULL)) != OK ||
	    (r = vtree_add(root, "meminfo", S_IFREG | 0444,
	    &procfs_meminfo_ops, NULL, NULL)) != OK ||
	    (r = vtree_add(root, "uptime", S_IFREG | 0444,
	    &procfs_uptime_ops, NULL, NULL)) != OK ||
	    (r = vtree_add(root, "fs", S_IFDIR | 0555, &procfs_fs_ops, NULL,
	    NULL)) != OK)
		return r;
	return OK;
}
