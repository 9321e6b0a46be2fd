/*
 * oplog.c - the exerciser's memory of recent operations.
 *
 * A ring of the last OPLOG_N operation lines (number, arguments, outcome on
 * both sides).  On a divergence the caller dumps the lines since the last
 * good compare, which together with the seed is what a developer needs to
 * replay and shrink the failure.  Single-threaded; lives in one file.
 */
#include <stdio.h>
#include <string.h>

#include "fsxr.h"

#define OPLOG_N		512
#define OPLOG_LINE	400

static char oplog_ring[OPLOG_N][OPLOG_LINE];
static unsigned long oplog_next;	/* number of lines ever added */

/* Remember one line (truncated to OPLOG_LINE - 1 characters). */
void oplog_add(struct fsx *x, const char *line)
{
	(void)x;
	snprintf(oplog_ring[oplog_next % OPLOG_N], OPLOG_LINE, "%s", line);
	oplog_next++;
}

/* Print the remembered lines of operations numbered from `from` on. */
void oplog_dump(const struct fsx *x, unsigned long from)
{
	unsigned long first = oplog_next > OPLOG_N ? oplog_next - OPLOG_N : 0;
	unsigned long i;

	(void)x;
	if (from > first)
		first = from;
	if (first > 0)
		fprintf(stderr, "fsxr: (operations before #%lu not shown)\n", first);
	for (i = first; i < oplog_next; i++)
		fprintf(stderr, "  %s\n", oplog_ring[i % OPLOG_N]);
}
