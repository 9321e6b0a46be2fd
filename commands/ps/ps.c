/*
 * commands/ps/ps.c - list processes, from PM's table (mica_getprocs,
 * mica/procinfo.h):
 *   ps        user processes: PID PPID UID STAT CMD
 *   ps -e     every process, system services too (-A is the same)
 *   ps -l     long: PGID, SID, effective uid, memory and CPU time as well
 * A service's name is its label, shown in brackets ("[vm]") as Linux
 * shows kernel threads.  STAT is PM's view: R, S (waiting in PM), T, Z.
 * Mica only: no other system has this call.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <mica/procinfo.h>

#include "cmd.h"

#define PS_USAGE "ps [-Ael]"

/* The whole table in malloc'd memory; its size in *n.  Grows and asks
 * again while processes appear between the two calls. */
static struct mica_procinfo *get_table(int *n)
{
	struct mica_procinfo *t = NULL, *nt;
	int want = 64, got;

	for (;;) {
		if (!(nt = realloc(t, want * sizeof(*t)))) {
			free(t);
			errno = ENOMEM;
			return NULL;
		}
		t = nt;
		if ((got = mica_getprocs(t, want)) < 0) {
			free(t);
			return NULL;
		}
		if (got <= want) {
			*n = got;
			return t;
		}
		want = got + 16;
	}
}

static int by_pid(const void *a, const void *b)
{
	const struct mica_procinfo *x = a, *y = b;

	return (x->pid > y->pid) - (x->pid < y->pid);
}

static void print_name(const struct mica_procinfo *p)
{
	char name[MICA_PI_NAME_LEN + 1];

	memcpy(name, p->name, MICA_PI_NAME_LEN);
	name[MICA_PI_NAME_LEN] = '\0';
	if (!name[0])
		strcpy(name, "?");
	if (p->flags & MICA_PI_SYSTEM)
		printf("[%s]\n", name);
	else
		printf("%s\n", name);
}

int main(int argc, char **argv)
{
	struct mica_procinfo *t;
	int all = 0, lng = 0, n, c;
	long hz = sysconf(_SC_CLK_TCK);

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "Ael")) != -1) {
		switch (c) {
		case 'A': case 'e': all = 1; break;
		case 'l': lng = 1; break;
		default: cmd_usage(PS_USAGE);
		}
	}
	if (optind < argc)
		cmd_usage(PS_USAGE);
	if (hz <= 0)
		hz = 100;
	if (!(t = get_table(&n)))
		return cmd_err("cannot read the process table");
	qsort(t, n, sizeof(*t), by_pid);
	if (lng)
		printf("%5s %5s %5s %5s %5s %5s %-4s %7s %6s %6s CMD\n", "PID",
			"PPID", "PGID", "SID", "UID", "EUID", "STAT", "VSZ",
			"RSS", "TIME");
	else
		printf("%5s %5s %5s %-4s CMD\n", "PID", "PPID", "UID", "STAT");
	for (int i = 0; i < n; i++) {
		const struct mica_procinfo *p = &t[i];
		unsigned long secs = p->utime / hz;

		if (!all && (p->flags & MICA_PI_SYSTEM))
			continue;
		if (lng)
			printf("%5d %5d %5d %5d %5u %5u %-4c %6uK %5uK %3lu:%02lu ",
				(int)p->pid, (int)p->ppid, (int)p->pgid,
				(int)p->sid, (unsigned)p->uid, (unsigned)p->euid,
				p->state, (unsigned)(p->vsize / 1024),
				(unsigned)(p->rss * 4), secs / 60, secs % 60);
		else
			printf("%5d %5d %5u %-4c ", (int)p->pid, (int)p->ppid,
				(unsigned)p->uid, p->state);
		print_name(p);
	}
	free(t);
	return fflush(stdout) == 0 ? 0 : cmd_err("write error");
}
