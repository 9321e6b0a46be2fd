/*
 * pid.c - the files of /proc/PID: status (PM's record as Linux's
 * "Key:\tvalue" lines), cmdline (PM's copy of argv), maps (VM's regions,
 * one a line: start-end, rwx and p/s, the region's kind).  Each asks its
 * server afresh; a process gone since its directory was made is ESRCH.
 */
#include <string.h>

#include "procfs.h"

static int node_pid(const struct vtree_node *n)
{
	return (int)(intptr_t)vtree_data(n);
}

/* The record of n's process, from a fresh copy of PM's table. */
static int proc_of(const struct vtree_node *n, struct mica_procinfo *out)
{
	const struct mica_procinfo *tab, *p;
	int cnt = procfs_procs(&tab);

	if (cnt < 0)
		return cnt;
	if (!(p = procfs_proc(tab, cnt, node_pid(n))))
		return -ESRCH;
	*out = *p;
	return OK;
}

static const char *state_name(char s)
{
	switch (s) {
	case 'R': return "R (running)";
	case 'S': return "S (sleeping)";
	case 'T': return "T (stopped)";
	case 'Z': return "Z (zombie)";
	default:  return "? (unknown)";
	}
}

static int gen_status(struct vtree_node *n, struct vtree_buf *b)
{
	struct mica_procinfo p;
	char name[MICA_PI_NAME_LEN + 1];
	int r;

	if ((r = proc_of(n, &p)) != OK)
		return r;
	memcpy(name, p.name, MICA_PI_NAME_LEN);
	name[MICA_PI_NAME_LEN] = '\0';
	vtree_printf(b, "Name:\t%s\n", name);
	vtree_printf(b, "State:\t%s\n", state_name(p.state));
	vtree_printf(b, "Pid:\t%d\n", (int)p.pid);
	vtree_printf(b, "PPid:\t%d\n", (int)p.ppid);
	vtree_printf(b, "Pgrp:\t%d\n", (int)p.pgid);
	vtree_printf(b, "Sid:\t%d\n", (int)p.sid);
	vtree_printf(b, "Uid:\t%u\t%u\n", (unsigned)p.uid, (unsigned)p.euid);
	vtree_printf(b, "Gid:\t%u\t%u\n", (unsigned)p.gid, (unsigned)p.egid);
	vtree_printf(b, "Endpoint:\t%d\n", (int)p.endpoint);
	vtree_printf(b, "Kind:\t%s\n",
	    (p.flags & MICA_PI_SYSTEM) ? "service" : "user");
	vtree_printf(b, "VmSize:\t%u kB\n", (unsigned)(p.vsize / 1024));
	vtree_printf(b, "VmRSS:\t%u kB\n", (unsigned)p.rss * 4);
	vtree_printf(b, "Utime:\t%u\n", (unsigned)p.utime);
	vtree_printf(b, "Stime:\t%u\n", (unsigned)p.stime);
	return OK;
}

static int gen_cmdline(struct vtree_node *n, struct vtree_buf *b)
{
	char buf[MICA_CMDLINE_MAX];
	int len = procfs_src->ps_cmdline(node_pid(n), buf, sizeof(buf));

	if (len == -ESRCH) {		/* a zombie: no command line */
		struct mica_procinfo p;

		return proc_of(n, &p) == OK ? OK : -ESRCH;
	}
	if (len < 0)
		return len;
	vtree_put(b, buf, (size_t)len < sizeof(buf) ? (size_t)len :
	    sizeof(buf));
	return OK;
}

/* VM's region kinds (mica/vmif.h VM_RK_*), by number. */
static const char *const kinds[] = {
	[VM_RK_TEXT] = "text", [VM_RK_DATA] = "data", [VM_RK_HEAP] = "heap",
	[VM_RK_STACK] = "stack", [VM_RK_ANON] = "anon",
	[VM_RK_SHARED] = "shared", [VM_RK_BOOT] = "boot",
	[VM_RK_PHYS] = "phys", [VM_RK_CONTIG] = "contig",
};

#define MAPS_MAX 512	/* regions fetched: more lines than a text holds */

static int gen_maps(struct vtree_node *n, struct vtree_buf *b)
{
	static struct vm_region_info ri[MAPS_MAX];
	struct mica_procinfo p;
	int cnt, total, r;

	if ((r = proc_of(n, &p)) != OK)
		return r;
	if (p.state == 'Z' || p.endpoint < 0)
		return OK;		/* a zombie has no memory */
	if ((cnt = procfs_src->ps_regions(p.endpoint, ri, MAPS_MAX,
	    &total)) < 0)
		return cnt == -EINVAL ? -ESRCH : cnt;
	for (int i = 0; i < cnt && i < MAPS_MAX; i++) {
		u32_t k = ri[i].kind;
		const char *kn = k < sizeof(kinds) / sizeof(kinds[0]) &&
		    kinds[k] ? kinds[k] : NULL;

		vtree_printf(b, "%08x-%08x %c%c%c%c ", (unsigned)ri[i].addr,
		    (unsigned)(ri[i].addr + ri[i].len),
		    (ri[i].prot & MICA_PROT_READ) ? 'r' : '-',
		    (ri[i].prot & MICA_PROT_WRITE) ? 'w' : '-',
		    (ri[i].prot & MICA_PROT_EXEC) ? 'x' : '-',
		    k == VM_RK_SHARED ? 's' : 'p');
		if (kn)
			vtree_printf(b, "%s\n", kn);
		else
			vtree_printf(b, "kind%u\n", (unsigned)k);
	}
	if (total > cnt)
		vtree_printf(b, "# %d more regions\n", total - cnt);
	return OK;
}

const struct vtree_ops procfs_status_ops = { NULL, gen_status };
const struct vtree_ops procfs_cmdline_ops = { NULL, gen_cmdline };
const struct vtree_ops procfs_maps_ops = { NULL, gen_maps };
