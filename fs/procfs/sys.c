/*
 * sys.c - the system-wide files: /proc/services (RS's table, each
 * service's pid from PM's by endpoint), /proc/meminfo (VM), /proc/uptime,
 * /proc/fs/LABEL/cache (the server's FS_CACHESTAT).
 */
#include <string.h>

#include "procfs.h"

static int gen_services(struct vtree_node *n, struct vtree_buf *b)
{
	static struct rs_svcinfo svcs[PROCFS_SVCS_MAX];
	const struct mica_procinfo *tab = NULL;
	int cnt, np;

	(void)n;
	if ((cnt = procfs_src->ps_services(svcs, PROCFS_SVCS_MAX)) < 0)
		return cnt;
	if (cnt > PROCFS_SVCS_MAX)
		cnt = PROCFS_SVCS_MAX;
	np = procfs_procs(&tab);
	vtree_printf(b, "%-15s %8s %6s %-5s %s\n", "LABEL", "ENDPOINT", "PID",
	    "STATE", "RESTARTS");
	for (int i = 0; i < cnt; i++) {
		const struct rs_svcinfo *s = &svcs[i];
		int pid = 0;

		for (int j = 0; j < np; j++)
			if (tab[j].endpoint == s->endpoint &&
			    (tab[j].flags & MICA_PI_SYSTEM))
				pid = tab[j].pid;
		vtree_printf(b, "%-15.*s %8d %6d %-5s %u\n", RS_LABEL_LEN - 1,
		    s->label, (int)s->endpoint, pid,
		    (s->flags & RS_SVC_DEAD) ? "dead" :
		    (s->flags & RS_SVC_UP) ? "up" : "init",
		    (unsigned)s->restarts);
	}
	return OK;
}

static int gen_meminfo(struct vtree_node *n, struct vtree_buf *b)
{
	struct procfs_mem m;
	int r;

	(void)n;
	if ((r = procfs_src->ps_mem(&m)) != OK)
		return r;
	vtree_printf(b, "MemTotal:\t%u kB\n", (unsigned)m.total_pages * 4);
	vtree_printf(b, "MemFree:\t%u kB\n", (unsigned)m.free_pages * 4);
	vtree_printf(b, "MemUsed:\t%u kB\n",
	    (unsigned)(m.total_pages - m.free_pages) * 4);
	vtree_printf(b, "Processes:\t%u\n", (unsigned)m.procs);
	vtree_printf(b, "PageFaults:\t%u\n", (unsigned)m.faults);
	vtree_printf(b, "CowCopies:\t%u\n", (unsigned)m.cow_copies);
	vtree_printf(b, "OutOfMemory:\t%u\n", (unsigned)m.ooms);
	vtree_printf(b, "FileCached:\t%u kB\n", (unsigned)m.file_pages * 4);
	vtree_printf(b, "FileFills:\t%u\n", (unsigned)m.file_fills);
	vtree_printf(b, "FileHits:\t%u\n", (unsigned)m.file_hits);
	return OK;
}

static int gen_uptime(struct vtree_node *n, struct vtree_buf *b)
{
	u64_t ticks;
	u32_t hz;
	int r;

	(void)n;
	if ((r = procfs_src->ps_uptime(&ticks, &hz)) != OK)
		return r;
	if (hz == 0)
		return -EIO;
	vtree_printf(b, "%llu.%02u\n", (unsigned long long)(ticks / hz),
	    (unsigned)((ticks % hz) * 100 / hz));
	return OK;
}

static int gen_cache(struct vtree_node *n, struct vtree_buf *b)
{
	struct mica_fs_cachestat st;
	struct vtree_node *dir = vtree_parent(n);
	int r;

	if (!dir)
		return -ENOENT;
	if ((r = procfs_src->ps_cachestat(vtree_name(dir), &st)) != OK)
		return r;
	vtree_printf(b, "hits:\t%llu\n", (unsigned long long)st.hits);
	vtree_printf(b, "misses:\t%llu\n", (unsigned long long)st.misses);
	vtree_printf(b, "read_requests:\t%llu\n",
	    (unsigned long long)st.read_reqs);
	vtree_printf(b, "read_blocks:\t%llu\n",
	    (unsigned long long)st.read_blocks);
	vtree_printf(b, "write_requests:\t%llu\n",
	    (unsigned long long)st.write_reqs);
	vtree_printf(b, "write_blocks:\t%llu\n",
	    (unsigned long long)st.write_blocks);
	vtree_printf(b, "evictions:\t%llu\n", (unsigned long long)st.evictions);
	vtree_printf(b, "buffers:\t%u\n", (unsigned)st.nbufs);
	vtree_printf(b, "block_size:\t%u\n", (unsigned)st.block_size);
	vtree_printf(b, "used_blocks:\t%llu\n",
	    (unsigned long long)st.used_blocks);
	vtree_printf(b, "total_blocks:\t%llu\n",
	    (unsigned long long)st.total_blocks);
	return OK;
}

const struct vtree_ops procfs_services_ops = { NULL, gen_services };
const struct vtree_ops procfs_meminfo_ops = { NULL, gen_meminfo };
const struct vtree_ops procfs_uptime_ops = { NULL, gen_uptime };
const struct vtree_ops procfs_cache_ops = { NULL, gen_cache };
