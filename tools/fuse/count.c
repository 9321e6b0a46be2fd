/*
 * count.c - how many requests of each kind the kernel sent: the measure of
 * round trips (issue 11, item 7).
 *
 * The loop (loop.c) counts every request it reads, by the opcode in its
 * header, before libfuse dispatches it: so requests that libfuse answers
 * itself (ENOSYS for a missing handler, INIT, INTERRUPT) count too, and
 * the total is what the kernel really sent.  Printed to stderr at unmount
 * with -o counts or -d, and at any time on SIGUSR1 (then the counts start
 * again from zero: a script brackets one operation with two signals).
 *
 * Names come from <linux/fuse.h>'s opcode constants; an opcode this table
 * does not name is counted as "other".
 */
#include <inttypes.h>
#include <linux/fuse.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "micafuse.h"

static const char *const count_names[MF_COUNT_OPS] = {
	[FUSE_LOOKUP] = "LOOKUP",	[FUSE_FORGET] = "FORGET",
	[FUSE_GETATTR] = "GETATTR",	[FUSE_SETATTR] = "SETATTR",
	[FUSE_READLINK] = "READLINK",	[FUSE_SYMLINK] = "SYMLINK",
	[FUSE_MKNOD] = "MKNOD",		[FUSE_MKDIR] = "MKDIR",
	[FUSE_UNLINK] = "UNLINK",	[FUSE_RMDIR] = "RMDIR",
	[FUSE_RENAME] = "RENAME",	[FUSE_LINK] = "LINK",
	[FUSE_OPEN] = "OPEN",		[FUSE_READ] = "READ",
	[FUSE_WRITE] = "WRITE",		[FUSE_STATFS] = "STATFS",
	[FUSE_RELEASE] = "RELEASE",	[FUSE_FSYNC] = "FSYNC",
	[FUSE_SETXATTR] = "SETXATTR",	[FUSE_GETXATTR] = "GETXATTR",
	[FUSE_LISTXATTR] = "LISTXATTR",	[FUSE_REMOVEXATTR] = "REMOVEXATTR",
	[FUSE_FLUSH] = "FLUSH",		[FUSE_INIT] = "INIT",
	[FUSE_OPENDIR] = "OPENDIR",	[FUSE_READDIR] = "READDIR",
	[FUSE_RELEASEDIR] = "RELEASEDIR", [FUSE_FSYNCDIR] = "FSYNCDIR",
	[FUSE_GETLK] = "GETLK",		[FUSE_SETLK] = "SETLK",
	[FUSE_SETLKW] = "SETLKW",	[FUSE_ACCESS] = "ACCESS",
	[FUSE_CREATE] = "CREATE",	[FUSE_INTERRUPT] = "INTERRUPT",
	[FUSE_BMAP] = "BMAP",		[FUSE_DESTROY] = "DESTROY",
	[FUSE_IOCTL] = "IOCTL",		[FUSE_POLL] = "POLL",
	[FUSE_NOTIFY_REPLY] = "NOTIFY_REPLY",
	[FUSE_BATCH_FORGET] = "BATCH_FORGET",
	[FUSE_FALLOCATE] = "FALLOCATE",	[FUSE_READDIRPLUS] = "READDIRPLUS",
	[FUSE_RENAME2] = "RENAME2",	[FUSE_LSEEK] = "LSEEK",
	[FUSE_COPY_FILE_RANGE] = "COPY_FILE_RANGE",
};

static volatile sig_atomic_t count_dump_asked;

static void count_on_usr1(int sig)
{
	(void)sig;
	count_dump_asked = 1;
}

void mf_count_init(struct mf_counts *c)
{
	struct sigaction sa;

	memset(c, 0, sizeof(*c));
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = count_on_usr1;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);	/* no SA_RESTART: poll wakes */
}

/* Count the request in 'buf' (its header, if readable). */
void mf_count_request(struct mf_counts *c, const struct fuse_buf *buf)
{
	const struct fuse_in_header *in = buf->mem;
	uint32_t op;

	if ((buf->flags & FUSE_BUF_IS_FD) || buf->size < sizeof(*in) ||
	    in == NULL)
		op = 0;			/* unreadable: "other" */
	else
		op = in->opcode;
	if (op >= MF_COUNT_OPS || count_names[op] == NULL)
		op = 0;
	c->n[op]++;
	c->total++;
}

/* Print the counts to stderr ("micafuse: requests <why>: total N, ...")
 * and start again from zero. */
void mf_count_print(struct mf_counts *c, const char *why)
{
	unsigned int op;

	fprintf(stderr, "micafuse: requests %s: total %" PRIu64, why,
	    c->total);
	for (op = 1; op < MF_COUNT_OPS; op++)
		if (c->n[op] != 0)
			fprintf(stderr, ", %s %" PRIu64, count_names[op],
			    c->n[op]);
	if (c->n[0] != 0)
		fprintf(stderr, ", other %" PRIu64, c->n[0]);
	fprintf(stderr, "\n");
	memset(c->n, 0, sizeof(c->n));
	c->total = 0;
}

/* Print and reset if SIGUSR1 came since the last call. */
void mf_count_poll(struct mf_counts *c)
{
	if (count_dump_asked) {
		count_dump_asked = 0;
		mf_count_print(c, "since last dump");
	}
}
