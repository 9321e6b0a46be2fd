/*
 * main.c - MFS as a server in Mica: the same fs/mfs sources as micafuse
 * and the host tools, behind libfsdriver's OS front end.  Everything a
 * server does beyond the table is the front end's (lib/libfsdriver/
 * README.md): SEF startup, the mount's block device, requests, replies,
 * the mount record a restart reuses.  The server lives here, not in
 * fs/mfs, which is the library micafuse and the host tools link.
 *
 *	mfs priv=sys [stats=1]	(a boot module; priv=sys for its heap, see
 *				 lib/libsys/libc_glue.c)
 *
 * stats=1 (the benchmarks' boots, tests/bench/image): after every sync
 * the server prints libminixfs's counters on the console, one line,
 *	mfs-stats: fs L hits H misses M rreq R rblk B rareq RR rablk RB
 *		   wreq W wblk X evict E bufs N tsc T idle I
 * (one line; L the server's label: mfs for the root, mfs2 for a disk;
 * rareq/rablk the part of rreq/rblk that read-ahead asked for; T the TSC
 * now and I the TSC cycles the CPU has idled since boot, so T - I between
 * two lines is the work done, without the clock warps of an idle CPU
 * under -icount), so a
 * benchmark program brackets a phase with sync() calls and reads how
 * many device requests it took.  A copy of the table with a wrapped
 * sync: no new request, nothing in the protocol.
 */
#include <stdio.h>
#include <string.h>

#include <mica/fsdriver_os.h>
#include <mica/fstype.h>
#include <mica/kipc.h>
#include <mica/libminixfs.h>
#include <mica/sef.h>
#include <mica/syslib.h>

#include "mfs.h"

static struct fsdriver stats_table;

static int sync_and_report(void)
{
	struct lmfs_stats st;
	char line[400];
	int r = mfs_table.fdr_sync(), n;

	lmfs_get_stats(&st);
	n = snprintf(line, sizeof line, "mfs-stats: fs %s hits %llu misses %llu "
	    "rreq %llu rblk %llu rareq %llu rablk %llu wreq %llu wblk %llu "
	    "evict %llu bufs %u tsc %llu idle %llu\n", sef_label(),
	    (unsigned long long)st.hits, (unsigned long long)st.misses,
	    (unsigned long long)st.read_reqs, (unsigned long long)st.read_blocks,
	    (unsigned long long)st.ra_reqs, (unsigned long long)st.ra_blocks,
	    (unsigned long long)st.write_reqs, (unsigned long long)st.write_blocks,
	    (unsigned long long)st.evictions, st.nbufs,
	    (unsigned long long)rdtsc(), (unsigned long long)sys_idle_tsc());
	if (n > 0)
		sys_diag_print(line, (u32_t)strlen(line));
	return r;
}

int main(const char *args)
{
	const struct fsdriver *table = &mfs_table;
	static struct fsdriver_fstype type;
	int r;

	if (arg_int(args, "stats", 0) && mfs_table.fdr_sync != NULL) {
		stats_table = mfs_table;
		stats_table.fdr_sync = sync_and_report;
		table = &stats_table;
	}
	type = mfs_fstype;			/* mount detects MFS */
	type.table = table;
	r = fsdriver_task_fstype(&type);
	panic("mfs: fsdriver_task ended (%d)", r);
}
